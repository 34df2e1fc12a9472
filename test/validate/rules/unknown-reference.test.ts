/**
 * unknown-reference: every id the roster uses names something in the scenario (person,
 * vehicle, driver, site, enterprise) or in the roster itself (loop, vehicle entry).
 */
import { describe, expect, it } from "vitest";
import { type ValidationReport, type ViolationOf, validateRoster } from "../../../src/index.js";
import { fixtureScenario, LOOP, validRoster } from "../../fixtures/valid-roster.js";
import { expectMentions, firing, violationsOf } from "../report-helpers.js";

/** The one unknown-reference violation of `report`. */
function onlyUnknownReference(report: ValidationReport): ViolationOf<"unknown-reference"> {
  expect(report.counts["unknown-reference"]).toBe(1);
  const violations = violationsOf(report, "unknown-reference");
  expect(violations).toHaveLength(1);
  return violations[0] as ViolationOf<"unknown-reference">;
}

describe("unknown-reference", () => {
  it("fires when a passenger is not a person of the scenario", () => {
    // Arrange: a stranger rides the empty run T04 (trips[3])
    const roster: any = structuredClone(validRoster());
    roster.trips[3].passengers.push({ personId: "ghost", seat: 5 });
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(firing(report)).toEqual([["unknown-reference", 1]]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      tripId: "T04",
      personId: "ghost",
      referenceKind: "person",
      reference: "ghost",
      path: ["trips", 3, "passengers", 0, "personId"],
    });
    expectMentions(violation.message, "T04", "person", '"ghost"');
  });

  it("fires when a trip's vehicle is not a vehicle of the scenario", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[3].vehicleId = "v9";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: v1 now goes from T03 (at the plant) to T05 (from the dormitory): vehicle-timing
    expect(firing(report)).toEqual([
      ["unknown-reference", 1],
      ["vehicle-timing", 1],
    ]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      tripId: "T04",
      referenceKind: "vehicle",
      reference: "v9",
      path: ["trips", 3, "vehicleId"],
    });
    expectMentions(violation.message, "T04", "vehicle", '"v9"');
    expect(violationsOf(report, "vehicle-timing").map((v) => v.tripId)).toEqual(["T05"]);
  });

  it("fires when a trip's driver is not a person of the scenario", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[3].driverId = "k9";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: k9 is also not v1's fixed driver k1
    expect(firing(report)).toEqual([
      ["unknown-reference", 1],
      ["fixed-vehicle", 1],
    ]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      tripId: "T04",
      referenceKind: "driver",
      reference: "k9",
      path: ["trips", 3, "driverId"],
    });
    expectMentions(violation.message, "T04", "driver", '"k9"');
  });

  it("fires when a trip's loop is not a loop of the roster", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[3].loopId = "e9/d9/p9";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: v1 is fixed to LOOP, so it also runs a trip of another loop
    expect(firing(report)).toEqual([
      ["unknown-reference", 1],
      ["fixed-vehicle", 1],
    ]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      tripId: "T04",
      referenceKind: "loop",
      reference: "e9/d9/p9",
      path: ["trips", 3, "loopId"],
    });
    expectMentions(violation.message, "T04", "loop", '"e9/d9/p9"');
  });

  it("fires when a trip's stop is not a site of the scenario", () => {
    // Arrange: the last trip T12 (trips[11]) goes to a site that does not exist
    const roster: any = structuredClone(validRoster());
    roster.trips[11].to = "d9";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: it is also not the loop's dormitory d1
    expect(firing(report)).toEqual([
      ["unknown-reference", 1],
      ["fixed-stop", 1],
    ]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      tripId: "T12",
      referenceKind: "site",
      reference: "d9",
      path: ["trips", 11, "to"],
    });
    expectMentions(violation.message, "T12", "site", '"d9"');
  });

  it("fires when a test names a site that is not in the scenario", () => {
    // Arrange: k1's last test (tests[16], a PCR nobody needs) is at an unknown site
    const roster: any = structuredClone(validRoster());
    expect(roster.tests[16]).toMatchObject({ personId: "k1", kind: "pcr" });
    roster.tests[16].siteId = "d9";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(firing(report)).toEqual([["unknown-reference", 1]]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      personId: "k1",
      referenceKind: "site",
      reference: "d9",
      path: ["tests", 16, "siteId"],
    });
    expectMentions(violation.message, "test 16", "site", '"d9"');
  });

  it("fires when a trip's vehicle has no entry in the roster's vehicles list", () => {
    // Arrange: the spare vehicle v2 (known to the scenario, no roster entry) runs T04
    const roster: any = structuredClone(validRoster());
    roster.trips[3].vehicleId = "v2";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: v2's first trip leaves from the plant; v1 jumps from T03 to T05
    expect(firing(report)).toEqual([
      ["unknown-reference", 1],
      ["vehicle-timing", 2],
    ]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      tripId: "T04",
      referenceKind: "vehicle",
      reference: "v2",
      path: ["trips", 3, "vehicleId"],
    });
    expectMentions(violation.message, "T04", "vehicles list", '"v2"');
    expect(violationsOf(report, "vehicle-timing").map((v) => [v.tripId, v.vehicleId])).toEqual([
      ["T04", "v2"],
      ["T05", "v1"],
    ]);
  });

  it("fires when a vehicles entry names a vehicle that is not in the scenario", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.vehicles.push({ vehicleId: "v9", loopId: LOOP, driverId: "k1" });
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(firing(report)).toEqual([["unknown-reference", 1]]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      vehicleId: "v9",
      referenceKind: "vehicle",
      reference: "v9",
      path: ["vehicles", 1, "vehicleId"],
    });
    expectMentions(violation.message, "vehicle entry 1", '"v9"');
  });

  it("fires when a vehicles entry names a loop that is not in the roster", () => {
    // Arrange: the spare vehicle v2 gets an entry on a loop nobody declared
    const roster: any = structuredClone(validRoster());
    roster.vehicles.push({ vehicleId: "v2", loopId: "e9/d9/p9", driverId: "k2" });
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(firing(report)).toEqual([["unknown-reference", 1]]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      vehicleId: "v2",
      referenceKind: "loop",
      reference: "e9/d9/p9",
      path: ["vehicles", 1, "loopId"],
    });
    expectMentions(violation.message, "v2", "loop", '"e9/d9/p9"');
  });

  it("fires when an assignment names a person who is not in the scenario", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.assignments.push({ personId: "ghost", loopId: LOOP, vehicleId: "v1", seat: 7 });
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(firing(report)).toEqual([["unknown-reference", 1]]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      personId: "ghost",
      referenceKind: "person",
      reference: "ghost",
      path: ["assignments", 3, "personId"],
    });
    expectMentions(violation.message, "assignment 3", '"ghost"');
  });

  it("fires when an unserved entry names a person who is not in the scenario", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.unserved.push({ personId: "ghost", date: "2022-05-16", reason: "no-vehicle" });
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(firing(report)).toEqual([["unknown-reference", 1]]);
    const violation = onlyUnknownReference(report);
    expect(violation).toMatchObject({
      personId: "ghost",
      date: "2022-05-16",
      referenceKind: "person",
      path: ["unserved", 0, "personId"],
    });
    expectMentions(violation.message, "unserved entry 0", '"ghost"');
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
    expect(report.counts["unknown-reference"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it('fires when a loop is "*" but the policy does not mix enterprises', () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.loops[0].enterpriseId = "*";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    const [violation] = violationsOf(report, "unknown-reference");
    expect(report.counts["unknown-reference"]).toBe(1);
    expect(violation).toMatchObject({
      referenceKind: "enterprise",
      reference: "*",
      path: ["loops", 0, "enterpriseId"],
    });
  });

  it("stays quiet when an unserved entry names a known person", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.unserved.push({ personId: "w1", date: "2022-05-16", reason: "no-vehicle" });
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["unknown-reference"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when a test is at another known site (fixed-testing's business)", () => {
    // Arrange: k1's last test moves to the other dormitory d2
    const roster: any = structuredClone(validRoster());
    roster.tests[16].siteId = "d2";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["unknown-reference"]).toBe(0);
    expect(firing(report)).toEqual([["fixed-testing", 1]]);
  });
});
