/**
 * The files of the GTFS feed and their fields, each listed once (as node-gtfs models every
 * file of the GTFS Schedule reference): the header written, the order of a row's values,
 * and the type of a row all come from this table.
 * [Reference]: https://gtfs.org/documentation/schedule/reference/
 */

/** Every file `toGtfs` may write, with its fields in the order written. */
export const GTFS_COLUMNS = {
  "agency.txt": ["agency_id", "agency_name", "agency_url", "agency_timezone"],
  "stops.txt": ["stop_id", "stop_name", "stop_desc", "stop_lat", "stop_lon", "location_type"],
  "routes.txt": [
    "route_id",
    "agency_id",
    "route_short_name",
    "route_long_name",
    "route_desc",
    "route_type",
  ],
  "trips.txt": [
    "route_id",
    "service_id",
    "trip_id",
    "trip_headsign",
    "direction_id",
    "block_id",
    "shape_id",
  ],
  "stop_times.txt": [
    "trip_id",
    "arrival_time",
    "departure_time",
    "stop_id",
    "stop_sequence",
    "pickup_type",
    "drop_off_type",
    "shape_dist_traveled",
    "timepoint",
  ],
  "calendar_dates.txt": ["service_id", "date", "exception_type"],
  "feed_info.txt": [
    "feed_publisher_name",
    "feed_publisher_url",
    "feed_lang",
    "feed_start_date",
    "feed_end_date",
  ],
  "shapes.txt": [
    "shape_id",
    "shape_pt_lat",
    "shape_pt_lon",
    "shape_pt_sequence",
    "shape_dist_traveled",
  ],
} as const satisfies Record<string, readonly string[]>;

/** A file name of the feed, `"agency.txt"` … `"shapes.txt"`. */
export type GtfsFileName = keyof typeof GTFS_COLUMNS;

/** A field of one file. */
export type GtfsField<F extends GtfsFileName> = (typeof GTFS_COLUMNS)[F][number];

/** One record of a file: every field named, `undefined` where it is left empty. */
export type GtfsRow<F extends GtfsFileName> = {
  [K in GtfsField<F>]: string | number | undefined;
};

/** The files in the order `toGtfs` lists them; `shapes.txt` only when a trip has a shape. */
export const GTFS_FILES = Object.keys(GTFS_COLUMNS) as readonly GtfsFileName[];
