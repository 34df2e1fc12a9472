/**
 * fixed-person: each person has one assignment (one vehicle, one seat), rides only that
 * vehicle in that seat, and rides only a loop they belong to (enterprise, dormitory,
 * plant). Guards the fixed person (定人): nobody else boards.
 */

import type { Assignment, RosterLoop } from "../../roster/schema.js";
import type { Staff } from "../../scenario/schema.js";
import { getOrCreate } from "../../util/collections.js";
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

export const checkFixedPerson: Rule<"fixed-person"> = (context, emit) => {
  const { model, roster, loops, vehicleEntries } = context;
  const mixed = context.policy.mixEnterprises;

  // Per person (by their index in the scenario): their first assignment, and the last
  // trip they were seen on (to spot a name listed twice on one manifest without a set).
  const assignmentOf: (Assignment | undefined)[] = new Array(model.scenario.staff.length);
  const lastTrip = new Int32Array(model.scenario.staff.length).fill(-1);
  roster.assignments.forEach((assignment, i) => {
    const index = model.staffIndex.get(assignment.personId);
    const person = index === undefined ? undefined : model.scenario.staff[index];
    if (index === undefined || person === undefined) return;
    const first = assignmentOf[index];
    if (first !== undefined) {
      emit({
        code: "fixed-person",
        personId: person.id,
        path: ["assignments", i],
        reasons: ["more-than-one-assignment"],
        message: `${person.id} has another assignment (assignments[${i}]: vehicle ${assignment.vehicleId} seat ${assignment.seat}) besides vehicle ${first.vehicleId} seat ${first.seat}`,
      });
      return;
    }
    assignmentOf[index] = assignment;
    const reasons: string[] = [];
    const loop = loops.get(assignment.loopId);
    const why = loop === undefined ? undefined : notStaffOf(person, loop, mixed);
    if (why !== undefined) reasons.push(why);
    const entry = vehicleEntries.get(assignment.vehicleId);
    if (entry !== undefined && entry.loopId !== assignment.loopId) {
      reasons.push(
        `vehicle ${assignment.vehicleId} serves loop ${entry.loopId}, not ${assignment.loopId}`,
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

  // Reused per trip: what is wrong with each passenger (one violation each).
  const problems = new Map<string, { reasons: string[]; words: string[] }>();
  const problem = (personId: string, reason: string, words: string) => {
    const entry = getOrCreate(problems, personId, () => ({ reasons: [], words: [] }));
    entry.reasons.push(reason);
    entry.words.push(words);
  };

  // Words for a problem are only looked for once the numbers say there is one.
  const isUsual = usualBoardingTest(context, assignmentOf);
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
      const assignment = assignmentOf[index];
      if (assignment === undefined) problem(person.id, "unassigned", "has no assignment");
      else {
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
