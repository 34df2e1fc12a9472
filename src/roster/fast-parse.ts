/**
 * A hand-written fast path for the roster shape. A planned roster holds millions of
 * boardings and tests; zod takes seconds over them. This reads each field once, checks it
 * as `rosterSchema` would, and copies it into a fresh roster. It only ever says "yes, and
 * here is the copy" or "not sure": anything it does not accept goes to zod, which stays the
 * reference and gives the issues with their paths. (A test holds the two to agreement.)
 */
import { parseCivilDate } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";
import type { Roster } from "./schema.js";

type Plain = Record<string, unknown>;

/** Thrown inside to give up on the fast path; never escapes. */
const NOT_SURE = Symbol("not sure");

function object(value: unknown, keyCount: number): Plain {
  if (
    typeof value !== "object" ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    throw NOT_SURE;
  let count = 0;
  for (const _ in value) count++;
  if (count !== keyCount) throw NOT_SURE;
  return value as Plain;
}

function array(value: unknown): unknown[] {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) throw NOT_SURE;
  return value;
}

/** Like `Array#map`, but visits holes too (zod sees a hole as `undefined`, and so must we). */
function each<T>(value: unknown, read: (item: unknown) => T): T[] {
  const list = array(value);
  const out = new Array<T>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = read(list[i]);
  return out;
}

function id(value: unknown): string {
  if (typeof value !== "string" || value.length === 0) throw NOT_SURE;
  return value;
}

function text(value: unknown): string {
  if (typeof value !== "string") throw NOT_SURE;
  return value;
}

function integer(
  value: unknown,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max)
    throw NOT_SURE;
  return value as number;
}

function nonNegative(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw NOT_SURE;
  return value;
}

function date(value: unknown): string {
  if (typeof value !== "string" || parseCivilDate(value) === undefined) throw NOT_SURE;
  return value;
}

function instant(value: unknown): string {
  if (typeof value !== "string" || parseInstant(value) === undefined) throw NOT_SURE;
  return value;
}

function ids(value: unknown): string[] {
  if (array(value).length === 0) throw NOT_SURE;
  return each(value, id);
}

function route(value: unknown): Roster["loops"][number]["toPlant"] {
  const o = object(value, 3);
  return { path: ids(o.path), minutes: nonNegative(o.minutes), km: nonNegative(o.km) };
}

function trip(value: unknown): Roster["trips"][number] {
  const o = object(value, 11);
  const direction = o.direction;
  if (direction !== "to-plant" && direction !== "to-dormitory") throw NOT_SURE;
  const passengers = each(o.passengers, (item) => {
    const p = object(item, 2);
    return { personId: id(p.personId), seat: integer(p.seat) };
  });
  return {
    id: id(o.id),
    loopId: id(o.loopId),
    vehicleId: id(o.vehicleId),
    driverId: id(o.driverId),
    direction,
    from: id(o.from),
    to: id(o.to),
    path: ids(o.path),
    depart: instant(o.depart),
    arrive: instant(o.arrive),
    passengers,
  };
}

/** The roster, copied and checked, or `undefined` when zod must decide. Never throws. */
export function fastParseRoster(input: unknown): Roster | undefined {
  try {
    const o = object(input, 10);
    if (o.version !== 1) return undefined;
    const horizon = object(o.horizon, 2);
    const stats = object(o.stats, 6);
    const count = (value: unknown) => integer(value, 0);
    return {
      version: 1,
      timeZone: text(o.timeZone),
      horizon: { start: date(horizon.start), days: integer(horizon.days, 1, 366) },
      loops: each(o.loops, (item) => {
        const loop = object(item, 6);
        return {
          id: id(loop.id),
          enterpriseId: id(loop.enterpriseId),
          dormitoryId: id(loop.dormitoryId),
          plantId: id(loop.plantId),
          toPlant: route(loop.toPlant),
          toDormitory: route(loop.toDormitory),
        };
      }),
      vehicles: each(o.vehicles, (item) => {
        const entry = object(item, 3);
        return {
          vehicleId: id(entry.vehicleId),
          loopId: id(entry.loopId),
          driverId: id(entry.driverId),
        };
      }),
      assignments: each(o.assignments, (item) => {
        const a = object(item, 4);
        return {
          personId: id(a.personId),
          loopId: id(a.loopId),
          vehicleId: id(a.vehicleId),
          seat: integer(a.seat),
        };
      }),
      trips: each(o.trips, trip),
      tests: each(o.tests, (item) => {
        const t = object(item, 4);
        return {
          personId: id(t.personId),
          siteId: id(t.siteId),
          kind: id(t.kind),
          at: instant(t.at),
        };
      }),
      unserved: each(o.unserved, (item) => {
        const u = object(item, 3);
        return { personId: id(u.personId), date: date(u.date), reason: id(u.reason) };
      }),
      stats: {
        vehiclesUsed: count(stats.vehiclesUsed),
        fleetLowerBound: count(stats.fleetLowerBound),
        trips: count(stats.trips),
        emptyTrips: count(stats.emptyTrips),
        boardings: count(stats.boardings),
        unservedShifts: count(stats.unservedShifts),
      },
    };
  } catch {
    // NOT_SURE, or a getter that threw: either way, zod decides.
    return undefined;
  }
}
