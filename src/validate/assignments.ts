/**
 * Each person's assignments (SPEC §5) by staff index, for fixed-person and its fast path. A
 * person with one assignment without dates (everyone, in a planned roster) costs one array
 * slot; only a person with several, or with dates, gets their assignments as periods.
 */
import type { Assignment } from "../roster/schema.js";
import type { ScenarioModel } from "../scenario/model.js";
import { Coverage, type Dated, dated, hasDates } from "./periods.js";

export interface PersonAssignments {
  /** Per staff index: the assignment covering every date, when one does. */
  always: (Assignment | undefined)[];
  /** Per staff index of a person with several assignments or with dates: them as periods. */
  dated: ReadonlyMap<number, Coverage<Assignment>>;
}

/**
 * The roster's assignments by staff index (an id the scenario lacks is left out:
 * `unknown-reference` reports it).
 * @example
 * personAssignments(model, roster.assignments).always[model.staffIndex.get("w1")]?.seat //=> 1
 */
export function personAssignments(
  model: ScenarioModel,
  assignments: readonly Assignment[],
): PersonAssignments {
  const staffCount = model.scenario.staff.length;
  const count = new Int32Array(staffCount);
  const withDates = new Uint8Array(staffCount);
  const indexes = assignments.map((assignment) => {
    const index = model.staffIndex.get(assignment.personId) ?? -1;
    if (index >= 0) {
      count[index] = (count[index] as number) + 1;
      if (hasDates(assignment)) withDates[index] = 1;
    }
    return index;
  });
  const always: (Assignment | undefined)[] = new Array(staffCount);
  const groups = new Map<number, Dated<Assignment>[]>();
  assignments.forEach((assignment, i) => {
    const index = indexes[i] as number;
    if (index < 0) return;
    if (count[index] === 1 && withDates[index] === 0) {
      always[index] = assignment;
      return;
    }
    const group = groups.get(index);
    if (group === undefined) groups.set(index, [dated(assignment, i)]);
    else group.push(dated(assignment, i));
  });
  const datedByPerson = new Map<number, Coverage<Assignment>>();
  for (const [index, entries] of groups) {
    const coverage = new Coverage(entries);
    datedByPerson.set(index, coverage);
    always[index] = coverage.always?.entry;
  }
  return { always, dated: datedByPerson };
}

/**
 * The assignment of a staff index covering `day`, or `undefined` when none does.
 * @example
 * assignmentOn(assignments, 0, civilDay("2022-05-16"))?.vehicleId //=> "v1"
 */
export function assignmentOn(
  assignments: PersonAssignments,
  person: number,
  day: number,
): Assignment | undefined {
  return assignments.always[person] ?? assignments.dated.get(person)?.on(day)?.entry;
}
