import { describe, expect, it } from "vitest";
import { type Trip, validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { local, nonZero, tripOf, violationsOf } from "../report-helpers.js";

/** Moves a trip to new local departure and arrival times. */
function retime(trip: Trip, depart: string, arrive: string): void {
  trip.depart = local(depart);
  trip.arrive = local(arrive);
}

function dropPassenger(trip: Trip, personId: string): void {
  trip.passengers = trip.passengers.filter((p) => p.personId !== personId);
}

describe("shift-coverage", () => {
  it("fires when a worker is taken off their ride to the plant", () => {
    // Arrange: w2 no longer rides T07 (05-17, to the plant).
    const roster = structuredClone(validRoster());
    dropPassenger(tripOf(roster, "T07"), "w2");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: closed-loop sees w2 ride home twice in a row (T02, T08)
    expect(report.counts["shift-coverage"]).toBe(1);
    expect(nonZero(report)).toEqual({ "shift-coverage": 1, "closed-loop": 1 });
    const [v] = violationsOf(report, "shift-coverage");
    expect(v).toMatchObject({
      personId: "w2",
      date: "2022-05-17",
      shiftId: "day",
      missing: ["to-plant"],
    });
    expect(v?.tripId).toBeUndefined();
    expect(v?.message).toContain("w2's day shift on 2022-05-17");
    expect(v?.message).toContain("no ride to the plant");
    expect(v?.message).not.toContain("no ride home");
  });

  it("fires when a worker is taken off their ride home", () => {
    // Arrange: w3 no longer rides T06 home from the 05-16 night shift (05:00 on 05-17).
    const roster = structuredClone(validRoster());
    dropPassenger(tripOf(roster, "T06"), "w3");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: the shift is dated by its start; closed-loop sees two rides to the plant
    expect(report.counts["shift-coverage"]).toBe(1);
    expect(nonZero(report)).toEqual({ "shift-coverage": 1, "closed-loop": 1 });
    const [v] = violationsOf(report, "shift-coverage");
    expect(v).toMatchObject({
      personId: "w3",
      date: "2022-05-16",
      shiftId: "night",
      missing: ["to-dormitory"],
    });
    expect(v?.message).toContain("w3's night shift on 2022-05-16");
    expect(v?.message).toContain("no ride home");
    expect(v?.message).not.toContain("no ride to the plant");
  });

  it("fires when the ride to the plant arrives later than start − arriveBeforeShiftMinutes", () => {
    // Arrange: T01 arrives at 07:46, 14 minutes before the 08:00 day shift.
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T01"), "2022-05-16T07:36", "2022-05-16T07:46");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["shift-coverage"]).toBe(2);
    expect(nonZero(report)).toEqual({ "shift-coverage": 2 });
    const found = violationsOf(report, "shift-coverage");
    expect(found.map((v) => [v.personId, v.date, v.shiftId, v.missing])).toEqual([
      ["w1", "2022-05-16", "day", ["to-plant"]],
      ["w2", "2022-05-16", "day", ["to-plant"]],
    ]);
    for (const v of found) {
      expect(v.message).toContain(`${v.personId}'s day shift on 2022-05-16`);
      expect(v.message).toContain("no ride to the plant");
    }
  });

  it("stays quiet when the ride to the plant arrives exactly arriveBeforeShiftMinutes before start", () => {
    // Arrange: T01 arrives at 07:45 = 08:00 − 15.
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T01"), "2022-05-16T07:35", "2022-05-16T07:45");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["shift-coverage"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when a slow ride to the plant leaves hours early but arrives in the window", () => {
    // Arrange: T07 (w1, w2, 05-17) leaves at 01:00 and arrives at 07:30, six and a half
    // hours on the road: the ride is still in time (other rules judge its length).
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T07"), "2022-05-17T01:00", "2022-05-17T07:30");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["shift-coverage"]).toBe(0);
    expect(report.counts["fixed-route"]).toBe(1);
  });

  it("fires when the ride to the plant arrives more than maxWaitMinutes before start", () => {
    // Arrange: T03 (w3) arrives at 18:59, 61 minutes before the 20:00 night shift.
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T03"), "2022-05-16T18:49", "2022-05-16T18:59");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["shift-coverage"]).toBe(1);
    expect(nonZero(report)).toEqual({ "shift-coverage": 1 });
    const [v] = violationsOf(report, "shift-coverage");
    expect(v).toMatchObject({
      personId: "w3",
      date: "2022-05-16",
      shiftId: "night",
      missing: ["to-plant"],
    });
    expect(v?.message).toContain("w3's night shift on 2022-05-16");
    expect(v?.message).toContain("no ride to the plant");
  });

  it("stays quiet when the ride to the plant arrives exactly maxWaitMinutes before start", () => {
    // Arrange: T03 arrives at 19:00 = 20:00 − 60.
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T03"), "2022-05-16T18:50", "2022-05-16T19:00");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["shift-coverage"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("fires when the ride home leaves sooner than end + departAfterShiftMinutes", () => {
    // Arrange: T02 leaves at 17:09, 9 minutes after the day shift ends (the fixture's 17:10
    // is exactly end + 10).
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T02"), "2022-05-16T17:09", "2022-05-16T17:19");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["shift-coverage"]).toBe(2);
    expect(nonZero(report)).toEqual({ "shift-coverage": 2 });
    const found = violationsOf(report, "shift-coverage");
    expect(found.map((v) => [v.personId, v.date, v.shiftId, v.missing])).toEqual([
      ["w1", "2022-05-16", "day", ["to-dormitory"]],
      ["w2", "2022-05-16", "day", ["to-dormitory"]],
    ]);
    for (const v of found) {
      expect(v.message).toContain(`${v.personId}'s day shift on 2022-05-16`);
      expect(v.message).toContain("no ride home");
    }
  });

  it("fires when the ride home leaves later than end + maxWaitMinutes", () => {
    // Arrange: T02 leaves at 18:01, 61 minutes after the day shift ends.
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T02"), "2022-05-16T18:01", "2022-05-16T18:11");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["shift-coverage"]).toBe(2);
    expect(nonZero(report)).toEqual({ "shift-coverage": 2 });
    const found = violationsOf(report, "shift-coverage");
    expect(found.map((v) => [v.personId, v.date, v.missing])).toEqual([
      ["w1", "2022-05-16", ["to-dormitory"]],
      ["w2", "2022-05-16", ["to-dormitory"]],
    ]);
    for (const v of found) expect(v.message).toContain("no ride home");
  });

  it("stays quiet when the ride home leaves exactly end + maxWaitMinutes", () => {
    // Arrange: T02 leaves at 18:00 = 17:00 + 60.
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T02"), "2022-05-16T18:00", "2022-05-16T18:10");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["shift-coverage"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when an unserved entry names the person and date", () => {
    // Arrange: w2 is off T07 as above, and listed as unserved on 05-17.
    const roster = structuredClone(validRoster());
    dropPassenger(tripOf(roster, "T07"), "w2");
    roster.unserved.push({ personId: "w2", date: "2022-05-17", reason: "no-vehicle" });

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: closed-loop still sees w2 ride home twice in a row
    expect(report.counts["shift-coverage"]).toBe(0);
    expect(nonZero(report)).toEqual({ "closed-loop": 1 });
  });

  it("fires when the unserved entry names another date", () => {
    // Arrange: w2 is off T07 (05-17) but the unserved entry is for 05-16.
    const roster = structuredClone(validRoster());
    dropPassenger(tripOf(roster, "T07"), "w2");
    roster.unserved.push({ personId: "w2", date: "2022-05-16", reason: "no-vehicle" });

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["shift-coverage"]).toBe(1);
    expect(nonZero(report)).toEqual({ "shift-coverage": 1, "closed-loop": 1 });
    const [v] = violationsOf(report, "shift-coverage");
    expect(v).toMatchObject({ personId: "w2", date: "2022-05-17", missing: ["to-plant"] });
    expect(v?.message).toContain("w2's day shift on 2022-05-17");
  });

  it("stays quiet when the enterprise is not eligible on the shift's day", () => {
    // Arrange: e1 has a positive case on 05-17, so its shifts starting on 05-17 are not
    // carried: nobody rides T07–T12 (T06 still brings w3 home from the 05-16 night shift).
    const scenario = structuredClone(fixtureScenario());
    const e1 = scenario.enterprises.find((e) => e.id === "e1");
    if (e1 === undefined) throw new Error("no e1");
    e1.positiveCases = ["2022-05-17"];
    const roster = structuredClone(validRoster());
    for (const id of ["T07", "T08", "T09", "T12"]) tripOf(roster, id).passengers = [];

    // Act
    const report = validateRoster(scenario, roster);

    // Assert
    expect(report.counts["shift-coverage"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when the enterprise is not eligible, even if the roster still carries the shift", () => {
    // Arrange: the positive case alone; the 05-17 rides to the plant now break eligibility.
    const scenario = structuredClone(fixtureScenario());
    const e1 = scenario.enterprises.find((e) => e.id === "e1");
    if (e1 === undefined) throw new Error("no e1");
    e1.positiveCases = ["2022-05-17"];

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert: T07 (w1, w2) and T09 (w3)
    expect(report.counts["shift-coverage"]).toBe(0);
    expect(nonZero(report)).toEqual({ eligibility: 3 });
  });
});
