/** Small readers of validation reports and the fixture, shared by the rule tests. */
import { expect } from "vitest";
import type { Roster, RuleCode, Trip, ValidationReport, ViolationOf } from "../../src/index.js";

/** The codes that fired, with their counts, as entries (in RULE_CODES order). */
export function firing(report: ValidationReport): [string, number][] {
  return Object.entries(report.counts).filter(([, n]) => n > 0);
}

/** The codes that fired, with their counts, as a record. */
export function nonZero(report: ValidationReport): Record<string, number> {
  return Object.fromEntries(Object.entries(report.counts).filter(([, n]) => n > 0));
}

/** The listed violations of one code, typed as that code's violations. */
export function violationsOf<C extends RuleCode>(
  report: ValidationReport,
  code: C,
): ViolationOf<C>[] {
  return report.violations.filter((v): v is ViolationOf<C> => v.code === code);
}

/** Asserts that a message names every fragment. */
export function expectMentions(text: string | undefined, ...fragments: string[]): void {
  for (const fragment of fragments) expect(text).toContain(fragment);
}

/** The fixture trip with this id (throws if there is none: a broken test, not a pass). */
export function tripOf(roster: Roster, id: string): Trip {
  const trip = roster.trips.find((candidate) => candidate.id === id);
  if (trip === undefined) throw new Error(`no trip ${id}`);
  return trip;
}

/** An instant in the fixture's zone (Asia/Shanghai), from local `YYYY-MM-DDTHH:mm`. */
export function local(text: string): string {
  return `${text}:00+08:00`;
}
