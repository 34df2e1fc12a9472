/**
 * The unserved section: shift-dates the roster does not carry, counted by reason, then
 * listed by date and person (the first rows, when there are many).
 */

import type { UnservedEntry } from "../../roster/schema.js";
import { formatCivilDate, parseCivilDate } from "../../time/civil-date.js";
import { compareText } from "../../util/order.js";
import { personName, type ReportContext } from "./context.js";
import { count, esc, leftOut, openSection, table } from "./html.js";
import { unservedByReason } from "./summary.js";

/** Ascending days as runs: `2022-05-16 – 05-18, 2022-05-21`. */
function dateRuns(days: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++;
    const from = formatCivilDate(days[i] as number);
    runs.push(j === i ? from : `${from} – ${formatCivilDate(days[j] as number).slice(5)}`);
    i = j + 1;
  }
  return runs.join(", ");
}

/** Pushes the unserved section. */
export function renderUnserved(context: ReportContext, out: string[]): void {
  const { roster, model, limits } = context;
  openSection(out, "unserved", "Unserved by reason");
  if (roster.unserved.length === 0) {
    out.push(
      "<p>Nobody is unserved: every worker-shift on an eligible day is carried.</p></section>",
    );
    return;
  }
  table(
    out,
    ["reason", "shift-dates", "people"],
    unservedByReason(context).map((row) => [
      `<span class="reason">${esc(row.reason)}</span>`,
      `<span class="num" data-unserved-reason="${esc(row.reason)}">${row.shifts}</span>`,
      count(row.people),
    ]),
    "reasons",
  );
  // One row per person and reason, their dates as runs of consecutive days.
  const sorted = [...roster.unserved].sort(
    (a: UnservedEntry, b: UnservedEntry) =>
      compareText(a.reason, b.reason) ||
      compareText(a.personId, b.personId) ||
      compareText(a.date, b.date),
  );
  const rows: { personId: string; reason: string; days: number[] }[] = [];
  for (const entry of sorted) {
    const last = rows[rows.length - 1];
    const day = parseCivilDate(entry.date) ?? 0;
    if (last !== undefined && last.personId === entry.personId && last.reason === entry.reason) {
      if (last.days[last.days.length - 1] !== day) last.days.push(day);
    } else rows.push({ personId: entry.personId, reason: entry.reason, days: [day] });
  }
  const shown = rows.slice(0, limits.unservedRows);
  out.push("<h3>Who, and when</h3>");
  table(
    out,
    ["reason", "person", "name", "enterprise", "dates", "shift-dates"],
    shown.map((row) => [
      esc(row.reason),
      `<span class="id">${esc(row.personId)}</span>`,
      esc(personName(context, row.personId)),
      esc(model.staff.get(row.personId)?.enterpriseId ?? ""),
      dateRuns(row.days),
      count(row.days.length),
    ]),
    "unserved-list",
  );
  if (rows.length > shown.length)
    leftOut(
      out,
      `${count(rows.length - shown.length)} more people-and-reasons: the roster's <code>unserved</code> list (roster.json) holds every entry.`,
    );
  out.push("</section>");
}
