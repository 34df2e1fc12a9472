/**
 * `validateRoster`: the referee. A roster of the wrong shape gets `roster-schema`
 * violations and nothing else; otherwise one indexing pass, then every rule.
 */
import { scenarioModel } from "../scenario/model.js";
import type { ScenarioInput } from "../scenario/schema.js";
import { buildValidationContext } from "./context.js";
import { type ValidationReport, ViolationCollector } from "./report.js";
import { ROSTER_RULES } from "./rules/index.js";
import { checkRosterSchema } from "./rules/roster-schema.js";
import type { Violation } from "./violations.js";

/** Options of {@link validateRoster}. */
export interface ValidateRosterOptions {
  /** How many violations to list at most (counts stay complete). Default 10,000. */
  maxViolations?: number | undefined;
}

/** The cap on listed violations: a whole number ≥ 0; anything else means the default. */
function violationLimit(requested: number | undefined): number {
  return requested !== undefined && Number.isFinite(requested) && requested >= 0
    ? Math.floor(requested)
    : 10_000;
}

/**
 * Checks a roster against every rule of SPEC §6. Never throws on any roster value; a
 * scenario that is not a scenario is a programmer error and throws `ScenarioError`.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - anything: a roster from `planRoster`, hand-edited, or imported
 * @returns `{ ok, violations, counts, truncated }`
 * @example
 * const report = validateRoster(scenario, JSON.parse(text));
 * report.ok //=> false
 * report.counts.capacity //=> 2
 */
export function validateRoster(
  scenario: ScenarioInput,
  roster: unknown,
  options?: ValidateRosterOptions | undefined,
): ValidationReport {
  const model = scenarioModel(scenario);
  const collector = new ViolationCollector(violationLimit(options?.maxViolations));
  const shape = checkRosterSchema(model, roster);
  if ("violations" in shape) {
    for (const violation of shape.violations) collector.add(violation);
    return collector.report();
  }
  const context = buildValidationContext(model, shape.roster);
  const emit = collector.add as (violation: Violation) => void;
  for (const rule of Object.values(ROSTER_RULES))
    (rule as (c: typeof context, e: typeof emit) => void)(context, emit);
  return collector.report();
}
