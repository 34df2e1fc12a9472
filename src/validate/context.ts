/**
 * The validator's one indexing pass over a read roster: trips in departure order, and per
 * person (by index) the trips they ride, the trips they drive and their tests, each list
 * in time order. Every rule reads these indexes; none re-parses a date or searches by id.
 */

import { eligibilityIndex } from "../facts/eligibility.js";
import { roadGraphOf } from "../facts/loops.js";
import type { RoadGraph } from "../roads/road-graph.js";
import type { RosterLoop, RosterVehicle } from "../roster/schema.js";
import type { ScenarioModel } from "../scenario/model.js";
import type { Policy, Staff } from "../scenario/schema.js";
import { type DayNumber, formatCivilDate } from "../time/civil-date.js";
import { formatClockTime } from "../time/clock-time.js";
import { ZoneClock } from "../time/zone-clock.js";
import { getOrCreate, pushTo } from "../util/collections.js";
import { compareText } from "../util/order.js";
import { type Groups, groupByKey } from "./groups.js";
import type { IdTable } from "./id-table.js";
import { type Coverage, coverageById, type Dated } from "./periods.js";
import type { IndexedRoster } from "./read-roster.js";

export interface ValidationContext {
  model: ScenarioModel;
  policy: Policy;
  roster: IndexedRoster;
  clock: ZoneClock;
  roads: RoadGraph;
  isEligible: (enterpriseId: string, day: DayNumber) => boolean;
  /** Every person id the roster names; indexes below `people.knownCount` are staff. */
  people: IdTable;
  /** The staff member at a person index, or `undefined` for an id the scenario lacks. */
  staffAt: (person: number) => Staff | undefined;
  loops: ReadonlyMap<string, RosterLoop>;
  /**
   * The first `vehicles` entry of each vehicle id, whatever its period: whether the roster
   * lists the vehicle at all. For the entry in force on a date, use `vehicleEntryOn`.
   */
  vehicleEntries: ReadonlyMap<string, RosterVehicle>;
  /** Each vehicle id's `vehicles` entries as periods (SPEC §5), with the entry covering a date. */
  vehicleCoverage: ReadonlyMap<string, Coverage<RosterVehicle>>;
  /**
   * The entry of a vehicle covering a local day: the first listed of those whose period holds
   * it (overlaps are `fixed-vehicle` breaks), or `undefined` when none does.
   */
  vehicleEntryOn: (vehicleId: string, day: DayNumber) => RosterVehicle | undefined;
  /** Departure and arrival of trip i, epoch ms. */
  departs: Float64Array;
  arrives: Float64Array;
  /** 1 where trip i goes to the plant. */
  toPlant: Uint8Array;
  /** Trip indexes per vehicle id, in departure order. */
  tripsByVehicle: ReadonlyMap<string, number[]>;
  /** Per person index: the trips they ride, in departure order, each trip once. */
  ridesByPerson: Groups;
  /** Per person index: the trips they drive, in departure order. */
  drivesByPerson: Groups;
  /** Per person index: their tests (indexes into `roster.tests`), in time order. */
  testsByPerson: Groups;
  /** Whether the unserved list names this person on this date. */
  isUnserved: (personId: string, date: string) => boolean;
  /** A trip as a person would name it: `trip T12 (2022-05-16 07:20 A → B)`. */
  describeTrip: (tripIndex: number) => string;
  /** The local date of trip i's departure. */
  tripDate: (tripIndex: number) => string;
  /** The local day of trip i's departure, as a day number (worked out once per trip). */
  tripDay: (tripIndex: number) => DayNumber;
}

/**
 * Trip indexes in departure order, ties by arrival, then id: deterministic whatever the
 * input order. Every per-person and per-vehicle list is filled in this order and needs no
 * sort of its own. (A planned roster is in this order already: checked before sorting.)
 */
function departureOrder(roster: IndexedRoster): Int32Array {
  const { departs, arrives, trips } = roster;
  const before = (a: number, b: number) =>
    (departs[a] as number) - (departs[b] as number) ||
    (arrives[a] as number) - (arrives[b] as number) ||
    compareText(trips[a]?.id ?? "", trips[b]?.id ?? "");
  const order = new Int32Array(trips.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = 1; i < order.length; i++) if (before(i - 1, i) > 0) return order.sort(before);
  return order;
}

/**
 * Per person, the trips they ride in `order`; a name listed twice on one manifest counts
 * once. A counting sort straight over the boardings: the first pass counts each person's
 * rides and marks the repeats, the second files the rides (no pair list in between:
 * millions of boardings make every temporary array tens of megabytes).
 */
function ridesByPerson(roster: IndexedRoster, order: Int32Array): Groups {
  const { boardingStart, boardingPerson, people } = roster;
  const start = new Int32Array(people.size + 1);
  const lastTrip = new Int32Array(people.size).fill(-1);
  const repeat = new Uint8Array(boardingPerson.length);
  for (const i of order) {
    const end = boardingStart[i + 1] as number;
    for (let b = boardingStart[i] as number; b < end; b++) {
      const person = boardingPerson[b] as number;
      if (lastTrip[person] === i)
        repeat[b] = 1; // fixed-person reports it
      else {
        lastTrip[person] = i;
        start[person + 1] = (start[person + 1] as number) + 1;
      }
    }
  }
  for (let person = 0; person < people.size; person++)
    start[person + 1] = (start[person + 1] as number) + (start[person] as number);
  const next = start.slice(0, people.size);
  const items = new Int32Array(start[people.size] as number);
  for (const i of order) {
    const end = boardingStart[i + 1] as number;
    for (let b = boardingStart[i] as number; b < end; b++) {
      if (repeat[b] === 1) continue;
      const person = boardingPerson[b] as number;
      items[next[person] as number] = i;
      next[person] = (next[person] as number) + 1;
    }
  }
  return { start, items };
}

/** Per person, their tests in time order (a planned roster lists them so already). */
function testsByPerson(roster: IndexedRoster): Groups {
  const { tests, people } = roster;
  const groups = groupByKey(tests.person, people.size);
  const byTime = (a: number, b: number) =>
    (tests.at[a] as number) - (tests.at[b] as number) || a - b;
  for (let person = 0; person < people.size; person++) {
    const start = groups.start[person] as number;
    const end = groups.start[person + 1] as number;
    for (let k = start + 1; k < end; k++) {
      // Items of a group are in index order, so equal times are in order too.
      if (
        (tests.at[groups.items[k - 1] as number] as number) <=
        (tests.at[groups.items[k] as number] as number)
      )
        continue;
      groups.items.subarray(start, end).sort(byTime);
      break;
    }
  }
  return groups;
}

/**
 * The unserved list as dates per person id. A planned roster at district scale lists tens
 * of thousands of person-days; joining each into one string key cost more than the lookups.
 */
function unservedIndex(roster: IndexedRoster): (personId: string, date: string) => boolean {
  const datesOf = new Map<string, Set<string>>();
  for (const entry of roster.unserved)
    getOrCreate(datesOf, entry.personId, () => new Set()).add(entry.date);
  return (personId, date) => datesOf.get(personId)?.has(date) === true;
}

/** Builds the indexes. The roster has passed the shape check. */
export function buildValidationContext(
  model: ScenarioModel,
  roster: IndexedRoster,
): ValidationContext {
  const clock = new ZoneClock(model.zone);
  const { trips, departs, arrives, people } = roster;
  const order = departureOrder(roster);
  const toPlant = new Uint8Array(trips.length);
  const tripsByVehicle = new Map<string, number[]>();
  for (const i of order) {
    const trip = trips[i];
    if (trip === undefined) continue;
    toPlant[i] = trip.direction === "to-plant" ? 1 : 0;
    pushTo(tripsByVehicle, trip.vehicleId, i);
  }
  const drivers = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++)
    drivers[k] = roster.tripDriver[order[k] as number] as number;
  const drivesByPerson = groupByKey(drivers, people.size, order);

  // Loop ids are unique: the shape check rejects a roster that repeats one.
  const loops = new Map<string, RosterLoop>(roster.loops.map((loop) => [loop.id, loop]));
  const vehicleCoverage = coverageById(roster.vehicles, (entry) => entry.vehicleId);
  const vehicleEntries = new Map<string, RosterVehicle>();
  for (const [vehicleId, coverage] of vehicleCoverage)
    vehicleEntries.set(vehicleId, (coverage.entries[0] as Dated<RosterVehicle>).entry);

  const staff = model.scenario.staff;
  const siteName = (siteId: string) => model.sites.get(siteId)?.name ?? siteId;
  const days = new Float64Array(trips.length).fill(Number.NaN);
  const tripDay = (i: number) => {
    const known = days[i] as number;
    if (!Number.isNaN(known)) return known;
    const day = clock.dayOf(departs[i] as number);
    days[i] = day;
    return day;
  };
  const tripDate = (i: number) => formatCivilDate(tripDay(i));
  const describeTrip = (i: number) => {
    const trip = trips[i];
    const when = `${tripDate(i)} ${formatClockTime(clock.minuteOfDay(departs[i] as number))}`;
    return `trip ${trip?.id} (${when} ${siteName(trip?.from ?? "")} → ${siteName(trip?.to ?? "")})`;
  };

  return {
    model,
    policy: model.scenario.policy,
    roster,
    clock,
    roads: roadGraphOf(model),
    isEligible: eligibilityIndex(model),
    people,
    staffAt: (person) => (people.isKnown(person) ? staff[person] : undefined),
    loops,
    vehicleEntries,
    vehicleCoverage,
    vehicleEntryOn: (vehicleId, day) => vehicleCoverage.get(vehicleId)?.on(day)?.entry,
    departs,
    arrives,
    toPlant,
    tripsByVehicle,
    ridesByPerson: ridesByPerson(roster, order),
    drivesByPerson,
    testsByPerson: testsByPerson(roster),
    isUnserved: unservedIndex(roster),
    describeTrip,
    tripDate,
    tripDay,
  };
}

/** Minutes between two instants (fractional if the roster carries seconds). */
export function minutesBetween(from: number, to: number): number {
  return (to - from) / 60_000;
}
