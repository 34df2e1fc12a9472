/**
 * The validator's one indexing pass over a roster: instants parsed once into numbers,
 * trips by vehicle and boardings by person sorted by departure, tests by person and kind.
 * Every rule reads these indexes; none re-parses a date or searches an array by id.
 */
import { pushTo } from "../collections.js";
import { eligibilityIndex } from "../eligibility.js";
import { roadGraphOf } from "../loops.js";
import { compareText } from "../order.js";
import type { RoadGraph } from "../roads/road-graph.js";
import type { Roster, RosterLoop, RosterVehicle, Trip } from "../roster/schema.js";
import type { ScenarioModel } from "../scenario/model.js";
import type { Policy } from "../scenario/schema.js";
import { type DayNumber, formatCivilDate } from "../time/civil-date.js";
import { formatClockTime } from "../time/clock-time.js";
import { parseInstant } from "../time/instant.js";
import { ZoneClock } from "../time/zone-clock.js";

export interface ValidationContext {
  model: ScenarioModel;
  policy: Policy;
  roster: Roster;
  clock: ZoneClock;
  roads: RoadGraph;
  isEligible: (enterpriseId: string, day: DayNumber) => boolean;
  loops: ReadonlyMap<string, RosterLoop>;
  /** The first `vehicles` entry of each vehicle id (later ones are `fixed-vehicle` breaks). */
  vehicleEntries: ReadonlyMap<string, RosterVehicle>;
  /** Departure and arrival of trip i, epoch ms. */
  departs: Float64Array;
  arrives: Float64Array;
  /** Trip indexes per vehicle id, in departure order. */
  tripsByVehicle: ReadonlyMap<string, number[]>;
  /** Trip indexes per passenger id, in departure order. */
  boardingsByPerson: ReadonlyMap<string, number[]>;
  /** Trip indexes per driver id, in departure order. */
  tripsByDriver: ReadonlyMap<string, number[]>;
  /** Indexes into `roster.tests` per person id, in time order. */
  testsByPerson: ReadonlyMap<string, number[]>;
  /** The instant of test i, epoch ms. */
  testTimes: Float64Array;
  /** `personId|date` keys of the unserved list. */
  unserved: ReadonlySet<string>;
  /** A trip as a person would name it: `trip T12 (2022-05-16 07:20 A → B)`. */
  describeTrip: (tripIndex: number) => string;
  /** The local date of trip i's departure. */
  tripDate: (tripIndex: number) => string;
}

/** Builds the indexes. Instants are valid here: the roster passed the shape check. */
export function buildValidationContext(model: ScenarioModel, roster: Roster): ValidationContext {
  const clock = new ZoneClock(model.zone);
  const trips = roster.trips;
  const departs = new Float64Array(trips.length);
  const arrives = new Float64Array(trips.length);
  const tripsByVehicle = new Map<string, number[]>();
  const boardingsByPerson = new Map<string, number[]>();
  const tripsByDriver = new Map<string, number[]>();
  for (let i = 0; i < trips.length; i++) {
    const trip = trips[i] as Trip;
    departs[i] = parseInstant(trip.depart) ?? Number.NaN;
    arrives[i] = parseInstant(trip.arrive) ?? Number.NaN;
  }
  // One sort of all trips into departure order (ties by arrival, then id: deterministic
  // whatever the input order); every per-vehicle, per-driver and per-person list is then
  // filled in that order and needs no sort of its own.
  const order = Array.from(trips.keys()).sort(
    (a, b) =>
      (departs[a] as number) - (departs[b] as number) ||
      (arrives[a] as number) - (arrives[b] as number) ||
      compareText((trips[a] as Trip).id, (trips[b] as Trip).id),
  );
  for (const i of order) {
    const trip = trips[i] as Trip;
    pushTo(tripsByVehicle, trip.vehicleId, i);
    pushTo(tripsByDriver, trip.driverId, i);
    for (const passenger of trip.passengers) {
      // A name listed twice on one manifest is one boarding (fixed-person reports the repeat).
      const list = boardingsByPerson.get(passenger.personId);
      if (list === undefined) boardingsByPerson.set(passenger.personId, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }

  const tests = roster.tests;
  const testTimes = new Float64Array(tests.length);
  const testsByPerson = new Map<string, number[]>();
  for (let i = 0; i < tests.length; i++) {
    const test = tests[i] as Roster["tests"][number];
    testTimes[i] = parseInstant(test.at) ?? Number.NaN;
    pushTo(testsByPerson, test.personId, i);
  }
  const byTime = (a: number, b: number) =>
    (testTimes[a] as number) - (testTimes[b] as number) || a - b;
  for (const list of testsByPerson.values()) {
    // A planned roster lists each person's tests in time order already: check before sorting.
    let sorted = true;
    for (let k = 1; k < list.length && sorted; k++)
      sorted = byTime(list[k - 1] as number, list[k] as number) < 0;
    if (!sorted) list.sort(byTime);
  }

  const loops = new Map<string, RosterLoop>();
  for (const loop of roster.loops) if (!loops.has(loop.id)) loops.set(loop.id, loop);
  const vehicleEntries = new Map<string, RosterVehicle>();
  for (const entry of roster.vehicles)
    if (!vehicleEntries.has(entry.vehicleId)) vehicleEntries.set(entry.vehicleId, entry);

  const siteName = (siteId: string) => model.sites.get(siteId)?.name ?? siteId;
  const tripDate = (i: number) => formatCivilDate(clock.dayOf(departs[i] as number));
  const describeTrip = (i: number) => {
    const trip = trips[i] as Trip;
    const when = `${tripDate(i)} ${formatClockTime(clock.minuteOfDay(departs[i] as number))}`;
    return `trip ${trip.id} (${when} ${siteName(trip.from)} → ${siteName(trip.to)})`;
  };

  return {
    model,
    policy: model.scenario.policy,
    roster,
    clock,
    roads: roadGraphOf(model),
    isEligible: eligibilityIndex(model),
    loops,
    vehicleEntries,
    departs,
    arrives,
    tripsByVehicle,
    boardingsByPerson,
    tripsByDriver,
    testsByPerson,
    testTimes,
    unserved: new Set(roster.unserved.map((entry) => `${entry.personId}|${entry.date}`)),
    describeTrip,
    tripDate,
  };
}

/** Minutes between two instants (fractional if the roster carries seconds). */
export function minutesBetween(from: number, to: number): number {
  return (to - from) / 60_000;
}
