/**
 * fixed-stop: a to-plant trip runs its loop's dormitory → plant (d1 → p1), a to-dormitory
 * trip plant → dormitory (p1 → d1), whether it carries anyone or not.
 */
import { describe, expect, it } from "vitest";
import { validateRoster } from "../../../src/index.js";
import { fixtureScenario, LOOP, validRoster } from "../../fixtures/valid-roster.js";
import { expectMentions, firing, violationsOf } from "../report-helpers.js";

describe("fixed-stop", () => {
  it("fires when a to-dormitory trip goes to another dormitory", () => {
    // Arrange: the last trip, T12 (trips[11]), drops w3 at d2
    const roster: any = structuredClone(validRoster());
    roster.trips[11].to = "d2";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-stop"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-stop", 1]]);
    const [violation] = violationsOf(report, "fixed-stop");
    expect(violation).toMatchObject({
      tripId: "T12",
      loopId: LOOP,
      vehicleId: "v1",
      date: "2022-05-18",
      expected: { from: "p1", to: "d1" },
      found: { from: "p1", to: "d2" },
    });
    expectMentions(violation?.message, "trip T12", "runs p1 → d2", "to-dormitory", LOOP, "p1 → d1");
  });

  it("fires when a to-plant trip leaves from another dormitory", () => {
    // Arrange: the first trip, T01, leaves from d2
    const roster: any = structuredClone(validRoster());
    roster.trips[0].from = "d2";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: v1's first trip no longer leaves from the loop's dormitory (vehicle-timing)
    expect(report.counts["fixed-stop"]).toBe(1);
    expect(firing(report)).toEqual([
      ["fixed-stop", 1],
      ["vehicle-timing", 1],
    ]);
    const [violation] = violationsOf(report, "fixed-stop");
    expect(violation).toMatchObject({
      tripId: "T01",
      loopId: LOOP,
      date: "2022-05-16",
      expected: { from: "d1", to: "p1" },
      found: { from: "d2", to: "p1" },
    });
    expectMentions(violation?.message, "trip T01", "runs d2 → p1", "to-plant", "d1 → p1");
    expect(violationsOf(report, "vehicle-timing").map((v) => v.tripId)).toEqual(["T01"]);
  });

  it("fires when a to-dormitory trip leaves from another plant", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[11].from = "p2";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: T11 arrived at p1, so vehicle-timing fires on T12 too
    expect(report.counts["fixed-stop"]).toBe(1);
    expect(firing(report)).toEqual([
      ["fixed-stop", 1],
      ["vehicle-timing", 1],
    ]);
    const [violation] = violationsOf(report, "fixed-stop");
    expect(violation).toMatchObject({
      tripId: "T12",
      expected: { from: "p1", to: "d1" },
      found: { from: "p2", to: "d1" },
    });
    expectMentions(violation?.message, "trip T12", "runs p2 → d1", "p1 → d1");
  });

  it("fires when an empty run's direction does not match its stops", () => {
    // Arrange: T04 (p1 → d1, empty) is labelled to-plant
    const roster: any = structuredClone(validRoster());
    roster.trips[3].direction = "to-plant";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: its path c → b → a is also not the to-plant route (fixed-route)
    expect(report.counts["fixed-stop"]).toBe(1);
    expect(firing(report)).toEqual([
      ["fixed-stop", 1],
      ["fixed-route", 1],
    ]);
    const [violation] = violationsOf(report, "fixed-stop");
    expect(violation).toMatchObject({
      tripId: "T04",
      expected: { from: "d1", to: "p1" },
      found: { from: "p1", to: "d1" },
    });
    expectMentions(violation?.message, "trip T04", "runs p1 → d1", "to-plant", "d1 → p1");
  });

  it("stays quiet when the trip's loop is unknown (unknown-reference reports it)", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[11].loopId = "e9/d9/p9";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-stop"]).toBe(0);
    expect(firing(report)).toEqual([
      ["unknown-reference", 1],
      ["fixed-vehicle", 1],
    ]);
  });

  it("stays quiet when a trip of a second loop over the same stops runs them", () => {
    // Arrange: a second loop with the same dormitory and plant; T04 belongs to it
    const roster: any = structuredClone(validRoster());
    roster.loops.push({ ...structuredClone(roster.loops[0]), id: "e1/d1/p1-second" });
    roster.trips[3].loopId = "e1/d1/p1-second";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: only v1's fixed loop is broken
    expect(report.counts["fixed-stop"]).toBe(0);
    expect(firing(report)).toEqual([["fixed-vehicle", 1]]);
  });

  it("stays quiet when empty runs keep to the loop's stops in their direction (fixture)", () => {
    // Arrange: T04/T10 run p1 → d1 and T05/T11 run d1 → p1 with nobody aboard
    const roster = structuredClone(validRoster());
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-stop"]).toBe(0);
    expect(report.ok).toBe(true);
  });
});
