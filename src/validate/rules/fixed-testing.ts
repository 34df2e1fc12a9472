/**
 * fixed-testing: every boarding (worker or driver) has a test of each required kind at the
 * person's dormitory within its validity and with its result out before departure; each
 * person tests at one fixed time of day per kind; slots keep to opening hours and size.
 * Guards fixed testing (定檢): results before boarding.
 */
import { getOrCreate, pushTo } from "../../collections.js";
import { formatCivilDate } from "../../time/civil-date.js";
import { clockMinutes, formatClockTime } from "../../time/clock-time.js";
import type { IndexedTest } from "../context.js";
import type { Rule } from "../rule.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/** The largest value in ascending `times` that is ≤ `limit`, or -Infinity. */
function latestAtOrBefore(times: readonly number[], limit: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? Number.NEGATIVE_INFINITY : (times[lo - 1] as number);
}

export const checkFixedTesting: Rule<"fixed-testing"> = (context, emit) => {
  const { model, roster, clock, policy } = context;
  const regimes = policy.testing;
  const kinds = new Set(regimes.map((regime) => regime.kind));

  // Tests that count for boardings: per person, per kind, at their own dormitory.
  const validTimes = new Map<string, Map<string, number[]>>();
  // People (not tests: antigen and PCR in one visit take one place) per slot.
  const slots = new Map<
    string,
    { siteId: string; day: number; slotStart: number; people: Set<string> }
  >();

  const hours = new Map<string, { opens: number; closes: number }>();

  // Built only when a test is at fault: the hot path allocates nothing per test.
  const reportTest = (
    test: IndexedTest,
    day: number,
    minute: number,
    reason: string,
    say: (at: string) => string,
  ) => {
    const date = formatCivilDate(day);
    emit({
      code: "fixed-testing",
      personId: test.personId,
      siteId: test.siteId,
      date,
      path: ["tests", test.index],
      missingKinds: [],
      reasons: [reason],
      message: say(`${date} ${formatClockTime(minute)}`),
    });
  };

  for (const [personId, tests] of context.testsByPerson) {
    const person = model.staff.get(personId);
    if (person === undefined) continue;
    const timesOfDay = new Map<string, Set<number>>();
    for (const test of tests) {
      const site = model.sites.get(test.siteId);
      if (site === undefined) continue;
      const day = clock.dayOf(test.at);
      const minute = clock.minuteOfDay(test.at);
      if (!kinds.has(test.kind)) {
        reportTest(
          test,
          day,
          minute,
          "unknown-kind",
          (at) =>
            `${personId}'s ${test.kind} test at ${at} is of a kind the policy does not know (${[...kinds].join(", ")})`,
        );
        continue;
      }
      getOrCreate(timesOfDay, test.kind, () => new Set<number>()).add(minute);
      if (test.siteId !== person.dormitoryId) {
        reportTest(
          test,
          day,
          minute,
          "other-site",
          (at) =>
            `${personId}'s ${test.kind} test at ${at} is at ${test.siteId}, not at their dormitory ${person.dormitoryId}`,
        );
        continue;
      }
      const point = site.testing;
      const { opens, closes } = getOrCreate(hours, site.id, () => ({
        opens: point === undefined ? 0 : clockMinutes(point.opens),
        closes: point === undefined ? 1440 : clockMinutes(point.closes),
      }));
      if (minute < opens || minute >= closes) {
        reportTest(
          test,
          day,
          minute,
          "outside-hours",
          (at) =>
            `${personId}'s ${test.kind} test at ${at} is outside ${site.name}'s opening hours ${formatClockTime(opens)}–${formatClockTime(closes)}`,
        );
      } else if (point !== undefined) {
        const slotStart =
          opens + Math.floor((minute - opens) / point.slotMinutes) * point.slotMinutes;
        const key = `${site.id}|${day}|${slotStart}`;
        getOrCreate(slots, key, () => ({
          siteId: site.id,
          day,
          slotStart,
          people: new Set<string>(),
        })).people.add(personId);
      }
      pushTo(
        getOrCreate(validTimes, personId, () => new Map<string, number[]>()),
        test.kind,
        test.at,
      );
    }
    for (const [kind, minutes] of timesOfDay) {
      if (minutes.size < 2) continue;
      const list = [...minutes].sort((a, b) => a - b).map(formatClockTime);
      emit({
        code: "fixed-testing",
        personId,
        missingKinds: [],
        reasons: ["varying-time"],
        message: `${personId} takes ${kind} tests at ${list.length} different times of day (${list.join(", ")}); testing is at one fixed time`,
      });
    }
  }

  for (const slot of slots.values()) {
    const point = model.sites.get(slot.siteId)?.testing;
    if (point === undefined || slot.people.size <= point.perSlot) continue;
    const date = formatCivilDate(slot.day);
    emit({
      code: "fixed-testing",
      siteId: slot.siteId,
      date,
      missingKinds: [],
      reasons: ["slot-full"],
      message: `${slot.siteId}'s testing slot ${date} ${formatClockTime(slot.slotStart)} holds ${slot.people.size} people; it takes ${point.perSlot}`,
    });
  }

  roster.trips.forEach((trip, i) => {
    const depart = context.departs[i] as number;
    const check = (personId: string, role: string) => {
      if (!model.staff.has(personId)) return;
      const byKind = validTimes.get(personId);
      const missing: string[] = [];
      for (const regime of regimes) {
        const latest = latestAtOrBefore(
          byKind?.get(regime.kind) ?? [],
          depart - regime.resultMinutes * MS_PER_MINUTE,
        );
        if (latest < depart - regime.validHours * MS_PER_HOUR) missing.push(regime.kind);
      }
      if (missing.length === 0) return;
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
    check(trip.driverId, "driver");
    for (const passenger of trip.passengers) {
      // One violation per (trip, person), even if the driver is also listed as a passenger.
      if (passenger.personId !== trip.driverId) check(passenger.personId, "passenger");
    }
  });
};
