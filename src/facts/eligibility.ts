/**
 * Eligibility (SPEC §4): enterprise E may run its loop on date D iff it has closed staff
 * housing and no positive case dated in [D - quietDays, D].
 */

import { type ScenarioModel, scenarioModel } from "../scenario/model.js";
import type { ScenarioInput } from "../scenario/schema.js";
import { type DayNumber, formatCivilDate, parseCivilDate } from "../time/civil-date.js";
import { InvalidArgumentError, NotFoundError } from "../util/errors.js";

/** Whether an enterprise may run its loop on a date, and why not. */
export interface Eligibility {
  eligible: boolean;
  /** Why the enterprise is not eligible; empty when it is. */
  reasons: string[];
}

/** Eligibility of one enterprise on one civil day, from indexes (no parsing). */
export function eligibilityOn(
  model: ScenarioModel,
  enterpriseId: string,
  day: DayNumber,
): Eligibility {
  const enterprise = model.enterprises.get(enterpriseId);
  if (enterprise === undefined)
    throw new NotFoundError(`unknown enterprise ${JSON.stringify(enterpriseId)}`);
  const quietDays = model.scenario.policy.quietDays;
  const reasons: string[] = [];
  if (!enterprise.closedHousing) reasons.push(`${enterprise.name} has no closed staff housing`);
  for (const date of [...enterprise.positiveCases].sort()) {
    const caseDay = parseCivilDate(date) ?? Number.NaN;
    if (caseDay <= day && caseDay >= day - quietDays) {
      reasons.push(
        `positive case on ${date} is within the ${quietDays} quiet days before ${formatCivilDate(day)}`,
      );
    }
  }
  return { eligible: reasons.length === 0, reasons };
}

/**
 * Tells whether an enterprise may run closed-loop commuting on a date (SPEC §4).
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param enterpriseId - the enterprise's id
 * @param date - a local date, `YYYY-MM-DD`
 * @returns `{ eligible, reasons }`; `reasons` says in words why not
 * @throws {NotFoundError} for an unknown enterprise; {InvalidArgumentError} for a bad date
 * @example
 * assessEligibility(jinshanScenario(), "jinshan-alloy", "2022-05-16")
 * //=> { eligible: true, reasons: [] }
 */
export function assessEligibility(
  scenario: ScenarioInput,
  enterpriseId: string,
  date: string,
): Eligibility {
  const day = parseCivilDate(date);
  if (day === undefined)
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return eligibilityOn(scenarioModel(scenario), enterpriseId, day);
}

/**
 * A fast eligibility test for many dates: per enterprise, the sorted case days, so each
 * question is one binary search.
 */
export function eligibilityIndex(
  model: ScenarioModel,
): (enterpriseId: string, day: DayNumber) => boolean {
  const quietDays = model.scenario.policy.quietDays;
  const caseDays = new Map<string, Int32Array | null>();
  for (const enterprise of model.enterprises.values()) {
    const days = enterprise.positiveCases.map((date) => parseCivilDate(date) ?? 0);
    caseDays.set(enterprise.id, enterprise.closedHousing ? Int32Array.from(days).sort() : null);
  }
  return (enterpriseId, day) => {
    const days = caseDays.get(enterpriseId);
    if (days === undefined || days === null) return false;
    // First case day >= day - quietDays; eligible iff it is absent or after `day`.
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((days[mid] as number) < day - quietDays) lo = mid + 1;
      else hi = mid;
    }
    return lo === days.length || (days[lo] as number) > day;
  };
}
