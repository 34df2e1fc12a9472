/**
 * What every file of the GTFS feed is written from, worked out once: the options checked,
 * each site's stop position, each loop's sites, and the trips in trip-id order (the order
 * GTFS readers that stream `trips.txt` beside `stop_times.txt` need) with their service day,
 * their stop times in seconds and their shape. Unknown ids fail here, before a row is made.
 */
import { parseRoster } from "../../roster/parse.js";
import type { Roster, RosterLoop, Trip } from "../../roster/schema.js";
import { type ScenarioModel, scenarioModel } from "../../scenario/model.js";
import type { Site } from "../../scenario/schema.js";
import type { DayNumber } from "../../time/civil-date.js";
import { parseInstant } from "../../time/instant.js";
import { InvalidArgumentError, NotFoundError } from "../../util/errors.js";
import { compareText } from "../../util/order.js";
import { nodePositions, type Position, sitePosition } from "./positions.js";
import { serviceClock } from "./service-time.js";
import { type GtfsShape, shapeBook } from "./shapes.js";

/** Options of `toGtfs` and `gtfsFeed`. */
export interface ToGtfsOptions {
  /** `feed_publisher_name`. Default `"closed-loop-commute"`. */
  publisherName?: string | undefined;
  /** `feed_publisher_url`, http(s). Default the package's npm page. */
  publisherUrl?: string | undefined;
  /** Every agency's `agency_url`, http(s). Default `publisherUrl`. */
  agencyUrl?: string | undefined;
  /** `feed_lang`, an IETF BCP 47 code. Default `"mul"` (names may be in several languages). */
  lang?: string | undefined;
}

/** The options with their defaults filled in. */
export interface FeedOptions {
  publisherName: string;
  publisherUrl: string;
  agencyUrl: string;
  lang: string;
}

/** A loop with the sites at its two ends. */
export interface FeedLoop {
  loop: RosterLoop;
  dormitory: Site;
  plant: Site;
}

/** A trip as the feed writes it. */
export interface FeedTrip {
  trip: Trip;
  serviceDay: DayNumber;
  /** Seconds from noon minus 12 h of the service day. */
  departSeconds: number;
  arriveSeconds: number;
  shape: GtfsShape | undefined;
}

/** Everything the rows are written from. */
export interface FeedContext {
  model: ScenarioModel;
  roster: Roster;
  options: FeedOptions;
  /** Every site of the scenario with its position, by id. */
  stops: { site: Site; position: Position }[];
  /** The roster's loops, by id. */
  loops: FeedLoop[];
  /** The trips, by trip id. */
  trips: FeedTrip[];
  /** The service days trips run on, ascending. */
  serviceDays: DayNumber[];
  /** The shapes trips follow, by id. */
  shapes: GtfsShape[];
}

/** The package's page, for `feed_publisher_url` and `agency_url` when none is given. */
export const DEFAULT_PUBLISHER_URL = "https://www.npmjs.com/package/closed-loop-commute";

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : `a value of type ${typeof value}`;
}

function text(name: string, value: unknown, fallback: string, url: boolean): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || value.trim() === "")
    throw new InvalidArgumentError(
      `options.${name} must be a non-empty string, got ${describe(value)}`,
    );
  if (url && !/^https?:\/\/[^\s/]+\S*$/.test(value))
    throw new InvalidArgumentError(
      `options.${name} must be an http(s) URL, got ${describe(value)}`,
    );
  return value;
}

function resolveOptions(options: ToGtfsOptions | undefined): FeedOptions {
  if (options !== undefined && (options === null || typeof options !== "object"))
    throw new InvalidArgumentError(`options must be an object, got ${describe(options)}`);
  const publisherUrl = text("publisherUrl", options?.publisherUrl, DEFAULT_PUBLISHER_URL, true);
  return {
    publisherName: text("publisherName", options?.publisherName, "closed-loop-commute", false),
    publisherUrl,
    agencyUrl: text("agencyUrl", options?.agencyUrl, publisherUrl, true),
    lang: text("lang", options?.lang, "mul", false),
  };
}

function siteOf(model: ScenarioModel, id: string, where: string): Site {
  const site = model.sites.get(id);
  if (site === undefined)
    throw new NotFoundError(`${where} names site ${JSON.stringify(id)}, which the scenario lacks`);
  return site;
}

/**
 * Reads the scenario, roster and options into a feed context.
 *
 * @throws {RosterError} when the roster is not of the §5 shape
 * @throws {InvalidArgumentError} for a site without coordinates, or bad options
 * @throws {NotFoundError} for a loop or trip naming a site the scenario lacks, or a trip
 *   naming a loop the roster lacks
 */
export function feedContext(
  scenario: unknown,
  roster: unknown,
  options?: ToGtfsOptions | undefined,
): FeedContext {
  const model = scenarioModel(scenario);
  const parsed = parseRoster(roster);
  const resolved = resolveOptions(options);
  const nodes = nodePositions(model);
  const stops = [...model.scenario.sites]
    .sort((a, b) => compareText(a.id, b.id))
    .map((site) => ({ site, position: sitePosition(site, nodes) }));
  const loops = parsed.loops
    .map((loop, index) => ({
      loop,
      dormitory: siteOf(model, loop.dormitoryId, `loops[${index}].dormitoryId`),
      plant: siteOf(model, loop.plantId, `loops[${index}].plantId`),
    }))
    .sort((a, b) => compareText(a.loop.id, b.loop.id));
  const loopIds = new Set(parsed.loops.map((loop) => loop.id));
  const clock = serviceClock(model.zone);
  const shapes = shapeBook(model, parsed.loops, nodes);
  const order = parsed.trips.map((_, index) => index);
  order.sort((a, b) => compareText((parsed.trips[a] as Trip).id, (parsed.trips[b] as Trip).id));
  const days = new Set<DayNumber>();
  const trips = order.map((index): FeedTrip => {
    const trip = parsed.trips[index] as Trip;
    if (!loopIds.has(trip.loopId))
      throw new NotFoundError(
        `trips[${index}].loopId names loop ${JSON.stringify(trip.loopId)}, which the roster lacks`,
      );
    siteOf(model, trip.from, `trips[${index}].from`);
    siteOf(model, trip.to, `trips[${index}].to`);
    // A roster of the §5 shape has parseable instants.
    const depart = parseInstant(trip.depart) ?? 0;
    const arrive = parseInstant(trip.arrive) ?? depart;
    const serviceDay = clock.serviceDayOf(depart);
    days.add(serviceDay);
    return {
      trip,
      serviceDay,
      departSeconds: clock.secondsInto(serviceDay, depart),
      arriveSeconds: clock.secondsInto(serviceDay, arrive),
      shape: shapes.shapeOf(trip),
    };
  });
  return {
    model,
    roster: parsed,
    options: resolved,
    stops,
    loops,
    trips,
    serviceDays: [...days].sort((a, b) => a - b),
    shapes: shapes.shapes(),
  };
}
