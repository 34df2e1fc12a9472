/**
 * fixed-testing across a DST change (Europe/Berlin, 2025-03-30, 02:00 CET → 03:00 CEST):
 * validity is elapsed time, times of day and slots are local wall-clock ones, and a test the
 * roster writes in the gap is at the minute the zone's clock shows then.
 */
import { describe, expect, it } from "vitest";
import { type Roster, type ScenarioInput, validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { violationsOf } from "../report-helpers.js";

/**
 * The fixture moved to Berlin over 2025-03-29..31, antigen only (result in 30 minutes,
 * valid 24 h), d1 testing 00:00–23:30 in 30-minute slots of 3 people; one trip, T01, to the
 * plant with w1 and w2, driven by k1, leaving at `depart`; the tests `tests`.
 */
function berlin(depart: string, tests: Roster["tests"]): [ScenarioInput, Roster] {
  const scenario: ScenarioInput = structuredClone(fixtureScenario());
  scenario.timeZone = "Europe/Berlin";
  scenario.horizon = { start: "2025-03-29", days: 3 };
  scenario.policy = {
    ...scenario.policy,
    testing: [{ kind: "antigen", validHours: 24, resultMinutes: 30 }],
  };
  const d1 = scenario.sites[0];
  if (d1?.testing === undefined) throw new Error("d1 has no testing point");
  Object.assign(d1.testing, { opens: "00:00", closes: "23:30", perSlot: 3 });
  const roster: Roster = structuredClone(validRoster());
  roster.timeZone = "Europe/Berlin";
  roster.horizon = { start: "2025-03-29", days: 3 };
  const t01 = roster.trips[0] as Roster["trips"][number];
  const arrive = new Date(Date.parse(depart) + 10 * 60_000).toISOString();
  roster.trips = [{ ...t01, depart, arrive }];
  roster.tests = tests;
  return [scenario, roster];
}

/** An antigen test at d1. */
const antigen = (personId: string, at: string) => ({ personId, siteId: "d1", kind: "antigen", at });

/** Each person's daily 06:00 antigen test (local) on 03-29, 03-30 and 03-31, but `except`. */
function dailyAt6(except: string[] = []): Roster["tests"] {
  return ["k1", "w1", "w2"]
    .filter((personId) => !except.includes(personId))
    .flatMap((personId) => [
      antigen(personId, "2025-03-29T06:00:00+01:00"),
      antigen(personId, "2025-03-30T06:00:00+02:00"),
      antigen(personId, "2025-03-31T06:00:00+02:00"),
    ]);
}

function fixedTesting(depart: string, tests: Roster["tests"]) {
  const [scenario, roster] = berlin(depart, tests);
  return violationsOf(validateRoster(scenario, roster), "fixed-testing");
}

describe("fixed-testing across a spring-forward night", () => {
  it("stays quiet for tests at 06:00 local each day, 23 h apart across the change", () => {
    expect(fixedTesting("2025-03-30T06:30:00+02:00", dailyAt6())).toEqual([]);
  });

  it("counts validHours as elapsed time: a test 24.5 h earlier by the clock is 23.5 h old", () => {
    // Arrange: w1 tests only at 03-29 07:00 CET (06:00 UTC); T01 leaves 03-30 07:30 CEST
    // (05:30 UTC), and then at 08:30 CEST (24.5 h after the test).
    const tests = [...dailyAt6(["w1"]), antigen("w1", "2025-03-29T07:00:00+01:00")];

    // Act
    const inTime = fixedTesting("2025-03-30T07:30:00+02:00", tests);
    const late = fixedTesting("2025-03-30T08:30:00+02:00", tests);

    // Assert
    expect(inTime).toEqual([]);
    expect(late.map((v) => [v.personId, v.tripId, v.date, v.missingKinds])).toEqual([
      ["w1", "T01", "2025-03-30", ["antigen"]],
    ]);
    expect(late[0]?.message).toContain("trip T01 (2025-03-30 08:30");
  });

  it("puts a test written in the gap at 03:30, a different time of day, in the 03:30 slot", () => {
    // Arrange: w1 tests at 02:30 each day, written +01:00 on 03-30 (02:30 does not exist
    // that night: the instant is 03:30 CEST); k1 and w2 test at 03:30 CEST that day too.
    const tests = [
      ...dailyAt6(["w1"]),
      antigen("w1", "2025-03-29T02:30:00+01:00"),
      antigen("w1", "2025-03-30T02:30:00+01:00"),
      antigen("w1", "2025-03-31T02:30:00+02:00"),
      antigen("k1", "2025-03-30T03:30:00+02:00"),
      antigen("w2", "2025-03-30T03:30:00+02:00"),
      antigen("w2", "2025-03-30T03:30:00+02:00"),
    ];

    // Act: T01 at 04:10 CEST, 40 minutes after the 03:30 tests
    const found = fixedTesting("2025-03-30T04:10:00+02:00", tests);

    // Assert (in the report's order): w1 varies (02:30, 03:30); k1 and w2 vary (03:30,
    // 06:00); the slot holds three people (w2 once, for two tests), which it takes.
    expect(found.map((v) => [v.personId, v.reasons, v.message])).toEqual([
      [
        "k1",
        ["varying-time"],
        "k1 takes antigen tests at 2 different times of day (03:30, 06:00); testing is at one fixed time",
      ],
      [
        "w1",
        ["varying-time"],
        "w1 takes antigen tests at 2 different times of day (02:30, 03:30); testing is at one fixed time",
      ],
      [
        "w2",
        ["varying-time"],
        "w2 takes antigen tests at 2 different times of day (03:30, 06:00); testing is at one fixed time",
      ],
    ]);
  });

  it("reports a test in the gap out of hours with the local date and time it has", () => {
    // Arrange: d1 opens at 03:00 — which does not exist on 03-30; w1's test written
    // 02:45+01:00 is 03:45 CEST, in hours; k1's 01:45 CET is before opening.
    const [scenario, roster] = berlin("2025-03-30T06:30:00+02:00", [
      ...dailyAt6(["k1"]),
      antigen("k1", "2025-03-30T01:45:00+01:00"),
      antigen("w1", "2025-03-30T02:45:00+01:00"),
    ]);
    const d1 = scenario.sites[0];
    if (d1?.testing !== undefined) d1.testing.opens = "03:00";

    // Act
    const found = violationsOf(validateRoster(scenario, roster), "fixed-testing");

    // Assert (in the report's order): w1's 03:45 varies from 06:00; k1's test is out of
    // hours, yet still counts for T01 (its result is out by then).
    expect(found.map((v) => [v.personId, v.reasons, v.date ?? null])).toEqual([
      ["w1", ["varying-time"], null],
      ["k1", ["outside-hours"], "2025-03-30"],
    ]);
    expect(found[0]?.message).toContain("(03:45, 06:00)");
    expect(found[1]?.message).toBe(
      "k1's antigen test at 2025-03-30 01:45 is outside Dorm One's opening hours 03:00–23:30",
    );
  });
});
