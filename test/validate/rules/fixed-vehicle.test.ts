/**
 * fixed-vehicle: a vehicle has one roster entry, runs only its loop's trips with its fixed
 * driver, and keeps to its enterprise and dormitory restrictions (v1 is reserved for e1 and
 * d1 in the fixture).
 */
import { describe, expect, it } from "vitest";
import { validateRoster } from "../../../src/index.js";
import { fixtureScenario, LOOP, validRoster } from "../../fixtures/valid-roster.js";
import { expectMentions, firing, violationsOf } from "../report-helpers.js";

/** A second loop over the same dormitory, plant and roads as LOOP, under another id. */
const SECOND_LOOP = "e1/d1/p1-second";
function withSecondLoop(roster: any): any {
  roster.loops.push({ ...structuredClone(roster.loops[0]), id: SECOND_LOOP });
  return roster;
}

describe("fixed-vehicle", () => {
  it("fires when a vehicle has a second vehicles entry", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.vehicles.push({ vehicleId: "v1", loopId: LOOP, driverId: "k1" });
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-vehicle"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-vehicle", 1]]);
    const [violation] = violationsOf(report, "fixed-vehicle");
    expect(violation).toMatchObject({
      vehicleId: "v1",
      loopId: LOOP,
      path: ["vehicles", 1],
      reasons: ["duplicate-entry"],
    });
    expectMentions(violation?.message, "vehicle v1", "vehicles[1]", "vehicles[0]");
  });

  it("fires when a vehicle runs a trip of another loop", () => {
    // Arrange: a second loop exists (Arrange), and v1 runs the empty run T04 for it
    const roster: any = withSecondLoop(structuredClone(validRoster()));
    roster.trips[3].loopId = SECOND_LOOP;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-vehicle"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-vehicle", 1]]);
    const [violation] = violationsOf(report, "fixed-vehicle");
    expect(violation).toMatchObject({
      vehicleId: "v1",
      tripId: "T04",
      loopId: SECOND_LOOP,
      date: "2022-05-16",
      reasons: ["other-loop"],
    });
    expectMentions(violation?.message, "trip T04", `runs loop ${SECOND_LOOP}`, "vehicle v1", LOOP);
  });

  it("fires when a trip's driver is not the vehicle's fixed driver", () => {
    // Arrange: the spare driver k2 drives the empty run T04 instead of k1
    const roster: any = structuredClone(validRoster());
    roster.trips[3].driverId = "k2";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: k2 also lives in d2 (driver) and has no tests (fixed-testing)
    expect(report.counts["fixed-vehicle"]).toBe(1);
    expect(firing(report)).toEqual([
      ["fixed-vehicle", 1],
      ["fixed-testing", 1],
      ["driver", 1],
    ]);
    const [violation] = violationsOf(report, "fixed-vehicle");
    expect(violation).toMatchObject({
      vehicleId: "v1",
      tripId: "T04",
      loopId: LOOP,
      date: "2022-05-16",
      reasons: ["other-driver"],
    });
    expectMentions(violation?.message, "trip T04", "driven by k2", "v1", "fixed driver is k1");
  });

  it("fires when the scenario reserves the vehicle for another enterprise", () => {
    // Arrange
    const scenario: any = structuredClone(fixtureScenario());
    scenario.vehicles[0].enterpriseId = "e2";
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts["fixed-vehicle"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-vehicle", 1]]);
    const [violation] = violationsOf(report, "fixed-vehicle");
    expect(violation).toMatchObject({ vehicleId: "v1", loopId: LOOP, reasons: ["restriction"] });
    expect(violation?.tripId).toBeUndefined();
    expectMentions(violation?.message, "vehicle v1", "enterprise e2", `serves loop ${LOOP}`);
  });

  it("fires when the scenario reserves the vehicle for another dormitory", () => {
    // Arrange
    const scenario: any = structuredClone(fixtureScenario());
    scenario.vehicles[0].dormitoryId = "d2";
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts["fixed-vehicle"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-vehicle", 1]]);
    const [violation] = violationsOf(report, "fixed-vehicle");
    expect(violation).toMatchObject({ vehicleId: "v1", loopId: LOOP, reasons: ["restriction"] });
    expectMentions(violation?.message, "vehicle v1", "dormitory d2", `loop ${LOOP} from d1`);
  });

  it("fires when a vehicle reserved for an enterprise serves a mixed loop", () => {
    // Arrange: the policy mixes enterprises and the loop is "*"; v1 stays reserved for e1.
    const scenario: any = structuredClone(fixtureScenario());
    scenario.policy.mixEnterprises = true;
    const roster: any = structuredClone(validRoster());
    roster.loops[0].enterpriseId = "*";
    // Act
    const report = validateRoster(scenario, roster);
    // Assert
    expect(firing(report)).toEqual([["fixed-vehicle", 1]]);
    const [violation] = violationsOf(report, "fixed-vehicle");
    expect(violation).toMatchObject({ vehicleId: "v1", loopId: LOOP, reasons: ["restriction"] });
    expectMentions(violation?.message, "vehicle v1", "enterprise e1", "serves loop");
  });

  it('stays quiet when an unreserved vehicle serves a mixed ("*") loop', () => {
    // Arrange
    const scenario: any = structuredClone(fixtureScenario());
    scenario.policy.mixEnterprises = true;
    delete scenario.vehicles[0].enterpriseId;
    const roster: any = structuredClone(validRoster());
    roster.loops[0].enterpriseId = "*";
    // Act
    const report = validateRoster(scenario, roster);
    // Assert
    expect(report.counts["fixed-vehicle"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when a second loop exists but v1 runs only its own loop's trips", () => {
    // Arrange
    const roster: any = withSecondLoop(structuredClone(validRoster()));
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-vehicle"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when the scenario lifts v1's restrictions", () => {
    // Arrange
    const scenario: any = structuredClone(fixtureScenario());
    delete scenario.vehicles[0].enterpriseId;
    delete scenario.vehicles[0].dormitoryId;
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts["fixed-vehicle"]).toBe(0);
    expect(report.ok).toBe(true);
  });
});
