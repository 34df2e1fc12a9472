/**
 * A roster's shape issues, exactly the ones `rosterSchema` finds, but found list item by
 * list item: the fast field readers take each item they can, and zod looks only at the items
 * they refuse. Issues are handed over one at a time, never gathered, so a roster with
 * millions of broken items costs time in proportion to its size and memory in proportion to
 * what the caller keeps. An item repeated (the same object, or a run of holes) is judged once.
 */
import { z } from "zod";
import { fromZodIssues } from "../scenario/zod-issues.js";
import type { InputIssue } from "../util/issues.js";
import {
  assignment,
  each,
  id,
  instantText,
  integer,
  loop,
  object,
  tripFields,
  unservedEntry,
  vehicleEntry,
} from "./read-fields.js";
import {
  assignmentSchema,
  type Roster,
  rosterLoopSchema,
  rosterSchema,
  rosterVehicleSchema,
  testAppointmentSchema,
  tripSchema,
  unservedSchema,
} from "./schema.js";

function trip(value: unknown): Roster["trips"][number] {
  const o = object(value, 11);
  return {
    ...tripFields(o),
    depart: instantText(o.depart),
    arrive: instantText(o.arrive),
    passengers: each(o.passengers, (item) => {
      const p = object(item, 2);
      return { personId: id(p.personId), seat: integer(p.seat) };
    }),
  };
}

function testAppointment(value: unknown): Roster["tests"][number] {
  const t = object(value, 4);
  return {
    personId: id(t.personId),
    siteId: id(t.siteId),
    kind: id(t.kind),
    at: instantText(t.at),
  };
}

type ListName = "loops" | "vehicles" | "assignments" | "trips" | "tests" | "unserved";

type ItemCheck = [read: (value: unknown) => unknown, schema: z.ZodType];

/** Each list: its item's fast reader and its item's schema. */
const LISTS: Record<ListName, ItemCheck> = {
  loops: [loop, rosterLoopSchema],
  vehicles: [vehicleEntry, rosterVehicleSchema],
  assignments: [assignment, assignmentSchema],
  trips: [trip, tripSchema],
  tests: [testAppointment, testAppointmentSchema],
  unserved: [unservedEntry, unservedSchema],
};
const LIST_NAMES = Object.keys(LISTS) as ListName[];

/** The roster's own fields, with each list only checked to be an array. */
const skeletonSchema = z.strictObject({
  ...rosterSchema.shape,
  ...Object.fromEntries(LIST_NAMES.map((name) => [name, z.array(z.unknown())])),
});

const NOTHING = Symbol("nothing");

/** Each item of one list, read fast or by zod; its issues (paths from the roster) to `visit`. */
function walkList(
  name: ListName,
  items: readonly unknown[],
  [fast, schema]: ItemCheck,
  visit: (issue: InputIssue) => void,
): unknown[] {
  const copies = new Array<unknown>(items.length);
  let lastBad: unknown = NOTHING;
  let lastIssues: InputIssue[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!Object.is(item, lastBad)) {
      try {
        copies[i] = fast(item);
        continue;
      } catch {
        // Not sure (or a getter threw): zod decides, and a getter may throw again, to the caller.
      }
      const parsed = schema.safeParse(item, { reportInput: true });
      if (parsed.success) {
        copies[i] = parsed.data;
        continue;
      }
      lastBad = item;
      lastIssues = fromZodIssues(parsed.error.issues);
    }
    for (const issue of lastIssues)
      visit({ path: [name, i, ...issue.path], message: issue.message });
  }
  return copies;
}

/**
 * Hands every shape issue of the roster to `visit` (the same issues `rosterSchema` gives,
 * in another order) and returns the checked copy of the roster when there was none.
 * Throws what a getter or a proxy of the input throws.
 *
 * @example
 * const issues: InputIssue[] = [];
 * walkRosterShape({ version: 2 }, (issue) => issues.push(issue)); //=> undefined
 * issues[0].path //=> ["version"]
 */
export function walkRosterShape(
  input: unknown,
  visit: (issue: InputIssue) => void,
): Roster | undefined {
  let found = 0;
  const count = (issue: InputIssue) => {
    found++;
    visit(issue);
  };
  const top = skeletonSchema.safeParse(input, { reportInput: true });
  if (!top.success) for (const issue of fromZodIssues(top.error.issues)) count(issue);
  const copy: Record<string, unknown> | undefined = top.success ? { ...top.data } : undefined;
  for (const name of LIST_NAMES) {
    // Without the skeleton's copy, the list as zod read it: an array, or a shape issue already.
    const items = top.success
      ? (top.data[name] as unknown[])
      : typeof input === "object" && input !== null
        ? (input as Record<string, unknown>)[name]
        : undefined;
    if (!Array.isArray(items)) continue;
    const copies = walkList(name, items, LISTS[name], count);
    if (copy !== undefined) copy[name] = copies;
  }
  return found === 0 ? (copy as Roster) : undefined;
}
