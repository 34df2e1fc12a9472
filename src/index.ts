/**
 * closed-loop-commute: plan and check closed-loop commuting under the five fixes.
 * The explicit list of public names.
 */

export { type CsvOptions, csvStringifyOptions } from "./export/csv/csv-options.js";
export {
  MANIFEST_COLUMNS,
  type ManifestCsvOptions,
  manifestRows,
  toManifestCsv,
} from "./export/csv/manifest.js";
export {
  STAFF_LIST_COLUMNS,
  type StaffListCsvOptions,
  staffListRows,
  toStaffListCsv,
} from "./export/csv/staff-list.js";
export {
  TESTING_COLUMNS,
  type TestingCsvOptions,
  testingRows,
  toTestingCsv,
} from "./export/csv/testing-list.js";
export { GTFS_COLUMNS, type GtfsFileName, type GtfsRow } from "./export/gtfs/columns.js";
export type { ToGtfsOptions } from "./export/gtfs/context.js";
export {
  type GtfsFeed,
  type GtfsFiles,
  gtfsCsvOptions,
  gtfsFeed,
  toGtfs,
} from "./export/gtfs/gtfs.js";
export { toICalendar } from "./export/icalendar.js";
export { rosterJsonSchema, scenarioJsonSchema } from "./export/json-schema.js";
export { renderReport } from "./export/report.js";
export { renderTimelineSvg } from "./export/timeline-svg.js";
export { vehicleCapacity } from "./facts/capacity.js";
export { assessEligibility, type Eligibility } from "./facts/eligibility.js";
export { deriveLoops, type Loop, loopId } from "./facts/loops.js";
export { shiftInstances, type WorkerShift } from "./facts/shifts.js";
export { jinshanScenario } from "./jinshan/scenario.js";
export { type Change, changeSchema } from "./operate/changes.js";
export { type ReplanOptions, type ReplanResult, replan } from "./operate/replan.js";
export type { Move, Place, ReplanSummary } from "./operate/summary.js";
export {
  type Contact,
  type ContactTrace,
  type TraceContactsOptions,
  traceContacts,
} from "./operate/trace-contacts.js";
export { type PlanRosterOptions, planRoster } from "./plan/plan-roster.js";
export type { Route } from "./roads/fastest-route.js";
export { parseRoster, type SafeParseRosterResult, safeParseRoster } from "./roster/parse.js";
export {
  type Assignment,
  type Passenger,
  type Roster,
  type RosterLoop,
  type RosterStats,
  type RosterVehicle,
  rosterSchema,
  type TestAppointment,
  type Trip,
  type TripDirection,
  type UnservedEntry,
} from "./roster/schema.js";
export { SCENARIO_LIMITS } from "./scenario/limits.js";
export {
  parseScenario,
  type SafeParseScenarioResult,
  safeParseScenario,
} from "./scenario/parse.js";
export type {
  Enterprise,
  Policy,
  RoadEdge,
  RoadNode,
  Scenario,
  ScenarioInput,
  Schedule,
  Shift,
  Site,
  Staff,
  StaffInput,
  TestingPoint,
  TestingRegime,
  UnavailablePeriod,
  Vehicle,
} from "./scenario/schema.js";
export {
  ClosedLoopError,
  InvalidArgumentError,
  InvalidInputError,
  NotFoundError,
  RosterError,
  ScenarioError,
} from "./util/errors.js";
export { formatIssues, formatPath, type InputIssue } from "./util/issues.js";
export { type RosterLimits, rosterLimits } from "./validate/limits.js";
export { formatReport, type ValidationReport } from "./validate/report.js";
export { RULE_CODES } from "./validate/rules/index.js";
export { type ValidateRosterOptions, validateRoster } from "./validate/validate-roster.js";
export type * from "./validate/violations.js";
