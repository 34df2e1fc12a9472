/**
 * A second reader for the GTFS feed: node-gtfs (`gtfs` 4.x), which imports a feed into
 * SQLite through better-sqlite3. That compiles from source, so it is not a dependency of
 * this package; install it apart and point this script at it:
 *
 *   mkdir -p /tmp/gtfs-check && cd /tmp/gtfs-check && npm init -y && npm i gtfs@4.17 better-sqlite3@12
 *   npx tsx scripts/check-gtfs-sqlite.ts /tmp/gtfs-check/node_modules
 *   # or GTFS_NODE_MODULES=/tmp/gtfs-check/node_modules npx tsx scripts/check-gtfs-sqlite.ts
 *
 * It writes the Jinshan feed (roster from planRoster) to a temp folder, imports it with
 * `importGtfs` into a temp database, and compares trips per route, stop times per trip (as
 * instants: the service date's noon minus 12 h plus node-gtfs's seconds) and blocks per
 * vehicle and service day with the roster. Prints PASS/FAIL per check; exit 0 all pass (or
 * node-gtfs not found: SKIP), 1 a check failed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DateTime } from "luxon";
import { toGtfs } from "../src/export/gtfs/gtfs.js";
import { jinshanScenario, planRoster, type Roster } from "../src/index.js";

type Row = Record<string, string | number | null>;
type Query = (
  where?: Record<string, unknown>,
  fields?: string[],
  orderBy?: [string, "ASC" | "DESC"][],
  options?: { db?: unknown },
) => Row[];
interface NodeGtfs {
  importGtfs(config: {
    agencies: { path: string }[];
    sqlitePath: string;
    verbose?: boolean;
  }): Promise<void>;
  openDb(config: { sqlitePath: string }): { close(): void };
  getTrips: Query;
  getStoptimes: Query;
  getRoutes: Query;
  getStops: Query;
  getCalendarDates: Query;
  getShapes: Query;
}

async function loadNodeGtfs(modules: string): Promise<{ gtfs: NodeGtfs; version: string }> {
  const pkg = JSON.parse(readFileSync(join(modules, "gtfs", "package.json"), "utf8")) as {
    version: string;
    exports: { ".": { import: string } };
  };
  const sqlite = JSON.parse(
    readFileSync(join(modules, "better-sqlite3", "package.json"), "utf8"),
  ) as { version: string };
  const entry = pathToFileURL(join(modules, "gtfs", pkg.exports["."].import)).href;
  const gtfs = (await import(entry)) as NodeGtfs;
  return { gtfs, version: `gtfs ${pkg.version}, better-sqlite3 ${sqlite.version}` };
}

/** Ids grouped by a key, each group sorted, as one comparable string. */
function grouped(pairs: [key: string, id: string][]): string {
  const groups = new Map<string, string[]>();
  for (const [key, id] of pairs) groups.set(key, [...(groups.get(key) ?? []), id]);
  return JSON.stringify([...groups].map(([key, ids]) => [key, ids.sort()]).sort());
}

function localDate(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toISODate() ?? "";
}

function instant(serviceId: string, seconds: number, zone: string): number {
  const date = `${serviceId.slice(0, 4)}-${serviceId.slice(4, 6)}-${serviceId.slice(6)}`;
  const base = DateTime.fromISO(`${date}T12:00`, { zone }).minus({ hours: 12 });
  return base.toMillis() + seconds * 1000;
}

async function main(): Promise<number> {
  const modules = process.argv[2] ?? process.env.GTFS_NODE_MODULES;
  if (modules === undefined) {
    console.log("SKIP: give node-gtfs's node_modules folder as an argument or GTFS_NODE_MODULES");
    return 0;
  }
  let loaded: { gtfs: NodeGtfs; version: string };
  try {
    loaded = await loadNodeGtfs(modules);
  } catch (error) {
    console.log(`SKIP: node-gtfs cannot be imported from ${modules}: ${String(error)}`);
    return 0;
  }
  const { gtfs, version } = loaded;
  console.log(`node-gtfs: ${version}, Node ${process.version}`);

  const scenario = jinshanScenario();
  const roster: Roster = planRoster(scenario);
  const zone = scenario.timeZone;
  const folder = mkdtempSync(join(tmpdir(), "gtfs-check-"));
  try {
    const feed = join(folder, "feed");
    const sqlitePath = join(folder, "gtfs.sqlite");
    const files = toGtfs(scenario, roster);
    mkdirSync(feed);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(feed, name), text);
    await gtfs.importGtfs({ agencies: [{ path: feed }], sqlitePath, verbose: false });
    const db = gtfs.openDb({ sqlitePath });
    const options = { db };

    const failures: string[] = [];
    const check = (name: string, ok: boolean, detail = "") => {
      console.log(`${ok ? "PASS" : "FAIL"}  ${name}${ok || detail === "" ? "" : `: ${detail}`}`);
      if (!ok) failures.push(name);
    };

    const trips = gtfs.getTrips({}, [], [], options);
    check(
      `trips: ${trips.length} imported, ${roster.trips.length} in the roster`,
      trips.length === roster.trips.length,
    );
    check(
      "trips per route = the roster's trips per loop",
      grouped(trips.map((t) => [String(t.route_id), String(t.trip_id)])) ===
        grouped(roster.trips.map((t) => [t.loopId, t.id])),
    );
    check(
      "blocks per vehicle and service day = the roster's trips per vehicle and local date",
      grouped(trips.map((t) => [`${t.block_id} ${t.service_id}`, String(t.trip_id)])) ===
        grouped(
          roster.trips.map((t) => [
            `${t.vehicleId} ${localDate(t.depart, zone).replaceAll("-", "")}`,
            t.id,
          ]),
        ),
    );

    const service = new Map(trips.map((t) => [String(t.trip_id), String(t.service_id)]));
    const stopTimes = gtfs.getStoptimes(
      {},
      [],
      [
        ["trip_id", "ASC"],
        ["stop_sequence", "ASC"],
      ],
      options,
    );
    const byTrip = new Map<string, Row[]>();
    for (const row of stopTimes)
      byTrip.set(String(row.trip_id), [...(byTrip.get(String(row.trip_id)) ?? []), row]);
    const wrong = roster.trips.filter((trip) => {
      const [board, alight, ...more] = byTrip.get(trip.id) ?? [];
      const serviceId = service.get(trip.id) ?? "";
      return (
        more.length > 0 ||
        board?.stop_id !== trip.from ||
        alight?.stop_id !== trip.to ||
        instant(serviceId, Number(board?.departure_timestamp), zone) !== Date.parse(trip.depart) ||
        instant(serviceId, Number(alight?.arrival_timestamp), zone) !== Date.parse(trip.arrive)
      );
    });
    check(
      `stop times: two per trip, at the roster's stops and instants (${stopTimes.length} rows)`,
      wrong.length === 0 && stopTimes.length === 2 * roster.trips.length,
      wrong
        .slice(0, 3)
        .map((t) => t.id)
        .join(", "),
    );

    const dates = gtfs.getCalendarDates({}, [], [], options);
    check(
      "calendar dates: each service runs on its own date, every trip's service is listed",
      dates.every(
        (d) => String(d.service_id) === String(d.date) && Number(d.exception_type) === 1,
      ) && [...service.values()].every((id) => dates.some((d) => String(d.service_id) === id)),
    );
    check(
      "stops = sites, routes = loops",
      gtfs.getStops({}, [], [], options).length === scenario.sites.length &&
        gtfs.getRoutes({}, [], [], options).length === roster.loops.length,
    );
    const shapes = gtfs.getShapes({}, [], [], options);
    check(`shapes: ${shapes.length} points imported`, shapes.length > 0);
    db.close();
    console.log(failures.length === 0 ? "ALL PASS" : `${failures.length} FAILED`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      `FAIL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  },
);
