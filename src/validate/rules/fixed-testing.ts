/**
 * fixed-testing: every boarding (worker or driver) has a test of each required kind at the
 * person's dormitory within its validity and with its result out before departure; each
 * person tests at one fixed time of day per kind; slots keep to opening hours and size.
 * Guards fixed testing (定檢): results before boarding.
 */
import { getOrCreate } from "../../collections.js";
import type { Site } from "../../scenario/schema.js";
import { formatCivilDate } from "../../time/civil-date.js";
import { clockMinutes, formatClockTime } from "../../time/clock-time.js";
import type { ValidationContext } from "../context.js";
import { groupOf } from "../groups.js";
import type { Rule } from "../rule.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/** The largest value in ascending `times[0..length)` that is ≤ `limit`, or -Infinity. */
function latestAtOrBefore(times: readonly number[], length: number, limit: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? Number.NEGATIVE_INFINITY : (times[lo - 1] as number);
}

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

export const checkFixedTesting: Rule<"fixed-testing"> = (context, emit) => {
  const { model, roster, clock, policy } = context;
  const regimes = policy.testing;
  const kindIndex = new Map(regimes.map((regime, index) => [regime.kind, index]));
  const hours = new Map<string, { opens: number; closes: number }>();
  const hoursOf = (siteId: string) => {
    let found = hours.get(siteId);
    if (found === undefined) {
      const point = model.sites.get(siteId)?.testing;
      found = {
        opens: point === undefined ? 0 : clockMinutes(point.opens),
        closes: point === undefined ? 1440 : clockMinutes(point.closes),
      };
      hours.set(siteId, found);
    }
    return found;
  };
  // People per slot, per site, keyed `day * 1440 + slot start` (a visit takes one place,
  // whatever kinds are taken in it).
  const slotPeople = new Map<string, Map<number, number>>();
  // Reused per person: valid test times per kind at their dormitory, and their first
  // time of day per kind.
  const times: number[][] = regimes.map(() => []);
  const counts = new Int32Array(regimes.length);
  const firstMinute = new Int32Array(regimes.length);
  const seen = new Uint8Array(regimes.length);
  const varies = new Uint8Array(regimes.length);

  const { tests, people, tripDriver } = roster;
  const reportTest = (
    index: number,
    day: number,
    minute: number,
    reason: string,
    say: (at: string) => string,
  ) => {
    const date = formatCivilDate(day);
    emit({
      code: "fixed-testing",
      personId: people.idOf(tests.person[index] as number),
      siteId: tests.siteId[index] as string,
      date,
      path: ["tests", index],
      missingKinds: [],
      reasons: [reason],
      message: say(`${date} ${formatClockTime(minute)}`),
    });
  };

  for (let index = 0; index < people.knownCount; index++) {
    const person = context.staffAt(index);
    if (person === undefined) continue;
    const personId = person.id;
    const indexes = groupOf(context.testsByPerson, index);
    counts.fill(0);
    seen.fill(0);
    varies.fill(0);
    let lastSlot = Number.NaN;
    let site: Site | undefined;
    for (const t of indexes) {
      const at = tests.at[t] as number;
      const siteId = tests.siteId[t] as string;
      const kindName = tests.kind[t] as string;
      // A person's tests are usually all at one site: look it up only when it changes.
      if (site?.id !== siteId) site = model.sites.get(siteId);
      if (site === undefined) continue;
      const day = clock.dayOf(at);
      const minute = clock.minuteOfDay(at);
      const kind = kindIndex.get(kindName);
      if (kind === undefined) {
        const known = [...kindIndex.keys()].join(", ");
        reportTest(
          t,
          day,
          minute,
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
      if (siteId !== person.dormitoryId) {
        reportTest(
          t,
          day,
          minute,
          "other-site",
          (when) =>
            `${personId}'s ${kindName} test at ${when} is at ${siteId}, not at their dormitory ${person.dormitoryId}`,
        );
        continue;
      }
      const { opens, closes } = hoursOf(site.id);
      if (minute < opens || minute >= closes) {
        const name = site.name;
        reportTest(
          t,
          day,
          minute,
          "outside-hours",
          (when) =>
            `${personId}'s ${kindName} test at ${when} is outside ${name}'s opening hours ${formatClockTime(opens)}–${formatClockTime(closes)}`,
        );
      } else if (site.testing !== undefined) {
        const slot =
          day * 1440 +
          opens +
          Math.floor((minute - opens) / site.testing.slotMinutes) * site.testing.slotMinutes;
        if (slot !== lastSlot) {
          const inSlot = getOrCreate(slotPeople, site.id, () => new Map<number, number>());
          inSlot.set(slot, (inSlot.get(slot) ?? 0) + 1);
          lastSlot = slot;
        }
      }
      const list = times[kind] as number[];
      list[counts[kind] as number] = at;
      counts[kind] = (counts[kind] as number) + 1;
    }

    regimes.forEach((regime, kind) => {
      if (varies[kind] === 0) return;
      const minutes = [
        ...new Set(
          [...indexes]
            .filter((t) => tests.kind[t] === regime.kind)
            .map((t) => clock.minuteOfDay(tests.at[t] as number)),
        ),
      ];
      const list = minutes.sort((a, b) => a - b).map(formatClockTime);
      emit({
        code: "fixed-testing",
        personId,
        missingKinds: [],
        reasons: ["varying-time"],
        message: `${personId} takes ${regime.kind} tests at ${list.length} different times of day (${list.join(", ")}); testing is at one fixed time`,
      });
    });

    for (const i of boardingsOf(context, index)) checkBoarding(i, index);
  }

  /** The kinds a boarding at `depart` lacks a valid test of, or `undefined` if none. */
  function missingKinds(depart: number): string[] | undefined {
    let missing: string[] | undefined;
    for (let kind = 0; kind < regimes.length; kind++) {
      const regime = regimes[kind] as (typeof regimes)[number];
      const latest = latestAtOrBefore(
        times[kind] as number[],
        counts[kind] as number,
        depart - regime.resultMinutes * MS_PER_MINUTE,
      );
      if (latest >= depart - regime.validHours * MS_PER_HOUR) continue;
      if (missing === undefined) missing = [];
      missing.push(regime.kind);
    }
    return missing;
  }

  function checkBoarding(i: number, person: number): void {
    const missing = missingKinds(context.departs[i] as number);
    if (missing === undefined) return;
    const trip = roster.trips[i];
    if (trip === undefined) return;
    const personId = people.idOf(person);
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
  }

  for (const [siteId, inSlot] of slotPeople) {
    const point = model.sites.get(siteId)?.testing;
    if (point === undefined) continue;
    for (const [slot, count] of inSlot) {
      if (count <= point.perSlot) continue;
      const date = formatCivilDate(Math.floor(slot / 1440));
      emit({
        code: "fixed-testing",
        siteId,
        date,
        missingKinds: [],
        reasons: ["slot-full"],
        message: `${siteId}'s testing slot ${date} ${formatClockTime(slot % 1440)} holds ${count} people; it takes ${point.perSlot}`,
      });
    }
  }
};
