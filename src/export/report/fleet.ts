/**
 * The fleet section: vehicles used against the proven lower bound (SPEC §5), and per local
 * date of departure the vehicles running, trips, empty runs and boardings.
 */
import type { Trip } from "../../roster/schema.js";
import { type DayNumber, formatCivilDate } from "../../time/civil-date.js";
import { weekday } from "../numbers.js";
import type { ReportContext } from "./context.js";
import { count, openSection, plural, table } from "./html.js";

/** One day's counts. */
export interface DayCounts {
  day: DayNumber;
  vehicles: number;
  trips: number;
  empty: number;
  boardings: number;
}

/** The counts of every roster date (the horizon and the day after it). */
export function dayCounts(context: ReportContext): DayCounts[] {
  const { days } = context;
  const rows: DayCounts[] = [];
  for (let day = days.firstDay; day <= days.lastDay; day++) {
    const list = days.tripsOn(day);
    let vehicles = 0;
    let empty = 0;
    let boardings = 0;
    let last: string | undefined;
    for (const t of list) {
      const trip = days.trips[t] as Trip;
      if (trip.vehicleId !== last) vehicles++; // the day's trips come by vehicle
      last = trip.vehicleId;
      if (trip.passengers.length === 0) empty++;
      boardings += trip.passengers.length;
    }
    rows.push({ day, vehicles, trips: list.length, empty, boardings });
  }
  return rows;
}

/** Pushes the fleet section. */
export function renderFleet(context: ReportContext, out: string[]): void {
  const { stats } = context.roster;
  const unserved = context.roster.unserved.length;
  openSection(out, "fleet", "Fleet against the lower bound");
  out.push(
    `<p class="fleet-line"><strong data-fleet="used">${count(stats.vehiclesUsed)}</strong> vehicles used of ${plural(context.model.scenario.vehicles.length, "vehicle")} in the fleet; lower bound <strong data-fleet="bound">${count(stats.fleetLowerBound)}</strong>. `,
    "The bound is proven: no valid roster carries every eligible worker-shift with fewer vehicles (the README gives the argument). ",
    unserved > 0
      ? `With ${plural(unserved, "unserved shift-date")}, the roster may use fewer than the bound.</p>`
      : "With nobody unserved, the roster uses at least the bound.</p>",
  );
  const rows = dayCounts(context);
  table(
    out,
    ["date", "vehicles running", "trips", "empty runs", "boardings"],
    rows.map((row) => [
      `${formatCivilDate(row.day)} ${weekday(row.day)}${row.day === context.days.lastDay ? " (day after the horizon)" : ""}`,
      count(row.vehicles),
      count(row.trips),
      count(row.empty),
      count(row.boardings),
    ]),
    "per-day numbers",
  );
  out.push("</section>");
}
