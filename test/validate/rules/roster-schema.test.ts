/**
 * roster-schema: a roster not of the SPEC §5 shape (or not of this scenario's zone and
 * horizon) gets violations carrying the zod path, and no other rule runs.
 */
import { describe, expect, it } from "vitest";
import {
  formatReport,
  type ValidationReport,
  type ViolationOf,
  validateRoster,
} from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { expectMentions, firing, violationsOf } from "../report-helpers.js";

/** Asserts exactly one roster-schema violation at `path`, and that nothing else fired. */
function expectOnlySchemaViolationAt(
  report: ValidationReport,
  path: (string | number)[],
): ViolationOf<"roster-schema"> {
  expect(report.ok).toBe(false);
  expect(report.counts["roster-schema"]).toBe(1);
  expect(firing(report)).toEqual([["roster-schema", 1]]);
  const violations = violationsOf(report, "roster-schema");
  expect(violations).toHaveLength(1);
  const [violation] = violations;
  expect(violation?.path).toEqual(path);
  return violation as ViolationOf<"roster-schema">;
}

describe("roster-schema", () => {
  it("fires when the version is not 1", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.version = 2;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    const violation = expectOnlySchemaViolationAt(report, ["version"]);
    expectMentions(violation.message, "1", "2");
  });

  it("fires when a departure has no offset", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[0].depart = "2022-05-16T07:20:00";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    const violation = expectOnlySchemaViolationAt(report, ["trips", 0, "depart"]);
    expectMentions(violation.message, '"2022-05-16T07:20:00"', "offset");
    expectMentions(formatReport(report), "roster-schema (1)", "at trips[0].depart");
  });

  it("fires when a departure names an impossible date (30 February)", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[0].depart = "2022-02-30T07:20:00+08:00";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    const violation = expectOnlySchemaViolationAt(report, ["trips", 0, "depart"]);
    expectMentions(violation.message, '"2022-02-30T07:20:00+08:00"');
  });

  it("fires when a trip lacks a field (driverId)", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    delete roster.trips[0].driverId;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expectOnlySchemaViolationAt(report, ["trips", 0, "driverId"]);
  });

  it("fires when a trip carries an unknown extra key", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[0].colour = "red";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    const violation = expectOnlySchemaViolationAt(report, ["trips", 0, "colour"]);
    expectMentions(violation.message, "unknown key", '"colour"');
  });

  it("fires when two trips share an id", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[1].id = "T01";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    const violation = expectOnlySchemaViolationAt(report, ["trips", 1, "id"]);
    expectMentions(violation.message, "duplicate trip id", '"T01"', "trips[0]");
  });

  it("fires when the roster's timeZone differs from the scenario's", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.timeZone = "Europe/Berlin";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    const violation = expectOnlySchemaViolationAt(report, ["timeZone"]);
    expectMentions(violation.message, "Europe/Berlin", "Asia/Shanghai");
  });

  it("fires when the roster's horizon differs from the scenario's", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.horizon.days = 3;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    const violation = expectOnlySchemaViolationAt(report, ["horizon"]);
    expectMentions(violation.message, "3 days", "2022-05-16", "2");
  });

  it("fires when a stats count is negative", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.stats.trips = -1;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expectOnlySchemaViolationAt(report, ["stats", "trips"]);
  });

  it.each([
    ["null", null],
    ["a string", "roster"],
    ["a number", 42],
    ["an array", []],
    ["undefined", undefined],
  ])("fires when the roster is %s, without throwing", (_label, input) => {
    // Arrange: `input`
    // Act
    const report = validateRoster(fixtureScenario(), input);
    // Assert
    expectOnlySchemaViolationAt(report, []);
  });

  it("fires when the roster is an empty object, once per missing top-level field", () => {
    // Arrange
    const roster = {};
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    const fields = [
      "version",
      "timeZone",
      "horizon",
      "loops",
      "vehicles",
      "assignments",
      "trips",
      "tests",
      "unserved",
      "stats",
    ];
    expect(report.counts["roster-schema"]).toBe(fields.length);
    expect(firing(report)).toEqual([["roster-schema", fields.length]]);
    const paths = violationsOf(report, "roster-schema").map((v) => v.path);
    expect(paths).toHaveLength(fields.length);
    expect(paths).toEqual(expect.arrayContaining(fields.map((field) => [field])));
  });

  it("fires when the shape is wrong, and alone, even where other rules would fire", () => {
    // Arrange: a wrong version, plus a seat change and a wrong stop that would break
    // fixed-person and fixed-stop on a well-shaped roster
    const roster: any = structuredClone(validRoster());
    roster.trips[0].passengers[1].seat = 3;
    roster.trips[11].to = "d2";
    roster.version = 2;
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expectOnlySchemaViolationAt(report, ["version"]);
    expect(report.counts["fixed-person"]).toBe(0);
    expect(report.counts["fixed-stop"]).toBe(0);
  });

  it("stays quiet when an instant is written in UTC for the same moment", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[0].depart = "2022-05-15T23:20:00Z";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["roster-schema"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when instants carry milliseconds or omit seconds", () => {
    // Arrange
    const roster: any = structuredClone(validRoster());
    roster.trips[0].depart = "2022-05-16T07:20:00.000+08:00";
    roster.trips[0].arrive = "2022-05-16T07:30+08:00";
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["roster-schema"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("stays quiet when the roster is the fixture, every code counted at 0", () => {
    // Arrange
    const roster = structuredClone(validRoster());
    // Act
    const report = validateRoster(fixtureScenario(), roster);
    // Assert
    expect(report.counts["roster-schema"]).toBe(0);
    expect(firing(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(formatReport(report)).toBe("✔ roster keeps every rule (0 violations)");
  });
});
