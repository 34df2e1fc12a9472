/**
 * Demand (demand.ts) on a zero-minute route: dormitory and plant on one road node, so a
 * ride home arrives the minute it leaves. A worker's next ride in may then leave the very
 * minute their ride home does; trip keys (trip-key.ts) sort a ride in before a ride home of
 * the same minute, so the two rides would read out of turn (in, in, home, home), and the
 * roster would carry the worker to the plant twice in a row.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { eligibilityIndex } from "../../src/facts/eligibility.js";
import { loopsOf } from "../../src/facts/loops.js";
import { formatReport, planRoster, type ScenarioInput, validateRoster } from "../../src/index.js";
import { buildDemand } from "../../src/plan/demand.js";
import { ridesInTurn, rideWindows } from "../../src/plan/ride-turns.js";
import { scenarioModel } from "../../src/scenario/model.js";
import { ZoneClock } from "../../src/time/zone-clock.js";
import { clock } from "../arbitraries/scenario.js";
import { minimalScenario } from "../fixtures/minimal-scenario.js";

type Schedule = NonNullable<ScenarioInput["staff"][number]["schedule"]>;

/** The minimal scenario (one worker, one driver) with dormitory and plant both at node a. */
function zeroMinuteRoute(
  shifts: ScenarioInput["shifts"],
  schedule: Schedule,
  policy: ScenarioInput["policy"] = {},
): ScenarioInput {
  const base = minimalScenario();
  return {
    ...base,
    policy: { arriveBeforeShiftMinutes: 10, departAfterShiftMinutes: 10, ...policy },
    sites: base.sites.map((site) => ({ ...site, node: "a" })),
    shifts,
    staff: base.staff.map((person) =>
      person.role === "worker" ? { ...person, schedule } : person,
    ),
  };
}

/** Plans; fails with the formatted report unless the roster breaks no rule. */
function planValid(input: ScenarioInput) {
  const roster = planRoster(input);
  const report = validateRoster(input, roster);
  expect(report.violations, formatReport(report)).toEqual([]);
  return roster;
}

/**
 * Night 22:00–08:00 on the 16th, then a day shift starting `dayStart` on the 17th. No
 * disinfection, so that one vehicle can take the worker home and bring them back at once.
 */
const nightThenDay = (dayStart: string) =>
  zeroMinuteRoute(
    [
      { id: "night", start: "22:00", end: "08:00" },
      { id: "day", start: dayStart, end: "16:00" },
    ],
    { dates: { "2022-05-16": "night", "2022-05-17": "day" } },
    { disinfectionMinutes: 0 },
  );

describe("a ride in leaving the minute the last ride home left", () => {
  it("is not planned: the shift it serves is unserved, and the roster breaks no rule", () => {
    // Home after the night: 08:00 + 10 = 08:10, at the dormitory 08:10. In for the day
    // shift: 08:20 − 10 − 0 = 08:10, the same minute. (Before the fix: two closed-loop
    // violations, w1 riding to the plant at 21:50 and again at 08:10.)
    const roster = planValid(nightThenDay("08:20"));
    expect(roster.unserved).toEqual([
      { personId: "w1", date: "2022-05-17", reason: "overlapping-shifts" },
    ]);
    const rides = roster.trips.filter((trip) => trip.passengers.length > 0);
    expect(rides.map((trip) => [trip.direction, trip.depart])).toEqual([
      ["to-plant", "2022-05-16T21:50:00+08:00"],
      ["to-dormitory", "2022-05-17T08:10:00+08:00"],
    ]);
  });

  it("one minute later is planned: both shifts are carried", () => {
    const roster = planValid(nightThenDay("08:21"));
    expect(roster.unserved).toEqual([]);
    const rides = roster.trips.filter((trip) => trip.passengers.length > 0);
    expect(rides.map((trip) => trip.direction)).toEqual([
      "to-plant",
      "to-dormitory",
      "to-plant",
      "to-dormitory",
    ]);
  });
});

/**
 * A night shift, a day shift whose ride in leaves `delta` minutes after the night's ride
 * home (often the same minute; before it, demand drops the day shift), and the night again:
 * night on the 16th, day on the 17th, night on the 18th.
 */
const backToBackArb = fc
  .record({
    nightStart: fc.integer({ min: 18 * 60, max: 23 * 60 + 59 }),
    nightEnd: fc.integer({ min: 0, max: 10 * 60 }),
    dayMinutes: fc.integer({ min: 1, max: 8 * 60 }),
    delta: fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 5 })),
    arriveBeforeShiftMinutes: fc.constantFrom(0, 5, 10, 15),
    departAfterShiftMinutes: fc.constantFrom(0, 5, 10, 15),
    disinfectionMinutes: fc.oneof(fc.constant(0), fc.constantFrom(5, 15)),
  })
  .map(({ nightStart, nightEnd, dayMinutes, delta, ...policy }) => {
    const dayStart =
      nightEnd + policy.departAfterShiftMinutes + policy.arriveBeforeShiftMinutes + delta;
    return zeroMinuteRoute(
      [
        { id: "night", start: clock(nightStart), end: clock(nightEnd) },
        { id: "day", start: clock(dayStart), end: clock(dayStart + dayMinutes) },
      ],
      { dates: { "2022-05-16": "night", "2022-05-17": "day", "2022-05-18": "night" } },
      policy,
    );
  });

describe("demand on a zero-minute route", () => {
  test.prop([backToBackArb], { numRuns: 300 })(
    "every rider's trips come in turn, in key order (strictly ascending keys)",
    (input) => {
      const model = scenarioModel(input);
      const clockOf = new ZoneClock(model.zone);
      const { demands } = buildDemand(model, loopsOf(model), clockOf, eligibilityIndex(model));
      const legs = { toPlantMinutes: 0, toDormitoryMinutes: 0 };
      for (const { riders } of demands)
        for (const rider of riders) {
          const { keys } = rider;
          expect(keys.every((key, i) => i === 0 || key > (keys[i - 1] as number))).toBe(true);
          expect(ridesInTurn(rideWindows(keys), legs)).toBe(true);
        }
    },
  );

  test.prop([backToBackArb], { numRuns: 150 })("plans rosters that break no rule", (input) => {
    planValid(input);
  });
});
