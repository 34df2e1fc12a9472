/** What a rule is: a check over the indexed roster that emits violations of its own code. */
import type { ValidationContext } from "./context.js";
import type { RuleCode, ViolationOf } from "./violations.js";

export type Rule<C extends RuleCode> = (
  context: ValidationContext,
  emit: (violation: ViolationOf<C>) => void,
) => void;

/** `1 passenger`, `2 passengers`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
