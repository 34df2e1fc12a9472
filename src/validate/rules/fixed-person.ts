/**
 * fixed-person: each person has one assignment (one vehicle, one seat), rides only that
 * vehicle in that seat, and rides only a loop they belong to (enterprise, dormitory,
 * plant). Guards the fixed person (定人): nobody else boards.
 */
import type { RosterLoop } from "../../roster/schema.js";
import type { Staff } from "../../scenario/schema.js";
import type { Rule } from "../rule.js";

/** Why `person` is not staff of `loop`, or `undefined` when they are. */
function notStaffOf(person: Staff, loop: RosterLoop): string | undefined {
  if (person.role !== "worker") return `${person.id} is a ${person.role}, not a worker`;
  const gaps: string[] = [];
  if (loop.enterpriseId !== "*" && person.enterpriseId !== loop.enterpriseId)
    gaps.push(`works for ${person.enterpriseId}`);
  if (person.dormitoryId !== loop.dormitoryId) gaps.push(`lives in ${person.dormitoryId}`);
  if (person.plantId !== loop.plantId) gaps.push(`works at ${person.plantId}`);
  return gaps.length === 0 ? undefined : `${person.id} ${gaps.join(", ")}, not on loop ${loop.id}`;
}

export const checkFixedPerson: Rule<"fixed-person"> = (context, emit) => {
  const { model, roster, loops, vehicleEntries } = context;

  const assignmentOf = new Map<string, (typeof roster.assignments)[number]>();
  roster.assignments.forEach((assignment, i) => {
    const person = model.staff.get(assignment.personId);
    if (person === undefined) return;
    const first = assignmentOf.get(person.id);
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
    assignmentOf.set(person.id, assignment);
    const reasons: string[] = [];
    const loop = loops.get(assignment.loopId);
    const why = loop === undefined ? undefined : notStaffOf(person, loop);
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

  roster.trips.forEach((trip, i) => {
    const loop = loops.get(trip.loopId);
    for (const passenger of trip.passengers) {
      const person = model.staff.get(passenger.personId);
      if (person === undefined) continue;
      const assignment = assignmentOf.get(person.id);
      const reasons: string[] = [];
      const words: string[] = [];
      if (assignment === undefined) {
        reasons.push("unassigned");
        words.push("has no assignment");
      } else {
        if (assignment.vehicleId !== trip.vehicleId) {
          reasons.push("other-vehicle");
          words.push(`is assigned to vehicle ${assignment.vehicleId}, not ${trip.vehicleId}`);
        }
        if (assignment.seat !== passenger.seat) {
          reasons.push("other-seat");
          words.push(`sits in seat ${passenger.seat}, not their fixed seat ${assignment.seat}`);
        }
      }
      const why = loop === undefined ? undefined : notStaffOf(person, loop);
      if (why !== undefined) {
        reasons.push("not-staff-of-loop");
        words.push(`is not staff of the loop (${why})`);
      }
      if (reasons.length === 0) continue;
      emit({
        code: "fixed-person",
        personId: person.id,
        tripId: trip.id,
        vehicleId: trip.vehicleId,
        loopId: trip.loopId,
        date: context.tripDate(i),
        reasons,
        message: `${person.id} on ${context.describeTrip(i)} ${words.join("; ")}`,
      });
    }
  });
};
