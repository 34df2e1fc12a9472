/**
 * fixed-testing: every boarding has a valid test of each required kind at the person's
 * dormitory; one time of day per kind; slots within hours and size. Guards fixed testing (定檢).
 *
 * This file reads each person's tests once, in time order, through its parts, and words
 * the violations: `testing-sites` (at their dormitory, in its hours, people per slot, with
 * `testing-slots`), `testing-time-of-day` (one minute of day per kind), `testing-cover`
 * (which kinds their boardings lack) and `testing-boardings` (the trips they board).
 * A district has 1.6 M tests and 2 M boardings: the paths per test and per boarding
 * allocate nothing, walk the person groups by index (no views) and ask the clock once per
 * instant (a person's kinds are mostly taken together).
 */
import type { Staff } from "../../scenario/schema.js";
import { formatCivilDate } from "../../time/civil-date.js";
import { formatClockTime } from "../../time/clock-time.js";
import { groupOf } from "../groups.js";
import type { Rule } from "../rule.js";
import { boardingsOf } from "./testing-boardings.js";
import { TestingCover } from "./testing-cover.js";
import { TestingSites } from "./testing-sites.js";
import type { TestingHours } from "./testing-slots.js";
import { minutesOfDay, TimesOfDay } from "./testing-time-of-day.js";

const MINUTES_PER_DAY = 1440;

export const checkFixedTesting: Rule<"fixed-testing"> = (context, emit) => {
  const { model, roster, clock, policy, departs } = context;
  const { tests, people, tripDriver } = roster;
  const regimes = policy.testing;
  const sites = new TestingSites(model);
  const timesOfDay = new TimesOfDay(regimes.length);
  const cover = new TestingCover(regimes, departs);
  const siteCount = sites.count;

  /** Reports test t, at local minutes `local` since 1970, as wrong in itself. */
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

  /**
   * Reads one person's tests: reports the ones that are wrong in themselves, notes each
   * one's time of day, and gives the cover those that may cover a boarding.
   */
  const readTests = (personId: string, dormitoryId: string, person: number) => {
    const { start, items } = context.testsByPerson;
    const end = start[person + 1] as number;
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
      timesOfDay.note(kind, minute);
      const place = sites.place(siteIndex, day, minute);
      if (place === "other-site") {
        const site = sites.site(siteIndex);
        reportTest(
          t,
          local,
          "other-site",
          (when) =>
            `${personId}'s ${tests.kinds.idOf(kind)} test at ${when} is at ${site.id}, not at their dormitory ${dormitoryId}`,
        );
        continue;
      }
      if (place === "outside-hours") {
        const site = sites.site(siteIndex);
        const { opens, closes } = sites.hoursAt(siteIndex) as TestingHours;
        reportTest(
          t,
          local,
          "outside-hours",
          (when) =>
            `${personId}'s ${tests.kinds.idOf(kind)} test at ${when} is outside ${site.name}'s opening hours ${formatClockTime(opens)}–${formatClockTime(closes)}`,
        );
      }
      cover.add(kind, at);
    }
  };

  const reportVaryingTimes = (personId: string, person: number) => {
    const indexes = groupOf(context.testsByPerson, person);
    regimes.forEach((regime, kind) => {
      if (!timesOfDay.varies(kind)) return;
      const list = minutesOfDay(tests, indexes, kind, clock).map(formatClockTime);
      emit({
        code: "fixed-testing",
        personId,
        missingKinds: [],
        reasons: ["varying-time"],
        message: `${personId} takes ${regime.kind} tests at ${list.length} different times of day (${list.join(", ")}); testing is at one fixed time`,
      });
    });
  };

  const reportBoarding = (i: number, person: number, personId: string) => {
    const missing = cover.missingKinds(i);
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

  for (let person = 0; person < people.knownCount; person++) {
    const staff = context.staffAt(person) as Staff; // every known person is staff
    sites.startPerson(staff.dormitoryId);
    timesOfDay.reset();
    cover.reset();
    readTests(staff.id, staff.dormitoryId, person);
    if (timesOfDay.anyVaries()) reportVaryingTimes(staff.id, person);
    // Usually every boarding has every kind: a sweep per kind says so, and only a person
    // whose boardings lack some is read boarding by boarding, to report them.
    const { items, from, to } = boardingsOf(
      context.ridesByPerson,
      context.drivesByPerson,
      departs,
      person,
    );
    if (cover.coversAll(items, from, to)) continue;
    for (let k = from; k < to; k++) reportBoarding(items[k] as number, person, staff.id);
  }

  sites.forEachFullSlot((site, perSlot, slot, count) => {
    const date = formatCivilDate(Math.floor(slot / MINUTES_PER_DAY));
    emit({
      code: "fixed-testing",
      siteId: site.id,
      date,
      missingKinds: [],
      reasons: ["slot-full"],
      message: `${site.id}'s testing slot ${date} ${formatClockTime(slot % MINUTES_PER_DAY)} holds ${count} people; it takes ${perSlot}`,
    });
  });
};
