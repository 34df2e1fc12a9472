/**
 * `parseRoster` / `safeParseRoster`: the roster's shape, with every issue's path, plus the
 * one cross-field fact a shape needs to be usable: trip ids are unique.
 */

import { fromZodIssues } from "../scenario/zod-issues.js";
import { RosterError } from "../util/errors.js";
import type { InputIssue } from "../util/issues.js";
import { fastParseRoster } from "./fast-parse.js";
import { type Roster, rosterSchema } from "./schema.js";

/** The result of {@link safeParseRoster}. */
export type SafeParseRosterResult =
  | { success: true; data: Roster }
  | { success: false; error: RosterError };

/** Trip ids and loop ids name one thing each: a repeat is a shape error, with its path. */
function duplicateIds(roster: Roster): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [collection, noun] of [
    ["loops", "loop"],
    ["trips", "trip"],
  ] as const) {
    const first = new Map<string, number>();
    roster[collection].forEach((item, index) => {
      const seen = first.get(item.id);
      if (seen === undefined) first.set(item.id, index);
      else {
        const message = `duplicate ${noun} id ${JSON.stringify(item.id)} (first at ${collection}[${seen}])`;
        issues.push({ path: [collection, index, "id"], message });
      }
    });
  }
  return issues;
}

/**
 * Checks a roster's shape without throwing.
 *
 * @example
 * safeParseRoster({ version: 2 }).success //=> false
 */
export function safeParseRoster(input: unknown): SafeParseRosterResult {
  const fast = fastParseRoster(input);
  const shape =
    fast === undefined
      ? rosterSchema.safeParse(input, { reportInput: true })
      : { success: true as const, data: fast };
  if (!shape.success)
    return { success: false, error: new RosterError(fromZodIssues(shape.error.issues)) };
  const issues = duplicateIds(shape.data);
  if (issues.length > 0) return { success: false, error: new RosterError(issues) };
  return { success: true, data: shape.data };
}

/**
 * Checks a roster's shape.
 *
 * @throws {RosterError} listing every issue with its path
 * @example
 * const roster = parseRoster(JSON.parse(text));
 */
export function parseRoster(input: unknown): Roster {
  const result = safeParseRoster(input);
  if (!result.success) throw result.error;
  return result.data;
}
