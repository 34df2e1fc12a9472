/**
 * eligibility: a worker boards a to-plant trip only on a local date on which their
 * enterprise is eligible (closed housing, no positive case in the quiet days, 14 by
 * default). The ride home is always allowed.
 *
 * The fixture's to-plant boardings: T01 (w1, w2) and T03 (w3) on 2022-05-16, T07 (w1, w2)
 * and T09 (w3) on 2022-05-17; T05 and T11 are empty runs. Rides home: T02, T06, T08, T12.
 */
import { describe, expect, it } from "vitest";
import { type ValidationReport, validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { firing, violationsOf } from "../report-helpers.js";

/** `[tripId, personId, date]` of each eligibility violation, in report order. */
function boardings(report: ValidationReport): [string, string, string][] {
  return violationsOf(report, "eligibility").map((v) => [v.tripId, v.personId, v.date]);
}

const FIRST_DAY: [string, string, string][] = [
  ["T01", "w1", "2022-05-16"],
  ["T01", "w2", "2022-05-16"],
  ["T03", "w3", "2022-05-16"],
];
const SECOND_DAY: [string, string, string][] = [
  ["T07", "w1", "2022-05-17"],
  ["T07", "w2", "2022-05-17"],
  ["T09", "w3", "2022-05-17"],
];
const RIDES_HOME = ["T02", "T04", "T06", "T08", "T10", "T12"];

describe("eligibility", () => {
  it("fires when e1 has a positive case on 2022-05-10, on every to-plant boarding", () => {
    // Arrange: a case on 05-10 makes e1 ineligible 05-10..05-24
    const scenario: any = structuredClone(fixtureScenario());
    scenario.enterprises[0].positiveCases = ["2022-05-10"];
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts.eligibility).toBe(6);
    expect(firing(report)).toEqual([["eligibility", 6]]);
    expect(boardings(report)).toEqual([...FIRST_DAY, ...SECOND_DAY]);
    const violations = violationsOf(report, "eligibility");
    for (const v of violations) {
      expect(v.enterpriseId).toBe("e1");
      expect(RIDES_HOME).not.toContain(v.tripId);
      expect(v.message).toContain(v.personId);
      expect(v.message).toContain(`trip ${v.tripId}`);
      expect(v.message).toContain("enterprise e1");
      expect(v.message).toContain(`not eligible on ${v.date}`);
    }
  });

  it("fires when e1 has no closed staff housing, on every to-plant boarding", () => {
    // Arrange
    const scenario: any = structuredClone(fixtureScenario());
    scenario.enterprises[0].closedHousing = false;
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts.eligibility).toBe(6);
    expect(firing(report)).toEqual([["eligibility", 6]]);
    expect(boardings(report)).toEqual([...FIRST_DAY, ...SECOND_DAY]);
  });

  it("fires when the case is exactly quietDays (14) before the first day, on that day only", () => {
    // Arrange: 05-02 is in [05-16 − 14, 05-16] but not in [05-17 − 14, 05-17]
    const scenario: any = structuredClone(fixtureScenario());
    scenario.enterprises[0].positiveCases = ["2022-05-02"];
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts.eligibility).toBe(3);
    expect(firing(report)).toEqual([["eligibility", 3]]);
    expect(boardings(report)).toEqual(FIRST_DAY);
  });

  it("fires when the case falls on the second day, on that day's boardings only", () => {
    // Arrange: a case on 05-17 does not reach back to 05-16
    const scenario: any = structuredClone(fixtureScenario());
    scenario.enterprises[0].positiveCases = ["2022-05-17"];
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts.eligibility).toBe(3);
    expect(firing(report)).toEqual([["eligibility", 3]]);
    expect(boardings(report)).toEqual(SECOND_DAY);
    const [first] = violationsOf(report, "eligibility");
    expect(first?.message).toContain("w1 boards trip T07 (2022-05-17 07:20");
  });

  it("fires when quietDays is 0 and the case is on the boarding day itself", () => {
    // Arrange
    const scenario: any = structuredClone(fixtureScenario());
    scenario.policy.quietDays = 0;
    scenario.enterprises[0].positiveCases = ["2022-05-16"];
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts.eligibility).toBe(3);
    expect(firing(report)).toEqual([["eligibility", 3]]);
    expect(boardings(report)).toEqual(FIRST_DAY);
  });

  it("fires when the roster writes the instant in UTC, on the local departure date", () => {
    // Arrange: T07 leaves 2022-05-17 07:20 Shanghai time, written as 2022-05-16T23:20Z
    const scenario: any = structuredClone(fixtureScenario());
    scenario.enterprises[0].positiveCases = ["2022-05-17"];
    const roster: any = structuredClone(validRoster());
    roster.trips[6].depart = "2022-05-16T23:20:00Z";
    roster.trips[6].arrive = "2022-05-16T23:30:00Z";
    // Act
    const report = validateRoster(scenario, roster);
    // Assert
    expect(report.counts.eligibility).toBe(3);
    expect(firing(report)).toEqual([["eligibility", 3]]);
    expect(boardings(report)).toEqual(SECOND_DAY);
  });

  it("stays quiet when the case is 15 days before the first day (quietDays 14)", () => {
    // Arrange
    const scenario: any = structuredClone(fixtureScenario());
    scenario.enterprises[0].positiveCases = ["2022-05-01"];
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts.eligibility).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when quietDays is 0 and the case was the day before", () => {
    // Arrange
    const scenario: any = structuredClone(fixtureScenario());
    scenario.policy.quietDays = 0;
    scenario.enterprises[0].positiveCases = ["2022-05-15"];
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts.eligibility).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when the case's day only has rides home and an empty run (2022-05-18)", () => {
    // Arrange: on 05-18 the bus goes to the plant empty (T11) and brings w3 home (T12)
    const scenario: any = structuredClone(fixtureScenario());
    scenario.enterprises[0].positiveCases = ["2022-05-18"];
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts.eligibility).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when the case is at another enterprise (e2)", () => {
    // Arrange
    const scenario: any = structuredClone(fixtureScenario());
    scenario.enterprises[1].positiveCases = ["2022-05-16"];
    // Act
    const report = validateRoster(scenario, structuredClone(validRoster()));
    // Assert
    expect(report.counts.eligibility).toBe(0);
    expect(report.ok).toBe(true);
  });
});
