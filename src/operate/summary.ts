/**
 * What a re-plan did, as a coordinator reads it (SPEC §7.2 `summary`): from when, how many
 * people kept their vehicle and seat and how many changed, who moved from where to where,
 * the fleet before and after, and the shifts left unserved from `from` on, by reason.
 */
import type { Assignment, Roster } from "../roster/schema.js";
import { compareText } from "../util/order.js";
import { covers } from "./periods.js";

/** A person's fixed place on a date: vehicle and seat. */
export interface Place {
  vehicleId: string;
  seat: number;
}

/** One person whose place changed (`null`: no place, before or after). */
export interface Move {
  personId: string;
  before: Place | null;
  after: Place | null;
}

export interface ReplanSummary {
  /** The earliest date among the changes (`null` without changes). */
  from: string | null;
  /** People whose assignment entries are exactly as they were. */
  assignmentsKept: number;
  /** People whose assignment entries changed (cut, moved, or new, as for a joiner). */
  assignmentsChanged: number;
  vehiclesUsed: { before: number; after: number };
  /** People whose vehicle or seat on `from` changed, by id. */
  moved: Move[];
  /** Shift-dates unserved from `from` on, per reason. */
  unserved: Record<string, number>;
}

function entriesByPerson(assignments: readonly Assignment[]): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const a of assignments) {
    const text = JSON.stringify([a.loopId, a.vehicleId, a.seat, a.from ?? null, a.to ?? null]);
    const list = out.get(a.personId);
    if (list === undefined) out.set(a.personId, [text]);
    else list.push(text);
  }
  return new Map([...out].map(([id, list]) => [id, list.sort().join("|")]));
}

function placeOn(assignments: readonly Assignment[], personId: string, date: string): Place | null {
  const entry = assignments.find((a) => a.personId === personId && covers(a, date));
  return entry === undefined ? null : { vehicleId: entry.vehicleId, seat: entry.seat };
}

/** The summary of a re-plan from `before` to `after`. */
export function summarize(before: Roster, after: Roster, from: string | null): ReplanSummary {
  const old = entriesByPerson(before.assignments);
  const now = entriesByPerson(after.assignments);
  let kept = 0;
  const changed: string[] = [];
  for (const personId of new Set([...old.keys(), ...now.keys()])) {
    if (old.get(personId) === now.get(personId)) kept++;
    else changed.push(personId);
  }
  changed.sort(compareText);
  const moved: Move[] = [];
  if (from !== null) {
    for (const personId of changed) {
      const was = placeOn(before.assignments, personId, from);
      const is = placeOn(after.assignments, personId, from);
      if (was?.vehicleId === is?.vehicleId && was?.seat === is?.seat) continue;
      moved.push({ personId, before: was, after: is });
    }
  }
  const unserved: Record<string, number> = {};
  if (from !== null) {
    for (const entry of after.unserved) {
      if (entry.date < from) continue;
      unserved[entry.reason] = (unserved[entry.reason] ?? 0) + 1;
    }
  }
  return {
    from,
    assignmentsKept: kept,
    assignmentsChanged: changed.length,
    vehiclesUsed: { before: before.stats.vehiclesUsed, after: after.stats.vehiclesUsed },
    moved,
    unserved,
  };
}
