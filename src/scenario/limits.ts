/**
 * Size caps, checked on the raw input before any parsing, so that an oversized or hostile
 * scenario is turned away cheaply. District scale (SPEC §1) is 100,000 staff and 3,000
 * vehicles; the caps leave room for several times that.
 */
import type { InputIssue } from "../util/issues.js";

export const SCENARIO_LIMITS = {
  enterprises: 20_000,
  sites: 20_000,
  "roads.edges": 500_000,
  "roads.nodes": 500_000,
  shifts: 1_000,
  staff: 500_000,
  vehicles: 50_000,
  unavailable: 1_000_000,
} as const;

function arrayAt(input: unknown, path: readonly string[]): unknown[] | undefined {
  let value: unknown = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return Array.isArray(value) ? value : undefined;
}

/** The caps the raw input exceeds (none for a scenario of reasonable size). */
export function checkScenarioLimits(input: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [where, max] of Object.entries(SCENARIO_LIMITS)) {
    const path = where.split(".");
    const length = arrayAt(input, path)?.length ?? 0;
    if (length > max) {
      issues.push({
        path,
        message: `too many entries: ${length} (the limit is ${max})`,
      });
    }
  }
  return issues;
}
