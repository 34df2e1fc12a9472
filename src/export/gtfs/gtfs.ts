/**
 * `toGtfs` (SPEC §7.3): a roster as a GTFS Schedule feed, so that trip planners, maps and
 * transit tools show the shuttles — ids carried over (stop = site, route = loop, trip =
 * trip, block = vehicle, service = local date of departure), times counted from noon minus
 * 12 h, empty runs kept so a block is a vehicle's whole day, shapes from `roads.nodes`.
 * `gtfsFeed` hands out each file's records one by one for writing a feed as a stream.
 * `toGtfs` writes them with the line writer of csv-line.ts (csv-stringify quotes what needs
 * quoting), taking each record's values in the column table's order.
 */
import type { Options } from "csv-stringify";
import type { Scenario, ScenarioInput } from "../../scenario/schema.js";
import { CsvLineWriter, textChunks } from "../csv/csv-line.js";
import { GTFS_COLUMNS, GTFS_FILES, type GtfsFileName, type GtfsRow } from "./columns.js";
import { feedContext, type ToGtfsOptions } from "./context.js";
import { ROW_SOURCES } from "./rows.js";

/** The feed's files by name, each a CSV string; `shapes.txt` only when a trip has a shape. */
export type GtfsFiles = { [F in Exclude<GtfsFileName, "shapes.txt">]: string } & {
  "shapes.txt"?: string;
};

/** A feed whose records are made on demand, file by file. */
export interface GtfsFeed {
  /** The files this feed has, in the order `toGtfs` writes them. */
  readonly files: readonly GtfsFileName[];
  /** A file's records in order, made as they are iterated (each call starts afresh). */
  rows<F extends GtfsFileName>(file: F): Iterable<GtfsRow<F>>;
}

/**
 * The csv-stringify options a GTFS file is written with: its header from the column table,
 * LF line ends, fields quoted where RFC 4180 needs it. The same for the sync API here and a
 * stream (`stringify(gtfsCsvOptions("stop_times.txt"))`).
 *
 * @example
 * gtfsCsvOptions("calendar_dates.txt").columns //=> ["service_id", "date", "exception_type"]
 */
export function gtfsCsvOptions(file: GtfsFileName): Options & { columns: string[] } {
  return { header: true, columns: [...GTFS_COLUMNS[file]] };
}

/**
 * Prepares a roster's GTFS feed without writing it: every check `toGtfs` makes is made
 * here, and `rows(file)` then yields a file's records in order, for a writer that streams
 * (stop times of a district-sized roster run to millions of lines).
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster of the §5 shape
 * @param options - publisher, agency URL and feed language (see {@link ToGtfsOptions})
 * @returns the feed's file list and a row generator per file
 * @throws {RosterError} when the roster is not of the §5 shape
 * @throws {InvalidArgumentError} for a site without coordinates (named), or bad options
 * @throws {NotFoundError} for a trip naming a loop the roster lacks, or a site the scenario lacks
 * @example
 * const feed = gtfsFeed(scenario, roster);
 * const out = stringify(gtfsCsvOptions("stop_times.txt")); // a csv-stringify stream
 * for (const row of feed.rows("stop_times.txt")) out.write(row);
 */
export function gtfsFeed(
  scenario: ScenarioInput | Scenario,
  roster: unknown,
  options?: ToGtfsOptions | undefined,
): GtfsFeed {
  const context = feedContext(scenario, roster, options);
  const files = GTFS_FILES.filter((file) => file !== "shapes.txt" || context.shapes.length > 0);
  return {
    files,
    rows: <F extends GtfsFileName>(file: F) =>
      (ROW_SOURCES[file] as (c: typeof context) => Iterable<GtfsRow<F>>)(context),
  };
}

/**
 * Writes a roster as a GTFS Schedule feed: one stop per site (its `lat`/`lon`, else its
 * road node's), one agency per enterprise running a loop, one route per loop (bus,
 * `route_type` 3, named dormitory → plant), one trip per roster trip (`direction_id` 0 to
 * the plant, 1 to the dormitory; `block_id` its vehicle; `service_id` its local date of
 * departure `YYYYMMDD`, each service running on that date only per `calendar_dates.txt`),
 * two stop times per trip counted from noon minus 12 h of the service day (past 24:00:00
 * after midnight; an empty run neither picks up nor drops off), and `shapes.txt` with the
 * km travelled when every node of a trip's path has a position in `roads.nodes`.
 *
 * A departure before noon minus 12 h of its local date (the first hour after midnight on a
 * day the clocks go back at 02:00) cannot be written on that date and runs on the day
 * before's service, at 24:xx.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster of the §5 shape
 * @param options - publisher, agency URL and feed language (see {@link ToGtfsOptions})
 * @returns the files by name, each a CSV string with a header and LF line ends
 * @throws {RosterError} when the roster is not of the §5 shape
 * @throws {InvalidArgumentError} for a site without coordinates (named), or bad options
 * @throws {NotFoundError} for a trip naming a loop the roster lacks, or a site the scenario lacks
 * @example
 * const scenario = jinshanScenario();
 * const feed = toGtfs(scenario, planRoster(scenario));
 * feed["calendar_dates.txt"].split("\n")[1] //=> "20220516,20220516,1"
 * feed["stops.txt"].startsWith("stop_id,stop_name,stop_desc,stop_lat,stop_lon") //=> true
 */
export function toGtfs(
  scenario: ScenarioInput | Scenario,
  roster: unknown,
  options?: ToGtfsOptions | undefined,
): GtfsFiles {
  const feed = gtfsFeed(scenario, roster, options);
  const files: Partial<Record<GtfsFileName, string>> = {};
  for (const file of feed.files) files[file] = Array.from(gtfsCsvChunks(feed, file)).join("");
  return files as GtfsFiles;
}

/**
 * One file of a feed as CSV text in chunks of about 64 Ki characters, the header in the
 * first: the text `toGtfs` gives that file, for writing it piece by piece.
 *
 * @param feed - from {@link gtfsFeed}
 * @param file - one of `feed.files`
 * @returns a generator of strings that, joined, are the file's text
 * @example
 * for (const chunk of gtfsCsvChunks(feed, "stop_times.txt")) out.write(chunk);
 */
export function* gtfsCsvChunks(feed: GtfsFeed, file: GtfsFileName): Generator<string, void> {
  const csv = new CsvLineWriter(gtfsCsvOptions(file));
  const columns: readonly string[] = GTFS_COLUMNS[file];
  function* lines() {
    const values: (string | number | undefined)[] = [];
    for (const row of feed.rows(file) as Iterable<Record<string, string | number | undefined>>) {
      for (let c = 0; c < columns.length; c++) values[c] = row[columns[c] as string];
      yield csv.line(values);
    }
  }
  yield* textChunks(csv.head, lines());
}
