/**
 * The index `traceContacts` reads instead of the roster: built once per roster object (its
 * shape checked by `parseRoster` on the way) and kept in a WeakMap, so that tracing a
 * thousand people in one roster of two million boardings reads each boarding once. It
 * holds, as columns of numbers, who was on each trip, the trips of each person and of each
 * vehicle in departure order, each person's tests and who was tested in each slot (site and
 * start instant). Local dates depend on the scenario's zone: they are worked out per zone,
 * on first use, from the instants.
 */
import { parseRoster } from "../roster/parse.js";
import type { Roster } from "../roster/schema.js";
import { civilDay, type DayNumber } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";
import { ZoneClock } from "../time/zone-clock.js";

/** Lists grouped by a key: the items of key `k` are `items[start[k] .. start[k + 1])`. */
export interface Grouped {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** The local dates of a roster's trips and tests in one zone. */
export interface ZoneDays {
  /** Local date of departure of each trip. */
  readonly tripDay: Int32Array;
  /** Local date of each test. */
  readonly testDay: Int32Array;
  /** The latest departure's local date, or `undefined` when there are no trips. */
  readonly lastTripDay: DayNumber | undefined;
}

export interface TraceIndex {
  /** The roster's horizon: its first day and its length. */
  readonly firstDay: DayNumber;
  readonly days: number;
  /** Every person id the roster names (passenger, driver, tested), and its index. */
  readonly personIndex: ReadonlyMap<string, number>;
  readonly personIds: readonly string[];
  /** Every vehicle id the trips name, by index. */
  readonly vehicleIds: readonly string[];
  readonly tripIds: readonly string[];
  readonly tripVehicle: Int32Array;
  readonly tripDriver: Int32Array;
  /** Passengers of trip `t`: `passengerPerson/Seat[passengers.start[t] .. start[t + 1])`. */
  readonly passengerStart: Int32Array;
  readonly passengerPerson: Int32Array;
  readonly passengerSeat: Float64Array;
  /** Trips each person rode or drove, once each, in departure order. */
  readonly tripsByPerson: Grouped;
  /** Trips each vehicle ran, in departure order. */
  readonly tripsByVehicle: Grouped;
  /** Each test's slot, instant and `at` text. */
  readonly testSlot: Int32Array;
  readonly testMs: Float64Array;
  readonly testAt: readonly string[];
  /** Tests of each person, in time order (roster order among equal instants). */
  readonly testsByPerson: Grouped;
  /** People tested in each slot (a person tested twice in a slot appears twice). */
  readonly peopleBySlot: Grouped;
  /** The local dates of trips and tests in a zone. */
  zoneDays(zone: string): ZoneDays;
}

const indexes = new WeakMap<object, TraceIndex>();

/**
 * The index of a roster, built on first use per roster object. The roster is checked with
 * `parseRoster` then (throwing `RosterError`); an object once indexed is not read again, so
 * a roster changed in place after a call is not seen: pass a new object.
 */
export function traceIndex(roster: unknown): TraceIndex {
  if (typeof roster === "object" && roster !== null) {
    const cached = indexes.get(roster);
    if (cached !== undefined) return cached;
    const index = buildTraceIndex(parseRoster(roster));
    indexes.set(roster, index);
    return index;
  }
  return buildTraceIndex(parseRoster(roster)); // throws: a roster is an object
}

/** Numbers each distinct string in order of first sight. */
class Numbering {
  readonly index = new Map<string, number>();
  readonly ids: string[] = [];
  of(id: string): number {
    let n = this.index.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.index.set(id, n);
      this.ids.push(id);
    }
    return n;
  }
}

/**
 * Groups items by key with a counting sort; items keep the order `order` gives them (an
 * array of item numbers). `keysOf(item, emit)` emits each key the item belongs to.
 */
function group(
  keyCount: number,
  order: ArrayLike<number>,
  keysOf: (item: number, emit: (key: number) => void) => void,
): Grouped {
  const start = new Int32Array(keyCount + 1);
  for (let i = 0; i < order.length; i++)
    keysOf(order[i] as number, (key) => {
      start[key + 1] = (start[key + 1] as number) + 1;
    });
  for (let k = 0; k < keyCount; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const items = new Int32Array(start[keyCount] as number);
  const next = start.slice(0, keyCount);
  for (let i = 0; i < order.length; i++) {
    const item = order[i] as number;
    keysOf(item, (key) => {
      const at = next[key] as number;
      items[at] = item;
      next[key] = at + 1;
    });
  }
  return { start, items };
}

/** Item numbers 0..n-1 in order. */
function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/**
 * Sorts each group's items by `ms`, ties by item number (roster order), in place. Groups
 * are small (a person's trips or tests, a vehicle's trips): insertion sort, unless a
 * hand-made roster gives one a great many.
 */
function sortGroups(grouped: Grouped, ms: Float64Array): Grouped {
  const { start, items } = grouped;
  const before = (a: number, b: number) =>
    (ms[a] as number) < (ms[b] as number) || (ms[a] === ms[b] && a < b);
  for (let k = 0; k + 1 < start.length; k++) {
    const begin = start[k] as number;
    const end = start[k + 1] as number;
    if (end - begin > 64) {
      items.subarray(begin, end).sort((a, b) => (ms[a] as number) - (ms[b] as number) || a - b);
      continue;
    }
    for (let i = begin + 1; i < end; i++) {
      const item = items[i] as number;
      let j = i - 1;
      while (j >= begin && before(item, items[j] as number)) {
        items[j + 1] = items[j] as number;
        j--;
      }
      items[j + 1] = item;
    }
  }
  return grouped;
}

function buildTraceIndex(roster: Roster): TraceIndex {
  const people = new Numbering();
  const vehicles = new Numbering();
  const { trips, tests } = roster;

  const tripIds: string[] = new Array(trips.length);
  const tripVehicle = new Int32Array(trips.length);
  const tripDriver = new Int32Array(trips.length);
  const tripMs = new Float64Array(trips.length);
  const passengerStart = new Int32Array(trips.length + 1);
  let boardings = 0;
  for (let t = 0; t < trips.length; t++) {
    boardings += (trips[t] as Roster["trips"][number]).passengers.length;
    passengerStart[t + 1] = boardings;
  }
  const passengerPerson = new Int32Array(boardings);
  const passengerSeat = new Float64Array(boardings);
  for (let t = 0; t < trips.length; t++) {
    const trip = trips[t] as Roster["trips"][number];
    tripIds[t] = trip.id;
    tripVehicle[t] = vehicles.of(trip.vehicleId);
    tripDriver[t] = people.of(trip.driverId);
    tripMs[t] = parseInstant(trip.depart) as number;
    let b = passengerStart[t] as number;
    for (const passenger of trip.passengers) {
      passengerPerson[b] = people.of(passenger.personId);
      passengerSeat[b] = passenger.seat;
      b++;
    }
  }

  const testPerson = new Int32Array(tests.length);
  const testSlot = new Int32Array(tests.length);
  const testMs = new Float64Array(tests.length);
  const testAt: string[] = new Array(tests.length);
  const slotsBySite = new Map<string, Map<number, number>>();
  let slotCount = 0;
  for (let i = 0; i < tests.length; i++) {
    const test = tests[i] as Roster["tests"][number];
    const ms = parseInstant(test.at) as number;
    testPerson[i] = people.of(test.personId);
    testMs[i] = ms;
    testAt[i] = test.at;
    let slots = slotsBySite.get(test.siteId);
    if (slots === undefined) {
      slots = new Map();
      slotsBySite.set(test.siteId, slots);
    }
    let slot = slots.get(ms);
    if (slot === undefined) {
      slot = slotCount++;
      slots.set(ms, slot);
    }
    testSlot[i] = slot;
  }

  const personCount = people.ids.length;
  // A person on a trip twice (two seats, or seat and wheel) is listed once for it. `group`
  // walks the trips twice (count, then fill), so each walk of a trip gets its own mark.
  const lastVisit = new Int32Array(personCount).fill(-1);
  let visit = 0;
  const tripsByPerson = group(personCount, identity(trips.length), (t, emit) => {
    const mark = visit++;
    const once = (person: number) => {
      if (lastVisit[person] === mark) return;
      lastVisit[person] = mark;
      emit(person);
    };
    once(tripDriver[t] as number);
    const end = passengerStart[t + 1] as number;
    for (let b = passengerStart[t] as number; b < end; b++) once(passengerPerson[b] as number);
  });
  sortGroups(tripsByPerson, tripMs);
  const tripsByVehicle = sortGroups(
    group(vehicles.ids.length, identity(trips.length), (t, emit) => emit(tripVehicle[t] as number)),
    tripMs,
  );
  const testOrder = identity(tests.length);
  const testsByPerson = sortGroups(
    group(personCount, testOrder, (i, emit) => emit(testPerson[i] as number)),
    testMs,
  );
  const peopleBySlot = group(slotCount, testOrder, (i, emit) => emit(testSlot[i] as number));
  for (let s = 0; s < peopleBySlot.items.length; s++)
    peopleBySlot.items[s] = testPerson[peopleBySlot.items[s] as number] as number;

  const perZone = new Map<string, ZoneDays>();
  return {
    firstDay: civilDay(roster.horizon.start),
    days: roster.horizon.days,
    personIndex: people.index,
    personIds: people.ids,
    vehicleIds: vehicles.ids,
    tripIds,
    tripVehicle,
    tripDriver,
    passengerStart,
    passengerPerson,
    passengerSeat,
    tripsByPerson,
    tripsByVehicle,
    testSlot,
    testMs,
    testAt,
    testsByPerson,
    peopleBySlot,
    zoneDays(zone) {
      let days = perZone.get(zone);
      if (days === undefined) {
        days = localDays(zone, tripMs, testMs);
        perZone.set(zone, days);
      }
      return days;
    },
  };
}

function localDays(zone: string, tripMs: Float64Array, testMs: Float64Array): ZoneDays {
  const clock = new ZoneClock(zone);
  const tripDay = new Int32Array(tripMs.length);
  let lastTripDay: DayNumber | undefined;
  for (let t = 0; t < tripMs.length; t++) {
    const day = clock.dayOf(tripMs[t] as number);
    tripDay[t] = day;
    if (lastTripDay === undefined || day > lastTripDay) lastTripDay = day;
  }
  const testDay = new Int32Array(testMs.length);
  for (let i = 0; i < testMs.length; i++) testDay[i] = clock.dayOf(testMs[i] as number);
  return { tripDay, testDay, lastTripDay };
}
