/**
 * toGtfs / gtfsFeed (SPEC §7.3). The feed is read back by consumers we did not write:
 * gtfs-utils 5 (trips, stops, services, absolute stop times computed from the service date
 * and the agency's zone, shapes) and csv-parse (every file's header and records), and what
 * they rebuild is compared with the roster: trips per route, stop times per trip as
 * instants, blocks per vehicle and day, service dates, shapes along the paths. Jinshan as
 * planned and re-planned, a night past midnight, New York's two DST days, and generated
 * scenarios.
 */
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { test } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type GtfsFiles, gtfsCsvOptions, gtfsFeed, toGtfs } from "../../src/export/gtfs/gtfs.js";
import {
  InvalidArgumentError,
  jinshanScenario,
  NotFoundError,
  parseScenario,
  planRoster,
  type Roster,
  RosterError,
  replan,
  type ScenarioInput,
} from "../../src/index.js";
import { scenarioArbitrary } from "../arbitraries/scenario.js";
import { oneLoopScenario } from "../fixtures/one-loop.js";

// --- gtfs-utils, a CommonJS package without types: the functions used, typed here ---------
type Row = Record<string, string>;
type ReadFile = (name: string) => Promise<AsyncIterable<Row>>;
interface Store<V> extends AsyncIterable<[string, V]> {
  get(key: string): Promise<V | null>;
}
interface Stopover {
  stop_id: string;
  trip_id: string;
  service_id: string;
  route_id: string;
  arrival: number;
  departure: number;
}
interface ShapePoint {
  shape_pt_lat: number;
  shape_pt_lon: number;
  shape_pt_sequence: number;
  shape_dist_traveled: number;
}
const require = createRequire(import.meta.url);
const readCsv = require("gtfs-utils/read-csv.js") as (
  source: Readable,
) => Promise<AsyncIterable<Row>>;
const readStops = require("gtfs-utils/read-stops.js") as (
  readFile: ReadFile,
) => Promise<Store<Row>>;
const readTrips = require("gtfs-utils/read-trips.js") as (
  readFile: ReadFile,
) => Promise<Store<Row>>;
const readServices = require("gtfs-utils/read-services-and-exceptions.js") as (
  readFile: ReadFile,
  timezone: string,
) => AsyncIterable<[string, string[]]>;
const computeStopovers = require("gtfs-utils/compute-stopovers.js") as (
  readFile: ReadFile,
  timezone: string,
) => AsyncIterable<Stopover>;
const readShapes = require("gtfs-utils/read-shapes.js") as (
  readFile: ReadFile,
) => AsyncIterable<[string, ShapePoint[]]>;

/** gtfs-utils' `readFile` over the feed in memory; a file the feed lacks is "not found". */
function reader(files: GtfsFiles): ReadFile {
  return async (name) => {
    const text = (files as Record<string, string | undefined>)[`${name}.txt`];
    if (text === undefined)
      throw Object.assign(new Error(`${name}.txt not in the feed`), { code: "ENOENT" });
    return readCsv(Readable.from([Buffer.from(text)]));
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Records of one file as objects, read by csv-parse. */
function records(files: GtfsFiles, name: keyof GtfsFiles): Row[] {
  return parse(files[name] ?? "", { columns: true }) as Row[];
}

// --- what the roster says, computed here with luxon ----------------------------------------

const seconds = (iso: string): number => Date.parse(iso) / 1000;

function localDate(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toISODate() ?? "";
}

/** GTFS's "noon minus 12 h" of a local date, as epoch seconds. */
function noonMinus12h(date: string, zone: string): number {
  return DateTime.fromISO(`${date}T12:00`, { zone }).minus({ hours: 12 }).toSeconds();
}

/** The service date a departure is written under: its local date, unless before that date's base. */
function expectedServiceDate(depart: string, zone: string): string {
  const date = localDate(depart, zone);
  if (seconds(depart) >= noonMinus12h(date, zone)) return date;
  return DateTime.fromISO(date).minus({ days: 1 }).toISODate() ?? "";
}

const gtfsDate = (date: string): string => date.replaceAll("-", "");

/** Ids grouped by a key, each group sorted. */
function groupIds<T>(
  items: readonly T[],
  key: (item: T) => string,
  id: (item: T) => string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    groups.set(key(item), list);
    list.push(id(item));
  }
  for (const list of groups.values()) list.sort();
  return groups;
}

/**
 * Rebuilds the roster's schedule from the feed through gtfs-utils and compares: trips per
 * route, each trip's two stops as instants, blocks per vehicle and service day, services'
 * dates.
 */
async function expectFeedMatchesRoster(
  files: GtfsFiles,
  roster: Roster,
  zone: string,
): Promise<void> {
  const readFile = reader(files);
  const tripStore = await readTrips(readFile);
  const trips = new Map<string, Row>();
  for await (const [id, trip] of tripStore) trips.set(id, trip);
  expect([...trips.keys()].sort()).toEqual(roster.trips.map((trip) => trip.id).sort());

  // Trips per route = the roster's trips per loop.
  const feedTrips = [...trips.values()];
  const feedId = (trip: Row) => trip.trip_id ?? "";
  const rosterId = (trip: Roster["trips"][number]) => trip.id;
  expect(groupIds(feedTrips, (trip) => trip.route_id ?? "", feedId)).toEqual(
    groupIds(roster.trips, (trip) => trip.loopId, rosterId),
  );
  // Blocks per vehicle and service day = the roster's trips of that vehicle and day.
  expect(groupIds(feedTrips, (trip) => `${trip.block_id} ${trip.service_id}`, feedId)).toEqual(
    groupIds(
      roster.trips,
      (trip) => `${trip.vehicleId} ${gtfsDate(expectedServiceDate(trip.depart, zone))}`,
      rosterId,
    ),
  );
  for (const trip of roster.trips) {
    const row = trips.get(trip.id);
    expect(row?.direction_id, trip.id).toBe(trip.direction === "to-plant" ? "0" : "1");
  }

  // Stop times as instants, computed by gtfs-utils from service date + time in the zone.
  const stopovers = new Map<string, Stopover[]>();
  for await (const stopover of computeStopovers(readFile, zone)) {
    const list = stopovers.get(stopover.trip_id) ?? [];
    stopovers.set(stopover.trip_id, list);
    list.push(stopover);
  }
  expect(stopovers.size).toBe(roster.trips.length);
  for (const trip of roster.trips) {
    const [board, alight, ...more] = stopovers.get(trip.id) ?? [];
    expect(more, trip.id).toEqual([]);
    expect(board?.stop_id, trip.id).toBe(trip.from);
    expect(alight?.stop_id, trip.id).toBe(trip.to);
    expect(board?.departure, `${trip.id} departs ${trip.depart}`).toBe(seconds(trip.depart));
    expect(alight?.arrival, `${trip.id} arrives ${trip.arrive}`).toBe(seconds(trip.arrive));
    expect(board?.route_id, trip.id).toBe(trip.loopId);
  }

  // Services: each runs on its own date only; every service of trips.txt is one of them.
  const services = new Map(await collect(readServices(readFile, zone)));
  for (const [id, dates] of services)
    expect(dates, id).toEqual([`${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6)}`]);
  const used = new Set(feedTrips.map((trip) => trip.service_id as string));
  for (const id of used) expect(services.has(id), id).toBe(true);
  expect(new Set(services.keys())).toEqual(used);
}

// --- GTFS Schedule reference: each file's fields, and those a file must have ---------------

const REFERENCE_FIELDS: Record<string, { all: string[]; required: string[] }> = {
  "agency.txt": {
    all: "agency_id agency_name agency_url agency_timezone agency_lang agency_phone agency_fare_url agency_email".split(
      " ",
    ),
    required: ["agency_name", "agency_url", "agency_timezone"],
  },
  "stops.txt": {
    all: "stop_id stop_code stop_name tts_stop_name stop_desc stop_lat stop_lon zone_id stop_url location_type parent_station stop_timezone wheelchair_boarding level_id platform_code".split(
      " ",
    ),
    required: ["stop_id", "stop_name", "stop_lat", "stop_lon"],
  },
  "routes.txt": {
    all: "route_id agency_id route_short_name route_long_name route_desc route_type route_url route_color route_text_color route_sort_order continuous_pickup continuous_drop_off network_id".split(
      " ",
    ),
    required: ["route_id", "route_type"],
  },
  "trips.txt": {
    all: "route_id service_id trip_id trip_headsign trip_short_name direction_id block_id shape_id wheelchair_accessible bikes_allowed".split(
      " ",
    ),
    required: ["route_id", "service_id", "trip_id"],
  },
  "stop_times.txt": {
    all: "trip_id arrival_time departure_time stop_id location_group_id location_id stop_sequence stop_headsign start_pickup_drop_off_window end_pickup_drop_off_window pickup_type drop_off_type continuous_pickup continuous_drop_off shape_dist_traveled timepoint pickup_booking_rule_id drop_off_booking_rule_id".split(
      " ",
    ),
    required: ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"],
  },
  "calendar_dates.txt": {
    all: ["service_id", "date", "exception_type"],
    required: ["service_id", "date", "exception_type"],
  },
  "feed_info.txt": {
    all: "feed_publisher_name feed_publisher_url feed_lang default_lang feed_start_date feed_end_date feed_version feed_contact_email feed_contact_url".split(
      " ",
    ),
    required: ["feed_publisher_name", "feed_publisher_url", "feed_lang"],
  },
  "shapes.txt": {
    all: "shape_id shape_pt_lat shape_pt_lon shape_pt_sequence shape_dist_traveled".split(" "),
    required: ["shape_id", "shape_pt_lat", "shape_pt_lon", "shape_pt_sequence"],
  },
};

// --- the Jinshan feed -----------------------------------------------------------------------

const jinshan = jinshanScenario();
const jinshanModel = parseScenario(jinshan);
const planned = planRoster(jinshan);
const plannedFeed = toGtfs(jinshan, planned);
const ZONE = "Asia/Shanghai";
const nodesOf = (scenario: ScenarioInput) =>
  new Map((scenario.roads.nodes ?? []).map((node) => [node.id, node]));

describe("toGtfs: the Jinshan feed, read by csv-parse", () => {
  it("has the files of SPEC §7.3, each a header of GTFS field names and whole records", () => {
    expect(Object.keys(plannedFeed).sort()).toEqual(Object.keys(REFERENCE_FIELDS).sort());
    for (const [name, text] of Object.entries(plannedFeed)) {
      const [header = [], ...rows] = parse(text, {}) as string[][];
      const reference = REFERENCE_FIELDS[name];
      expect(reference, name).toBeDefined();
      for (const field of header) expect(reference?.all, `${name}: ${field}`).toContain(field);
      for (const field of reference?.required ?? []) expect(header, name).toContain(field);
      expect(new Set(header).size, name).toBe(header.length);
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) expect(row.length, name).toBe(header.length);
    }
  });

  it("gives agencies the scenario's zone and enterprise names, and routes a bus each per loop", () => {
    const agencies = records(plannedFeed, "agency.txt");
    expect(new Set(agencies.map((agency) => agency.agency_timezone))).toEqual(new Set([ZONE]));
    const enterprises = new Map(jinshan.enterprises.map((e) => [e.id, e.name]));
    for (const agency of agencies)
      expect(agency.agency_name).toBe(enterprises.get(agency.agency_id ?? ""));
    const routes = records(plannedFeed, "routes.txt");
    expect(routes.map((route) => route.route_id).sort()).toEqual(
      planned.loops.map((loop) => loop.id).sort(),
    );
    const sites = new Map(jinshan.sites.map((site) => [site.id, site.name]));
    for (const route of routes) {
      const loop = planned.loops.find((l) => l.id === route.route_id);
      expect(route.route_type).toBe("3");
      expect(route.agency_id).toBe(loop?.enterpriseId);
      expect(route.route_short_name).not.toBe("");
      expect(route.route_long_name).toContain(sites.get(loop?.dormitoryId ?? ""));
      expect(route.route_long_name).toContain(sites.get(loop?.plantId ?? ""));
    }
    expect(new Set(routes.map((route) => route.route_short_name)).size).toBe(routes.length);
  });

  it("lets empty runs neither pick up nor drop off, and carried trips board at the origin only", () => {
    const empty = new Set(planned.trips.filter((t) => t.passengers.length === 0).map((t) => t.id));
    expect(empty.size).toBeGreaterThan(0);
    for (const row of records(plannedFeed, "stop_times.txt")) {
      const first = row.stop_sequence === "1";
      const pickup = empty.has(row.trip_id ?? "") || !first ? "1" : "0";
      const dropOff = empty.has(row.trip_id ?? "") || first ? "1" : "0";
      expect([row.pickup_type, row.drop_off_type], row.trip_id).toEqual([pickup, dropOff]);
    }
  });

  it("dates the feed from the calendar's first to last day", () => {
    const [info] = records(plannedFeed, "feed_info.txt");
    const dates = records(plannedFeed, "calendar_dates.txt").map((row) => row.date ?? "");
    expect(info?.feed_start_date).toBe([...dates].sort()[0]);
    expect(info?.feed_end_date).toBe([...dates].sort().at(-1));
    expect(info?.feed_publisher_name).not.toBe("");
    expect(() => new URL(info?.feed_publisher_url ?? "")).not.toThrow();
    for (const row of records(plannedFeed, "calendar_dates.txt"))
      expect(row).toEqual({ service_id: row.date, date: row.date, exception_type: "1" });
  });
});

describe("toGtfs: the Jinshan feed, read by gtfs-utils", () => {
  it("rebuilds trips per route, stop times as instants, blocks per vehicle and day, services", async () => {
    await expectFeedMatchesRoster(plannedFeed, planned, ZONE);
  }, 60_000);

  it("puts one stop per site at its coordinates", async () => {
    const stops = await readStops(reader(plannedFeed));
    const nodes = nodesOf(jinshan);
    for (const site of jinshan.sites) {
      const stop = await stops.get(site.id);
      const at = site.lat !== undefined && site.lon !== undefined ? site : nodes.get(site.node);
      expect(stop?.stop_name, site.id).toBe(site.name);
      expect(Number(stop?.stop_lat), site.id).toBe(at?.lat);
      expect(Number(stop?.stop_lon), site.id).toBe(at?.lon);
    }
    expect(records(plannedFeed, "stops.txt")).toHaveLength(jinshan.sites.length);
  });

  it("draws each trip's shape through its path's nodes, from stop to stop, with the route's km", async () => {
    const shapes = new Map(await collect(readShapes(reader(plannedFeed))));
    const trips = new Map(records(plannedFeed, "trips.txt").map((row) => [row.trip_id, row]));
    const nodes = nodesOf(jinshan);
    const stops = new Map(records(plannedFeed, "stops.txt").map((row) => [row.stop_id, row]));
    const used = new Set<string>();
    for (const trip of planned.trips) {
      const shapeId = trips.get(trip.id)?.shape_id ?? "";
      used.add(shapeId);
      const points = shapes.get(shapeId) ?? [];
      expect(
        points.map((p) => [p.shape_pt_lat, p.shape_pt_lon]),
        trip.id,
      ).toEqual(trip.path.map((node) => [nodes.get(node)?.lat, nodes.get(node)?.lon]));
      const ends = [stops.get(trip.from), stops.get(trip.to)].map((s) => [
        Number(s?.stop_lat),
        Number(s?.stop_lon),
      ]);
      expect([points[0], points.at(-1)].map((p) => [p?.shape_pt_lat, p?.shape_pt_lon])).toEqual(
        ends,
      );
      const loop = planned.loops.find((l) => l.id === trip.loopId);
      const route = trip.direction === "to-plant" ? loop?.toPlant : loop?.toDormitory;
      expect(points.at(-1)?.shape_dist_traveled).toBeCloseTo(route?.km ?? -1, 3);
    }
    expect(new Set(shapes.keys())).toEqual(used);
    // stop_times carry the same distances: 0 at boarding, the route's km at alighting.
    const last = new Map(
      records(plannedFeed, "stop_times.txt")
        .filter((row) => row.stop_sequence === "2")
        .map((row) => [row.trip_id, Number(row.shape_dist_traveled)]),
    );
    for (const trip of planned.trips) {
      const shapeId = trips.get(trip.id)?.shape_id ?? "";
      expect(last.get(trip.id)).toBe(shapes.get(shapeId)?.at(-1)?.shape_dist_traveled);
    }
  });
});

describe("toGtfs: a re-planned Jinshan roster", () => {
  it("follows the new roster: trips, stop times, blocks and services as gtfs-utils reads them", async () => {
    const morning = planned.trips.find(
      (trip) => trip.depart.startsWith("2022-05-20") && trip.passengers.length > 0,
    );
    const enterprise = (trip: { loopId: string }) => trip.loopId.split("/")[0];
    const other = planned.trips.find(
      (trip) =>
        trip.depart.startsWith("2022-05-22") &&
        trip.passengers.length > 0 &&
        morning !== undefined &&
        enterprise(trip) !== enterprise(morning),
    );
    if (morning === undefined || other === undefined) throw new Error("no trips to change");
    const personId = morning.passengers[0]?.personId ?? "";
    const result = replan(jinshan, planned, [
      { kind: "positive-case", personId, date: "2022-05-20" },
      { kind: "vehicle-out", vehicleId: other.vehicleId, from: "2022-05-22" },
    ]);
    expect(result.summary.moved.length).toBeGreaterThan(0);
    const files = toGtfs(result.scenario, result.roster);
    await expectFeedMatchesRoster(files, result.roster, ZONE);
    // The vehicle out of service leaves the feed from its date; its riders' new vehicle is in it.
    const blocksFrom = (feed: GtfsFiles, vehicleId: string) =>
      records(feed, "trips.txt").filter(
        (row) => row.block_id === vehicleId && (row.service_id ?? "") >= "20220522",
      );
    expect(blocksFrom(plannedFeed, other.vehicleId).length).toBeGreaterThan(0);
    expect(blocksFrom(files, other.vehicleId)).toEqual([]);
    const replacement = result.summary.moved.find(
      (move) => move.before?.vehicleId === other.vehicleId,
    )?.after?.vehicleId;
    expect(blocksFrom(files, replacement ?? "").length).toBeGreaterThan(0);
  }, 60_000);
});

// --- past midnight and across DST changes -----------------------------------------------------

/** A one-loop scenario with positions for both nodes and the given shifts, zone and horizon. */
function loopScenario(options: {
  timeZone: string;
  start: string;
  days: number;
  shifts: { id: string; start: string; end: string }[];
  minutes: number;
  policy?: ScenarioInput["policy"];
}): ScenarioInput {
  const workers = options.shifts.flatMap((shift) =>
    Array.from({ length: 12 }, (_, n) => ({
      id: `${shift.id}-${n + 1}`,
      enterpriseId: "e1",
      dormitoryId: "d1",
      plantId: "p1",
      role: "worker" as const,
      schedule: { cycle: [shift.id], anchor: options.start },
    })),
  );
  return oneLoopScenario({
    workers,
    timeZone: options.timeZone,
    horizon: { start: options.start, days: options.days },
    shifts: options.shifts,
    roads: {
      edges: [{ from: "a", to: "b", minutes: options.minutes, km: options.minutes * 0.7 }],
      nodes: [
        { id: "a", lat: 40.7, lon: -74.0 },
        { id: "b", lat: 40.75, lon: -73.95 },
      ],
    },
    ...(options.policy === undefined ? {} : { policy: options.policy }),
  });
}

/** Each trip's written times, by trip id: [departure_time at boarding, arrival_time at alighting]. */
function writtenTimes(files: GtfsFiles): Map<string, string[]> {
  const times = new Map<string, string[]>();
  for (const row of records(files, "stop_times.txt")) {
    const list = times.get(row.trip_id ?? "") ?? [];
    times.set(row.trip_id ?? "", list);
    list.push(row.stop_sequence === "1" ? (row.departure_time ?? "") : (row.arrival_time ?? ""));
  }
  return times;
}

describe("toGtfs: times past midnight", () => {
  // Shift at 01:00, a 50-minute road, arrivals 10–45 minutes before: every ride in leaves
  // before midnight and arrives after it.
  const scenario = loopScenario({
    timeZone: ZONE,
    start: "2022-05-16",
    days: 3,
    shifts: [{ id: "late-night", start: "01:00", end: "09:00" }],
    minutes: 50,
    policy: { maxWaitMinutes: 50 },
  });
  const roster = planRoster(scenario);
  const files = toGtfs(scenario, roster);

  it("writes 24:00:00 and later exactly for the arrivals after local midnight", async () => {
    const times = writtenTimes(files);
    const service = new Map(
      records(files, "trips.txt").map((row) => [row.trip_id, row.service_id]),
    );
    let overnight = 0;
    for (const trip of roster.trips) {
      const [departTime, arriveTime] = times.get(trip.id) ?? [];
      const after = localDate(trip.arrive, ZONE) > localDate(trip.depart, ZONE);
      if (after) overnight += 1;
      expect(Number(arriveTime?.slice(0, 2)) >= 24, `${trip.id} ${arriveTime}`).toBe(after);
      expect(Number(departTime?.slice(0, 2)), trip.id).toBeLessThan(24);
      expect(service.get(trip.id), trip.id).toBe(gtfsDate(localDate(trip.depart, ZONE)));
    }
    expect(overnight).toBeGreaterThan(0);
    await expectFeedMatchesRoster(files, roster, ZONE);
  }, 60_000);
});

describe("toGtfs: DST days in America/New_York", () => {
  const NEW_YORK = "America/New_York";
  it.each([
    // Spring forward on 2022-03-13 at 02:00: noon − 12 h is 23:00 EST the day before, so a
    // ride in at 00:25 EST is written 01:25:00.
    ["2022-03-12", "spring forward", false],
    // Fall back on 2022-11-06 at 02:00: noon − 12 h is 01:00 EDT, so a ride in at 00:25 EDT
    // cannot be counted from that day and runs on 2022-11-05's service at 24:25:00.
    ["2022-11-05", "fall back", true],
  ])(
    "counts times from noon minus 12 h across the change (%s, %s)",
    async (start, _, back) => {
      const scenario = loopScenario({
        timeZone: NEW_YORK,
        start,
        days: 3,
        shifts: [
          { id: "night", start: "22:00", end: "06:00" },
          { id: "graveyard", start: "01:30", end: "09:30" },
          { id: "early", start: "01:00", end: "08:00" },
        ],
        minutes: 20,
      });
      const roster = planRoster(scenario);
      expect(roster.trips.length).toBeGreaterThan(0);
      const files = toGtfs(scenario, roster);
      await expectFeedMatchesRoster(files, roster, NEW_YORK);

      // The written time is the instant minus the service day's noon − 12 h, not the wall clock.
      const times = writtenTimes(files);
      const service = new Map(
        records(files, "trips.txt").map((row) => [row.trip_id, row.service_id]),
      );
      let offWall = 0;
      for (const trip of roster.trips) {
        const serviceId = service.get(trip.id) ?? "";
        const date = `${serviceId.slice(0, 4)}-${serviceId.slice(4, 6)}-${serviceId.slice(6)}`;
        expect(date, trip.id).toBe(expectedServiceDate(trip.depart, NEW_YORK));
        const since = seconds(trip.depart) - noonMinus12h(date, NEW_YORK);
        const [h, m, s] = (times.get(trip.id)?.[0] ?? "").split(":").map(Number);
        expect((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0), trip.id).toBe(since);
        const wall = DateTime.fromISO(trip.depart, { zone: NEW_YORK }).toFormat("HH:mm:ss");
        if (times.get(trip.id)?.[0] !== wall) offWall += 1;
      }
      // Some trips run in the hours the change shifts: a wall-clock feed would put them wrong.
      expect(offWall).toBeGreaterThan(0);
      const dayBefore = roster.trips.filter(
        (trip) => expectedServiceDate(trip.depart, NEW_YORK) !== localDate(trip.depart, NEW_YORK),
      );
      expect(dayBefore.length > 0).toBe(back);
    },
    60_000,
  );
});

// --- generated scenarios ------------------------------------------------------------------------

describe("toGtfs: generated scenarios", () => {
  test.prop([scenarioArbitrary({ maxWorkers: 40, maxDays: 4 })], { numRuns: 15 })(
    "every trip's stop times, read by gtfs-utils, are the roster's instants",
    async (input) => {
      const ids = [...new Set(input.roads.edges.flatMap((edge) => [edge.from, edge.to]))];
      const sited = input.sites.map((site) => site.node).filter((node) => !ids.includes(node));
      const nodes = [...ids, ...new Set(sited)].map((id, index) => ({
        id,
        lat: 30 + index / 100,
        lon: 120 + index / 50,
      }));
      // Sites whose node is on no road get their own coordinates instead.
      const scenario: ScenarioInput = {
        ...input,
        roads: { ...input.roads, nodes: nodes.filter((node) => ids.includes(node.id)) },
        sites: input.sites.map((site) =>
          ids.includes(site.node) ? site : { ...site, lat: 31, lon: 121 },
        ),
      };
      const roster = planRoster(scenario);
      const files = toGtfs(scenario, roster);
      await expectFeedMatchesRoster(files, roster, scenario.timeZone);
    },
    60_000,
  );
});

// --- the rest of the contract -------------------------------------------------------------------

describe("toGtfs: arguments", () => {
  it("refuses a roster not of the §5 shape with a RosterError", () => {
    expect(() => toGtfs(jinshan, {})).toThrow(RosterError);
    expect(() => toGtfs(jinshan, { ...planned, trips: [{ id: "t" }] })).toThrow(RosterError);
  });

  it("refuses a site without coordinates, naming it", () => {
    const scenario = structuredClone(jinshan);
    scenario.roads.nodes = (scenario.roads.nodes ?? []).filter(
      (node) => node.id !== "secco-plant-gate",
    );
    expect(() => toGtfs(scenario, planned)).toThrow(InvalidArgumentError);
    expect(() => toGtfs(scenario, planned)).toThrow(/"secco-plant"/);
    // Its own lat/lon are enough, and make its stop.
    const site = scenario.sites.find((s) => s.id === "secco-plant");
    if (site === undefined) throw new Error("no secco-plant");
    Object.assign(site, { lat: 30.77, lon: 121.4 });
    const stop = records(toGtfs(scenario, planned), "stops.txt").find(
      (row) => row.stop_id === "secco-plant",
    );
    expect([stop?.stop_lat, stop?.stop_lon]).toEqual(["30.77", "121.4"]);
  });

  it("leaves out a shape whose path has a node without a position, and shapes.txt with none", () => {
    const scenario = structuredClone(jinshan);
    scenario.roads.nodes = (scenario.roads.nodes ?? []).filter((node) => node.id !== "caojing");
    const files = toGtfs(scenario, planned);
    for (const row of records(files, "trips.txt")) {
      const trip = planned.trips.find((t) => t.id === row.trip_id);
      expect(row.shape_id === "", row.trip_id).toBe(trip?.path.includes("caojing"));
    }
    const positions = nodesOf(jinshan);
    const sited: ScenarioInput = {
      ...jinshan,
      roads: { edges: jinshan.roads.edges },
      sites: jinshan.sites.map((site) => {
        const node = positions.get(site.node);
        return { ...site, lat: node?.lat ?? 0, lon: node?.lon ?? 0 };
      }),
    };
    const plain = toGtfs(sited, planned);
    expect(plain["shapes.txt"]).toBeUndefined();
    expect(new Set(records(plain, "trips.txt").map((row) => row.shape_id))).toEqual(new Set([""]));
  });

  it("refuses a trip naming a loop the roster lacks, or a site the scenario lacks (NotFoundError)", () => {
    const [first, ...rest] = planned.trips;
    if (first === undefined) throw new Error("no trip");
    expect(() =>
      toGtfs(jinshan, { ...planned, trips: [{ ...first, loopId: "x/y/z" }, ...rest] }),
    ).toThrow(NotFoundError);
    expect(() =>
      toGtfs(jinshan, { ...planned, trips: [{ ...first, to: "nowhere" }, ...rest] }),
    ).toThrow(/"nowhere"/);
  });

  it("takes publisher, agency URL and language, and refuses bad ones", () => {
    const files = toGtfs(jinshan, planned, {
      publisherName: "Jinshan Economic Commission",
      publisherUrl: "https://example.org/feed",
      agencyUrl: "https://example.org/agency",
      lang: "zh",
    });
    expect(records(files, "feed_info.txt")[0]).toMatchObject({
      feed_publisher_name: "Jinshan Economic Commission",
      feed_publisher_url: "https://example.org/feed",
      feed_lang: "zh",
    });
    expect(new Set(records(files, "agency.txt").map((a) => a.agency_url))).toEqual(
      new Set(["https://example.org/agency"]),
    );
    expect(() => toGtfs(jinshan, planned, { publisherUrl: "example.org" })).toThrow(
      InvalidArgumentError,
    );
    expect(() => toGtfs(jinshan, planned, { lang: "" })).toThrow(InvalidArgumentError);
  });

  it("writes one agency for mixed loops", () => {
    const scenario = loopScenario({
      timeZone: ZONE,
      start: "2022-05-16",
      days: 2,
      shifts: [{ id: "day", start: "08:00", end: "17:00" }],
      minutes: 10,
      policy: { mixEnterprises: true },
    });
    const files = toGtfs(scenario, planRoster(scenario));
    expect(records(files, "agency.txt").map((a) => a.agency_id)).toEqual(["*"]);
    expect(new Set(records(files, "routes.txt").map((r) => r.agency_id))).toEqual(new Set(["*"]));
  });

  it("is pure: the same feed twice, the inputs untouched, a parsed scenario as good as its input", () => {
    const scenarioJson = JSON.stringify(jinshan);
    const rosterJson = JSON.stringify(planned);
    expect(toGtfs(jinshan, planned)).toEqual(plannedFeed);
    expect(toGtfs(jinshanModel, planned)).toEqual(plannedFeed);
    expect(JSON.stringify(jinshan)).toBe(scenarioJson);
    expect(JSON.stringify(planned)).toBe(rosterJson);
  });
});

describe("gtfsFeed: records for a stream", () => {
  it("gives, through a csv-stringify stream, the same text as toGtfs, file by file", async () => {
    const feed = gtfsFeed(jinshan, planned);
    expect([...feed.files].sort()).toEqual(Object.keys(plannedFeed).sort());
    for (const file of feed.files) {
      const out = stringify(gtfsCsvOptions(file));
      const chunks: string[] = [];
      out.on("data", (chunk: Buffer | string) => chunks.push(String(chunk)));
      const done = new Promise((resolve) => out.on("end", resolve));
      for (const row of feed.rows(file)) out.write(row);
      out.end();
      await done;
      expect(chunks.join(""), file).toBe(plannedFeed[file]);
    }
    // Each call starts afresh.
    expect([...feed.rows("calendar_dates.txt")]).toEqual([...feed.rows("calendar_dates.txt")]);
  });
});
