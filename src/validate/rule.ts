/** What a rule is: a check over the indexed roster that emits violations of its own code. */
import type { ValidationContext } from "./context.js";
import type { ViolationKey } from "./report.js";
import type { RuleCode, ViolationOf } from "./violations.js";

/** How a rule reports: call it with each violation. */
export interface Emit<C extends RuleCode> {
  (violation: ViolationOf<C>): void;
  /**
   * For rules that may find a violation per boarding: true when a violation with this key
   * (its date, trip, person and path, as it would carry them) will certainly not be listed
   * (its code's list is full of earlier ones); it is then counted, and the rule builds
   * nothing. False: build it and emit it.
   */
  unlisted(key: ViolationKey): boolean;
}

export type Rule<C extends RuleCode> = (context: ValidationContext, emit: Emit<C>) => void;

/** `1 passenger`, `2 passengers`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
