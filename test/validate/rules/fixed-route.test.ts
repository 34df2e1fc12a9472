/**
 * fixed-route: each loop declares a real road path per direction (origin node to
 * destination node, minutes and km the sums over its arcs); each trip follows its loop's
 * path and takes between route minutes and route minutes + routeToleranceMinutes (10).
 * Fixture: a → b → c (6 + 4 = 10 min, 2 + 1 = 3 km) and back; a direct road a–c exists
 * (15 min, 2.5 km); T04 (trips[3]) is an empty run 19:45 → 19:55 on 2022-05-16.
 */
import { describe, expect, it } from "vitest";
import { validateRoster } from "../../../src/index.js";
import { fixtureScenario, LOOP, validRoster } from "../../fixtures/valid-roster.js";
import { expectMentions, firing, violationsOf } from "../report-helpers.js";

/** The fixture roster with T04 arriving at `hhmm` on 2022-05-16 instead of 19:55. */
function withT04Arriving(hhmm: string): any {
  const roster: any = structuredClone(validRoster());
  roster.trips[3].arrive = `2022-05-16T${hhmm}:00+08:00`;
  return roster;
}

describe("fixed-route", () => {
  it("fires when a road of the declared routes is missing from the scenario", () => {
    // Arrange: the scenario loses the b–c road
    const scenario: any = structuredClone(fixtureScenario());
    scenario.roads.edges = scenario.roads.edges.filter(
      (e: any) => !(e.from === "b" && e.to === "c"),
    );
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts["fixed-route"]).toBe(2);
    expect(firing(report)).toEqual([["fixed-route", 2]]);
    const violations = violationsOf(report, "fixed-route");
    expect(violations.map((v) => [v.loopId, v.direction, v.path, v.reasons])).toEqual([
      [LOOP, "to-dormitory", ["loops", 0, "toDormitory"], ["not-a-road-path"]],
      [LOOP, "to-plant", ["loops", 0, "toPlant"], ["not-a-road-path"]],
    ]);
    expectMentions(violations[0]?.message, LOOP, "to-dormitory", "no road from c to b");
    expectMentions(violations[1]?.message, LOOP, "to-plant", "no road from b to c");
  });

  it("fires when a road of the declared route is one-way against it", () => {
    // Arrange: b → c becomes one-way, so the way back c → b does not exist
    const scenario: any = structuredClone(fixtureScenario());
    scenario.roads.edges[1].oneWay = true;
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts["fixed-route"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-route", 1]]);
    const [violation] = violationsOf(report, "fixed-route");
    expect(violation).toMatchObject({
      loopId: LOOP,
      direction: "to-dormitory",
      path: ["loops", 0, "toDormitory"],
    });
    expect(violation?.tripId).toBeUndefined();
    expectMentions(violation?.message, "no road from c to b");
  });

  it("fires when the declared route does not start and end at the loop's sites' nodes", () => {
    // Arrange: the scenario moves plant p1 to node b; the routes still start/end at c
    const scenario: any = structuredClone(fixtureScenario());
    scenario.sites[1].node = "b";
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts["fixed-route"]).toBe(2);
    expect(firing(report)).toEqual([["fixed-route", 2]]);
    const violations = violationsOf(report, "fixed-route");
    expect(violations.map((v) => [v.direction, v.path])).toEqual([
      ["to-dormitory", ["loops", 0, "toDormitory"]],
      ["to-plant", ["loops", 0, "toPlant"]],
    ]);
    expectMentions(violations[0]?.message, "starts at node c", "p1's node b");
    expectMentions(violations[1]?.message, "ends at node c", "p1's node b");
  });

  it("fires when the declared route ends short of the dormitory, and on every trip it no longer matches", () => {
    // Arrange: the loop's way back is declared c → b (a real road, but b is not d1's node a)
    const roster: any = structuredClone(validRoster());
    roster.loops[0].toDormitory = { path: ["c", "b"], minutes: 4, km: 1 };
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert: one violation for the loop, one per to-dormitory trip (still c → b → a)
    expect(report.counts["fixed-route"]).toBe(7);
    expect(firing(report)).toEqual([["fixed-route", 7]]);
    const violations = violationsOf(report, "fixed-route");
    const loopViolation = violations.find((v) => v.tripId === undefined);
    expect(loopViolation).toMatchObject({ path: ["loops", 0, "toDormitory"] });
    expectMentions(loopViolation?.message, "ends at node b", "d1's node a");
    const tripViolations = violations.filter((v) => v.tripId !== undefined);
    expect(tripViolations.map((v) => v.tripId)).toEqual(["T02", "T04", "T06", "T08", "T10", "T12"]);
    for (const v of tripViolations) {
      expect(v.reasons).toEqual(["other-path"]);
      expectMentions(v.message, `trip ${v.tripId}`, "c → b → a", "c → b");
    }
  });

  it("fires when the declared minutes are not the sum over the route's roads", () => {
    // Arrange: 9 declared, 6 + 4 = 10 on the roads (trips taking 10 stay within 9..19)
    const roster: any = structuredClone(validRoster());
    roster.loops[0].toPlant.minutes = 9;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-route"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-route", 1]]);
    const [violation] = violationsOf(report, "fixed-route");
    expect(violation).toMatchObject({
      loopId: LOOP,
      direction: "to-plant",
      path: ["loops", 0, "toPlant"],
      reasons: ["not-a-road-path"],
    });
    expectMentions(violation?.message, LOOP, "declares 9 minutes", "take 10");
  });

  it("fires when the declared km are not the sum over the route's roads", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.loops[0].toPlant.km = 3.5;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-route"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-route", 1]]);
    const [violation] = violationsOf(report, "fixed-route");
    expect(violation).toMatchObject({ loopId: LOOP, path: ["loops", 0, "toPlant"] });
    expectMentions(violation?.message, "declares 3.5 km", "measure 3");
  });

  it("fires when a trip's path differs from its loop's route", () => {
    // Arrange: T04 takes the direct road c → a (a real road, but not the loop's route)
    const roster: any = structuredClone(validRoster());
    roster.trips[3].path = ["c", "a"];
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-route"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-route", 1]]);
    const [violation] = violationsOf(report, "fixed-route");
    expect(violation).toMatchObject({
      tripId: "T04",
      loopId: LOOP,
      vehicleId: "v1",
      direction: "to-dormitory",
      date: "2022-05-16",
      reasons: ["other-path"],
    });
    expectMentions(violation?.message, "trip T04", "follows c → a", "loop's c → b → a");
  });

  it("fires when a trip takes less than its route's minutes", () => {
    // Arrange: 19:45 → 19:54 is 9 minutes
    const roster = withT04Arriving("19:54");
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-route"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-route", 1]]);
    const [violation] = violationsOf(report, "fixed-route");
    expect(violation).toMatchObject({ tripId: "T04", date: "2022-05-16", reasons: ["duration"] });
    expectMentions(violation?.message, "trip T04", "takes 9 minutes", "allows 10–20");
  });

  it("fires when a trip takes more than route minutes + routeToleranceMinutes (10)", () => {
    // Arrange: 19:45 → 20:06 is 21 minutes
    const roster = withT04Arriving("20:06");
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-route"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-route", 1]]);
    const [violation] = violationsOf(report, "fixed-route");
    expect(violation).toMatchObject({ tripId: "T04", reasons: ["duration"] });
    expectMentions(violation?.message, "trip T04", "takes 21 minutes", "allows 10–20");
  });

  it("fires when a trip takes one minute more than the scenario's own tolerance (5)", () => {
    // Arrange: routeToleranceMinutes 5 in the scenario; 19:45 → 20:01 is 16 minutes
    const scenario: any = structuredClone(fixtureScenario());
    scenario.policy.routeToleranceMinutes = 5;
    const roster = withT04Arriving("20:01");
    // Act
    const report = validateRoster(scenario, roster);
    // Assert
    expect(report.counts["fixed-route"]).toBe(1);
    expect(firing(report)).toEqual([["fixed-route", 1]]);
    const [violation] = violationsOf(report, "fixed-route");
    expect(violation).toMatchObject({ tripId: "T04", reasons: ["duration"] });
    expectMentions(violation?.message, "takes 16 minutes", "allows 10–15");
  });

  it("stays quiet when a trip takes exactly route minutes + 10", () => {
    // Arrange: 19:45 → 20:05 is 20 minutes
    const roster = withT04Arriving("20:05");
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-route"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when a trip takes exactly the scenario's route minutes + its tolerance (5)", () => {
    // Arrange: 19:45 → 20:00 is 15 minutes
    const scenario: any = structuredClone(fixtureScenario());
    scenario.policy.routeToleranceMinutes = 5;
    const roster = withT04Arriving("20:00");
    // Act
    const report = validateRoster(scenario, roster);
    // Assert
    expect(report.counts["fixed-route"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when the declared km differ from the roads' by less than a metre", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.loops[0].toPlant.km = 3.0005;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-route"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when a trip takes exactly its route's minutes (fixture)", () => {
    // Arrange: every trip takes 10 minutes on a 10-minute route
    const roster = structuredClone(validRoster());
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["fixed-route"]).toBe(0);
    expect(report.ok).toBe(true);
  });
});
