/**
 * fixed-vehicle: a vehicle has one roster entry for each date (entries' periods do not
 * overlap), runs only the trips of the loop of the entry covering the trip's date with that
 * entry's driver, and keeps to its enterprise and dormitory restrictions (v1 is reserved for
 * e1 and d1 in the fixture; its trips: T01–T04 on 05-16, T05–T10 on 05-17, T11–T12 on 05-18).
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

  describe("with periods (SPEC §5 from/to)", () => {
    /** The fixture with v1's single entry replaced by these. */
    const withEntries = (...entries: object[]) => {
      const roster: any = structuredClone(validRoster());
      roster.vehicles = entries.map((period) => ({
        vehicleId: "v1",
        loopId: LOOP,
        driverId: "k1",
        ...period,
      }));
      return roster;
    };

    it("fires when two entries of a vehicle have overlapping periods", () => {
      // Arrange: the first runs until 05-16, the second from 05-16
      const roster = withEntries({ to: "2022-05-16" }, { from: "2022-05-16" });
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert: one violation, on the later entry; trips keep to the first listed
      expect(firing(report)).toEqual([["fixed-vehicle", 1]]);
      const [violation] = violationsOf(report, "fixed-vehicle");
      expect(violation).toMatchObject({
        vehicleId: "v1",
        path: ["vehicles", 1],
        reasons: ["duplicate-entry"],
      });
      expectMentions(
        violation?.message,
        "vehicles[1] (from 2022-05-16)",
        "vehicles[0] (until 2022-05-16)",
        "overlap",
      );
    });

    it("fires when an entry without dates overlaps a dated one listed before it", () => {
      // Arrange
      const roster = withEntries({ from: "2022-05-17", to: "2022-05-17" }, {});
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert
      expect(firing(report)).toEqual([["fixed-vehicle", 1]]);
      expect(violationsOf(report, "fixed-vehicle")[0]).toMatchObject({
        path: ["vehicles", 1],
        reasons: ["duplicate-entry"],
      });
    });

    it("stays quiet when consecutive periods hand the vehicle on, whatever the list order", () => {
      // Arrange: 05-17 on, then until 05-16 (listed out of order)
      const roster = withEntries({ from: "2022-05-17" }, { to: "2022-05-16" });
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert
      expect(report.violations).toEqual([]);
      expect(report.ok).toBe(true);
    });

    it("fires when a trip runs on a date no entry of its vehicle covers", () => {
      // Arrange: entries for 05-16 and from 05-18: the six trips of 05-17 have none
      const roster = withEntries({ from: "2022-05-16", to: "2022-05-16" }, { from: "2022-05-18" });
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert
      expect(firing(report)).toEqual([["fixed-vehicle", 6]]);
      const violations = violationsOf(report, "fixed-vehicle");
      expect(violations.map((v) => v.tripId)).toEqual(["T05", "T06", "T07", "T08", "T09", "T10"]);
      expect(violations[0]).toMatchObject({
        vehicleId: "v1",
        date: "2022-05-17",
        reasons: ["no-entry-on-date"],
      });
      expectMentions(
        violations[0]?.message,
        "trip T05",
        "runs on 2022-05-17",
        "vehicles[0] (2022-05-16 to 2022-05-16)",
        "vehicles[1] (from 2022-05-18)",
      );
    });

    it("fires when an entry's from is after its to, and its dates are then uncovered", () => {
      // Arrange: the second entry (05-18 to 05-17) covers nothing
      const roster = withEntries({ to: "2022-05-16" }, { from: "2022-05-18", to: "2022-05-17" });
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert: the empty entry, and the eight trips from 05-17 on
      expect(report.counts["fixed-vehicle"]).toBe(9);
      const [empty] = violationsOf(report, "fixed-vehicle").filter((v) => v.tripId === undefined);
      expect(empty).toMatchObject({ path: ["vehicles", 1], reasons: ["empty-period"] });
      expectMentions(empty?.message, "vehicles[1] (2022-05-18 to 2022-05-17)", "covers no date");
    });

    it("fires when a trip's driver is not the driver of the entry covering its date", () => {
      // Arrange: from 05-17 the fixed driver is k2, but k1 still drives
      const roster = withEntries({ to: "2022-05-16" }, { from: "2022-05-17", driverId: "k2" });
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert: the eight trips from 05-17, none before
      const violations = violationsOf(report, "fixed-vehicle");
      expect(violations.map((v) => v.tripId)).toEqual([
        "T05",
        "T06",
        "T07",
        "T08",
        "T09",
        "T10",
        "T11",
        "T12",
      ]);
      expect(violations.every((v) => v.reasons.join() === "other-driver")).toBe(true);
      expectMentions(violations[0]?.message, "driven by k1", "fixed driver is k2 by vehicles[1]");
    });

    it("stays quiet when each trip's driver is the driver of the entry covering its date", () => {
      // Arrange: k2 takes over from 05-17 and drives those trips (other rules judge k2)
      const roster = withEntries({ to: "2022-05-16" }, { from: "2022-05-17", driverId: "k2" });
      for (const trip of roster.trips) if (trip.depart >= "2022-05-17") trip.driverId = "k2";
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert: k2 lives in d2 (driver) and has no tests (fixed-testing), but v1 is fixed right
      expect(report.counts["fixed-vehicle"]).toBe(0);
      expect(report.counts.driver).toBeGreaterThan(0);
    });

    it("fires when a trip runs another loop than the entry covering its date", () => {
      // Arrange: from 05-17 v1 serves a second loop over the same stops; T01 (05-16) runs it
      const roster = withSecondLoop(
        withEntries({ to: "2022-05-16" }, { from: "2022-05-17", loopId: SECOND_LOOP }),
      );
      roster.trips[0].loopId = SECOND_LOOP;
      for (const trip of roster.trips) if (trip.depart >= "2022-05-17") trip.loopId = SECOND_LOOP;
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert: only T01; the trips of 05-17 on keep to their entry
      const violations = violationsOf(report, "fixed-vehicle");
      expect(violations.map((v) => [v.tripId, v.reasons])).toEqual([["T01", ["other-loop"]]]);
      expectMentions(violations[0]?.message, `runs loop ${SECOND_LOOP}`, `fixed to loop ${LOOP}`);
    });

    it("fires when one entry of a reserved vehicle breaks its restriction", () => {
      // Arrange: from 05-19 (no trips yet) v1, reserved for e1 and d1, would serve e2/d2/p2
      const roster = withEntries(
        { to: "2022-05-18" },
        { from: "2022-05-19", loopId: "e2/d2/p2", driverId: "k2" },
      );
      // The assignments end with v1's first entry, so they name no loop of the second.
      for (const assignment of roster.assignments) assignment.to = "2022-05-18";
      roster.loops.push({
        id: "e2/d2/p2",
        enterpriseId: "e2",
        dormitoryId: "d2",
        plantId: "p2",
        toPlant: { path: ["d", "a", "c", "e"], minutes: 25, km: 6.5 },
        toDormitory: { path: ["e", "c", "a", "d"], minutes: 25, km: 6.5 },
      });
      // Act
      const report = validateRoster(fixtureScenario(), roster);
      // Assert
      expect(firing(report)).toEqual([["fixed-vehicle", 1]]);
      const [violation] = violationsOf(report, "fixed-vehicle");
      expect(violation).toMatchObject({
        vehicleId: "v1",
        loopId: "e2/d2/p2",
        path: ["vehicles", 1],
        reasons: ["restriction"],
      });
      expectMentions(
        violation?.message,
        "enterprise e1",
        "dormitory d1",
        "vehicles[1] (from 2022-05-19)",
      );
    });
  });
});
