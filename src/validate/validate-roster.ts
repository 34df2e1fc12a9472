/**
 * `validateRoster`: the referee. A roster of the wrong shape, or beyond the scenario's size
 * limits, gets `roster-schema` violations and nothing else; otherwise one indexing pass, then
 * every rule. At most `maxViolationsPerCode` violations of each code are listed.
 */
import { scenarioModel } from "../scenario/model.js";
import type { ScenarioInput } from "../scenario/schema.js";
import { buildValidationContext } from "./context.js";
import { type ValidationReport, ViolationCollector } from "./report.js";
import type { Rule } from "./rule.js";
import { ROSTER_RULES } from "./rules/index.js";
import { screenRoster } from "./rules/roster-schema.js";
import type { RuleCode } from "./violations.js";

/** Options of {@link validateRoster}. */
export interface ValidateRosterOptions {
  /**
   * How many violations of each code to list at most, the first ones in report order
   * (counts stay complete). Default 1,000; `Infinity` lists them all.
   */
  maxViolationsPerCode?: number | undefined;
  /**
   * How many violations to list at most in all, on top of the cap per code (kept for
   * callers of earlier versions, where it was the only cap). Default: no total cap.
   */
  maxViolations?: number | undefined;
}

/** The default of `maxViolationsPerCode` (SPEC §6). */
export const MAX_VIOLATIONS_PER_CODE = 1_000;

/** A cap: a whole number ≥ 0 or `Infinity`; anything else (NaN, negative) means `fallback`. */
function cap(requested: number | undefined, fallback: number): number {
  return typeof requested === "number" && requested >= 0 ? Math.floor(requested) : fallback;
}

/**
 * Checks a roster against every rule of SPEC §6. Never throws on any roster value; a
 * scenario that is not a scenario is a programmer error and throws `ScenarioError`. Its time
 * grows linearly with the roster's size, whatever the roster.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - anything: a roster from `planRoster`, hand-edited, or imported
 * @returns `{ ok, violations, counts, truncated }`
 * @example
 * const report = validateRoster(scenario, JSON.parse(text), { maxViolationsPerCode: 20 });
 * report.ok //=> false
 * report.counts.capacity //=> 2
 */
export function validateRoster(
  scenario: ScenarioInput,
  roster: unknown,
  options?: ValidateRosterOptions | undefined,
): ValidationReport {
  const model = scenarioModel(scenario);
  const collector = new ViolationCollector(
    cap(options?.maxViolationsPerCode, MAX_VIOLATIONS_PER_CODE),
    cap(options?.maxViolations, Number.POSITIVE_INFINITY),
  );
  const indexed = screenRoster(model, roster, collector.emitter("roster-schema"));
  if (indexed === undefined) return collector.report();
  const context = buildValidationContext(model, indexed);
  for (const [code, rule] of Object.entries(ROSTER_RULES) as [RuleCode, Rule<RuleCode>][])
    rule(context, collector.emitter(code));
  return collector.report();
}
