/**
 * fixed-person: each person has one assignment (vehicle, seat) for each date (their
 * assignments' periods do not overlap), rides only the vehicle of the assignment covering the
 * trip's date, in its seat, and rides only a loop they are staff of (enterprise, dormitory,
 * plant).
 * Fixture: w1 seat 1, w2 seat 2, w3 seat 1 (never riding with w1), all on v1; x1 (e2, d2,
 * p2) is not on the loop.
 */
import { describe, expect, it } from "vitest";
import { validateRoster } from "../../../src/index.js";
import { fixtureScenario, LOOP, validRoster } from "../../fixtures/valid-roster.js";
import { expectMentions, firing, violationsOf } from "../report-helpers.js";

/** w2's trips: the day shift both days. */
const W2_TRIPS = [
  ["T01", "2022-05-16"],
  ["T02", "2022-05-16"],
  ["T07", "2022-05-17"],
  ["T08", "2022-05-17"],
];

describe("fixed-person", () => {
  it("fires when a passenger is assigned to another vehicle, on each of their trips", () => {
    // Arrange: w2's assignment (assignments[1]) names the spare vehicle v2
    const roster: any = structuredClone(validRoster());
    roster.assignments[1].vehicleId = "v2";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-person"]).toBe(4);
    expect(firing(report)).toEqual([["fixed-person", 4]]);
    const violations = violationsOf(report, "fixed-person");
    expect(violations.map((v) => [v.tripId, v.date])).toEqual(W2_TRIPS);
    for (const v of violations) {
      expect(v).toMatchObject({
        personId: "w2",
        vehicleId: "v1",
        loopId: LOOP,
        reasons: ["other-vehicle"],
      });
      expectMentions(v.message, "w2", `trip ${v.tripId}`, "assigned to vehicle v2, not v1");
    }
  });

  it("fires when a passenger sits in a free seat other than their fixed one", () => {
    // Arrange: w2 (fixed seat 2) sits in seat 3 on T01, which nobody uses
    const roster: any = structuredClone(validRoster());
    roster.trips[0].passengers[1].seat = 3;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: the seat is free and in range, so capacity stays quiet
    expect(report.counts["fixed-person"]).toBe(1);
    expect(report.counts.capacity).toBe(0);
    expect(firing(report)).toEqual([["fixed-person", 1]]);
    const [violation] = violationsOf(report, "fixed-person");
    expect(violation).toMatchObject({
      personId: "w2",
      tripId: "T01",
      vehicleId: "v1",
      date: "2022-05-16",
      reasons: ["other-seat"],
    });
    expectMentions(violation?.message, "w2", "trip T01", "seat 3", "fixed seat 2");
  });

  it("fires when someone who is not staff of the loop boards (x1)", () => {
    // Arrange: x1 (e2, lives in d2, works at p2) rides the empty run T05 (trips[4])
    const roster: any = structuredClone(validRoster());
    roster.trips[4].passengers.push({ personId: "x1", seat: 5 });
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: x1 also has no tests and is left at the plant
    expect(report.counts["fixed-person"]).toBe(1);
    expect(firing(report)).toEqual([
      ["fixed-person", 1],
      ["fixed-testing", 1],
      ["closed-loop", 1],
    ]);
    const [violation] = violationsOf(report, "fixed-person");
    expect(violation).toMatchObject({
      personId: "x1",
      tripId: "T05",
      vehicleId: "v1",
      loopId: LOOP,
      date: "2022-05-17",
      reasons: ["unassigned", "not-staff-of-loop"],
    });
    expectMentions(
      violation?.message,
      "x1",
      "trip T05",
      "no assignment",
      "works for e2",
      "lives in d2",
      "works at p2",
      LOOP,
    );
  });

  it("fires when someone who is not staff of the loop is assigned to its vehicle", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.assignments.push({ personId: "x1", loopId: LOOP, vehicleId: "v1", seat: 5 });
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-person"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-person", 1]]);
    const [violation] = violationsOf(report, "fixed-person");
    expect(violation).toMatchObject({
      personId: "x1",
      loopId: LOOP,
      vehicleId: "v1",
      path: ["assignments", 3],
      reasons: ["assignment-outside-loop"],
    });
    expectMentions(violation?.message, "x1", "works for e2", "lives in d2", "works at p2", LOOP);
  });

  it("fires when a person has more than one assignment", () => {
    // Arrange: w1 is assigned a second time
    const roster: any = structuredClone(validRoster());
    roster.assignments.push({ personId: "w1", loopId: LOOP, vehicleId: "v1", seat: 4 });
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-person"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-person", 1]]);
    const [violation] = violationsOf(report, "fixed-person");
    expect(violation).toMatchObject({
      personId: "w1",
      path: ["assignments", 3],
      reasons: ["more-than-one-assignment"],
    });
    expectMentions(violation?.message, "w1", "assignments[3]", "seat 4", "seat 1");
  });

  it("fires when a passenger has no assignment at all, on each of their trips", () => {
    // Arrange: w2's assignment is dropped
    const roster: any = structuredClone(validRoster());
    roster.assignments.splice(1, 1);
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-person"]).toBe(4);
    expect(firing(report)).toEqual([["fixed-person", 4]]);
    const violations = violationsOf(report, "fixed-person");
    expect(violations.map((v) => [v.tripId, v.date])).toEqual(W2_TRIPS);
    for (const v of violations) {
      expect(v).toMatchObject({ personId: "w2", reasons: ["unassigned"] });
      expectMentions(v.message, "w2", `trip ${v.tripId}`, "no assignment");
    }
  });

  it("fires when an assignment's loop is not the loop its vehicle serves", () => {
    // Arrange: a second loop over the same stops exists (Arrange); w2's assignment names it
    const roster: any = structuredClone(validRoster());
    roster.loops.push({ ...structuredClone(roster.loops[0]), id: "e1/d1/p1-second" });
    roster.assignments[1].loopId = "e1/d1/p1-second";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-person"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-person", 1]]);
    const [violation] = violationsOf(report, "fixed-person");
    expect(violation).toMatchObject({
      personId: "w2",
      loopId: "e1/d1/p1-second",
      vehicleId: "v1",
      path: ["assignments", 1],
      reasons: ["assignment-outside-loop"],
    });
    expectMentions(violation?.message, "w2", "vehicle v1 serves loop e1/d1/p1", "e1/d1/p1-second");
  });

  it("stays quiet when a person's fixed seat moves to a free seat everywhere at once", () => {
    // Arrange: w2 moves from seat 2 to seat 7 in the assignment and on every trip
    const roster: any = structuredClone(validRoster());
    roster.assignments[1].seat = 7;
    for (const trip of roster.trips)
      for (const passenger of trip.passengers) if (passenger.personId === "w2") passenger.seat = 7;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-person"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it('stays quiet when the policy mixes enterprises and the loop is "*"', () => {
    // Arrange
    const scenario: any = structuredClone(fixtureScenario());
    scenario.policy.mixEnterprises = true;
    delete scenario.vehicles[0].enterpriseId; // a reserved vehicle never serves a mixed loop
    const roster: any = structuredClone(validRoster());
    roster.loops[0].enterpriseId = "*";
    // Act
    const report = validateRoster(scenario, roster);
    // Assert
    expect(report.counts["fixed-person"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it('fires when the loop is "*" but the policy does not mix enterprises', () => {
    // Arrange: "*" means every enterprise only where the policy mixes them.
    const scenario: any = structuredClone(fixtureScenario());
    delete scenario.vehicles[0].enterpriseId;
    const roster: any = structuredClone(validRoster());
    roster.loops[0].enterpriseId = "*";
    // Act
    const report = validateRoster(scenario, roster);
    // Assert: every assignment and every boarding of the loop is outside it
    const violations = report.violations.filter((v) => v.code === "fixed-person");
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.message.includes("works for e1"))).toBe(true);
  });

  it("fires when the policy mixes enterprises but the loop names another enterprise", () => {
    // Arrange: mixing allows a "*" loop; a loop that names e2 is still e2's alone.
    const scenario: any = structuredClone(fixtureScenario());
    scenario.policy.mixEnterprises = true;
    delete scenario.vehicles[0].enterpriseId;
    const roster: any = structuredClone(validRoster());
    roster.loops[0].enterpriseId = "e2";
    // Act
    const report = validateRoster(scenario, roster);
    // Assert
    const violations = report.violations.filter((v) => v.code === "fixed-person");
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.message.includes("works for e1"))).toBe(true);
  });

  it("stays quiet when two people share a fixed seat but never ride together (fixture)", () => {
    // Arrange: w1 (day) and w3 (night) both have seat 1 on v1
    const roster = structuredClone(validRoster());
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-person"]).toBe(0);
    expect(report.ok).toBe(true);
  });
  it("fires once when a person is listed twice on one manifest", () => {
    // Arrange: w1 appears twice on T01, in the same seat.
    const roster = structuredClone(validRoster());
    const trip = roster.trips.find((t) => t.id === "T01");
    trip?.passengers.push({ personId: "w1", seat: 1 });

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: one fixed-person violation, and no rule mistakes the repeat for a second rider.
    expect(firing(report)).toEqual([["fixed-person", 1]]);
    const [violation] = violationsOf(report, "fixed-person");
    expect(violation).toMatchObject({ tripId: "T01", personId: "w1", reasons: ["listed-twice"] });
    expectMentions(violation?.message, "w1", "T01", "listed twice");
  });

  describe("with periods (SPEC §5 from/to)", () => {
    /** The fixture with w2's assignment (assignments[1]) replaced by these, in its place. */
    const withW2 = (...periods: object[]) => {
      const roster: any = structuredClone(validRoster());
      const [, w2] = roster.assignments;
      roster.assignments.splice(1, 1, ...periods.map((period) => ({ ...w2, ...period })));
      return roster;
    };
    /** w2's seat on the trips of 05-17 (T07, T08). */
    const seatFrom17 = (roster: any, seat: number) => {
      for (const trip of roster.trips)
        for (const passenger of trip.passengers)
          if (passenger.personId === "w2" && trip.depart >= "2022-05-17") passenger.seat = seat;
      return roster;
    };

    it("fires when two of a person's assignments have overlapping periods", () => {
      // Arrange: seat 2 until 05-16, seat 7 from 05-16
      const roster = withW2({ to: "2022-05-16" }, { from: "2022-05-16", seat: 7 });
      seatFrom17(roster, 7);
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert: one violation, on the later assignment; 05-16 keeps to the first listed
      expect(firing(report)).toEqual([["fixed-person", 1]]);
      const [violation] = violationsOf(report, "fixed-person");
      expect(violation).toMatchObject({
        personId: "w2",
        path: ["assignments", 2],
        reasons: ["more-than-one-assignment"],
      });
      expectMentions(
        violation?.message,
        "assignments[2] (vehicle v1 seat 7, from 2022-05-16)",
        "assignments[1] (vehicle v1 seat 2, until 2022-05-16)",
        "overlaps",
      );
    });

    it("stays quiet when consecutive assignments move a person to another seat", () => {
      // Arrange: seat 2 until 05-16, seat 7 from 05-17, and w2 sits in 7 from 05-17
      const roster = seatFrom17(withW2({ to: "2022-05-16" }, { from: "2022-05-17", seat: 7 }), 7);
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert
      expect(report.violations).toEqual([]);
      expect(report.ok).toBe(true);
    });

    it("fires when the seat is not the one of the assignment covering the trip's date", () => {
      // Arrange: the same assignments, but w2 keeps seat 2 on 05-17
      const roster = withW2({ to: "2022-05-16" }, { from: "2022-05-17", seat: 7 });
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert: T07 and T08, not the trips of 05-16
      const violations = violationsOf(report, "fixed-person");
      expect(violations.map((v) => [v.tripId, v.reasons])).toEqual([
        ["T07", ["other-seat"]],
        ["T08", ["other-seat"]],
      ]);
      expectMentions(violations[0]?.message, "w2", "seat 2", "fixed seat 7");
    });

    it("fires when the vehicle is not the one of the assignment covering the trip's date", () => {
      // Arrange: from 05-17 w2 is assigned to v2, but still rides v1
      const roster = withW2({ to: "2022-05-16" }, { from: "2022-05-17", vehicleId: "v2" });
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert
      const violations = violationsOf(report, "fixed-person");
      expect(violations.map((v) => [v.tripId, v.reasons])).toEqual([
        ["T07", ["other-vehicle"]],
        ["T08", ["other-vehicle"]],
      ]);
    });

    it("fires when a trip is outside every period of the person's assignments", () => {
      // Arrange: w2's only assignment ends on 05-16
      const roster = withW2({ to: "2022-05-16" });
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert
      expect(firing(report)).toEqual([["fixed-person", 2]]);
      const violations = violationsOf(report, "fixed-person");
      expect(violations.map((v) => [v.tripId, v.date, v.reasons])).toEqual([
        ["T07", "2022-05-17", ["unassigned"]],
        ["T08", "2022-05-17", ["unassigned"]],
      ]);
      expectMentions(
        violations[0]?.message,
        "no assignment covering 2022-05-17",
        "assignments[1] (vehicle v1 seat 2, until 2022-05-16)",
      );
    });

    it("fires when an assignment's from is after its to", () => {
      // Arrange: w2's second assignment (05-18 to 05-17) covers nothing
      const roster = withW2({ to: "2022-05-17" }, { from: "2022-05-18", to: "2022-05-17" });
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert
      expect(firing(report)).toEqual([["fixed-person", 1]]);
      expect(violationsOf(report, "fixed-person")[0]).toMatchObject({
        personId: "w2",
        path: ["assignments", 2],
        reasons: ["empty-period"],
      });
    });

    it("fires when an assignment's dates fall in a period when its vehicle serves another loop", () => {
      // Arrange: from 05-19 v1 serves a second loop; w2's assignment from then names the first
      const roster = withW2({ to: "2022-05-18" }, { from: "2022-05-19" });
      roster.loops.push({ ...structuredClone(roster.loops[0]), id: "e1/d1/p1-second" });
      roster.vehicles = [
        { vehicleId: "v1", loopId: LOOP, driverId: "k1", to: "2022-05-18" },
        { vehicleId: "v1", loopId: "e1/d1/p1-second", driverId: "k1", from: "2022-05-19" },
      ];
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert: w2's second assignment only (w1's and w3's have no dates: they fire too)
      const w2 = violationsOf(report, "fixed-person").filter((v) => v.personId === "w2");
      expect(w2).toHaveLength(1);
      expect(w2[0]).toMatchObject({
        path: ["assignments", 2],
        reasons: ["assignment-outside-loop"],
      });
      expectMentions(
        w2[0]?.message,
        "vehicle v1 serves loop e1/d1/p1-second (vehicles[1], from 2022-05-19), not e1/d1/p1",
      );
    });
  });
});
