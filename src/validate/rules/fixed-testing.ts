/**
 * fixed-testing: every boarding (worker or driver) has a test of each required kind at the
 * person's dormitory within its validity and with its result out before departure; each
 * person tests at one fixed time of day per kind; slots keep to opening hours and size.
 * Guards fixed testing (定檢): results before boarding.
 *
 * A district has 1.6 M tests and 2 M boardings, so the paths per test and per boarding
 * allocate nothing, walk the person groups by index (no views) and ask the clock once per
 * instant (a person's kinds are mostly taken together).
 */
import type { Site } from "../../scenario/schema.js";
import { formatCivilDate } from "../../time/civil-date.js";
import { formatClockTime } from "../../time/clock-time.js";
import type { ValidationContext } from "../context.js";
import { groupOf } from "../groups.js";
import type { Rule } from "../rule.js";
import { SlotTally, slotOf, type TestingHours, testingHours } from "./testing-slots.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MINUTES_PER_DAY = 1440;

/** Rare: a driver who also rides. Their boardings in departure order, each trip once. */
function ridesAndDrives(context: ValidationContext, person: number): Int32Array {
  const riding = groupOf(context.ridesByPerson, person);
  const driving = groupOf(context.drivesByPerson, person);
  return Int32Array.from(new Set([...riding, ...driving])).sort(
    (a, b) => (context.departs[a] as number) - (context.departs[b] as number) || a - b,
  );
}

/** When a test of one kind counts for a boarding: result out `resultMs` before departure, at most `validMs` old. */
interface Validity {
  resultMs: number;
  validMs: number;
}

/**
 * Whether every boarding of trips `items[from .. to)` (in departure order) has a valid
 * test of one kind, from its ascending test times `times[0 .. count)`.
 */
function everyBoardingCovered(
  times: readonly number[],
  count: number,
  { resultMs, validMs }: Validity,
  departs: Float64Array,
  items: Int32Array,
  from: number,
  to: number,
): boolean {
  let next = 0;
  for (let k = from; k < to; k++) {
    const depart = departs[items[k] as number] as number;
    while (next < count && (times[next] as number) <= depart - resultMs) next++;
    const latest = next === 0 ? Number.NEGATIVE_INFINITY : (times[next - 1] as number);
    if (!(latest >= depart - validMs)) return false;
  }
  return true;
}

/** Opening hours of a site without a testing point: all day. */
const ALL_DAY: TestingHours = { opens: 0, closes: MINUTES_PER_DAY, slotMinutes: MINUTES_PER_DAY };

export const checkFixedTesting: Rule<"fixed-testing"> = (context, emit) => {
  const { model, roster, clock, policy, departs } = context;
  const { tests, people, tripDriver } = roster;
  const regimes = policy.testing;
  const kindCount = regimes.length;
  const sites = model.scenario.sites;
  const { siteIds } = model;
  const siteCount = sites.length;
  // Per site index, in plain arrays: the scenario is frozen, and reading a frozen array by
  // index is slow (and allocates). The loop over tests reads these (and `siteIds`), and
  // `sites` only to word a report.
  const hours = sites.map((site) =>
    site.testing === undefined ? ALL_DAY : testingHours(site.testing),
  );
  // People per slot where there is a testing point (a visit takes one place, whatever kinds
  // are taken in it).
  const slots = sites.map((site, siteIndex) =>
    site.testing === undefined ? undefined : new SlotTally(hours[siteIndex] as TestingHours, model),
  );
  // Per kind, hoisted out of the loop over boardings.
  const validities: Validity[] = regimes.map((regime) => ({
    resultMs: regime.resultMinutes * MS_PER_MINUTE,
    validMs: regime.validHours * MS_PER_HOUR,
  }));
  // Reused per person: valid test times per kind at their dormitory (ascending), how far
  // the boardings have read into them, and their first time of day per kind.
  const times: number[][] = regimes.map(() => []);
  const counts = new Int32Array(kindCount);
  const read = new Int32Array(kindCount);
  const firstMinute = new Int32Array(kindCount);
  const seen = new Uint8Array(kindCount);
  const varies = new Uint8Array(kindCount);
  let anyVaries = false;
  const resetPerson = () => {
    for (let kind = 0; kind < kindCount; kind++) {
      counts[kind] = 0;
      read[kind] = 0;
      seen[kind] = 0;
      varies[kind] = 0;
    }
    anyVaries = false;
  };

  const reportTest = (t: number, local: number, reason: string, say: (at: string) => string) => {
    const date = formatCivilDate(Math.floor(local / MINUTES_PER_DAY));
    emit({
      code: "fixed-testing",
      personId: people.idOf(tests.person[t] as number),
      siteId: tests.sites.idOf(tests.site[t] as number),
      date,
      path: ["tests", t],
      missingKinds: [],
      reasons: [reason],
      message: say(`${date} ${formatClockTime(local % MINUTES_PER_DAY)}`),
    });
  };

  /** Reads one person's tests into `times`, reporting the ones that are wrong in themselves. */
  const readTests = (personId: string, dormitoryId: string, person: number) => {
    const { start, items } = context.testsByPerson;
    const end = start[person + 1] as number;
    // The slot last counted: a visit takes one place, whatever kinds are taken in it.
    let lastDay = Number.NaN;
    let lastSlot = Number.NaN;
    // A person's tests are mostly at one site: look it up once (is it their dormitory,
    // its opening hours, its slots).
    let lastSite = -1;
    let atDormitory = false;
    let open = ALL_DAY;
    let tally: SlotTally | undefined;
    // Kinds taken together share an instant: ask the clock once for it. (Locals, not
    // closure variables: those would box every instant into a new heap number.)
    let lastAt = Number.NaN;
    let local = 0;
    for (let k = start[person] as number; k < end; k++) {
      const t = items[k] as number;
      const siteIndex = tests.site[t] as number;
      if (siteIndex >= siteCount) continue; // a site the scenario lacks: unknown-reference reports it
      const at = tests.at[t] as number;
      if (at !== lastAt) {
        local = clock.localMinutes(at);
        lastAt = at;
      }
      const day = Math.floor(local / MINUTES_PER_DAY);
      const minute = local - day * MINUTES_PER_DAY;
      const kind = tests.kind[t] as number;
      if (!tests.kinds.isKnown(kind)) {
        const known = regimes.map((regime) => regime.kind).join(", ");
        reportTest(
          t,
          local,
          "unknown-kind",
          (when) =>
            `${personId}'s ${tests.kinds.idOf(kind)} test at ${when} is of a kind the policy does not know (${known})`,
        );
        continue;
      }
      if (seen[kind] === 0) {
        seen[kind] = 1;
        firstMinute[kind] = minute;
      } else if (firstMinute[kind] !== minute) {
        varies[kind] = 1;
        anyVaries = true;
      }
      if (siteIndex !== lastSite) {
        atDormitory = siteIds[siteIndex] === dormitoryId;
        open = hours[siteIndex] as TestingHours;
        tally = slots[siteIndex];
        lastSite = siteIndex;
      }
      if (!atDormitory) {
        const site = sites[siteIndex] as Site;
        reportTest(
          t,
          local,
          "other-site",
          (when) =>
            `${personId}'s ${tests.kinds.idOf(kind)} test at ${when} is at ${site.id}, not at their dormitory ${dormitoryId}`,
        );
        continue;
      }
      const { opens, closes } = open;
      if (minute < opens || minute >= closes) {
        const site = sites[siteIndex] as Site;
        reportTest(
          t,
          local,
          "outside-hours",
          (when) =>
            `${personId}'s ${tests.kinds.idOf(kind)} test at ${when} is outside ${site.name}'s opening hours ${formatClockTime(opens)}–${formatClockTime(closes)}`,
        );
      } else if (tally !== undefined) {
        const slot = slotOf(open, minute);
        if (slot !== lastSlot || day !== lastDay) {
          tally.add(day, slot);
          lastDay = day;
          lastSlot = slot;
        }
      }
      const list = times[kind] as number[];
      list[counts[kind] as number] = at;
      counts[kind] = (counts[kind] as number) + 1;
    }
  };

  const reportVaryingTimes = (personId: string, person: number) => {
    const indexes = groupOf(context.testsByPerson, person);
    regimes.forEach((regime, kind) => {
      if (varies[kind] === 0) return;
      const minutes = new Set<number>();
      for (const t of indexes)
        if (tests.kind[t] === kind) minutes.add(clock.minuteOfDay(tests.at[t] as number));
      const list = [...minutes].sort((a, b) => a - b).map(formatClockTime);
      emit({
        code: "fixed-testing",
        personId,
        missingKinds: [],
        reasons: ["varying-time"],
        message: `${personId} takes ${regime.kind} tests at ${list.length} different times of day (${list.join(", ")}); testing is at one fixed time`,
      });
    });
  };

  /**
   * The kinds a boarding of trip `trip` lacks a valid test of, or `undefined` if none.
   * Boardings come in departure order, so each kind's test times are read forward once.
   */
  const missingKinds = (trip: number): string[] | undefined => {
    const depart = departs[trip] as number; // read here: a number argument would be boxed
    let missing: string[] | undefined;
    for (let kind = 0; kind < kindCount; kind++) {
      const list = times[kind] as number[];
      const count = counts[kind] as number;
      const { resultMs, validMs } = validities[kind] as Validity;
      const resultsBy = depart - resultMs;
      let next = read[kind] as number;
      while (next < count && (list[next] as number) <= resultsBy) next++;
      read[kind] = next;
      const latest = next === 0 ? Number.NEGATIVE_INFINITY : (list[next - 1] as number);
      if (latest >= depart - validMs) continue;
      if (missing === undefined) missing = [];
      missing.push((regimes[kind] as (typeof regimes)[number]).kind);
    }
    return missing;
  };

  const checkBoarding = (i: number, person: number, personId: string) => {
    const missing = missingKinds(i);
    if (missing === undefined) return;
    const trip = roster.trips[i];
    if (trip === undefined) return;
    const role = tripDriver[i] === person ? "driver" : "passenger";
    emit({
      code: "fixed-testing",
      personId,
      tripId: trip.id,
      vehicleId: trip.vehicleId,
      date: context.tripDate(i),
      missingKinds: missing,
      reasons: ["no-valid-test"],
      message: `${role} ${personId} boards ${context.describeTrip(i)} without a valid ${missing.join(" and ")} test at their dormitory`,
    });
  };

  /** Checks trips `items[from .. to)`, the person's boardings in departure order. */
  const checkBoardings = (
    items: Int32Array,
    from: number,
    to: number,
    person: number,
    personId: string,
  ) => {
    // Usually every boarding has every kind: a sweep per kind says so, and only a person
    // whose boardings lack some is read boarding by boarding, to report them.
    let covered = true;
    for (let kind = 0; covered && kind < kindCount; kind++) {
      const list = times[kind] as number[];
      const count = counts[kind] as number;
      const validity = validities[kind] as Validity;
      covered = everyBoardingCovered(list, count, validity, departs, items, from, to);
    }
    if (covered) return;
    for (let k = from; k < to; k++) checkBoarding(items[k] as number, person, personId);
  };

  /** Each boarding as driver or passenger, in departure order, each trip once. */
  const checkBoardingsOf = (person: number, personId: string) => {
    const rides = context.ridesByPerson;
    const drives = context.drivesByPerson;
    const rideFrom = rides.start[person] as number;
    const rideTo = rides.start[person + 1] as number;
    const driveFrom = drives.start[person] as number;
    const driveTo = drives.start[person + 1] as number;
    if (driveFrom === driveTo) checkBoardings(rides.items, rideFrom, rideTo, person, personId);
    else if (rideFrom === rideTo)
      checkBoardings(drives.items, driveFrom, driveTo, person, personId);
    else {
      const both = ridesAndDrives(context, person);
      checkBoardings(both, 0, both.length, person, personId);
    }
  };

  for (let index = 0; index < people.knownCount; index++) {
    const person = context.staffAt(index);
    if (person === undefined) continue;
    resetPerson();
    readTests(person.id, person.dormitoryId, index);
    if (anyVaries) reportVaryingTimes(person.id, index);
    checkBoardingsOf(index, person.id);
  }

  slots.forEach((tally, siteIndex) => {
    const site = sites[siteIndex] as Site;
    const point = site.testing;
    if (tally === undefined || point === undefined) return;
    tally.forEach((slot, count) => {
      if (count <= point.perSlot) return;
      const date = formatCivilDate(Math.floor(slot / MINUTES_PER_DAY));
      emit({
        code: "fixed-testing",
        siteId: site.id,
        date,
        missingKinds: [],
        reasons: ["slot-full"],
        message: `${site.id}'s testing slot ${date} ${formatClockTime(slot % MINUTES_PER_DAY)} holds ${count} people; it takes ${point.perSlot}`,
      });
    });
  });
};
