import { describe, expect, it } from "vitest";
import { type Trip, validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { local, nonZero, tripOf, violationsOf } from "../report-helpers.js";

function dropPassenger(trip: Trip, personId: string): void {
  trip.passengers = trip.passengers.filter((p) => p.personId !== personId);
}

describe("closed-loop", () => {
  it("fires when a person's first ride goes to the dormitory", () => {
    // Arrange: w1 no longer rides T01 to the plant, so T02 home is their first ride.
    const roster = structuredClone(validRoster());
    dropPassenger(tripOf(roster, "T01"), "w1");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: shift-coverage also misses w1's ride to the plant on 05-16
    expect(report.counts["closed-loop"]).toBe(1);
    expect(nonZero(report)).toEqual({ "closed-loop": 1, "shift-coverage": 1 });
    const [v] = violationsOf(report, "closed-loop");
    expect(v).toMatchObject({
      tripId: "T02",
      personId: "w1",
      vehicleId: "v1",
      date: "2022-05-16",
      reason: "starts-at-plant",
    });
    expect(v?.message).toContain("trip T02 (2022-05-16 17:10 Plant One → Dorm One) of w1");
    expect(v?.message).toContain("first ride");
  });

  it("fires when two rides in a row go the same way", () => {
    // Arrange: w1 (seat 1) rides the empty run T04 home, right after riding T02 home.
    const roster = structuredClone(validRoster());
    tripOf(roster, "T04").passengers.push({ personId: "w1", seat: 1 });

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["closed-loop"]).toBe(1);
    expect(nonZero(report)).toEqual({ "closed-loop": 1 });
    const [v] = violationsOf(report, "closed-loop");
    expect(v).toMatchObject({
      tripId: "T04",
      personId: "w1",
      vehicleId: "v1",
      date: "2022-05-16",
      reason: "does-not-alternate",
    });
    expect(v?.message).toContain("trip T04 (2022-05-16 19:45 Plant One → Dorm One) of w1");
    expect(v?.message).toContain("same way as their previous ride");
  });

  it("fires when a person's ride home departs before their ride to the plant arrives", () => {
    // Arrange: T02 (w1, w2 home) leaves at 07:25, while T01 is on the road until 07:30.
    // A person rides one vehicle, so the vehicle overlaps too (vehicle-timing), and the
    // ride home no longer follows the shift (shift-coverage, w1 and w2).
    const roster = structuredClone(validRoster());
    const t02 = tripOf(roster, "T02");
    t02.depart = local("2022-05-16T07:25");
    t02.arrive = local("2022-05-16T07:35");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["closed-loop"]).toBe(2);
    expect(nonZero(report)).toEqual({ "closed-loop": 2, "shift-coverage": 2, "vehicle-timing": 1 });
    const found = violationsOf(report, "closed-loop");
    expect(found.map((v) => [v.tripId, v.personId, v.date, v.reason])).toEqual([
      ["T02", "w1", "2022-05-16", "overlaps"],
      ["T02", "w2", "2022-05-16", "overlaps"],
    ]);
    for (const v of found) {
      expect(v.message).toContain(
        `trip T02 (2022-05-16 07:25 Plant One → Dorm One) of ${v.personId}`,
      );
      expect(v.message).toContain("departs before an earlier ride of theirs has arrived");
    }
  });

  it("stays quiet when a ride home departs the minute the ride to the plant arrives", () => {
    // Arrange: T02 leaves at 07:30, exactly when T01 arrives: back to back, not overlapping.
    const roster = structuredClone(validRoster());
    const t02 = tripOf(roster, "T02");
    t02.depart = local("2022-05-16T07:30");
    t02.arrive = local("2022-05-16T07:40");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: only the vehicle's disinfection and the shift's ride home are broken
    expect(report.counts["closed-loop"]).toBe(0);
    expect(nonZero(report)).toEqual({ "shift-coverage": 2, "vehicle-timing": 1 });
  });

  it("fires when a person's last ride leaves them at the plant", () => {
    // Arrange: w3 no longer rides T12 home after the night shift of 05-17.
    const roster = structuredClone(validRoster());
    dropPassenger(tripOf(roster, "T12"), "w3");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: shift-coverage also misses w3's ride home from the 05-17 night shift
    expect(report.counts["closed-loop"]).toBe(1);
    expect(nonZero(report)).toEqual({ "closed-loop": 1, "shift-coverage": 1 });
    const [v] = violationsOf(report, "closed-loop");
    expect(v).toMatchObject({
      tripId: "T09",
      personId: "w3",
      vehicleId: "v1",
      date: "2022-05-17",
      reason: "ends-at-plant",
    });
    expect(v?.message).toContain("trip T09 (2022-05-17 19:20 Dorm One → Plant One) of w3");
    expect(v?.message).toContain("leaves them at the plant");
    const coverage = violationsOf(report, "shift-coverage");
    expect(coverage.map((c) => [c.personId, c.date, c.missing])).toEqual([
      ["w3", "2022-05-17", ["to-dormitory"]],
    ]);
  });

  it("stays quiet when the trips are listed out of time order", () => {
    // Arrange: the same trips, last first; the rule orders each person's rides by time.
    const roster = structuredClone(validRoster());
    roster.trips.reverse();

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["closed-loop"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when a driver rides as a passenger (drivers move with their vehicle)", () => {
    // Arrange: k1 sits in seat 3 of the empty run T04 home. For a worker that would be a
    // first ride going to the dormitory; k1 is a driver, whom vehicle-timing covers.
    const roster = structuredClone(validRoster());
    tripOf(roster, "T04").passengers.push({ personId: "k1", seat: 3 });

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: fixed-person objects to an unassigned non-worker passenger; closed-loop does not
    expect(report.counts["closed-loop"]).toBe(0);
    expect(nonZero(report)).toEqual({ "fixed-person": 1 });
  });
  it("fires when a ride overlaps an earlier ride that is not the one just before", () => {
    // Arrange: T01 now arrives the next morning, after T02 and T07 have left.
    const roster = structuredClone(validRoster());
    tripOf(roster, "T01").arrive = local("2022-05-17T08:00");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: w1 and w2 are still on T01 when T02 and T07 leave.
    const overlaps = violationsOf(report, "closed-loop").filter((v) => v.reason === "overlaps");
    expect(overlaps.map((v) => `${v.tripId}/${v.personId}`).sort()).toEqual([
      "T02/w1",
      "T02/w2",
      "T07/w1",
      "T07/w2",
    ]);
  });
});
