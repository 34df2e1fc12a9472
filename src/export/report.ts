/**
 * `renderReport` (SPEC §7.3): a roster as one self-contained HTML page for coordinators —
 * no network, no script, inline CSS — the verdict, fleet, unserved and exposure first, then
 * the totals and the drill-down: validation, eligibility, loops and their map, each day's
 * timeline, and a printable manifest per vehicle and day. Each section is rendered by its
 * own file under `report/`; the pieces are joined once.
 */
import { parseRoster } from "../roster/parse.js";
import { scenarioModel } from "../scenario/model.js";
import type { Scenario, ScenarioInput } from "../scenario/schema.js";
import { formatCivilDate } from "../time/civil-date.js";
import { InvalidArgumentError } from "../util/errors.js";
import type { ValidationReport } from "../validate/report.js";
import { RULE_CODES } from "../validate/rules/index.js";
import { validateRoster } from "../validate/validate-roster.js";
import {
  FULL_LIMITS,
  isLarge,
  LARGE_BOARDINGS,
  LARGE_TRIPS,
  type ReportContext,
  SUMMARY_LIMITS,
} from "./report/context.js";
import { renderEligibility } from "./report/eligibility.js";
import { computeExposure } from "./report/exposure.js";
import { renderExposure } from "./report/exposure-section.js";
import { renderFleet } from "./report/fleet.js";
import { count, esc, leftOut, plural } from "./report/html.js";
import { renderLoops } from "./report/loops.js";
import { renderManifests } from "./report/manifests.js";
import { REPORT_CSS } from "./report/styles.js";
import { renderGlance, renderTotals } from "./report/summary.js";
import { renderTimelines } from "./report/timelines.js";
import { renderUnserved } from "./report/unserved.js";
import { renderValidation } from "./report/validation.js";
import { rosterDays } from "./roster-days.js";

const CONTENTS: readonly [string, string][] = [
  ["glance", "At a glance"],
  ["totals", "Totals"],
  ["validation", "Validation"],
  ["unserved", "Unserved"],
  ["fleet", "Fleet"],
  ["exposure", "Exposure"],
  ["eligibility", "Eligibility"],
  ["loops", "Loops and routes"],
  ["timelines", "Timelines"],
  ["manifests", "Manifests"],
];

/** Whether a value has the fields of a `ValidationReport` the page reads. */
function isReport(value: unknown): value is ValidationReport {
  if (typeof value !== "object" || value === null) return false;
  const { ok, violations, counts } = value as Partial<Record<keyof ValidationReport, unknown>>;
  return (
    typeof ok === "boolean" &&
    Array.isArray(violations) &&
    typeof counts === "object" &&
    counts !== null &&
    RULE_CODES.every((code) => typeof (counts as Record<string, unknown>)[code] === "number")
  );
}

/**
 * Renders a roster as one self-contained HTML page: nothing loaded from the network (the
 * page's Content-Security-Policy forbids it), no script, inline CSS with print styles.
 *
 * First what a coordinator looks at: the verdict, vehicles used against the fleet's lower
 * bound, unserved shift-dates by reason, and exposure (how many distinct people each person
 * shares a vehicle with; median, maximum and who); then the totals (each in an element with
 * `data-total="staff" | "workers" | "drivers" | "vehicles-used" | "fleet-lower-bound" |
 * "trips" | "empty-trips" | "boardings" | "unserved-shifts" | …`, its text the plain number),
 * the validation report (every code's count, the first violations), the unserved list,
 * vehicles and trips per day, eligibility by enterprise and day, the loops with their fixed
 * routes (and a map when every node of a route has coordinates), each day's timeline (as
 * `renderTimelineSvg` draws it) and a manifest per vehicle and day, each printed on its
 * own page. Above 2,000 trips or 50,000 boardings the timelines show each day's first 12
 * vehicles and the page prints the first 20 manifests, saying what it left out and which
 * export has it, so that a district-sized roster still opens in a few seconds.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster of the §5 shape
 * @param report - the roster's validation report; computed with `validateRoster` when absent
 * @returns the page's HTML text
 * @throws {RosterError} when the roster is not of the §5 shape
 * @throws {InvalidArgumentError} when `report` is given but is not a validation report
 * @example
 * const scenario = jinshanScenario();
 * const html = renderReport(scenario, planRoster(scenario));
 * writeFileSync("report.html", html); // opens from disk, no network needed
 */
export function renderReport(
  scenario: ScenarioInput | Scenario,
  roster: unknown,
  report?: ValidationReport | undefined,
): string {
  const model = scenarioModel(scenario);
  const parsed = parseRoster(roster);
  if (report !== undefined && !isReport(report))
    throw new InvalidArgumentError(
      "report must be a validation report ({ ok, violations, counts }) or undefined",
    );
  const days = rosterDays(model, parsed);
  let boardings = 0;
  for (const trip of parsed.trips) boardings += trip.passengers.length;
  const large = isLarge(parsed.trips.length, boardings);
  const context: ReportContext = {
    model,
    roster: parsed,
    days,
    report: report ?? validateRoster(model.scenario, roster),
    boardings,
    large,
    limits: large ? SUMMARY_LIMITS : FULL_LIMITS,
  };
  const exposure = computeExposure(parsed.trips);

  const title = model.scenario.name ?? "Closed-loop commuting roster";
  const first = formatCivilDate(model.firstDay);
  const last = formatCivilDate(model.firstDay + model.days - 1);
  const out: string[] = [
    "<!DOCTYPE html>\n",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${esc(title)} — roster report</title>`,
    `<style>${REPORT_CSS}</style></head><body>`,
    `<header><h1>${esc(title)}</h1><p>Roster report · ${first} to ${last} (${plural(model.days, "day")}) · times in ${esc(model.zone)} · ${plural(model.enterprises.size, "enterprise")}, ${plural(model.scenario.staff.length, "staff member")}, ${plural(parsed.trips.length, "trip")}</p></header>`,
    `<nav aria-label="Contents"><ul>${CONTENTS.map(([id, text]) => `<li><a href="#${id}">${text}</a></li>`).join("")}</ul></nav>`,
    "<main>",
  ];
  if (large)
    leftOut(
      out,
      `this roster is large (${count(parsed.trips.length)} trips, ${count(boardings)} boardings; the page summarises above ${count(LARGE_TRIPS)} trips or ${count(LARGE_BOARDINGS)} boardings). Each day's timeline shows its first ${SUMMARY_LIMITS.timelineVehicles} vehicles and the page prints the first ${SUMMARY_LIMITS.manifests} manifests; each part says what it leaves out and which export has all of it.`,
    );
  renderGlance(context, exposure, out);
  renderTotals(context, out);
  renderValidation(context, out);
  renderUnserved(context, out);
  renderFleet(context, out);
  renderExposure(context, exposure, out);
  renderEligibility(context, out);
  renderLoops(context, out);
  renderTimelines(context, out);
  renderManifests(context, out);
  out.push("</main></body></html>\n");
  return out.join("");
}
