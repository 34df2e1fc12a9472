/**
 * Size limits of a roster, derived from its scenario and checked on array lengths before
 * anything is read, so that a roster far beyond what the scenario could need (a sparse
 * array of a hundred million holes, one trip object listed millions of times) is one
 * `roster-schema` violation at once instead of minutes of reading. Every limit is generous:
 * several times what a valid roster of the scenario holds, and never below a floor that
 * leaves small scenarios' hand-made rosters alone.
 */
import { scenarioModel } from "../scenario/model.js";
import type { Scenario } from "../scenario/schema.js";
import type { RosterSchemaViolation } from "./violations.js";

/** The most a roster of one scenario may hold; see {@link rosterLimits}. */
export interface RosterLimits {
  loops: number;
  /** Entries of the roster's `vehicles` list. */
  vehicles: number;
  assignments: number;
  trips: number;
  tests: number;
  unserved: number;
  /** Nodes in one path: a loop's route or a trip's. */
  pathNodes: number;
  /** Passengers on one trip. */
  passengersPerTrip: number;
  /** Passengers on all trips together. */
  boardings: number;
}

/** No list limit is below this, however small the scenario. */
export const LIST_FLOOR = 100_000;
/** No path or manifest limit is below this. */
export const ITEM_FLOOR = 1_000;

type LimitName = keyof RosterLimits;

/** Each limit with the words that say where it comes from. */
function derive(scenario: Scenario): Record<LimitName, { max: number; why: string }> {
  const staff = scenario.staff.length;
  const vehicles = scenario.vehicles.length;
  // The horizon, the day after it (a night shift's ride home) and a day of slack.
  const days = scenario.horizon.days + 2;
  const { disinfectionMinutes, testing } = scenario.policy;
  const tripsPerDay = Math.floor(1440 / Math.max(1, disinfectionMinutes)) + 1;
  const seats = scenario.vehicles.reduce((most, vehicle) => Math.max(most, vehicle.seats), 0);
  const kinds = Math.max(1, testing.length);
  const testDays = days + Math.ceil(Math.max(0, ...testing.map((t) => t.validHours)) / 24);
  const edges = scenario.roads.edges.length;
  const limit = (formula: number, why: string, floor = LIST_FLOOR) =>
    formula >= floor
      ? { max: formula, why }
      : { max: floor, why: `the least any scenario allows; ${why} would be ${formula}` };
  const perStaffDay = `${staff} staff × ${days} days`;
  return {
    loops: limit(2 * staff, `2 per staff member, ${staff} staff`),
    vehicles: limit(
      2 * vehicles * days,
      `2 per vehicle and day, ${vehicles} vehicles × ${days} days`,
    ),
    assignments: limit(2 * staff * days, `2 per staff member and day, ${perStaffDay}`),
    trips: limit(
      vehicles * days * tripsPerDay,
      `${vehicles} vehicles × ${days} days × ${tripsPerDay} trips a day, one per ${Math.max(1, disinfectionMinutes)} minutes`,
    ),
    tests: limit(
      2 * staff * kinds * testDays,
      `2 per staff member, kind and day, ${staff} staff × ${kinds} kinds × ${testDays} days`,
    ),
    unserved: limit(2 * staff * days, `2 per staff member and day, ${perStaffDay}`),
    pathNodes: limit(2 * edges + 1, `twice the ${edges} road edges, plus 1`, ITEM_FLOOR),
    passengersPerTrip: limit(
      10 * seats,
      `10 times the largest vehicle's ${seats} seats`,
      ITEM_FLOOR,
    ),
    boardings: limit(4 * staff * days, `4 rides per staff member and day, ${perStaffDay}`),
  };
}

/**
 * The size limits of a roster for this scenario, each generous and never below a floor
 * (100,000 entries for a list, 1,000 for a path or one trip's passengers):
 * - trips: one per vehicle per `disinfectionMinutes` (per minute if 0), plus one, per day
 *   over the horizon and two days more;
 * - passengers of one trip: 10 × the largest vehicle's seats;
 * - boardings, all trips together: 4 per staff member and day (over the horizon + 2 days);
 * - tests: 2 per staff member, testing kind and day (the horizon + 2 days, plus the longest
 *   validity before it);
 * - loops: 2 per staff member; `vehicles` entries: 2 per vehicle and day; assignments and
 *   unserved entries: 2 per staff member and day;
 * - a path's nodes (a loop's route, a trip's path): twice the road edges, plus 1.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @example
 * rosterLimits(jinshanScenario()).passengersPerTrip //=> 1000
 */
export function rosterLimits(scenario: unknown): RosterLimits {
  const derived = derive(scenarioModel(scenario).scenario);
  return Object.fromEntries(
    Object.entries(derived).map(([name, { max }]) => [name, max]),
  ) as unknown as RosterLimits;
}

const LISTS = ["loops", "vehicles", "assignments", "trips", "tests", "unserved"] as const;

/** `value[key]`, or `undefined` when `value` is not an object. */
function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The length of `value` if it is an array (anything else is a shape matter), else 0. */
function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/**
 * The limits the roster exceeds: every top-level list over its limit, or else the first path
 * or manifest over its own, or the boardings once their running total passes theirs. Reads
 * lengths only, each list's items at most once and within its limit; the shape is left to
 * the reader. May throw what a getter or a proxy throws.
 */
export function checkRosterLimits(scenario: Scenario, input: unknown): RosterSchemaViolation[] {
  const derived = derive(scenario);
  const over = (
    path: (string | number)[],
    count: number,
    name: LimitName,
    what: string,
  ): RosterSchemaViolation => ({
    code: "roster-schema",
    path,
    message: `${what} ${count}; this scenario allows at most ${derived[name].max} (${derived[name].why})`,
  });

  const lists = LISTS.map((name) => field(input, name));
  const violations: RosterSchemaViolation[] = [];
  LISTS.forEach((name, k) => {
    const count = lengthOf(lists[k]);
    if (count > derived[name].max)
      violations.push(over([name], count, name, `the roster's ${name} number`));
  });
  if (violations.length > 0) return violations;

  const paths = derived.pathNodes.max;
  const loops = lists[0];
  for (let i = 0; i < lengthOf(loops); i++) {
    const loop = (loops as unknown[])[i];
    for (const direction of ["toPlant", "toDormitory"]) {
      const count = lengthOf(field(field(loop, direction), "path"));
      if (count > paths) {
        const path = ["loops", i, direction, "path"];
        return [over(path, count, "pathNodes", `loop ${i}'s ${direction} path has nodes:`)];
      }
    }
  }

  const trips = lists[3];
  const perTrip = derived.passengersPerTrip.max;
  let boardings = 0;
  for (let i = 0; i < lengthOf(trips); i++) {
    const trip = (trips as unknown[])[i];
    const nodes = lengthOf(field(trip, "path"));
    if (nodes > paths)
      return [over(["trips", i, "path"], nodes, "pathNodes", `trip ${i}'s path has nodes:`)];
    const passengers = lengthOf(field(trip, "passengers"));
    if (passengers > perTrip) {
      const path = ["trips", i, "passengers"];
      return [over(path, passengers, "passengersPerTrip", `trip ${i}'s passengers number`)];
    }
    boardings += passengers;
    if (boardings > derived.boardings.max) {
      const what = `the passengers of trips 0 to ${i} number`;
      return [over(["trips"], boardings, "boardings", what)];
    }
  }
  return [];
}
