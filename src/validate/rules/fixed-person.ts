/**
 * fixed-person: each person has one assignment (one vehicle, one seat) for each date — their
 * assignments' periods do not overlap — rides only the vehicle of the assignment covering the
 * trip's date, in its seat, and rides only a loop they belong to (enterprise, dormitory,
 * plant). Guards the fixed person (定人): nobody else boards.
 */

import type { Assignment, RosterLoop } from "../../roster/schema.js";
import type { Staff } from "../../scenario/schema.js";
import { getOrCreate } from "../../util/collections.js";
import { personAssignments } from "../assignments.js";
import { type Dated, dated, hasDates, isEmptyPeriod, periodWords } from "../periods.js";
import type { Rule } from "../rule.js";
import { usualBoardingTest } from "./usual-boarding.js";

/** Why `person` is not staff of `loop`, or `undefined` when they are. */
function notStaffOf(person: Staff, loop: RosterLoop, mixed: boolean): string | undefined {
  if (person.role !== "worker") return `${person.id} is a ${person.role}, not a worker`;
  const gaps: string[] = [];
  // "*" stands for every enterprise only where the policy mixes enterprises.
  if (!(mixed && loop.enterpriseId === "*") && person.enterpriseId !== loop.enterpriseId)
    gaps.push(`works for ${person.enterpriseId}`);
  if (person.dormitoryId !== loop.dormitoryId) gaps.push(`lives in ${person.dormitoryId}`);
  if (person.plantId !== loop.plantId) gaps.push(`works at ${person.plantId}`);
  return gaps.length === 0 ? undefined : `${person.id} ${gaps.join(", ")}, not on loop ${loop.id}`;
}

/** `assignments[3] (vehicle v1 seat 2, 2022-05-16 to 2022-05-20)`. */
function assignmentWords({ entry, index }: Dated<Assignment>): string {
  const when = hasDates(entry) ? `, ${periodWords(entry)}` : "";
  return `assignments[${index}] (vehicle ${entry.vehicleId} seat ${entry.seat}${when})`;
}

/** A person's assignments as words, the first few only: a roster may list thousands. */
function assignmentsWords(entries: readonly Dated<Assignment>[]): string {
  const shown = entries.slice(0, 3).map(assignmentWords).join(", ");
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown;
}

export const checkFixedPerson: Rule<"fixed-person"> = (context, emit) => {
  const { model, roster, loops, vehicleCoverage } = context;
  const mixed = context.policy.mixEnterprises;
  const assignments = personAssignments(model, roster.assignments);

  // Assignments that cover no date or overlap another of the person's are reported as
  // such, and not judged again against the loop.
  const reported = new Set<number>();
  for (const coverage of assignments.dated.values()) {
    for (const entry of coverage.entries) {
      if (!isEmptyPeriod(entry)) continue;
      reported.add(entry.index);
      emit({
        code: "fixed-person",
        personId: entry.entry.personId,
        path: ["assignments", entry.index],
        reasons: ["empty-period"],
        message: `${entry.entry.personId}'s ${assignmentWords(entry)} covers no date: its from is after its to`,
      });
    }
    for (const { dated: entry, other } of coverage.overlaps()) {
      reported.add(entry.index);
      const { personId, vehicleId, seat } = entry.entry;
      emit({
        code: "fixed-person",
        personId,
        path: ["assignments", entry.index],
        reasons: ["more-than-one-assignment"],
        message:
          hasDates(entry.entry) || hasDates(other.entry)
            ? `${personId}'s ${assignmentWords(entry)} overlaps ${assignmentWords(other)}: a person has one vehicle and seat at a time`
            : `${personId} has another assignment (assignments[${entry.index}]: vehicle ${vehicleId} seat ${seat}) besides vehicle ${other.entry.vehicleId} seat ${other.entry.seat}`,
      });
    }
  }

  roster.assignments.forEach((assignment, i) => {
    if (reported.has(i)) return;
    const index = model.staffIndex.get(assignment.personId);
    const person = index === undefined ? undefined : model.scenario.staff[index];
    if (person === undefined) return; // unknown-reference reports it
    const reasons: string[] = [];
    const loop = loops.get(assignment.loopId);
    const why = loop === undefined ? undefined : notStaffOf(person, loop, mixed);
    if (why !== undefined) reasons.push(why);
    // The loops the vehicle serves while the assignment holds (its entries on those dates):
    // the first other than the assignment's is named.
    const { from, to } = dated(assignment, i);
    const during = vehicleCoverage.get(assignment.vehicleId)?.during(from, to) ?? [];
    const elsewhere = during.find(({ entry }) => entry.loopId !== assignment.loopId);
    if (elsewhere !== undefined) {
      const { entry, index: k } = elsewhere;
      const when = hasDates(entry) ? ` (vehicles[${k}], ${periodWords(entry)})` : "";
      reasons.push(
        `vehicle ${assignment.vehicleId} serves loop ${entry.loopId}${when}, not ${assignment.loopId}`,
      );
    }
    if (reasons.length > 0) {
      emit({
        code: "fixed-person",
        personId: person.id,
        loopId: assignment.loopId,
        vehicleId: assignment.vehicleId,
        path: ["assignments", i],
        reasons: ["assignment-outside-loop"],
        message: `assignment of ${person.id}: ${reasons.join("; ")}`,
      });
    }
  });

  // Per person (by their index in the scenario): the last trip they were seen on (to spot a
  // name listed twice on one manifest without a set).
  const lastTrip = new Int32Array(model.scenario.staff.length).fill(-1);
  // Reused per trip: what is wrong with each passenger (one violation each).
  const problems = new Map<string, { reasons: string[]; words: string[] }>();
  const problem = (personId: string, reason: string, words: string) => {
    const entry = getOrCreate(problems, personId, () => ({ reasons: [], words: [] }));
    entry.reasons.push(reason);
    entry.words.push(words);
  };

  // Words for a problem are only looked for once the numbers say there is one.
  const isUsual = usualBoardingTest(context, assignments);
  const { boardingStart, boardingPerson, boardingSeat, people } = roster;
  roster.trips.forEach((trip, i) => {
    const loop = loops.get(trip.loopId);
    problems.clear();
    const end = boardingStart[i + 1] as number;
    for (let b = boardingStart[i] as number; b < end; b++) {
      const index = boardingPerson[b] as number;
      if (!people.isKnown(index)) continue; // unknown-reference reports it
      if (lastTrip[index] === i) {
        problem(people.idOf(index), "listed-twice", "is listed twice on the manifest");
        continue;
      }
      lastTrip[index] = i;
      const seat = boardingSeat[b] as number;
      if (isUsual(index, i, seat)) continue;
      const person = context.staffAt(index) as Staff;
      const periods = assignments.dated.get(index);
      const assignment = assignments.always[index] ?? periods?.on(context.tripDay(i))?.entry;
      if (assignment === undefined) {
        problem(
          person.id,
          "unassigned",
          periods === undefined
            ? "has no assignment"
            : `has no assignment covering ${context.tripDate(i)} (theirs: ${assignmentsWords(periods.entries)})`,
        );
      } else {
        if (assignment.vehicleId !== trip.vehicleId) {
          problem(
            person.id,
            "other-vehicle",
            `is assigned to vehicle ${assignment.vehicleId}, not ${trip.vehicleId}`,
          );
        }
        if (assignment.seat !== seat) {
          problem(
            person.id,
            "other-seat",
            `sits in seat ${seat}, not their fixed seat ${assignment.seat}`,
          );
        }
      }
      const why = loop === undefined ? undefined : notStaffOf(person, loop, mixed);
      if (why !== undefined)
        problem(person.id, "not-staff-of-loop", `is not staff of the loop (${why})`);
    }
    for (const [personId, { reasons, words }] of problems) {
      emit({
        code: "fixed-person",
        personId,
        tripId: trip.id,
        vehicleId: trip.vehicleId,
        loopId: trip.loopId,
        date: context.tripDate(i),
        reasons,
        message: `${personId} on ${context.describeTrip(i)} ${words.join("; ")}`,
      });
    }
  });
};
