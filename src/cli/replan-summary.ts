/** A re-plan's summary (SPEC §7.2) as a coordinator reads it. */
import type { Place, ReplanSummary } from "../operate/summary.js";

/** How many moves are listed by name; `summary.json` has them all. */
const MOVES_LISTED = 20;

function place(where: Place | null): string {
  return where === null ? "—" : `${where.vehicleId} seat ${where.seat}`;
}

export function formatReplanSummary(summary: ReplanSummary): string {
  const lines = [
    summary.from === null ? "Re-plan: no changes" : `Re-plan from ${summary.from}:`,
    `  assignments kept     ${summary.assignmentsKept}`,
    `  assignments changed  ${summary.assignmentsChanged}`,
    `  people moved         ${summary.moved.length}`,
  ];
  for (const move of summary.moved.slice(0, MOVES_LISTED))
    lines.push(`    ${move.personId}: ${place(move.before)} → ${place(move.after)}`);
  if (summary.moved.length > MOVES_LISTED)
    lines.push(`    … ${summary.moved.length - MOVES_LISTED} more in summary.json`);
  lines.push(
    `  vehicles used        ${summary.vehiclesUsed.before} → ${summary.vehiclesUsed.after}`,
    "  unserved shift-dates from then on, by reason:",
  );
  const reasons = Object.entries(summary.unserved).sort((a, b) => b[1] - a[1]);
  if (reasons.length === 0) lines.push("    none");
  for (const [reason, count] of reasons) lines.push(`    ${reason.padEnd(22)} ${count}`);
  return lines.join("\n");
}
