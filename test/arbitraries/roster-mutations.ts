/**
 * Arbitraries that break a valid roster at random places, for the validator's never-throws
 * property. A mutated roster is `validRoster()` after a few edits, each at a path chosen
 * among the paths the roster has at that moment (so a later edit can reach inside a value an
 * earlier edit put in):
 * - `delete`: drop an object field, or splice an element out of an array;
 * - `retype`: replace a value by a hostile one (`fc.anything` with `__proto__`/`constructor`
 *   keys, null prototypes, Maps, boxed values…) or by a plausible one of the wrong meaning
 *   (an unknown id, seat 0, an instant years away) so that rules, not just the shape
 *   check, see odd data, or by an object that cannot be converted to a primitive;
 * - `duplicate`: repeat an array element right after itself.
 * Edits never run through setters: a `__proto__` key is written as an own property.
 * `unavailableOnTrip` breaks the roster from the scenario's side instead: a period in which
 * someone or something on a trip may not travel (the corruption suite's `availability` case).
 */
import { fc } from "@fast-check/vitest";
import { LOOP, validRoster } from "../fixtures/valid-roster.js";

export type Path = (string | number)[];

export type EditKind = "delete" | "retype" | "duplicate";

/** One edit before it is placed: `at` picks the path (modulo the paths available then). */
export interface RosterEdit {
  kind: EditKind;
  at: number;
  value: unknown;
}

/** A mutated roster and, for counterexamples, what was done to it. */
export interface MutatedRoster {
  roster: unknown;
  edits: string[];
}

/** Keys that are dangerous as object keys, mixed with the roster's own field names. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "length",
  ),
  fc.constantFrom("id", "personId", "seat", "trips", "passengers", "depart", "path", "loopId"),
  fc.string({ maxLength: 6 }),
);

/** Any value at all, including objects with `__proto__` keys and exotic containers. */
export const hostileValue: fc.Arbitrary<unknown> = fc.anything({
  key: hostileKey,
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

const instant = (epochMs: number, offset: "Z" | "+08:00" | "-11:30") => {
  const shift = offset === "Z" ? 0 : offset === "+08:00" ? 8 * 60 : -(11 * 60 + 30);
  const local = new Date(epochMs + shift * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
};

/** Values of the roster's own types but with odd meanings: the rules, not the shape, judge them. */
export const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "w1",
    "w2",
    "w3",
    "k1",
    "k2",
    "x1",
    "v1",
    "v2",
    "d1",
    "d2",
    "p1",
    "p2",
    "e1",
    "e2",
    "*",
    LOOP,
    "nobody",
    "to-plant",
    "to-dormitory",
    "antigen",
    "pcr",
    "2022-05-16",
    "2022-05-17",
    "2022-02-30",
  ),
  fc.integer({ min: -3, max: 25 }),
  fc.constantFrom(0, -0, 1e9, Number.MAX_SAFE_INTEGER, 0.5, 1.5),
  fc
    .tuple(
      fc.integer({ min: Date.UTC(2022, 4, 10), max: Date.UTC(2022, 4, 25) }),
      fc.constantFrom("Z" as const, "+08:00" as const, "-11:30" as const),
    )
    .map(([ms, offset]) => instant(Math.floor(ms / 60_000) * 60_000, offset)),
  fc.constantFrom(
    "0000-01-01T00:00:00Z",
    "0000-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59.999+23:59",
    "9999-12-31T23:59:00-23:59",
    "1970-01-01T00:00Z",
    "2022-05-16T07:20:00+08:00",
  ),
  fc.array(fc.constantFrom("a", "b", "c", "d", "e", "nowhere"), { maxLength: 5 }),
  fc.constantFrom([], {}),
);

/**
 * Objects that cannot be turned into a primitive (`String(x)`, `x >= 1` throw), alone and as
 * a `length`: code that compares or prints an unchecked value trips on them. The JSON
 * ones can arrive in any imported file.
 */
export const unconvertibleValue: fc.Arbitrary<unknown> = fc
  .constantFrom(
    () => JSON.parse('{"valueOf":0,"toString":0}'),
    () => JSON.parse('{"length":{"valueOf":0,"toString":0}}'),
    () => JSON.parse('{"length":[{"toString":null}]}'),
    () => Object.create(null),
    () => ({ length: Object.create(null) }),
    () => ({ length: Symbol("length") }),
    () => ({ length: -1 }),
    () => ({ length: 1e300 }),
  )
  .map((make) => make() as unknown);

/** An edit: which kind, where (an index into the paths available then), and a new value. */
export const rosterEdit: fc.Arbitrary<RosterEdit> = fc.record({
  kind: fc.constantFrom<EditKind>("delete", "retype", "duplicate"),
  at: fc.nat(),
  value: fc.oneof(
    { arbitrary: hostileValue, weight: 4 },
    { arbitrary: plausibleValue, weight: 4 },
    { arbitrary: unconvertibleValue, weight: 1 },
  ),
});

function isContainer(value: unknown): value is Record<string, unknown> {
  if (Array.isArray(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Every path to a value inside `root` (not `root` itself), through arrays and plain objects. */
export function pathsIn(root: unknown): Path[] {
  const paths: Path[] = [];
  const walk = (value: unknown, path: Path) => {
    if (!isContainer(value)) return;
    for (const key of Object.keys(value)) {
      const step = Array.isArray(value) ? Number(key) : key;
      const child = [...path, step];
      paths.push(child);
      walk(value[key], child);
    }
  };
  walk(root, []);
  return paths;
}

function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** A deep copy of arrays and plain objects (own keys as own properties); other values as is. */
export function clonePlain<T>(value: T): T {
  if (!isContainer(value)) return value;
  const copy: Record<string, unknown> = Array.isArray(value)
    ? new Array(value.length)
    : Object.create(Object.getPrototypeOf(value));
  for (const key of Object.keys(value)) define(copy, key, clonePlain(value[key]));
  return copy as T;
}

function parentOf(root: unknown, path: Path): Record<string, unknown> {
  let node = root as Record<string, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string, unknown>;
  return node;
}

/** Applies one edit to `root` in place; returns its description, or undefined if none fits. */
export function applyEdit(root: unknown, edit: RosterEdit): string | undefined {
  const all = pathsIn(root);
  const candidates =
    edit.kind === "duplicate" ? all.filter((path) => Array.isArray(parentOf(root, path))) : all;
  if (candidates.length === 0) return undefined;
  const path = candidates[edit.at % candidates.length] as Path;
  const parent = parentOf(root, path);
  const key = path[path.length - 1] as string | number;
  const where = path.join(".");
  if (edit.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    return `delete ${where}`;
  }
  if (edit.kind === "duplicate") {
    (parent as unknown as unknown[]).splice((key as number) + 1, 0, clonePlain(parent[key]));
    return `duplicate ${where}`;
  }
  define(parent, key, clonePlain(edit.value));
  return `retype ${where}`;
}

/** `validRoster()` after `minEdits`..`maxEdits` random edits. */
export function mutatedRoster({ minEdits = 1, maxEdits = 5 } = {}): fc.Arbitrary<MutatedRoster> {
  return fc.array(rosterEdit, { minLength: minEdits, maxLength: maxEdits }).map((edits) => {
    const roster: unknown = validRoster();
    const done: string[] = [];
    for (const edit of edits) {
      const description = applyEdit(roster, edit);
      if (description !== undefined) done.push(description);
    }
    return { roster, edits: done };
  });
}

/** A scenario `unavailable` period that holds one fixture trip's date, for the corruption suite. */
export interface UnavailableOnTrip {
  period: { personId?: string; vehicleId?: string; from: string; to?: string; reason?: string };
  /** The trip the `availability` rule must name. */
  tripId: string;
  what: string;
}

/** `YYYY-MM-DD` moved by whole days. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A passenger, the driver or the vehicle of a fixture trip made unavailable on the trip's
 * (local, +08:00) date by a period of the scenario. A passenger's period starts on or before
 * the horizon's first day, so that no ride home is excepted: their shift began inside it.
 */
export const unavailableOnTrip: fc.Arbitrary<UnavailableOnTrip> = fc
  .record({
    trip: fc.nat(),
    subject: fc.constantFrom("passenger", "driver", "vehicle"),
    rider: fc.nat(),
    before: fc.integer({ min: 0, max: 3 }),
    after: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    reason: fc.option(fc.constantFrom("isolation", "leave", "repair"), { nil: undefined }),
  })
  .map(({ trip: n, subject, rider, before, after, reason }) => {
    const trips = validRoster().trips;
    const carrying = trips.filter((trip) => trip.passengers.length > 0);
    // A driver's or vehicle's period is placed on a trip to the plant with workers on it: a
    // ride home bringing back a shift begun before the period is excused for them too (SPEC
    // §3), and so is the empty run to the plant that fetches that shift.
    const toPlant = carrying.filter((trip) => trip.direction === "to-plant");
    const pool = subject === "passenger" ? carrying : toPlant;
    const trip = pool[n % pool.length] as (typeof trips)[number];
    const date = trip.depart.slice(0, 10);
    const from =
      subject === "passenger"
        ? addDays(validRoster().horizon.start, -before)
        : addDays(date, -before);
    const id =
      subject === "passenger"
        ? {
            personId: (trip.passengers[rider % trip.passengers.length] as { personId: string })
              .personId,
          }
        : subject === "driver"
          ? { personId: trip.driverId }
          : { vehicleId: trip.vehicleId };
    const period = {
      ...id,
      from,
      ...(after !== undefined && { to: addDays(date, after) }),
      ...(reason !== undefined && { reason }),
    };
    const who = id.personId ?? id.vehicleId;
    return {
      period,
      tripId: trip.id,
      what: `${subject} ${who} of ${trip.id} unavailable from ${from}`,
    };
  });
