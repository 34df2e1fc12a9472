/**
 * What every section of the report reads, worked out once: the scenario's indexes, the
 * parsed roster, its trips by local date, the validation report, and whether the roster is
 * large enough that the long parts (timelines, manifests, lists) are summarised so the page
 * still opens in a few seconds.
 */
import type { Roster } from "../../roster/schema.js";
import type { ScenarioModel } from "../../scenario/model.js";
import type { ValidationReport } from "../../validate/report.js";
import type { RosterDays } from "../roster-days.js";

/** Above this many trips (or {@link LARGE_BOARDINGS} boardings) the report summarises. */
export const LARGE_TRIPS = 2_000;
export const LARGE_BOARDINGS = 50_000;

/** How much of each long part a report shows. */
export interface ReportLimits {
  /** Vehicles drawn in each day's timeline (`undefined`: all). */
  timelineVehicles: number | undefined;
  /** Vehicle-day manifests printed (`Infinity`: all). */
  manifests: number;
  /** Rows of the unserved list. */
  unservedRows: number;
  /** Violations listed. */
  violations: number;
  /** Rows of the loops table. */
  loops: number;
}

/** The limits of a full report and of a summarised one. */
export const FULL_LIMITS: ReportLimits = {
  timelineVehicles: undefined,
  manifests: Number.POSITIVE_INFINITY,
  unservedRows: 500,
  violations: 100,
  loops: Number.POSITIVE_INFINITY,
};
export const SUMMARY_LIMITS: ReportLimits = {
  timelineVehicles: 12,
  manifests: 20,
  unservedRows: 200,
  violations: 50,
  loops: 200,
};

export interface ReportContext {
  readonly model: ScenarioModel;
  readonly roster: Roster;
  readonly days: RosterDays;
  readonly report: ValidationReport;
  /** Boardings counted from the trips (not the stats). */
  readonly boardings: number;
  /** True when the roster is over the thresholds and long parts are summarised. */
  readonly large: boolean;
  readonly limits: ReportLimits;
}

/** Whether a roster of this many trips and boardings gets a summarised report. */
export function isLarge(trips: number, boardings: number): boolean {
  return trips > LARGE_TRIPS || boardings > LARGE_BOARDINGS;
}

/** A person's name from the scenario, `""` when they have none or are not in it. */
export function personName(context: ReportContext, personId: string): string {
  return context.model.staff.get(personId)?.name ?? "";
}
