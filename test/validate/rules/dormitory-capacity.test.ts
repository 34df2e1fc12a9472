import { describe, expect, it } from "vitest";
import { type ScenarioInput, validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { nonZero, violationsOf } from "../report-helpers.js";

function siteOf(scenario: ScenarioInput, id: string) {
  const site = scenario.sites.find((candidate) => candidate.id === id);
  if (site === undefined) throw new Error(`no site ${id}`);
  return site;
}

describe("dormitory-capacity", () => {
  it("fires when a dormitory has fewer beds than residents", () => {
    // Arrange: d1 houses w1, w2, w3 and k1 in 3 beds.
    const scenario = structuredClone(fixtureScenario());
    siteOf(scenario, "d1").beds = 3;

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts["dormitory-capacity"]).toBe(1);
    expect(nonZero(report)).toEqual({ "dormitory-capacity": 1 });
    const [v] = violationsOf(report, "dormitory-capacity");
    expect(v).toMatchObject({ siteId: "d1", residents: 4, beds: 3 });
    expect(v?.message).toContain("Dorm One (d1) houses 4 staff in 3 beds");
  });

  it("fires when a dormitory nobody rides from has fewer beds than residents", () => {
    // Arrange: d2 houses k2 and x1 (neither on any trip) in 1 bed.
    const scenario = structuredClone(fixtureScenario());
    siteOf(scenario, "d2").beds = 1;

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts["dormitory-capacity"]).toBe(1);
    expect(nonZero(report)).toEqual({ "dormitory-capacity": 1 });
    const [v] = violationsOf(report, "dormitory-capacity");
    expect(v).toMatchObject({ siteId: "d2", residents: 2, beds: 1 });
    expect(v?.message).toContain("Dorm Two (d2) houses 2 staff in 1 bed");
  });

  it("fires when a dormitory with residents has zero beds", () => {
    // Arrange: d1 has beds 0 (zero is a bed count, not "no count").
    const scenario = structuredClone(fixtureScenario());
    siteOf(scenario, "d1").beds = 0;

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts["dormitory-capacity"]).toBe(1);
    expect(nonZero(report)).toEqual({ "dormitory-capacity": 1 });
    const [v] = violationsOf(report, "dormitory-capacity");
    expect(v).toMatchObject({ siteId: "d1", residents: 4, beds: 0 });
    expect(v?.message).toContain("Dorm One (d1) houses 4 staff in 0 beds");
  });

  it("stays quiet when residents equal beds", () => {
    // Arrange: d1 has exactly 4 beds for its 4 residents.
    const scenario = structuredClone(fixtureScenario());
    siteOf(scenario, "d1").beds = 4;

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts["dormitory-capacity"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when a dormitory states no beds", () => {
    // Arrange: d1 has no `beds` at all: its capacity is not checked.
    const scenario = structuredClone(fixtureScenario());
    delete siteOf(scenario, "d1").beds;

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts["dormitory-capacity"]).toBe(0);
    expect(report.ok).toBe(true);
  });
});
