/**
 * The timelines section: each roster date's vehicle timeline (the SVG of
 * `renderTimelineSvg`, inline). On a large roster each day shows its first vehicles only,
 * and the page says how to get a whole day.
 */
import { formatCivilDate } from "../../time/civil-date.js";
import { weekday } from "../numbers.js";
import { drawTimeline } from "../timeline-draw.js";
import type { ReportContext } from "./context.js";
import { command, count, leftOut, openSection } from "./html.js";

/** Pushes the timelines section. */
export function renderTimelines(context: ReportContext, out: string[]): void {
  const { days, model, limits } = context;
  openSection(out, "timelines", "Timelines");
  if (limits.timelineVehicles !== undefined)
    leftOut(
      out,
      `this roster is large (${count(days.trips.length)} trips), so each day's timeline shows its first ${count(limits.timelineVehicles)} vehicles by id. A whole day's timeline: ${command("closed-loop-commute export svg scenario.json roster.json --date YYYY-MM-DD --out day.svg")}.`,
    );
  let any = false;
  for (let day = days.firstDay; day <= days.lastDay; day++) {
    if (days.tripsOn(day).length === 0) continue;
    any = true;
    const date = formatCivilDate(day);
    out.push(
      `<figure class="day-timeline" id="timeline-${date}"><figcaption>${date} ${weekday(day)}</figcaption>`,
    );
    drawTimeline(
      model,
      days,
      day,
      { standalone: false, maxVehicles: limits.timelineVehicles },
      out,
    );
    out.push("</figure>");
  }
  if (!any) out.push("<p>No trips: nothing to draw.</p>");
  out.push("</section>");
}
