/**
 * `parseRoster` / `safeParseRoster`: the roster's shape, with every issue's path, plus the
 * one cross-field fact a shape needs to be usable: trip ids are unique. A roster this module
 * returned (or `markParsedRoster` vouched for) is passed back as it is, not checked again.
 */

import { fromZodIssues } from "../scenario/zod-issues.js";
import { RosterError } from "../util/errors.js";
import type { InputIssue } from "../util/issues.js";
import { fastParseRoster } from "./fast-parse.js";
import { type Roster, rosterSchema } from "./schema.js";

/**
 * Roster objects this module returned, and those `markParsedRoster` vouched for: passing one
 * back in skips a second parse. Unlike a parsed scenario, a parsed roster is not frozen
 * (freezing millions of boardings would cost what the parse it saves costs), so an object
 * in here is trusted as it is: changing it afterwards is the caller's business, the same
 * stance as for scenarios (whose freezing only makes the stance hold by itself).
 */
const parsedRosters = new WeakSet<object>();

/**
 * Vouches that `roster` is what `parseRoster` would return for it — fresh objects of the §5
 * shape with unique trip ids, sharing nothing the caller holds — so that exports given it
 * skip the shape check. For rosters the library builds itself (`planRoster`).
 *
 * @returns `roster`
 * @example
 * return markParsedRoster({ version: 1, timeZone, horizon, loops, ... });
 */
export function markParsedRoster(roster: Roster): Roster {
  parsedRosters.add(roster);
  return roster;
}

/**
 * True when `value` is a roster `parseRoster` or `safeParseRoster` returned, or one
 * `markParsedRoster` vouched for (so it needs no second parse). A structurally equal copy is
 * not: it is checked in full.
 *
 * @example
 * isParsedRoster(parseRoster(input)) //=> true
 * isParsedRoster(structuredClone(parseRoster(input))) //=> false
 */
export function isParsedRoster(value: unknown): value is Roster {
  return typeof value === "object" && value !== null && parsedRosters.has(value);
}

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
 * Checks a roster's shape without throwing. A roster this module returned before is
 * returned as it is, at once (see {@link isParsedRoster}).
 *
 * @example
 * safeParseRoster({ version: 2 }).success //=> false
 */
export function safeParseRoster(input: unknown): SafeParseRosterResult {
  if (isParsedRoster(input)) return { success: true, data: input };
  const fast = fastParseRoster(input);
  const shape =
    fast === undefined
      ? rosterSchema.safeParse(input, { reportInput: true })
      : { success: true as const, data: fast };
  if (!shape.success)
    return { success: false, error: new RosterError(fromZodIssues(shape.error.issues)) };
  const issues = duplicateIds(shape.data);
  if (issues.length > 0) return { success: false, error: new RosterError(issues) };
  return { success: true, data: markParsedRoster(shape.data) };
}

/**
 * Checks a roster's shape.
 *
 * @returns a checked copy of `input`; or `input` itself, unchecked, when it is a roster
 *   this module returned before (trusted as it is: changing it afterwards is the caller's
 *   business)
 * @throws {RosterError} listing every issue with its path
 * @example
 * const roster = parseRoster(JSON.parse(text));
 */
export function parseRoster(input: unknown): Roster {
  if (isParsedRoster(input)) return input;
  const result = safeParseRoster(input);
  if (!result.success) throw result.error;
  return result.data;
}
