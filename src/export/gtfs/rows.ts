/**
 * The records of each GTFS file, one generator per file, in the order GTFS readers that
 * stream expect (gtfs-utils checks it): stops, routes and agencies by id, trips and their
 * stop times by trip id, stop times by sequence, calendar dates by service id, shape points
 * by shape id and sequence. A command line can pipe any of them, stop times included, into
 * a csv-stringify stream without the whole file in memory.
 */
import { compareText } from "../../util/order.js";
import type { GtfsFileName, GtfsRow } from "./columns.js";
import type { FeedContext, FeedTrip } from "./context.js";
import { formatGtfsDate, formatGtfsTime } from "./service-time.js";

/** `route_type` of a bus. */
const BUS = 3;
/** `pickup_type` / `drop_off_type`: regular, or none. */
const REGULAR = 0;
const NONE = 1;

/** A name for a record: the data's, or its id when the name is blank. */
function named(name: string | undefined, id: string): string {
  return name !== undefined && name.trim() !== "" ? name : id;
}

/** The agencies: one per enterprise with a loop in the roster (`*` for mixed loops). */
export function* agencyRows(context: FeedContext): Generator<GtfsRow<"agency.txt">> {
  const ids = [...new Set(context.loops.map(({ loop }) => loop.enterpriseId))].sort(compareText);
  for (const id of ids)
    yield {
      agency_id: id,
      agency_name:
        id === "*"
          ? "Shared closed loops (several enterprises)"
          : named(context.model.enterprises.get(id)?.name, id),
      agency_url: context.options.agencyUrl,
      agency_timezone: context.model.zone,
    };
}

/** The stops: one per site of the scenario. */
export function* stopRows(context: FeedContext): Generator<GtfsRow<"stops.txt">> {
  for (const { site, position } of context.stops)
    yield {
      stop_id: site.id,
      stop_name: named(site.name, site.id),
      stop_desc: site.kind === "dormitory" ? "staff dormitory" : "plant",
      stop_lat: position.lat,
      stop_lon: position.lon,
      location_type: 0,
    };
}

/** The routes: one per loop, numbered in loop-id order, named dormitory → plant. */
export function* routeRows(context: FeedContext): Generator<GtfsRow<"routes.txt">> {
  let number = 0;
  for (const { loop, dormitory, plant } of context.loops) {
    number += 1;
    const enterprise =
      loop.enterpriseId === "*"
        ? "several enterprises"
        : named(context.model.enterprises.get(loop.enterpriseId)?.name, loop.enterpriseId);
    yield {
      route_id: loop.id,
      agency_id: loop.enterpriseId,
      route_short_name: String(number),
      route_long_name: `${named(dormitory.name, dormitory.id)} → ${named(plant.name, plant.id)}`,
      route_desc: `Closed loop of ${enterprise}: staff only, dormitory to plant and back`,
      route_type: BUS,
    };
  }
}

/** The trips, by trip id: the vehicle is the block, the service day the service. */
export function* tripRows(context: FeedContext): Generator<GtfsRow<"trips.txt">> {
  for (const { trip, serviceDay, shape } of context.trips)
    yield {
      route_id: trip.loopId,
      service_id: formatGtfsDate(serviceDay),
      trip_id: trip.id,
      trip_headsign: named(context.model.sites.get(trip.to)?.name, trip.to),
      direction_id: trip.direction === "to-plant" ? 0 : 1,
      block_id: trip.vehicleId,
      shape_id: shape?.id,
    };
}

/** The two stop times of a trip: boarding at `from`, alighting at `to` (neither on an empty run). */
function stopTimesOf(feedTrip: FeedTrip): GtfsRow<"stop_times.txt">[] {
  const { trip, departSeconds, arriveSeconds, shape } = feedTrip;
  const empty = trip.passengers.length === 0;
  const distances = shape?.distances;
  const depart = formatGtfsTime(departSeconds);
  const arrive = formatGtfsTime(arriveSeconds);
  return [
    {
      trip_id: trip.id,
      arrival_time: depart,
      departure_time: depart,
      stop_id: trip.from,
      stop_sequence: 1,
      pickup_type: empty ? NONE : REGULAR,
      drop_off_type: NONE,
      shape_dist_traveled: distances === undefined ? undefined : 0,
      timepoint: 1,
    },
    {
      trip_id: trip.id,
      arrival_time: arrive,
      departure_time: arrive,
      stop_id: trip.to,
      stop_sequence: 2,
      pickup_type: NONE,
      drop_off_type: empty ? NONE : REGULAR,
      shape_dist_traveled: distances?.at(-1),
      timepoint: 1,
    },
  ];
}

/** The stop times, by trip id and sequence: two per trip. */
export function* stopTimeRows(context: FeedContext): Generator<GtfsRow<"stop_times.txt">> {
  for (const feedTrip of context.trips) yield* stopTimesOf(feedTrip);
}

/** The calendar: each service day is a service of its own, added on that date only. */
export function* calendarDateRows(context: FeedContext): Generator<GtfsRow<"calendar_dates.txt">> {
  for (const day of context.serviceDays) {
    const date = formatGtfsDate(day);
    yield { service_id: date, date, exception_type: 1 };
  }
}

/** The feed's publisher and dates: the calendar's first and last day (the horizon without trips). */
export function* feedInfoRows(context: FeedContext): Generator<GtfsRow<"feed_info.txt">> {
  const first = context.serviceDays[0] ?? context.model.firstDay;
  const last = context.serviceDays.at(-1) ?? context.model.firstDay + context.model.days - 1;
  yield {
    feed_publisher_name: context.options.publisherName,
    feed_publisher_url: context.options.publisherUrl,
    feed_lang: context.options.lang,
    feed_start_date: formatGtfsDate(first),
    feed_end_date: formatGtfsDate(last),
  };
}

/** The shape points, by shape id and sequence. */
export function* shapeRows(context: FeedContext): Generator<GtfsRow<"shapes.txt">> {
  for (const shape of context.shapes)
    for (let k = 0; k < shape.points.length; k++) {
      const point = shape.points[k] as { lat: number; lon: number };
      yield {
        shape_id: shape.id,
        shape_pt_lat: point.lat,
        shape_pt_lon: point.lon,
        shape_pt_sequence: k + 1,
        shape_dist_traveled: shape.distances?.[k],
      };
    }
}

/** Each file's generator. */
export const ROW_SOURCES: { [F in GtfsFileName]: (context: FeedContext) => Iterable<GtfsRow<F>> } =
  {
    "agency.txt": agencyRows,
    "stops.txt": stopRows,
    "routes.txt": routeRows,
    "trips.txt": tripRows,
    "stop_times.txt": stopTimeRows,
    "calendar_dates.txt": calendarDateRows,
    "feed_info.txt": feedInfoRows,
    "shapes.txt": shapeRows,
  };
