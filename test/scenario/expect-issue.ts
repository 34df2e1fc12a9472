/**
 * Helpers for scenario rejection tests: parse a changed copy of the minimal scenario and
 * expect a `ScenarioError`, then find an issue by its exact path and check that both the
 * issue and the error's message name what went wrong.
 */
import { expect } from "vitest";
import { parseScenario, ScenarioError } from "../../src/index.js";
import { minimalScenario } from "../fixtures/minimal-scenario.js";

/** Parses a copy of the minimal scenario changed by `edit`, expecting a ScenarioError. */
export function rejection(edit: (input: any) => void): ScenarioError {
  const input: any = structuredClone(minimalScenario());
  edit(input);
  try {
    parseScenario(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error("the scenario was accepted");
}

/** Parses a copy of the minimal scenario changed by `edit`, expecting it to be accepted. */
export function accepted(edit: (input: any) => void) {
  const input: any = structuredClone(minimalScenario());
  edit(input);
  return parseScenario(input);
}

/** The error has an issue at exactly `path` whose message, and the error's, contain `fragment`. */
export function expectIssue(
  error: ScenarioError,
  path: (string | number)[],
  fragment: string,
): void {
  const issue = error.issues.find(
    (candidate) => JSON.stringify(candidate.path) === JSON.stringify(path),
  );
  expect(issue, `no issue at ${JSON.stringify(path)} in\n${error.message}`).toBeDefined();
  expect(issue?.message).toContain(fragment);
  expect(error.message).toContain(fragment);
}
