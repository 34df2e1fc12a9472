/**
 * The top of the report, what a coordinator reads first: the verdict, the fleet against its
 * lower bound, unserved shifts by reason and exposure, each as a card; then the totals, each
 * figure in an element with a `data-total` attribute for programs reading the page.
 */

import { RULE_CODES } from "../../validate/rules/index.js";
import type { ReportContext } from "./context.js";
import type { Exposure } from "./exposure.js";
import { count, esc, openSection, plural } from "./html.js";

/** Unserved shift-dates and distinct people per reason, reasons by count then name. */
export function unservedByReason(
  context: ReportContext,
): { reason: string; shifts: number; people: number }[] {
  const shifts = new Map<string, number>();
  const people = new Map<string, Set<string>>();
  for (const entry of context.roster.unserved) {
    shifts.set(entry.reason, (shifts.get(entry.reason) ?? 0) + 1);
    let set = people.get(entry.reason);
    if (set === undefined) {
      set = new Set();
      people.set(entry.reason, set);
    }
    set.add(entry.personId);
  }
  return [...shifts]
    .map(([reason, n]) => ({ reason, shifts: n, people: people.get(reason)?.size ?? 0 }))
    .sort(
      (a, b) => b.shifts - a.shifts || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
    );
}

/** The verdict, fleet, unserved and exposure cards. */
export function renderGlance(context: ReportContext, exposure: Exposure, out: string[]): void {
  const { report, roster } = context;
  const { stats } = roster;
  const total = RULE_CODES.reduce((sum, code) => sum + report.counts[code], 0);
  const broken = RULE_CODES.filter((code) => report.counts[code] > 0);
  openSection(out, "glance", "At a glance");
  out.push('<div class="cards">');

  out.push(
    `<div class="card verdict ${report.ok ? "ok" : "bad"}" data-verdict="${report.ok ? "ok" : "violations"}"><h3>Verdict</h3>`,
  );
  if (report.ok)
    out.push('<p class="big">✔ Valid</p><p>The roster keeps every rule of the five fixes.</p>');
  else
    out.push(
      `<p class="big">✖ ${plural(total, "violation")}</p><p>of ${plural(broken.length, "rule")}: ${broken
        .map((code) => `${esc(code)} ${count(report.counts[code])}`)
        .join(", ")}. <a href="#validation">Details</a></p>`,
    );
  out.push("</div>");

  const over = stats.vehiclesUsed - stats.fleetLowerBound;
  out.push(
    `<div class="card fleet"><h3>Fleet against the lower bound</h3><p class="big">${count(stats.vehiclesUsed)} <span class="of">used · bound ${count(stats.fleetLowerBound)}</span></p><p>`,
    stats.fleetLowerBound === 0
      ? "No vehicle is needed by the bound."
      : over >= 0
        ? `${over === 0 ? "At the bound: no valid roster carrying every eligible worker-shift uses fewer." : `${plural(over, "vehicle")} above the bound (${Math.round((stats.vehiclesUsed / stats.fleetLowerBound) * 100)} % of it).`}`
        : `${plural(-over, "vehicle")} below the bound: not every eligible worker-shift is carried.`,
    ' <a href="#fleet">Per day</a></p></div>',
  );

  const reasons = unservedByReason(context);
  out.push(
    `<div class="card unserved"><h3>Unserved by reason</h3><p class="big">${count(roster.unserved.length)} <span class="of">shift-dates</span></p>`,
  );
  if (reasons.length === 0) out.push("<p>Every worker-shift is carried.</p>");
  else {
    out.push("<ul>");
    for (const row of reasons)
      out.push(
        `<li><span class="reason">${esc(row.reason)}</span> ${count(row.shifts)} (${plural(row.people, "person", "people")})</li>`,
      );
    out.push('</ul><p><a href="#unserved">The list</a></p>');
  }
  out.push("</div>");

  const shown = exposure.atMax.slice(0, 5);
  out.push(
    `<div class="card exposure" data-exposure-median="${exposure.median}" data-exposure-max="${exposure.max}"><h3>Exposure</h3><p class="big">median ${count(exposure.median)} <span class="of">· max ${count(exposure.max)}</span></p>`,
    `<p>Distinct people each rider or driver shares a vehicle with over the roster (${plural(exposure.people, "person", "people")} on board). Highest: ${shown.map((id) => `<span class="person">${esc(id)}</span>`).join(", ")}${exposure.atMax.length > shown.length ? ` and ${count(exposure.atMax.length - shown.length)} more` : ""}${exposure.people === 0 ? "nobody" : ""}. <a href="#exposure">Details</a></p></div>`,
  );
  out.push("</div></section>");
}

/** One figure of the totals table. */
function totalRow(out: string[], key: string, label: string, value: number, note = ""): void {
  out.push(
    `<tr><th scope="row">${label}</th><td class="num" data-total="${key}" data-value="${value}">${value}</td><td>${note}</td></tr>`,
  );
}

/** The totals: staff from the scenario, the rest from the roster's stats, checked against its lists. */
export function renderTotals(context: ReportContext, out: string[]): void {
  const { model, roster, boardings } = context;
  const { stats } = roster;
  let workers = 0;
  let drivers = 0;
  for (const person of model.scenario.staff) {
    if (person.role === "worker") workers++;
    else drivers++;
  }
  const seated = new Set(roster.assignments.map((a) => a.personId)).size;
  const driving = new Set(roster.vehicles.map((v) => v.driverId)).size;
  const empty = roster.trips.reduce((n, trip) => n + (trip.passengers.length === 0 ? 1 : 0), 0);
  const usedVehicles = new Set(roster.trips.map((trip) => trip.vehicleId)).size;
  const violations = RULE_CODES.reduce((sum, code) => sum + context.report.counts[code], 0);

  openSection(out, "totals", "Totals");
  out.push('<table class="totals"><tbody>');
  totalRow(out, "staff", "Staff", model.scenario.staff.length, "in the scenario");
  totalRow(out, "workers", "Workers", workers, "in the scenario");
  totalRow(out, "drivers", "Drivers", drivers, "in the scenario");
  totalRow(out, "workers-seated", "Workers with a seat", seated, "people with an assignment");
  totalRow(out, "drivers-assigned", "Drivers at a wheel", driving, "people a vehicle entry names");
  totalRow(
    out,
    "fleet",
    "Vehicles in the fleet",
    model.scenario.vehicles.length,
    "in the scenario",
  );
  totalRow(out, "vehicles-used", "Vehicles used", stats.vehiclesUsed, "roster stats");
  totalRow(out, "fleet-lower-bound", "Fleet lower bound", stats.fleetLowerBound, "roster stats");
  totalRow(out, "trips", "Trips", stats.trips, "roster stats");
  totalRow(out, "empty-trips", "Empty trips", stats.emptyTrips, "roster stats");
  totalRow(out, "boardings", "Boardings", stats.boardings, "roster stats");
  totalRow(out, "unserved-shifts", "Unserved shifts", stats.unservedShifts, "roster stats");
  totalRow(out, "tests", "Test appointments", roster.tests.length, "roster");
  totalRow(out, "violations", "Violations", violations, "validation report");
  out.push("</tbody></table>");

  // Stats a hand-edited roster may have left behind its lists.
  const mismatches: string[] = [];
  const check = (name: string, stated: number, found: number, what: string) => {
    if (stated !== found)
      mismatches.push(`stats.${name} says ${count(stated)}, but ${what} ${count(found)}`);
  };
  check("trips", stats.trips, roster.trips.length, "the trips list holds");
  check("emptyTrips", stats.emptyTrips, empty, "the trips list has empty runs:");
  check("boardings", stats.boardings, boardings, "the trips carry boardings:");
  check("unservedShifts", stats.unservedShifts, roster.unserved.length, "the unserved list holds");
  check("vehiclesUsed", stats.vehiclesUsed, usedVehicles, "vehicles running trips:");
  if (mismatches.length > 0)
    out.push(
      `<p class="warning">The roster's stats disagree with its lists: ${mismatches.map(esc).join("; ")}.</p>`,
    );
  out.push("</section>");
}
