/**
 * The validation section: the verdict, the count of every rule code (SPEC §6), and the
 * first violations with the ids that locate them.
 */

import { RULE_CODES } from "../../validate/rules/index.js";
import type { Violation } from "../../validate/violations.js";
import type { ReportContext } from "./context.js";
import { count, esc, leftOut, openSection, plural, table } from "./html.js";

/** Where a violation is, as ids: trip, person, vehicle, loop, site, date, path. */
function where(violation: Violation): string {
  const parts: string[] = [];
  for (const key of ["tripId", "personId", "vehicleId", "loopId", "siteId", "date"] as const) {
    const value = violation[key];
    if (value !== undefined) parts.push(`${key.replace(/Id$/, "")} ${value}`);
  }
  if (violation.path !== undefined && violation.path.length > 0)
    parts.push(`at ${violation.path.join(".")}`);
  return esc(parts.join(" · "));
}

/** Pushes the validation section. */
export function renderValidation(context: ReportContext, out: string[]): void {
  const { report, limits } = context;
  const total = RULE_CODES.reduce((sum, code) => sum + report.counts[code], 0);
  openSection(out, "validation", "Validation report");
  out.push(
    `<p class="verdict-line ${report.ok ? "ok" : "bad"}" data-verdict="${report.ok ? "ok" : "violations"}">${
      report.ok
        ? "✔ The roster keeps every rule (0 violations)."
        : `✖ The roster breaks ${plural(RULE_CODES.filter((c) => report.counts[c] > 0).length, "rule")} (${plural(total, "violation")}).`
    }</p>`,
  );
  table(
    out,
    ["rule code", "violations"],
    RULE_CODES.map((code) => [
      `<code>${esc(code)}</code>`,
      `<span class="num${report.counts[code] > 0 ? " bad" : ""}" data-count="${esc(code)}">${report.counts[code]}</span>`,
    ]),
    "codes",
  );
  if (report.violations.length > 0) {
    const shown = report.violations.slice(0, limits.violations);
    out.push(`<h3>The first ${plural(shown.length, "violation")}</h3>`);
    table(
      out,
      ["code", "message", "where"],
      shown.map((violation) => [
        `<code>${esc(violation.code)}</code>`,
        esc(violation.message),
        where(violation),
      ]),
      "violations",
    );
    if (total > shown.length)
      leftOut(
        out,
        `${count(total - shown.length)} more violations (the counts above are complete). Every listed one: <code>closed-loop-commute validate scenario.json roster.json --json</code>.`,
      );
  }
  out.push("</section>");
}
