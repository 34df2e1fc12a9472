/**
 * shift-coverage: every worker's shift on an eligible day has a ride to the plant arriving
 * in [start - maxWait, start - arriveBefore] and a ride home leaving in
 * [end + departAfter, end + maxWait] — unless the roster lists the person and date as
 * unserved. Guards the purpose of the loop: nobody silently left behind.
 */
import { expandSchedule } from "../../time/shift-instances.js";
import { groupOf } from "../groups.js";
import type { Rule } from "../rule.js";

const MS_PER_MINUTE = 60_000;

export const checkShiftCoverage: Rule<"shift-coverage"> = (context, emit) => {
  const { model, policy, departs, arrives, toPlant } = context;
  const earliestArrival = policy.maxWaitMinutes * MS_PER_MINUTE;
  const latestArrival = policy.arriveBeforeShiftMinutes * MS_PER_MINUTE;
  const earliestDeparture = policy.departAfterShiftMinutes * MS_PER_MINUTE;
  const latestDeparture = policy.maxWaitMinutes * MS_PER_MINUTE;

  // No ride departing before `start - maxWait - longestTrip` can serve a shift starting at
  // `start`, and shifts start later and later: each worker's rides are read forward once.
  let longestTrip = 0;
  for (let i = 0; i < departs.length; i++)
    longestTrip = Math.max(longestTrip, (arrives[i] as number) - (departs[i] as number));
  const lookBack = earliestArrival + longestTrip;

  model.scenario.staff.forEach((person, index) => {
    if (person.role !== "worker" || person.schedule === undefined) return;
    const boardings = groupOf(context.ridesByPerson, index);
    let first = 0;
    let lastStart = Number.NEGATIVE_INFINITY;
    for (const shift of expandSchedule(
      person.schedule,
      model.shifts,
      model.firstDay,
      model.days,
      model.zone,
    )) {
      if (!context.isEligible(person.enterpriseId, shift.day)) continue;
      let there = false;
      let back = false;
      const lastUseful = shift.end + latestDeparture;
      if (shift.start < lastStart) first = 0; // not seen, but an odd schedule must not skip a ride
      lastStart = shift.start;
      while (
        first < boardings.length &&
        (departs[boardings[first] as number] as number) < shift.start - lookBack
      )
        first++;
      // Boardings are in departure order: past `lastUseful` none can serve this shift.
      for (let k = first; k < boardings.length; k++) {
        const i = boardings[k] as number;
        const depart = departs[i] as number;
        if (depart > lastUseful) break;
        if (toPlant[i] === 1) {
          const arrive = arrives[i] as number;
          if (arrive >= shift.start - earliestArrival && arrive <= shift.start - latestArrival)
            there = true;
        } else if (depart >= shift.end + earliestDeparture) {
          back = true;
        }
        if (there && back) break;
      }
      if (there && back) continue;
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
