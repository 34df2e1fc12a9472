import { describe, expect, it } from "vitest";
import { validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { nonZero, tripOf, violationsOf } from "../report-helpers.js";

describe("driver", () => {
  it("fires when a worker drives a trip", () => {
    // Arrange: w1 (a worker of d1, tested) drives the empty run T04 instead of k1.
    const roster = structuredClone(validRoster());
    tripOf(roster, "T04").driverId = "w1";

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: fixed-vehicle also sees v1 driven by someone other than its fixed driver k1
    expect(report.counts.driver).toBe(1);
    expect(nonZero(report)).toEqual({ driver: 1, "fixed-vehicle": 1 });
    const [v] = violationsOf(report, "driver");
    expect(v).toMatchObject({
      personId: "w1",
      tripId: "T04",
      vehicleId: "v1",
      date: "2022-05-16",
    });
    expect(v?.minutes).toBeUndefined();
    expect(v?.message).toContain("trip T04 (2022-05-16 19:45");
    expect(v?.message).toContain("driver w1 is a worker, not a driver");
  });

  it("fires when a trip's driver lives in another dormitory than the loop's", () => {
    // Arrange: k2 (a driver living in d2, untested) drives the empty run T04.
    const roster = structuredClone(validRoster());
    tripOf(roster, "T04").driverId = "k2";

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: fixed-vehicle (not v1's fixed driver) and fixed-testing (k2 has no tests) too
    expect(report.counts.driver).toBe(1);
    expect(nonZero(report)).toEqual({ driver: 1, "fixed-vehicle": 1, "fixed-testing": 1 });
    const [v] = violationsOf(report, "driver");
    expect(v).toMatchObject({
      personId: "k2",
      tripId: "T04",
      vehicleId: "v1",
      date: "2022-05-16",
    });
    expect(v?.message).toContain("trip T04 (2022-05-16 19:45");
    expect(v?.message).toContain("driver k2 lives in d2, outside loop e1/d1/p1 (dormitory d1)");
  });

  it("fires when the vehicle's fixed driver lives outside the loop, once per trip", () => {
    // Arrange: v1 is handed to k2 for good: its vehicles entry, every trip, and k1's test
    // appointments (moved to k2's own dormitory d2) — so only the driver rule is broken.
    const roster = structuredClone(validRoster());
    for (const entry of roster.vehicles) entry.driverId = "k2";
    for (const trip of roster.trips) trip.driverId = "k2";
    for (const test of roster.tests)
      if (test.personId === "k1") Object.assign(test, { personId: "k2", siteId: "d2" });

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts.driver).toBe(12);
    expect(nonZero(report)).toEqual({ driver: 12 });
    const found = violationsOf(report, "driver");
    expect(found.map((v) => v.tripId)).toEqual(roster.trips.map((trip) => trip.id));
    for (const v of found) {
      expect(v).toMatchObject({ personId: "k2", vehicleId: "v1" });
      expect(v.message).toContain(`trip ${v.tripId} (${v.date}`);
      expect(v.message).toContain("driver k2 lives in d2, outside loop e1/d1/p1 (dormitory d1)");
    }
  });

  it("fires when a driver drives more than maxDriverMinutesPerDay on a local day", () => {
    // Arrange: a 30-minute limit; k1 drives 40 minutes on 05-16 (T01–T04), 60 on 05-17
    // (T05–T10, counted by departure date) and 20 on 05-18 (T11, T12).
    const scenario = structuredClone(fixtureScenario());
    scenario.policy = { ...scenario.policy, maxDriverMinutesPerDay: 30 };

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts.driver).toBe(2);
    expect(nonZero(report)).toEqual({ driver: 2 });
    const found = violationsOf(report, "driver");
    expect(found.map((v) => [v.personId, v.date, v.minutes, v.limit])).toEqual([
      ["k1", "2022-05-16", 40, 30],
      ["k1", "2022-05-17", 60, 30],
    ]);
    for (const v of found) {
      expect(v.tripId).toBeUndefined();
      expect(v.message).toContain(`driver k1 drives ${v.minutes} minutes on ${v.date}`);
      expect(v.message).toContain("the limit is 30");
    }
  });

  it("fires when a driver drives one minute over the daily limit", () => {
    // Arrange: a 59-minute limit; 05-17 has 60 minutes of driving.
    const scenario = structuredClone(fixtureScenario());
    scenario.policy = { ...scenario.policy, maxDriverMinutesPerDay: 59 };

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts.driver).toBe(1);
    expect(nonZero(report)).toEqual({ driver: 1 });
    const [v] = violationsOf(report, "driver");
    expect(v).toMatchObject({ personId: "k1", date: "2022-05-17", minutes: 60, limit: 59 });
    expect(v?.message).toContain("driver k1 drives 60 minutes on 2022-05-17; the limit is 59");
  });

  it("stays quiet when a driver drives exactly maxDriverMinutesPerDay", () => {
    // Arrange: a 60-minute limit; k1 drives exactly 60 minutes on 05-17.
    const scenario = structuredClone(fixtureScenario());
    scenario.policy = { ...scenario.policy, maxDriverMinutesPerDay: 60 };

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts.driver).toBe(0);
    expect(report.ok).toBe(true);
  });
});
