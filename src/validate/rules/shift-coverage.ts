/**
 * shift-coverage: every worker's shift on an eligible day has a ride to the plant arriving
 * in [start - maxWait, start - arriveBefore] and a ride home leaving in
 * [end + departAfter, end + maxWait] — unless the roster lists the person and date as
 * unserved. Guards the purpose of the loop: nobody silently left behind.
 *
 * A district has a hundred thousand workers and a million shifts: a crew's workers share
 * one expansion of their rotation (see `worker-shifts.ts`), eligibility is looked up once
 * per enterprise and day, and rides are read in their group, by index.
 */
import type { ValidationContext } from "../context.js";
import type { Rule } from "../rule.js";
import { workerShifts } from "./worker-shifts.js";

const MS_PER_MINUTE = 60_000;

/** Per enterprise id, 1 on each day of the horizon (from its first day) it is eligible. */
function eligibleDays(context: ValidationContext): (enterpriseId: string) => Uint8Array {
  const { firstDay, days } = context.model;
  const rows = new Map<string, Uint8Array>();
  return (enterpriseId) => {
    let row = rows.get(enterpriseId);
    if (row === undefined) {
      row = new Uint8Array(days);
      for (let d = 0; d < days; d++)
        row[d] = context.isEligible(enterpriseId, firstDay + d) ? 1 : 0;
      rows.set(enterpriseId, row);
    }
    return row;
  };
}

export const checkShiftCoverage: Rule<"shift-coverage"> = (context, emit) => {
  const { model, policy, departs, arrives, toPlant } = context;
  const earliestArrival = policy.maxWaitMinutes * MS_PER_MINUTE;
  const latestArrival = policy.arriveBeforeShiftMinutes * MS_PER_MINUTE;
  const earliestDeparture = policy.departAfterShiftMinutes * MS_PER_MINUTE;
  const latestDeparture = policy.maxWaitMinutes * MS_PER_MINUTE;
  const eligibility = eligibleDays(context);
  const shiftsOf = workerShifts(model);
  const { start: rideStart, items: rides } = context.ridesByPerson;

  // No ride departing before `start - maxWait - longestTrip` can serve a shift starting at
  // `start`, and shifts start later and later: each worker's rides are read forward once.
  let longestTrip = 0;
  for (let i = 0; i < departs.length; i++)
    // Stryker disable next-line ArithmeticOperator: a sum only lengthens the look-back (slower, same verdict)
    longestTrip = Math.max(longestTrip, (arrives[i] as number) - (departs[i] as number));
  const lookBack = earliestArrival + longestTrip;

  model.scenario.staff.forEach((person, index) => {
    if (person.role !== "worker" || person.schedule === undefined) return;
    const shifts = shiftsOf(person.schedule);
    const eligible = eligibility(person.enterpriseId);
    const firstRide = rideStart[index] as number;
    const end = rideStart[index + 1] as number;
    let first = firstRide;
    let lastStart = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < shifts.day.length; s++) {
      if (eligible[shifts.day[s] as number] !== 1) continue;
      const start = shifts.start[s] as number;
      const shiftEnd = shifts.end[s] as number;
      let there = false;
      let back = false;
      const lastUseful = shiftEnd + latestDeparture;
      if (start < lastStart) first = firstRide; // not seen, but an odd schedule must not skip a ride
      lastStart = start;
      while (first < end && (departs[rides[first] as number] as number) < start - lookBack) first++;
      // Rides are in departure order: past `lastUseful` none can serve this shift.
      for (let k = first; k < end; k++) {
        const i = rides[k] as number;
        const depart = departs[i] as number;
        if (depart > lastUseful) break;
        if (toPlant[i] === 1) {
          const arrive = arrives[i] as number;
          if (arrive >= start - earliestArrival && arrive <= start - latestArrival) there = true;
        } else if (depart >= shiftEnd + earliestDeparture) {
          back = true;
        }
        if (there && back) break;
      }
      if (there && back) continue;
      const shift = shifts.instances[s] as (typeof shifts.instances)[number];
      // Only now, rarely, the unserved list is consulted.
      if (context.isUnserved(person.id, shift.date)) continue;
      const missing = [
        ...(there ? [] : (["to-plant"] as const)),
        ...(back ? [] : (["to-dormitory"] as const)),
      ];
      const words = missing.map((leg) =>
        leg === "to-plant" ? "no ride to the plant in time for it" : "no ride home after it",
      );
      emit({
        code: "shift-coverage",
        personId: person.id,
        date: shift.date,
        shiftId: shift.shiftId,
        missing,
        message: `${person.id}'s ${shift.shiftId} shift on ${shift.date} has ${words.join(" and ")}, and no unserved entry`,
      });
    }
  });
};
