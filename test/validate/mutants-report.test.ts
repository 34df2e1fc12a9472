/**
 * The report, exactly: `formatReport`'s whole text for small known reports (verdict line,
 * plurals, `→` locations, the truncation line), and the collector's order and cap at its
 * edges (limits 0 and 1, violations with and without a person).
 */
import { describe, expect, it } from "vitest";
import {
  formatReport,
  RULE_CODES,
  type RuleCode,
  type ValidationReport,
  validateRoster,
} from "../../src/index.js";
import { ViolationCollector } from "../../src/validate/report.js";
import type { Violation } from "../../src/validate/violations.js";
import { fixtureScenario, validRoster } from "../fixtures/valid-roster.js";

function zeroCounts(): Record<RuleCode, number> {
  return Object.fromEntries(RULE_CODES.map((code) => [code, 0])) as Record<RuleCode, number>;
}

/** The fixture with w1's assignment on vehicle v9: 1 unknown-reference, 4 fixed-person. */
function fiveViolations(): unknown {
  const roster: any = structuredClone(validRoster());
  roster.assignments[0].vehicleId = "v9";
  return roster;
}

const w1Trip = (id: string, when: string, from: string, to: string) =>
  `w1 on trip ${id} (${when} ${from} → ${to}) is assigned to vehicle v9, not v1`;

describe("formatReport, whole text", () => {
  it("is exactly the ✔ line for a valid roster", () => {
    expect(formatReport(validateRoster(fixtureScenario(), validRoster()))).toBe(
      "✔ roster keeps every rule (0 violations)",
    );
  });

  it("says 1 rule and 1 violation (singular), with the site as location", () => {
    const scenario = fixtureScenario();
    (scenario.sites[0] as { beds?: number }).beds = 1;
    const text = formatReport(validateRoster(scenario, validRoster()));
    expect(text).toBe(
      [
        "✖ roster breaks 1 rule (1 violation)",
        "",
        "dormitory-capacity (1)",
        "  ✖ Dorm One (d1) houses 4 staff in 1 bed",
        "    → site d1",
      ].join("\n"),
    );
  });

  it("says 2 rules and 5 violations, fewest first, each with its `→ at path · …` line", () => {
    const text = formatReport(validateRoster(fixtureScenario(), fiveViolations()));
    expect(text).toBe(
      [
        "✖ roster breaks 2 rules (5 violations)",
        "",
        "unknown-reference (1)",
        '  ✖ assignment 0 names unknown vehicle "v9"',
        "    → at assignments[0].vehicleId · person w1",
        "",
        "fixed-person (4)",
        `  ✖ ${w1Trip("T01", "2022-05-16 07:20", "Dorm One", "Plant One")}`,
        "    → trip T01 · person w1 · vehicle v1 · loop e1/d1/p1 · date 2022-05-16",
        `  ✖ ${w1Trip("T02", "2022-05-16 17:10", "Plant One", "Dorm One")}`,
        "    → trip T02 · person w1 · vehicle v1 · loop e1/d1/p1 · date 2022-05-16",
        `  ✖ ${w1Trip("T07", "2022-05-17 07:20", "Dorm One", "Plant One")}`,
        "    → trip T07 · person w1 · vehicle v1 · loop e1/d1/p1 · date 2022-05-17",
        `  ✖ ${w1Trip("T08", "2022-05-17 17:10", "Plant One", "Dorm One")}`,
        "    → trip T08 · person w1 · vehicle v1 · loop e1/d1/p1 · date 2022-05-17",
      ].join("\n"),
    );
  });

  it("ends a truncated report with a blank line and the number not listed", () => {
    const report = validateRoster(fixtureScenario(), fiveViolations(), { maxViolations: 2 });
    expect(report.truncated).toBe(true);
    expect(formatReport(report)).toBe(
      [
        "✖ roster breaks 2 rules (5 violations)",
        "",
        "unknown-reference (1)",
        '  ✖ assignment 0 names unknown vehicle "v9"',
        "    → at assignments[0].vehicleId · person w1",
        "",
        "fixed-person (4)",
        `  ✖ ${w1Trip("T01", "2022-05-16 07:20", "Dorm One", "Plant One")}`,
        "    → trip T01 · person w1 · vehicle v1 · loop e1/d1/p1 · date 2022-05-16",
        "",
        "… 3 more violations not listed (the counts above are complete)",
      ].join("\n"),
    );
  });

  it("writes an empty path as `at (root)`", () => {
    const report = validateRoster(fixtureScenario(), null);
    const [violation] = report.violations;
    expect(violation?.path).toEqual([]);
    expect(formatReport(report)).toBe(
      [
        "✖ roster breaks 1 rule (1 violation)",
        "",
        "roster-schema (1)",
        `  ✖ ${violation?.message}`,
        "    → at (root)",
      ].join("\n"),
    );
  });

  it("writes no `→` line for a violation with no path and no ids", () => {
    const report: ValidationReport = {
      ok: false,
      violations: [{ code: "capacity", message: "something is wrong" } as Violation],
      counts: { ...zeroCounts(), capacity: 1 },
      truncated: false,
    };
    expect(formatReport(report)).toBe(
      ["✖ roster breaks 1 rule (1 violation)", "", "capacity (1)", "  ✖ something is wrong"].join(
        "\n",
      ),
    );
  });
});

describe("ViolationCollector", () => {
  const noPerson: Violation = {
    code: "capacity",
    tripId: "T01",
    vehicleId: "v1",
    date: "2022-05-16",
    message: "b",
  };
  const withPerson: Violation = {
    code: "capacity",
    tripId: "T01",
    vehicleId: "v1",
    personId: "A1",
    date: "2022-05-16",
    message: "a",
  };

  it("puts a violation without a person before one with a person, whatever the order added", () => {
    for (const order of [
      [noPerson, withPerson],
      [withPerson, noPerson],
    ]) {
      const collector = new ViolationCollector(10);
      for (const violation of order) collector.add(violation);
      expect(collector.report().violations).toEqual([noPerson, withPerson]);
    }
  });

  it("with limit 1 keeps the first in report order, counts both, and says it truncated", () => {
    const collector = new ViolationCollector(1);
    collector.add(withPerson);
    collector.add(noPerson);
    const report = collector.report();
    expect(report.violations).toEqual([noPerson]);
    expect(report.truncated).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.counts.capacity).toBe(2);
  });

  it("with limit 0 keeps none, but is not ok and counts everything", () => {
    const collector = new ViolationCollector(0);
    collector.add(noPerson);
    const report = collector.report();
    expect(report).toEqual({
      ok: false,
      violations: [],
      counts: { ...zeroCounts(), capacity: 1 },
      truncated: true,
    });
  });

  it("with nothing added is ok and not truncated, even with limit 0", () => {
    const report = new ViolationCollector(0).report();
    expect(report).toEqual({ ok: true, violations: [], counts: zeroCounts(), truncated: false });
  });

  it("keeps the first `limit` in report order when more than 2 × limit + 1024 arrive", () => {
    const collector = new ViolationCollector(1);
    // Added latest date first: the one kept must be the earliest date, added last.
    const dates = Array.from({ length: 1100 }, (_, k) => {
      const day = new Date(Date.UTC(2022, 0, 1) + (1099 - k) * 86_400_000);
      return day.toISOString().slice(0, 10);
    });
    for (const date of dates) collector.add({ ...noPerson, date });
    const report = collector.report();
    expect(report.violations).toEqual([{ ...noPerson, date: "2022-01-01" }]);
    expect(report.counts.capacity).toBe(1100);
    expect(report.truncated).toBe(true);
  });

  it("validateRoster with maxViolations 1 lists the first violation of the full report", () => {
    const full = validateRoster(fixtureScenario(), fiveViolations());
    const one = validateRoster(fixtureScenario(), fiveViolations(), { maxViolations: 1 });
    expect(one.violations).toEqual(full.violations.slice(0, 1));
    expect(one.violations[0]?.code).toBe("unknown-reference");
    expect(one.truncated).toBe(true);
    expect(one.counts).toEqual(full.counts);
  });
});
