/**
 * The validation report: violations in a deterministic order (date, trip, person, code),
 * complete counts per code, and a cap on how many violations are kept so that a badly
 * broken roster cannot flood memory. `formatReport` renders it for people.
 */

import { formatPath } from "../util/issues.js";
import { compareText } from "../util/order.js";
import { RULE_CODES } from "./rules/index.js";
import type { RuleCode, Violation } from "./violations.js";

export interface ValidationReport {
  /** True when the roster breaks no rule. */
  ok: boolean;
  /** The violations, sorted by date, trip, person, code (at most `maxViolations`). */
  violations: Violation[];
  /** How many violations of each code there are, all of them, listed or not. */
  counts: Record<RuleCode, number>;
  /** True when more violations were found than listed. */
  truncated: boolean;
}

function compareViolations(a: Violation, b: Violation): number {
  return (
    compareText(a.date ?? "", b.date ?? "") ||
    compareText(a.tripId ?? "", b.tripId ?? "") ||
    compareText(a.personId ?? "", b.personId ?? "") ||
    RULE_CODES.indexOf(a.code) - RULE_CODES.indexOf(b.code) ||
    compareText(a.message, b.message)
  );
}

/** Collects violations, keeping only the first `limit` in report order, in bounded memory. */
export class ViolationCollector {
  private kept: Violation[] = [];
  readonly counts = Object.fromEntries(RULE_CODES.map((code) => [code, 0])) as Record<
    RuleCode,
    number
  >;
  private total = 0;

  constructor(private readonly limit: number) {}

  add = (violation: Violation): void => {
    this.counts[violation.code]++;
    this.total++;
    this.kept.push(violation);
    if (this.kept.length >= 2 * this.limit + 1024) this.trim();
  };

  private trim(): void {
    this.kept.sort(compareViolations);
    if (this.kept.length > this.limit) this.kept.length = this.limit;
  }

  report(): ValidationReport {
    this.trim();
    return {
      ok: this.total === 0,
      violations: this.kept,
      counts: this.counts,
      truncated: this.total > this.kept.length,
    };
  }
}

function locate(violation: Violation): string {
  const parts: string[] = [];
  if (violation.path !== undefined) parts.push(`at ${formatPath(violation.path) || "(root)"}`);
  for (const key of ["tripId", "personId", "vehicleId", "loopId", "siteId", "date"] as const) {
    const value = violation[key];
    if (value !== undefined) parts.push(`${key.replace(/Id$/, "")} ${value}`);
  }
  return parts.join(" · ");
}

/**
 * The report for people: a verdict line, then each code's violations as `✖` lines with
 * `→` locations. Codes with the fewest violations come first, so a rare problem is not
 * buried under a flood of another.
 *
 * @example
 * console.log(formatReport(validateRoster(scenario, roster)));
 * //=> "✔ roster keeps every rule (0 violations)"
 */
export function formatReport(report: ValidationReport): string {
  const total = Object.values(report.counts).reduce((sum, count) => sum + count, 0);
  if (report.ok) return "✔ roster keeps every rule (0 violations)";
  const codes = RULE_CODES.filter((code) => report.counts[code] > 0).sort(
    (a, b) => report.counts[a] - report.counts[b],
  );
  const lines = [
    `✖ roster breaks ${codes.length} rule${codes.length === 1 ? "" : "s"} (${total} violation${total === 1 ? "" : "s"})`,
  ];
  for (const code of codes) {
    lines.push("", `${code} (${report.counts[code]})`);
    for (const violation of report.violations) {
      if (violation.code !== code) continue;
      lines.push(`  ✖ ${violation.message}`);
      const where = locate(violation);
      if (where !== "") lines.push(`    → ${where}`);
    }
  }
  if (report.truncated)
    lines.push(
      "",
      `… ${total - report.violations.length} more violations not listed (the counts above are complete)`,
    );
  return lines.join("\n");
}
