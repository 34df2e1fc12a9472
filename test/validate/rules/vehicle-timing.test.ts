import { describe, expect, it } from "vitest";
import { type Trip, validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { local, nonZero, tripOf, violationsOf } from "../report-helpers.js";

/** Moves a trip to new local departure and arrival times. */
function retime(trip: Trip, depart: string, arrive: string): void {
  trip.depart = local(depart);
  trip.arrive = local(arrive);
}

describe("vehicle-timing", () => {
  it("fires when a vehicle's first trip does not leave from its loop's dormitory", () => {
    // Arrange: T01, v1's first trip, claims to leave from the plant p1.
    const roster = structuredClone(validRoster());
    tripOf(roster, "T01").from = "p1";

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: fixed-stop also sees a to-plant trip that does not start at d1
    expect(report.counts["vehicle-timing"]).toBe(1);
    expect(nonZero(report)).toEqual({ "vehicle-timing": 1, "fixed-stop": 1 });
    const [v] = violationsOf(report, "vehicle-timing");
    expect(v).toMatchObject({
      tripId: "T01",
      vehicleId: "v1",
      date: "2022-05-16",
      reasons: ["first-not-from-dormitory"],
    });
    expect(v?.message).toContain("trip T01 (2022-05-16 07:20");
    expect(v?.message).toContain(
      "is vehicle v1's first trip but leaves from p1, not from the loop's dormitory d1",
    );
  });

  it("fires when a trip does not leave from where the vehicle's last trip arrived", () => {
    // Arrange: the empty run T04 (plant → dormitory) is deleted, so T05 leaves d1 while
    // v1 was left at p1 by T03.
    const roster = structuredClone(validRoster());
    roster.trips = roster.trips.filter((trip) => trip.id !== "T04");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["vehicle-timing"]).toBe(1);
    expect(nonZero(report)).toEqual({ "vehicle-timing": 1 });
    const [v] = violationsOf(report, "vehicle-timing");
    expect(v).toMatchObject({
      tripId: "T05",
      vehicleId: "v1",
      date: "2022-05-17",
      reasons: ["not-where-it-arrived"],
    });
    expect(v?.message).toContain("trip T05 (2022-05-17 04:40");
    expect(v?.message).toContain(
      "leaves from d1, but vehicle v1's previous trip T03 arrived at p1",
    );
  });

  it("fires when a trip leaves less than disinfectionMinutes after the previous one arrived", () => {
    // Arrange: T04 leaves at 19:44, 14 minutes after T03 arrived at 19:30.
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T04"), "2022-05-16T19:44", "2022-05-16T19:54");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["vehicle-timing"]).toBe(1);
    expect(nonZero(report)).toEqual({ "vehicle-timing": 1 });
    const [v] = violationsOf(report, "vehicle-timing");
    expect(v).toMatchObject({
      tripId: "T04",
      vehicleId: "v1",
      date: "2022-05-16",
      reasons: ["no-time-to-disinfect"],
    });
    expect(v?.message).toContain("trip T04 (2022-05-16 19:44");
    expect(v?.message).toContain(
      "leaves 14 minutes after vehicle v1's previous trip T03 arrived; disinfection takes 15",
    );
  });

  it("fires when a vehicle's trips overlap", () => {
    // Arrange: T04 leaves at 19:25, while T03 is on the road until 19:30.
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T04"), "2022-05-16T19:25", "2022-05-16T19:35");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["vehicle-timing"]).toBe(1);
    expect(nonZero(report)).toEqual({ "vehicle-timing": 1 });
    const [v] = violationsOf(report, "vehicle-timing");
    expect(v).toMatchObject({
      tripId: "T04",
      vehicleId: "v1",
      date: "2022-05-16",
      reasons: ["no-time-to-disinfect"],
    });
    expect(v?.message).toContain("trip T04 (2022-05-16 19:25");
    expect(v?.message).toContain("leaves 5 minutes before vehicle v1's previous trip T03 arrives");
  });

  it("stays quiet when a trip leaves exactly disinfectionMinutes after the previous one arrived", () => {
    // Arrange: the empty run T05 arrives at 04:55; T06 leaves at 05:10, 15 minutes later.
    // (T04 already leaves exactly 15 minutes after T03 arrives.)
    const roster = structuredClone(validRoster());
    retime(tripOf(roster, "T05"), "2022-05-17T04:45", "2022-05-17T04:55");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["vehicle-timing"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when the trips are listed out of time order", () => {
    // Arrange: the same trips, last first; the rule chains each vehicle's trips by time.
    const roster = structuredClone(validRoster());
    roster.trips.reverse();

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["vehicle-timing"]).toBe(0);
    expect(report.ok).toBe(true);
  });
});
