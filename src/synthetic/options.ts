/**
 * The options of `generateScenario`, their defaults, and the checks that turn a programmer
 * mistake (a negative staff count, a date that does not exist) into an `InvalidArgumentError`
 * before anything is drawn.
 */

import { type DayNumber, parseCivilDate } from "../time/civil-date.js";
import { isKnownTimeZone } from "../time/local-time.js";
import { InvalidArgumentError } from "../util/errors.js";

/** Options of `generateScenario`; only `seed` and `staff` are required. */
export interface GenerateScenarioOptions {
  /** Any safe integer; the same seed (with the same other options) gives the same scenario. */
  seed: number;
  /** Workers in all (drivers come on top), at least 1; e.g. 100 to 200,000. */
  staff: number;
  /**
   * Enterprises, 1..staff. Default: about one per 121 workers, `round(staff × 824 / 100,000)`
   * and at least 1 (100,000 staff → 824, the district of SPEC §1).
   */
  enterprises?: number | undefined;
  /** Horizon length in days, 1..366. Default 14. */
  days?: number | undefined;
  /** First day of the horizon, `YYYY-MM-DD`. Default `"2022-05-16"`. */
  start?: string | undefined;
  /** IANA time zone of the scenario. Default `"Asia/Shanghai"`. */
  timeZone?: string | undefined;
  /** Vehicles supplied ÷ vehicles needed (each loop's busiest shift at load factor 0.5). Default 1.3. */
  vehicleSlack?: number | undefined;
  /**
   * Share of enterprises with a positive case shortly before or at the horizon start, so that
   * they are ineligible on the first day and turn eligible within the horizon. Default 0.05.
   */
  recentCaseShare?: number | undefined;
  /** Share of enterprises without closed staff housing (never eligible). Default 0.02. */
  openHousingShare?: number | undefined;
}

/** The options with every default filled in and checked. */
export interface ResolvedOptions {
  seed: number;
  staff: number;
  enterprises: number;
  days: number;
  start: string;
  startDay: DayNumber;
  timeZone: string;
  vehicleSlack: number;
  recentCaseShare: number;
  openHousingShare: number;
}

/** The default enterprise count: 824 enterprises per 100,000 workers (SPEC §1), about 1 per 121. */
export function defaultEnterprises(staff: number): number {
  return Math.max(1, Math.round((staff * 824) / 100_000));
}

function fail(message: string): never {
  throw new InvalidArgumentError(`generateScenario: ${message}`);
}

function integerIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max)
    fail(`${name} must be an integer in ${min}..${max}, got ${String(value)}`);
  return value;
}

function share(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1)
    fail(`${name} must be a number in 0..1, got ${String(value)}`);
  return value;
}

/** Fills in the defaults and checks every option. */
export function resolveOptions(options: GenerateScenarioOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) fail("expected an options object");
  const seed = options.seed;
  if (!Number.isSafeInteger(seed)) fail(`seed must be a safe integer, got ${String(seed)}`);
  const staff = integerIn("staff", options.staff, 1, 1_000_000);
  const enterprises = integerIn(
    "enterprises",
    options.enterprises ?? defaultEnterprises(staff),
    1,
    staff,
  );
  const days = integerIn("days", options.days ?? 14, 1, 366);
  const start = options.start ?? "2022-05-16";
  const startDay = parseCivilDate(start);
  if (startDay === undefined) fail(`start must be a date YYYY-MM-DD, got ${JSON.stringify(start)}`);
  const timeZone = options.timeZone ?? "Asia/Shanghai";
  if (typeof timeZone !== "string" || !isKnownTimeZone(timeZone))
    fail(`unknown IANA time zone ${JSON.stringify(timeZone)}`);
  const vehicleSlack = options.vehicleSlack ?? 1.3;
  if (!Number.isFinite(vehicleSlack) || vehicleSlack <= 0 || vehicleSlack > 100)
    fail(`vehicleSlack must be a number above 0 (at most 100), got ${String(vehicleSlack)}`);
  return {
    seed,
    staff,
    enterprises,
    days,
    start,
    startDay,
    timeZone,
    vehicleSlack,
    recentCaseShare: share("recentCaseShare", options.recentCaseShare ?? 0.05),
    openHousingShare: share("openHousingShare", options.openHousingShare ?? 0.02),
  };
}
