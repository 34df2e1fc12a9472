/**
 * The shape of a scenario (SPEC §3) in zod 4: strict objects (a misspelt key is an error),
 * the policy defaults filled in. References between parts are checked afterwards, in
 * `cross-references.ts`, so that they are reported even when some other field is wrong.
 */
import { z } from "zod";
import { parseCivilDate } from "../time/civil-date.js";
import { parseClockTime } from "../time/clock-time.js";
import { isKnownTimeZone } from "../time/local-time.js";

const id = z.string().min(1, "an id must not be empty").max(200, "an id is at most 200 characters");

const civilDate = z.string().refine((text) => parseCivilDate(text) !== undefined, {
  error: (issue) => `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
});

const clockTime = z.string().refine((text) => parseClockTime(text) !== undefined, {
  error: (issue) =>
    `expected a time of day HH:mm (00:00–23:59), got ${JSON.stringify(issue.input)}`,
});

const timeZone = z.string().refine(isKnownTimeZone, {
  error: (issue) => `unknown IANA time zone ${JSON.stringify(issue.input)}`,
});

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();

export const testingRegimeSchema = z.strictObject({
  kind: id,
  validHours: z.number().positive(),
  resultMinutes: nonNegativeInt.default(0),
});

/** The policy's `loadFactor` when a scenario does not give one. */
export const DEFAULT_LOAD_FACTOR = 0.5;

export const policySchema = z.strictObject({
  loadFactor: z
    .number()
    .gt(0, "loadFactor must be above 0")
    .lte(1, "loadFactor is at most 1")
    .default(DEFAULT_LOAD_FACTOR),
  arriveBeforeShiftMinutes: nonNegativeInt.default(15),
  departAfterShiftMinutes: nonNegativeInt.default(10),
  maxWaitMinutes: nonNegativeInt.default(60),
  disinfectionMinutes: nonNegativeInt.default(15),
  routeToleranceMinutes: nonNegativeInt.default(10),
  maxDriverMinutesPerDay: positiveInt.max(1440).default(480),
  quietDays: nonNegativeInt.default(14),
  mixEnterprises: z.boolean().default(false),
  testing: z
    .array(testingRegimeSchema)
    .default(() => [{ kind: "pcr", validHours: 48, resultMinutes: 0 }]),
  /** §7.2: a case and their close contacts stay off the buses this many days. */
  isolationDays: positiveInt.max(366).default(14),
  /** §7.1/7.2: contacts are traced from this many days before the case's date. */
  traceBackDays: nonNegativeInt.max(366).default(2),
  /** §7.1: only riders within this many rows of the index person are close (ventilated bus). */
  contactRows: nonNegativeInt.optional(),
});

export const enterpriseSchema = z.strictObject({
  id,
  name: z.string(),
  closedHousing: z.boolean(),
  positiveCases: z.array(civilDate).default(() => []),
});

export const testingPointSchema = z.strictObject({
  opens: clockTime,
  closes: clockTime,
  slotMinutes: positiveInt.max(1440).default(15),
  perSlot: positiveInt.default(40),
});

const latitude = z
  .number()
  .min(-90, "a latitude is at least -90")
  .max(90, "a latitude is at most 90");
const longitude = z
  .number()
  .min(-180, "a longitude is at least -180")
  .max(180, "a longitude is at most 180");

export const siteSchema = z.strictObject({
  id,
  name: z.string(),
  kind: z.enum(["dormitory", "plant"]),
  node: id,
  lat: latitude.optional(),
  lon: longitude.optional(),
  beds: nonNegativeInt.optional(),
  testing: testingPointSchema.optional(),
});

export const roadEdgeSchema = z.strictObject({
  from: id,
  to: id,
  minutes: positiveInt,
  km: z.number().nonnegative(),
  oneWay: z.boolean().optional(),
});

/** A road node's position (WGS84), for maps and GTFS shapes. */
export const roadNodeSchema = z.strictObject({ id, lat: latitude, lon: longitude });

export const shiftSchema = z.strictObject({
  id,
  start: clockTime,
  end: clockTime,
});

const cycleSchedule = z.strictObject({
  cycle: z.array(id).min(1, "a cycle needs at least one entry"),
  anchor: civilDate,
});

const datedSchedule = z.strictObject({
  dates: z.record(civilDate, id),
});

export const staffSchema = z.strictObject({
  id,
  name: z.string().optional(),
  enterpriseId: id,
  dormitoryId: id,
  plantId: id.optional(),
  role: z.enum(["worker", "driver"]),
  schedule: z.union([cycleSchedule, datedSchedule]).optional(),
});

export const vehicleSchema = z.strictObject({
  id,
  plate: z.string().optional(),
  seats: positiveInt,
  seatsPerRow: positiveInt.default(4),
  enterpriseId: id.optional(),
  dormitoryId: id.optional(),
});

/**
 * A period (inclusive local dates; `to` absent = open-ended) in which a person may not board
 * or drive, or a vehicle may not run. Exactly one of `personId` / `vehicleId` is given (a
 * cross-reference check, so that the message names the entry).
 */
export const unavailableSchema = z.strictObject({
  personId: id.optional(),
  vehicleId: id.optional(),
  from: civilDate,
  to: civilDate.optional(),
  reason: z.string().optional(),
});

const FIRST_HORIZON_YEAR = 1970;
const LAST_HORIZON_YEAR = 2100;
export const MAX_HORIZON_DAYS = 366;

// Years are bounded: before 1970 some zones ran on local mean time, whose offsets are
// not whole minutes, and rosters write whole-minute offsets. (One zone still did after it,
// Africa/Monrovia until 1972-01-07: cross-references.ts refuses such a horizon there.)
/** Whether a `YYYY-MM-DD` horizon start falls in the years a horizon may start. */
export function inHorizonYears(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= FIRST_HORIZON_YEAR && year <= LAST_HORIZON_YEAR;
}

const horizonStart = civilDate.refine(inHorizonYears, {
  error: (issue) =>
    `the horizon starts between ${FIRST_HORIZON_YEAR} and ${LAST_HORIZON_YEAR}, got ${JSON.stringify(issue.input)}`,
});

export const horizonSchema = z.strictObject({
  start: horizonStart,
  days: z
    .number()
    .int()
    .min(1, "the horizon needs at least 1 day")
    .max(MAX_HORIZON_DAYS, `the horizon is at most ${MAX_HORIZON_DAYS} days`),
});

export const scenarioSchema = z.strictObject({
  name: z.string().optional(),
  timeZone,
  horizon: horizonSchema,
  policy: policySchema.default(() => policySchema.parse({})),
  unavailable: z.array(unavailableSchema).default(() => []),
  enterprises: z.array(enterpriseSchema),
  sites: z.array(siteSchema),
  roads: z.strictObject({
    edges: z.array(roadEdgeSchema),
    nodes: z.array(roadNodeSchema).optional(),
  }),
  shifts: z.array(shiftSchema),
  staff: z.array(staffSchema),
  vehicles: z.array(vehicleSchema),
});

/** A scenario as written by a user: policy fields optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A parsed scenario: every default filled in, every reference checked. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Policy = Scenario["policy"];
export type TestingRegime = Policy["testing"][number];
export type Enterprise = Scenario["enterprises"][number];
export type Site = Scenario["sites"][number];
export type TestingPoint = NonNullable<Site["testing"]>;
export type RoadEdge = Scenario["roads"]["edges"][number];
export type RoadNode = NonNullable<Scenario["roads"]["nodes"]>[number];
export type UnavailablePeriod = Scenario["unavailable"][number];
export type StaffInput = z.input<typeof staffSchema>;
export type Shift = Scenario["shifts"][number];
export type Staff = Scenario["staff"][number];
export type Schedule = NonNullable<Staff["schedule"]>;
export type Vehicle = Scenario["vehicles"][number];
