/**
 * `traceContacts` (SPEC §7.1): who a person who tests positive may have passed it to, in four
 * disjoint lists — close (shared a trip), vehicle (used the same vehicles), testing (same
 * slot at the same testing point) and dormitory (lives in the same staff station). Reads the
 * roster through an index built once per roster object (trace-index.ts), so a call touches
 * only the index person's trips, vehicles, slots and dormitory.
 */
import { type ScenarioModel, scenarioModel } from "../scenario/model.js";
import type { Scenario, ScenarioInput } from "../scenario/schema.js";
import { type DayNumber, formatCivilDate, parseCivilDate } from "../time/civil-date.js";
import { InvalidArgumentError, NotFoundError } from "../util/errors.js";
import { compareText } from "../util/order.js";
import { type TraceIndex, traceIndex, type ZoneDays } from "./trace-index.js";

/** Options of {@link traceContacts}. */
export interface TraceContactsOptions {
  /** First local date of departure of the window (inclusive). Default `to − traceBackDays`. */
  from?: string | undefined;
  /** Last local date of departure of the window (inclusive). Default the last trip's date. */
  to?: string | undefined;
  /** Only passengers within this many rows are close. Default `policy.contactRows`. */
  rows?: number | undefined;
}

/** One contact of the index person, with the evidence. */
export interface Contact {
  personId: string;
  /**
   * close: the trips shared with the index person; vehicle: the contact's own trips on the
   * index person's vehicles; testing: the shared slots' start instants. Ascending, unique.
   */
  trips: string[];
  /** The local dates of those trips (of departure) or slots, ascending, unique. */
  dates: string[];
}

/** The result of {@link traceContacts}: four disjoint lists, each sorted by person id. */
export interface ContactTrace {
  personId: string;
  /** The window actually traced, inclusive local dates. */
  from: string;
  to: string;
  close: Contact[];
  vehicle: Contact[];
  testing: Contact[];
  dormitory: string[];
}

/** The row of a seat; the driver sits in row 0. */
function rowOf(seat: number, seatsPerRow: number): number {
  return Math.ceil(seat / seatsPerRow);
}

/** The first position in `items[begin..end)` (trips in time order) departing on or after `day`. */
function firstOnOrAfter(
  items: Int32Array,
  begin: number,
  end: number,
  dayOf: Int32Array,
  day: DayNumber,
): number {
  let low = begin;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((dayOf[items[middle] as number] as number) < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

const residentsByModel = new WeakMap<ScenarioModel, Map<string, string[]>>();

/** Each dormitory's residents (scenario staff, workers and drivers), sorted. */
function residents(model: ScenarioModel, dormitoryId: string): readonly string[] {
  let byDormitory = residentsByModel.get(model);
  if (byDormitory === undefined) {
    byDormitory = new Map();
    for (const person of model.scenario.staff) {
      const list = byDormitory.get(person.dormitoryId);
      if (list === undefined) byDormitory.set(person.dormitoryId, [person.id]);
      else list.push(person.id);
    }
    for (const list of byDormitory.values()) list.sort(compareText);
    residentsByModel.set(model, byDormitory);
  }
  return byDormitory.get(dormitoryId) ?? [];
}

/** A value for a message: strings quoted, other primitives as written, objects by type. */
function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || (typeof value !== "object" && typeof value !== "function"))
    return typeof value === "symbol" ? value.toString() : String(value);
  return `a value of type ${typeof value}`;
}

/** A date option: a real `YYYY-MM-DD` inside the roster's dates (the horizon and the day after). */
function windowDay(name: string, value: unknown, index: TraceIndex): DayNumber {
  const day = typeof value === "string" ? parseCivilDate(value) : undefined;
  if (day === undefined)
    throw new InvalidArgumentError(
      `${name} must be a calendar date YYYY-MM-DD, got ${describe(value)}`,
    );
  const last = index.firstDay + index.days;
  if (day < index.firstDay || day > last)
    throw new InvalidArgumentError(
      `${name} ${value as string} is outside the roster's dates ${formatCivilDate(index.firstDay)} to ${formatCivilDate(last)} (the horizon and the day after it)`,
    );
  return day;
}

/** The `rows` option: a whole number ≥ 0, or `undefined` for no limit. */
function rowLimit(value: unknown, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw new InvalidArgumentError(`rows must be a whole number ≥ 0, got ${describe(value)}`);
  return value;
}

/** Contacts of one list: person index → trip numbers (or instants) that tie them to the index person. */
type Ties = Map<number, number[]>;

function addTie(ties: Ties, person: number, tie: number): void {
  const list = ties.get(person);
  if (list === undefined) ties.set(person, [tie]);
  else list.push(tie);
}

function sortedUniqueDates(days: number[]): string[] {
  days.sort((a, b) => a - b);
  const dates: string[] = [];
  for (let i = 0; i < days.length; i++)
    if (i === 0 || days[i] !== days[i - 1]) dates.push(formatCivilDate(days[i] as number));
  return dates;
}

function byPersonId(a: Contact, b: Contact): number {
  return compareText(a.personId, b.personId);
}

/** Contacts tied by trips: trip ids by text, dates of departure. */
function tripContacts(ties: Ties, index: TraceIndex, zoneDays: ZoneDays): Contact[] {
  const contacts: Contact[] = [];
  for (const [person, trips] of ties) {
    const ids = [...new Set(trips)].map((t) => index.tripIds[t] as string).sort(compareText);
    const dates = sortedUniqueDates(trips.map((t) => zoneDays.tripDay[t] as number));
    contacts.push({ personId: index.personIds[person] as string, trips: ids, dates });
  }
  return contacts.sort(byPersonId);
}

/**
 * Traces the contacts of a person (SPEC §7.1) in a window of local dates of departure.
 *
 * - **close**: shared a trip in the window — its driver and every passenger; with `rows`,
 *   only passengers within `rows` rows of the index person (all of them when the index
 *   person drove). `trips`: every trip they shared in the window.
 * - **vehicle**: rode or drove, in the window, a vehicle the index person rode or drove in
 *   the window (so also whoever shared a trip but sat beyond `rows`), and is not close.
 *   `trips`: their own trips on those vehicles in the window.
 * - **testing**: tested at the same site at the same start instant as one of the index
 *   person's tests in the window (local date of the test), and neither of the above.
 *   `trips`: those instants, as the index person's test `at` text, in time order.
 * - **dormitory**: every other scenario staff member living in the index person's
 *   dormitory who is in none of the lists above.
 *
 * The roster is checked and indexed once per roster object (a WeakMap): later calls with the
 * same object reuse the index, so do not change a roster in place between calls.
 *
 * @param scenario - a scenario input or a parsed scenario (pass the parsed one when calling often)
 * @param roster - a roster of the §5 shape
 * @param personId - the index person: a staff member of the scenario
 * @param options - `from`/`to` (inclusive `YYYY-MM-DD` inside the horizon or the day after
 *   it; `to` defaults to the local date of the roster's latest departure, the horizon's last
 *   day when it has no trips, and `from` to `to − traceBackDays`, not before the horizon),
 *   and `rows` (a whole number ≥ 0; default `policy.contactRows`, absent = no limit)
 * @returns the window traced and the four lists, each sorted by person id
 * @throws {RosterError} when the roster is not of the §5 shape
 * @throws {NotFoundError} when the person is not staff of the scenario
 * @throws {InvalidArgumentError} for a malformed or out-of-range date, or a bad `rows`
 * @example
 * const scenario = jinshanScenario();
 * const roster = planRoster(scenario);
 * const trace = traceContacts(scenario, roster, "secco-0001", { to: "2022-05-20", rows: 1 });
 * [trace.from, trace.to] //=> ["2022-05-18", "2022-05-20"]
 * trace.close.map((contact) => contact.personId)
 * //=> ["driver-caojing-01", "secco-0002", "secco-0003", "secco-0004"]
 * trace.close[1]?.dates //=> ["2022-05-18", "2022-05-19"]
 */
export function traceContacts(
  scenario: ScenarioInput | Scenario,
  roster: unknown,
  personId: string,
  options?: TraceContactsOptions | undefined,
): ContactTrace {
  const model = scenarioModel(scenario);
  const index = traceIndex(roster);
  const person = typeof personId === "string" ? model.staff.get(personId) : undefined;
  if (person === undefined) throw new NotFoundError(`no staff member ${describe(personId)}`);
  if (options !== undefined && options !== null && typeof options !== "object")
    throw new InvalidArgumentError(`options must be an object, got ${typeof options}`);
  const policy = model.scenario.policy;
  const rows = rowLimit(options?.rows, policy.contactRows);
  const zoneDays = index.zoneDays(model.zone);

  const lastAllowed = index.firstDay + index.days;
  const toDay =
    options?.to !== undefined
      ? windowDay("to", options.to, index)
      : Math.min(lastAllowed, Math.max(index.firstDay, zoneDays.lastTripDay ?? lastAllowed - 1));
  const fromDay =
    options?.from !== undefined
      ? windowDay("from", options.from, index)
      : Math.max(index.firstDay, toDay - policy.traceBackDays);
  const trace: ContactTrace = {
    personId,
    from: formatCivilDate(fromDay),
    to: formatCivilDate(toDay),
    close: [],
    vehicle: [],
    testing: [],
    dormitory: [],
  };
  if (fromDay > toDay) return trace;

  const p = index.personIndex.get(personId);
  const shared: Ties = new Map();
  const close = new Set<number>();
  const onVehicle: Ties = new Map();
  const atSlot: Ties = new Map();
  if (p !== undefined) {
    const { tripDay } = zoneDays;
    const { tripVehicle, tripDriver, passengerStart, passengerPerson, passengerSeat } = index;

    // close, and the vehicles of the index person
    const vehicles = new Set<number>();
    const mine = index.tripsByPerson;
    const myEnd = mine.start[p + 1] as number;
    for (
      let k = firstOnOrAfter(mine.items, mine.start[p] as number, myEnd, tripDay, fromDay);
      k < myEnd;
      k++
    ) {
      const t = mine.items[k] as number;
      if ((tripDay[t] as number) > toDay) break;
      const vehicle = tripVehicle[t] as number;
      vehicles.add(vehicle);
      const driver = tripDriver[t] as number;
      const begin = passengerStart[t] as number;
      const end = passengerStart[t + 1] as number;
      const seatsPerRow = model.vehicles.get(index.vehicleIds[vehicle] as string)?.seatsPerRow ?? 4;
      // With a row limit and the index person a passenger: their rows on this trip.
      const myRows: number[] = [];
      if (rows !== undefined && driver !== p)
        for (let b = begin; b < end; b++)
          if (passengerPerson[b] === p) myRows.push(rowOf(passengerSeat[b] as number, seatsPerRow));
      if (driver !== p) {
        addTie(shared, driver, t);
        close.add(driver);
      }
      for (let b = begin; b < end; b++) {
        const q = passengerPerson[b] as number;
        if (q === p) continue;
        addTie(shared, q, t);
        if (rows === undefined || driver === p) close.add(q);
        else {
          const row = rowOf(passengerSeat[b] as number, seatsPerRow);
          if (myRows.some((mine) => Math.abs(row - mine) <= rows)) close.add(q);
        }
      }
    }

    // vehicle: everyone else on those vehicles in the window
    const fleet = index.tripsByVehicle;
    for (const vehicle of vehicles) {
      const end = fleet.start[vehicle + 1] as number;
      for (
        let k = firstOnOrAfter(fleet.items, fleet.start[vehicle] as number, end, tripDay, fromDay);
        k < end;
        k++
      ) {
        const t = fleet.items[k] as number;
        if ((tripDay[t] as number) > toDay) break;
        const driver = tripDriver[t] as number;
        if (driver !== p && !close.has(driver)) addTie(onVehicle, driver, t);
        const passengersEnd = passengerStart[t + 1] as number;
        for (let b = passengerStart[t] as number; b < passengersEnd; b++) {
          const q = passengerPerson[b] as number;
          if (q !== p && !close.has(q)) addTie(onVehicle, q, t);
        }
      }
    }

    // testing: the others in the index person's slots in the window. Their tests come in
    // time order, ties in roster order; each instant is told by the first of them.
    const myTests = index.testsByPerson;
    const slots = index.peopleBySlot;
    const firstAt = new Map<number, number>();
    const testsEnd = myTests.start[p + 1] as number;
    for (let k = myTests.start[p] as number; k < testsEnd; k++) {
      const i = myTests.items[k] as number;
      const day = zoneDays.testDay[i] as number;
      if (day < fromDay) continue;
      if (day > toDay) break;
      const ms = index.testMs[i] as number;
      let first = firstAt.get(ms);
      if (first === undefined) {
        first = i;
        firstAt.set(ms, i);
      }
      const slot = index.testSlot[i] as number;
      const slotEnd = slots.start[slot + 1] as number;
      for (let s = slots.start[slot] as number; s < slotEnd; s++) {
        const q = slots.items[s] as number;
        if (q !== p && !close.has(q) && !onVehicle.has(q)) addTie(atSlot, q, first);
      }
    }
  }

  trace.close = tripContacts(new Map([...shared].filter(([q]) => close.has(q))), index, zoneDays);
  trace.vehicle = tripContacts(onVehicle, index, zoneDays);
  trace.testing = slotContacts(atSlot, index, zoneDays);
  trace.dormitory = residents(model, person.dormitoryId).filter((id) => {
    if (id === personId) return false;
    const q = index.personIndex.get(id);
    return q === undefined || !(close.has(q) || onVehicle.has(q) || atSlot.has(q));
  });
  return trace;
}

/**
 * Contacts tied by test slots: each tie is the index person's first test at a shared
 * instant, and ties come in time order (repeats next to each other).
 */
function slotContacts(ties: Ties, index: TraceIndex, zoneDays: ZoneDays): Contact[] {
  const contacts: Contact[] = [];
  for (const [person, tests] of ties) {
    const instants: string[] = [];
    const days: number[] = [];
    let last = -1;
    for (const i of tests) {
      if (i === last) continue;
      last = i;
      instants.push(index.testAt[i] as string);
      days.push(zoneDays.testDay[i] as number);
    }
    contacts.push({
      personId: index.personIds[person] as string,
      trips: instants,
      dates: sortedUniqueDates(days),
    });
  }
  return contacts.sort(byPersonId);
}
