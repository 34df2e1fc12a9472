/**
 * Joiners: a new worker rides from the day they join on the vehicle and seat of their loop
 * that serves most of their shifts (each shift's ride in and ride home inside its windows,
 * on days their enterprise is eligible and they are available), with tests booked at their
 * dormitory. Shifts no vehicle of the loop can take are left unserved.
 */
import type { AvailabilityIndex } from "../facts/availability.js";
import { loopId } from "../facts/loops.js";
import { expandSchedule } from "../facts/shift-instances.js";
import type { DayNumber } from "../time/civil-date.js";
import {
  applyPlacement,
  findPlacement,
  type Placement,
  placementDeparts,
  type ShiftNeed,
} from "./place-riders.js";
import type { TestBook } from "./test-book.js";
import type { WorkingRoster } from "./working-roster.js";

const MS_PER_MINUTE = 60_000;

/**
 * Places each joiner; returns the reason for joiners who could not be placed at all
 * (`"no-vehicle"` or `"no-test-slot"`), by id.
 */
export function placeJoiners(
  working: WorkingRoster,
  joiners: readonly string[],
  availability: AvailabilityIndex,
  isEligible: (enterpriseId: string, day: DayNumber) => boolean,
  book: TestBook,
): Map<string, string> {
  const { model, fromDate } = working;
  const { policy } = model.scenario;
  const failed = new Map<string, string>();
  for (const personId of joiners) {
    const person = model.staff.get(personId);
    if (person?.role !== "worker" || person.schedule === undefined || person.plantId === undefined)
      continue;
    const enterprise = policy.mixEnterprises ? "*" : person.enterpriseId;
    const loop = loopId(enterprise, person.dormitoryId, person.plantId);
    const needs: ShiftNeed[] = [];
    for (const shift of expandSchedule(
      person.schedule,
      model.shifts,
      model.firstDay,
      model.days,
      model.zone,
    )) {
      if (shift.date < fromDate) continue;
      if (
        !isEligible(person.enterpriseId, shift.day) ||
        !availability.personAvailable(personId, shift.day)
      )
        continue;
      needs.push([
        {
          toPlant: true,
          lo: shift.start - policy.maxWaitMinutes * MS_PER_MINUTE,
          hi: shift.start - policy.arriveBeforeShiftMinutes * MS_PER_MINUTE,
        },
        {
          toPlant: false,
          lo: shift.end + policy.departAfterShiftMinutes * MS_PER_MINUTE,
          hi: shift.end + policy.maxWaitMinutes * MS_PER_MINUTE,
        },
      ]);
    }
    if (needs.length === 0) continue;
    const allowed = (work: { day: DayNumber; trip: { direction: string } }) =>
      availability.personAvailable(personId, work.day) &&
      (work.trip.direction !== "to-plant" || isEligible(person.enterpriseId, work.day));
    const placement: Placement | undefined = findPlacement(
      working,
      loop,
      needs,
      new Set(),
      allowed,
    );
    if (placement === undefined) {
      failed.set(personId, "no-vehicle");
      continue;
    }
    if (!book.ensure(personId, placementDeparts(placement))) {
      failed.set(personId, "no-test-slot");
      continue;
    }
    applyPlacement(working, personId, placement);
  }
  return failed;
}
