/**
 * `parseScenario` / `safeParseScenario`: size caps, then the shape (zod), then the
 * cross-reference pass. Every problem found is reported at once, each with its path.
 */
import { ScenarioError } from "../util/errors.js";
import { checkCrossReferences } from "./cross-references.js";
import { checkScenarioLimits } from "./limits.js";
import { type Scenario, scenarioSchema } from "./schema.js";
import { fromZodIssues } from "./zod-issues.js";

/** Scenario objects this module produced: passing one back in skips a second parse. */
const parsedScenarios = new WeakSet<object>();

function deepFreeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** Freezes a parsed scenario, so that skipping a second parse can never skip a check. */
function markParsed(scenario: Scenario): Scenario {
  deepFreeze(scenario);
  parsedScenarios.add(scenario);
  return scenario;
}

/** True when `value` is a scenario `parseScenario` returned (so it needs no second parse). */
export function isParsedScenario(value: unknown): value is Scenario {
  return typeof value === "object" && value !== null && parsedScenarios.has(value);
}

/** The result of {@link safeParseScenario}. */
export type SafeParseScenarioResult =
  | { success: true; data: Scenario }
  | { success: false; error: ScenarioError };

/**
 * Validates a scenario input and fills in the policy defaults, without throwing.
 *
 * @param input - anything, typically parsed JSON
 * @returns `{ success: true, data }` or `{ success: false, error }` listing every issue
 * @example
 * const result = safeParseScenario({ timeZone: "Mars/Olympus" });
 * result.success //=> false
 */
export function safeParseScenario(input: unknown): SafeParseScenarioResult {
  const tooBig = checkScenarioLimits(input);
  if (tooBig.length > 0) return { success: false, error: new ScenarioError(tooBig) };

  const shape = scenarioSchema.safeParse(input, { reportInput: true });
  const issues = shape.success ? [] : fromZodIssues(shape.error.issues);
  // A loop, not push(...spread): a scenario can have more issues than a call has arguments.
  for (const issue of checkCrossReferences(input)) issues.push(issue);
  if (issues.length > 0 || !shape.success)
    return { success: false, error: new ScenarioError(issues) };
  return { success: true, data: markParsed(shape.data) };
}

/**
 * Validates a scenario input and fills in the policy defaults.
 *
 * @param input - anything, typically parsed JSON
 * @returns the parsed scenario: a new, deeply frozen object (the input is not touched)
 * @throws {ScenarioError} listing every issue with its path
 * @example
 * import { jinshanScenario } from "closed-loop-commute";
 * const scenario = parseScenario(jinshanScenario());
 * scenario.policy.loadFactor //=> 0.5
 */
export function parseScenario(input: unknown): Scenario {
  if (isParsedScenario(input)) return input;
  const result = safeParseScenario(input);
  if (!result.success) throw result.error;
  return result.data;
}
