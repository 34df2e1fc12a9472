/** What a coordinator wants to see of a planned roster, as text. */
import type { Roster } from "../roster/schema.js";
import type { ValidationReport } from "../validate/report.js";

function ratio(used: number, bound: number): string {
  return bound === 0 ? "n/a" : (used / bound).toFixed(3);
}

/** The plan's figures: fleet against the bound, trips, boardings, tests, unserved by reason. */
export function formatRosterSummary(roster: Roster, report: ValidationReport): string {
  const { stats } = roster;
  const reasons = new Map<string, number>();
  for (const entry of roster.unserved)
    reasons.set(entry.reason, (reasons.get(entry.reason) ?? 0) + 1);
  const lines = [
    "Plan:",
    `  vehicles used      ${stats.vehiclesUsed} (lower bound ${stats.fleetLowerBound}; ratio ${ratio(stats.vehiclesUsed, stats.fleetLowerBound)})`,
    `  fixed assignments  ${roster.assignments.length} people, each on one vehicle in one seat`,
    `  trips              ${stats.trips} (${stats.emptyTrips} empty runs)`,
    `  boardings          ${stats.boardings}`,
    `  tests scheduled    ${roster.tests.length} for ${new Set(roster.tests.map((test) => test.personId)).size} people`,
    `  unserved shifts    ${stats.unservedShifts}`,
  ];
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]))
    lines.push(`    ${reason.padEnd(22)} ${count}`);
  const total = Object.values(report.counts).reduce((sum, count) => sum + count, 0);
  lines.push("", report.ok ? "Validation: 0 violations ✔" : `Validation: ${total} violations ✖`);
  return lines.join("\n");
}
