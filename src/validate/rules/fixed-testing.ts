/**
 * fixed-testing: every boarding (worker or driver) has a test of each required kind at the
 * person's dormitory within its validity and with its result out before departure; each
 * person tests at one fixed time of day per kind; slots keep to opening hours and size.
 * Guards fixed testing (定檢): results before boarding.
 */
import type { Site } from "../../scenario/schema.js";
import { formatCivilDate } from "../../time/civil-date.js";
import { clockMinutes, formatClockTime } from "../../time/clock-time.js";
import type { ValidationContext } from "../context.js";
import { groupOf } from "../groups.js";
import type { Rule } from "../rule.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MINUTES_PER_DAY = 1440;

/** A person's boardings as driver or passenger, in departure order, each trip once. */
function boardingsOf(context: ValidationContext, person: number): Int32Array {
  const riding = groupOf(context.ridesByPerson, person);
  const driving = groupOf(context.drivesByPerson, person);
  if (driving.length === 0) return riding;
  if (riding.length === 0) return driving;
  // Rare: a driver who also rides.
  return Int32Array.from(new Set([...riding, ...driving])).sort(
    (a, b) => (context.departs[a] as number) - (context.departs[b] as number) || a - b,
  );
}

/** A testing point's opening hours in minutes of day (all day where a site has none). */
function hoursOf(site: Site): { opens: number; closes: number } {
  const point = site.testing;
  return point === undefined
    ? { opens: 0, closes: MINUTES_PER_DAY }
    : { opens: clockMinutes(point.opens), closes: clockMinutes(point.closes) };
}

export const checkFixedTesting: Rule<"fixed-testing"> = (context, emit) => {
  const { model, roster, clock, policy } = context;
  const { tests, people, tripDriver } = roster;
  const regimes = policy.testing;
  const sites = model.scenario.sites;
  const hours = sites.map(hoursOf);
  // People per slot, per site index, keyed `day * 1440 + slot start` (a visit takes one
  // place, whatever kinds are taken in it).
  const slotPeople: (Map<number, number> | undefined)[] = sites.map(() => undefined);
  // Reused per person: valid test times per kind at their dormitory (ascending), how far
  // the boardings have read into them, and their first time of day per kind.
  const times: number[][] = regimes.map(() => []);
  const counts = new Int32Array(regimes.length);
  const read = new Int32Array(regimes.length);
  const firstMinute = new Int32Array(regimes.length);
  const seen = new Uint8Array(regimes.length);
  const varies = new Uint8Array(regimes.length);

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
  const readTests = (personId: string, dormitoryId: string, indexes: Int32Array) => {
    counts.fill(0);
    seen.fill(0);
    varies.fill(0);
    let lastSlot = Number.NaN;
    for (const t of indexes) {
      const siteIndex = tests.site[t] as number;
      const site = sites[siteIndex];
      if (site === undefined) continue; // unknown-reference reports it
      const at = tests.at[t] as number;
      const local = clock.localMinutes(at);
      const day = Math.floor(local / MINUTES_PER_DAY);
      const minute = local - day * MINUTES_PER_DAY;
      const kind = tests.kind[t] as number;
      const kindName = tests.kinds.idOf(kind);
      if (!tests.kinds.isKnown(kind)) {
        const known = regimes.map((regime) => regime.kind).join(", ");
        reportTest(
          t,
          local,
          "unknown-kind",
          (when) =>
            `${personId}'s ${kindName} test at ${when} is of a kind the policy does not know (${known})`,
        );
        continue;
      }
      if (seen[kind] === 0) {
        seen[kind] = 1;
        firstMinute[kind] = minute;
      } else if (firstMinute[kind] !== minute) varies[kind] = 1;
      if (site.id !== dormitoryId) {
        reportTest(
          t,
          local,
          "other-site",
          (when) =>
            `${personId}'s ${kindName} test at ${when} is at ${site.id}, not at their dormitory ${dormitoryId}`,
        );
        continue;
      }
      const { opens, closes } = hours[siteIndex] as { opens: number; closes: number };
      if (minute < opens || minute >= closes) {
        reportTest(
          t,
          local,
          "outside-hours",
          (when) =>
            `${personId}'s ${kindName} test at ${when} is outside ${site.name}'s opening hours ${formatClockTime(opens)}–${formatClockTime(closes)}`,
        );
      } else if (site.testing !== undefined) {
        const { slotMinutes } = site.testing;
        const slot =
          day * MINUTES_PER_DAY + opens + Math.floor((minute - opens) / slotMinutes) * slotMinutes;
        if (slot !== lastSlot) {
          let inSlot = slotPeople[siteIndex];
          if (inSlot === undefined) {
            inSlot = new Map();
            slotPeople[siteIndex] = inSlot;
          }
          inSlot.set(slot, (inSlot.get(slot) ?? 0) + 1);
          lastSlot = slot;
        }
      }
      const list = times[kind] as number[];
      list[counts[kind] as number] = at;
      counts[kind] = (counts[kind] as number) + 1;
    }
  };

  const reportVaryingTimes = (personId: string, indexes: Int32Array) => {
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
   * The kinds a boarding at `depart` lacks a valid test of, or `undefined` if none.
   * Boardings come in departure order, so each kind's test times are read forward once.
   */
  const missingKinds = (depart: number): string[] | undefined => {
    let missing: string[] | undefined;
    for (let kind = 0; kind < regimes.length; kind++) {
      const regime = regimes[kind] as (typeof regimes)[number];
      const list = times[kind] as number[];
      const resultsBy = depart - regime.resultMinutes * MS_PER_MINUTE;
      let next = read[kind] as number;
      while (next < (counts[kind] as number) && (list[next] as number) <= resultsBy) next++;
      read[kind] = next;
      const latest = next === 0 ? Number.NEGATIVE_INFINITY : (list[next - 1] as number);
      if (latest >= depart - regime.validHours * MS_PER_HOUR) continue;
      if (missing === undefined) missing = [];
      missing.push(regime.kind);
    }
    return missing;
  };

  const checkBoarding = (i: number, person: number, personId: string) => {
    const missing = missingKinds(context.departs[i] as number);
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

  for (let index = 0; index < people.knownCount; index++) {
    const person = context.staffAt(index);
    if (person === undefined) continue;
    const indexes = groupOf(context.testsByPerson, index);
    readTests(person.id, person.dormitoryId, indexes);
    reportVaryingTimes(person.id, indexes);
    read.fill(0);
    for (const i of boardingsOf(context, index)) checkBoarding(i, index, person.id);
  }

  slotPeople.forEach((inSlot, siteIndex) => {
    const site = sites[siteIndex];
    const point = site?.testing;
    if (inSlot === undefined || site === undefined || point === undefined) return;
    for (const [slot, count] of inSlot) {
      if (count <= point.perSlot) continue;
      const date = formatCivilDate(Math.floor(slot / MINUTES_PER_DAY));
      emit({
        code: "fixed-testing",
        siteId: site.id,
        date,
        missingKinds: [],
        reasons: ["slot-full"],
        message: `${site.id}'s testing slot ${date} ${formatClockTime(slot % MINUTES_PER_DAY)} holds ${count} people; it takes ${point.perSlot}`,
      });
    }
  });
};
