import { describe, expect, it } from "vitest";
import { type Trip, validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { nonZero, tripOf, violationsOf } from "../report-helpers.js";

function passengerOf(trip: Trip, personId: string) {
  const passenger = trip.passengers.find((p) => p.personId === personId);
  if (passenger === undefined) throw new Error(`${personId} is not on ${trip.id}`);
  return passenger;
}

describe("capacity", () => {
  it("fires when a trip carries more passengers than the vehicle's capacity", () => {
    // Arrange: load factor 0.1 leaves v1 (19 seats) floor(1.9) = 1 usable seat; the day
    // shift rides two to a trip (T01, T02, T07, T08).
    const scenario = structuredClone(fixtureScenario());
    scenario.policy = { ...scenario.policy, loadFactor: 0.1 };

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts.capacity).toBe(4);
    expect(nonZero(report)).toEqual({ capacity: 4 });
    const found = violationsOf(report, "capacity");
    expect(found.map((v) => [v.tripId, v.vehicleId, v.date])).toEqual([
      ["T01", "v1", "2022-05-16"],
      ["T02", "v1", "2022-05-16"],
      ["T07", "v1", "2022-05-17"],
      ["T08", "v1", "2022-05-17"],
    ]);
    for (const v of found) {
      expect(v).toMatchObject({ carried: 2, capacity: 1 });
      expect(v.personId).toBeUndefined();
      expect(v.message).toContain(`trip ${v.tripId} (${v.date}`);
      expect(v.message).toContain("carries 2 passengers; vehicle v1 holds 1 at load factor 0.1");
    }
  });

  it("stays quiet when a trip carries exactly the vehicle's capacity", () => {
    // Arrange: load factor 0.11 gives v1 floor(2.09) = 2 usable seats: the day shift fits.
    const scenario = structuredClone(fixtureScenario());
    scenario.policy = { ...scenario.policy, loadFactor: 0.11 };

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts.capacity).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("fires when two passengers share a seat on one trip", () => {
    // Arrange: on T01, w2 sits in w1's seat 1 (and so not in their fixed seat 2).
    const roster = structuredClone(validRoster());
    passengerOf(tripOf(roster, "T01"), "w2").seat = 1;

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts.capacity).toBe(1);
    expect(nonZero(report)).toEqual({ capacity: 1, "fixed-person": 1 });
    const [v] = violationsOf(report, "capacity");
    expect(v).toMatchObject({
      tripId: "T01",
      vehicleId: "v1",
      personId: "w2",
      date: "2022-05-16",
      seat: 1,
    });
    expect(v?.message).toContain("w2 on trip T01 (2022-05-16 07:20");
    expect(v?.message).toContain("shares seat 1 with w1");
  });

  it("stays quiet when two people share a seat on different trips", () => {
    // Arrange: w1 (day) and w3 (night) both hold seat 1 of v1 and never ride together.
    const roster = structuredClone(validRoster());
    const seatsOf = (personId: string) =>
      roster.assignments.filter((a) => a.personId === personId).map((a) => a.seat);
    expect(seatsOf("w1")).toEqual([1]);
    expect(seatsOf("w3")).toEqual([1]);

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts.capacity).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("fires when a seat is 0", () => {
    // Arrange: on T01, w1 sits in seat 0.
    const roster = structuredClone(validRoster());
    passengerOf(tripOf(roster, "T01"), "w1").seat = 0;

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: fixed-person also sees w1 out of their fixed seat
    expect(report.counts.capacity).toBe(1);
    expect(nonZero(report)).toEqual({ capacity: 1, "fixed-person": 1 });
    const [v] = violationsOf(report, "capacity");
    expect(v).toMatchObject({
      tripId: "T01",
      vehicleId: "v1",
      personId: "w1",
      date: "2022-05-16",
      seat: 0,
    });
    expect(v?.message).toContain("w1 on trip T01");
    expect(v?.message).toContain("sits in seat 0; vehicle v1 has seats 1–19");
  });

  it("fires when a seat is past the vehicle's last seat", () => {
    // Arrange: on T08, w2 sits in seat 20 of the 19-seat v1.
    const roster = structuredClone(validRoster());
    passengerOf(tripOf(roster, "T08"), "w2").seat = 20;

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts.capacity).toBe(1);
    expect(nonZero(report)).toEqual({ capacity: 1, "fixed-person": 1 });
    const [v] = violationsOf(report, "capacity");
    expect(v).toMatchObject({
      tripId: "T08",
      vehicleId: "v1",
      personId: "w2",
      date: "2022-05-17",
      seat: 20,
    });
    expect(v?.message).toContain("w2 on trip T08 (2022-05-17 17:10");
    expect(v?.message).toContain("sits in seat 20; vehicle v1 has seats 1–19");
  });

  it("stays quiet when a person's fixed seat is the vehicle's last (19)", () => {
    // Arrange: w1's fixed seat becomes 19, on the assignment and on every ride.
    const roster = structuredClone(validRoster());
    for (const assignment of roster.assignments)
      if (assignment.personId === "w1") assignment.seat = 19;
    for (const trip of roster.trips)
      for (const passenger of trip.passengers) if (passenger.personId === "w1") passenger.seat = 19;

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts.capacity).toBe(0);
    expect(report.ok).toBe(true);
  });
});
