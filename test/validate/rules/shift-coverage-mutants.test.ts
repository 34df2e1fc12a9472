/**
 * shift-coverage, where its shortcuts could hide a mistake: a ride to the plant read only
 * because another trip of the roster is longer (so the "too early" bound is what rejects
 * it, not the look-back that skips old rides), a ride that leaves exactly the look-back
 * before its shift (the first arrival the shift accepts), the end of a worker's own rides (the next
 * worker's ride home is not theirs), and a schedule whose shifts do not start in date order
 * (a day the zone skips) must not make a later shift miss a ride read past for an earlier one.
 */
import { describe, expect, it } from "vitest";
import { type Roster, type ScenarioInput, validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { local, tripOf, violationsOf } from "../report-helpers.js";

const coverage = (scenario: ScenarioInput, roster: Roster) =>
  violationsOf(validateRoster(scenario, roster), "shift-coverage").map((v) => [
    v.personId,
    v.date,
    v.missing,
  ]);

describe("shift-coverage, past its shortcuts", () => {
  it("fires when a ride arrives too early though a longer trip elsewhere keeps it in reach", () => {
    // Arrange: T03 (w3, night shift at 20:00) arrives at 18:59, 61 minutes early; T12 takes
    // 20 minutes (within the route's tolerance), so rides leaving from 18:40 are read.
    const roster = structuredClone(validRoster());
    const t03 = tripOf(roster, "T03");
    t03.depart = local("2022-05-16T18:49");
    t03.arrive = local("2022-05-16T18:59");
    tripOf(roster, "T12").arrive = local("2022-05-18T05:30");

    // Act / Assert
    expect(coverage(fixtureScenario(), roster)).toEqual([["w3", "2022-05-16", ["to-plant"]]]);
  });

  it("stays quiet when the longest trip arrives at the earliest moment allowed", () => {
    // Arrange: every trip takes 10 minutes and maxWait is 60, so the look-back is 70
    // minutes; T03 (w3, night shift at 20:00) leaves exactly 70 minutes before it and
    // arrives at 19:00, the first arrival the shift accepts: it must still be read.
    const roster = structuredClone(validRoster());
    const t03 = tripOf(roster, "T03");
    t03.depart = local("2022-05-16T18:50");
    t03.arrive = local("2022-05-16T19:00");

    // Act / Assert
    expect(coverage(fixtureScenario(), roster)).toEqual([]);
    t03.depart = local("2022-05-16T18:49");
    t03.arrive = local("2022-05-16T18:59");
    expect(coverage(fixtureScenario(), roster)).toEqual([["w3", "2022-05-16", ["to-plant"]]]);
  });

  it("fires when a worker's last shift lacks a ride home the next worker takes", () => {
    // Arrange: w1 is off T08 (05-17 home); w2 rides T08 alone, as their only ride, so it is
    // the first ride after w1's in the rides grouped by person.
    const roster = structuredClone(validRoster());
    for (const id of ["T01", "T02", "T07"])
      tripOf(roster, id).passengers = tripOf(roster, id).passengers.filter(
        (p) => p.personId !== "w2",
      );
    tripOf(roster, "T08").passengers = [{ personId: "w2", seat: 2 }];

    // Act / Assert
    expect(coverage(fixtureScenario(), roster)).toEqual([
      ["w2", "2022-05-16", ["to-plant", "to-dormitory"]],
      ["w1", "2022-05-17", ["to-dormitory"]],
      ["w2", "2022-05-17", ["to-plant"]],
    ]);
  });

  it("stays quiet when a shift starts before the one dated the day before (a skipped day)", () => {
    // Arrange: Samoa skipped 2011-12-30 (UTC−10 → UTC+14), so w1's 08:00 shift dated that day
    // starts at 08:00 on the 31st, an hour after the 07:00 shift dated the 31st. Reading the
    // 30th's shift passes T01 (06:10–06:20 on the 31st); the 31st's shift needs it again.
    const scenario: ScenarioInput = structuredClone(fixtureScenario());
    scenario.timeZone = "Pacific/Apia";
    scenario.horizon = { start: "2011-12-29", days: 3 };
    scenario.shifts = [
      { id: "late", start: "08:00", end: "17:00" },
      { id: "early", start: "07:00", end: "16:00" },
    ];
    scenario.staff = scenario.staff.map((person) =>
      person.id === "w1"
        ? { ...person, schedule: { dates: { "2011-12-30": "late", "2011-12-31": "early" } } }
        : person.role === "worker"
          ? { ...person, schedule: { dates: {} } }
          : person,
    );
    const roster = structuredClone(validRoster());
    roster.timeZone = "Pacific/Apia";
    roster.horizon = { start: "2011-12-29", days: 3 };
    const [t01, t02] = [tripOf(roster, "T01"), tripOf(roster, "T02")];
    Object.assign(t01, {
      depart: "2011-12-31T06:10:00+14:00",
      arrive: "2011-12-31T06:20:00+14:00",
      passengers: [{ personId: "w1", seat: 1 }],
    });
    Object.assign(t02, {
      depart: "2011-12-31T16:10:00+14:00",
      arrive: "2011-12-31T16:20:00+14:00",
      passengers: [{ personId: "w1", seat: 1 }],
    });
    roster.trips = [t01, t02];

    // Act / Assert: only the skipped day's shift, which no ride fits
    expect(coverage(scenario, roster)).toEqual([
      ["w1", "2011-12-30", ["to-plant", "to-dormitory"]],
    ]);
    roster.unserved = [{ personId: "w1", date: "2011-12-30", reason: "no-vehicle" }];
    expect(coverage(scenario, roster)).toEqual([]);
  });
});
