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

/** Which list a repeated id is in. */
export type IdList = "loops" | "trips";

/**
 * Calls `visit` for every loop or trip whose id an earlier one of its list has (trip ids and
 * loop ids name one thing each), in list order, loops first: `items[index]` repeats the id of
 * `items[first]`. One pass, one map per list, nothing allocated per repeat.
 *
 * @example
 * eachDuplicateId({ loops: [], trips: [{ id: "T1" }, { id: "T1" }] }, (list, index) => index); // visits 1
 */
export function eachDuplicateId(
  lists: { loops: readonly { id: string }[]; trips: readonly { id: string }[] },
  visit: (list: IdList, index: number, first: number, id: string) => void,
): void {
  for (const list of ["loops", "trips"] as const) {
    const items = lists[list];
    const firstOf = new Map<string, number>();
    for (let index = 0; index < items.length; index++) {
      const id = (items[index] as { id: string }).id;
      const first = firstOf.get(id);
      if (first === undefined) firstOf.set(id, index);
      else visit(list, index, first, id);
    }
  }
}

/**
 * The shape issue of a repeated id, with its path.
 *
 * @example
 * duplicateIdIssue("trips", 4, 1, "T02").path //=> ["trips", 4, "id"]
 */
export function duplicateIdIssue(
  list: IdList,
  index: number,
  first: number,
  id: string,
): InputIssue {
  const noun = list === "loops" ? "loop" : "trip";
  return {
    path: [list, index, "id"],
    message: `duplicate ${noun} id ${JSON.stringify(id)} (first at ${list}[${first}])`,
  };
}

function duplicateIds(roster: Roster): InputIssue[] {
  const issues: InputIssue[] = [];
  eachDuplicateId(roster, (list, index, first, id) => {
    issues.push(duplicateIdIssue(list, index, first, id));
  });
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
