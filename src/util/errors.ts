/**
 * Error classes for programmer mistakes and unusable input. A broken roster is never an
 * exception: the validator reports it. Callers match on the class, not on message text.
 */
import { formatIssues, type InputIssue } from "./issues.js";

/** Base class of every error this library throws. */
export class ClosedLoopError extends Error {
  override name = "ClosedLoopError";
}

/** An input (scenario or roster) is not usable; `issues` lists every problem with its path. */
export class InvalidInputError extends ClosedLoopError {
  override name = "InvalidInputError";
  readonly issues: readonly InputIssue[];

  constructor(subject: string, issues: readonly InputIssue[]) {
    const count = `${issues.length} issue${issues.length === 1 ? "" : "s"}`;
    super(`Invalid ${subject} (${count}):\n${formatIssues(issues)}`);
    this.issues = issues;
  }
}

/** The scenario input is not a valid scenario (SPEC §3). */
export class ScenarioError extends InvalidInputError {
  override name = "ScenarioError";
  constructor(issues: readonly InputIssue[]) {
    super("scenario", issues);
  }
}

/** The roster input is not of the shape of SPEC §5. */
export class RosterError extends InvalidInputError {
  override name = "RosterError";
  constructor(issues: readonly InputIssue[]) {
    super("roster", issues);
  }
}

/** A function was called with arguments of the wrong kind (a programmer mistake). */
export class InvalidArgumentError extends ClosedLoopError {
  override name = "InvalidArgumentError";
}

/** A function was asked about an id the scenario does not contain. */
export class NotFoundError extends ClosedLoopError {
  override name = "NotFoundError";
}
