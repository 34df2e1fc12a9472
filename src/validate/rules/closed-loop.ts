/**
 * closed-loop: each passenger's trips, in time order, go to the plant and back in turn —
 * starting with a ride to the plant, never overlapping, and never leaving the person at
 * the plant. Guards the loop itself: two points, one line, and home at the end.
 * (Drivers move with their vehicle: vehicle-timing covers them.)
 */
import { groupOf } from "../groups.js";
import type { Rule } from "../rule.js";
import type { ClosedLoopViolation } from "../violations.js";

const EXPLAIN: Record<ClosedLoopViolation["reason"], string> = {
  "starts-at-plant":
    "is their first ride and goes to the dormitory: a person's rides start with one to the plant",
  "does-not-alternate":
    "goes the same way as their previous ride: rides go to the plant and back in turn",
  overlaps: "departs before an earlier ride of theirs has arrived",
  "ends-at-plant": "is their last ride and leaves them at the plant",
};

export const checkClosedLoop: Rule<"closed-loop"> = (context, emit) => {
  const { model, roster, departs, arrives, toPlant } = context;
  // A violation's key, reused: only the first ones of a flood are put into words.
  const key = { date: "", tripId: "", personId: "" };
  const report = (personId: string, i: number, reason: ClosedLoopViolation["reason"]) => {
    const trip = roster.trips[i];
    if (trip === undefined) return;
    key.date = context.tripDate(i);
    key.tripId = trip.id;
    key.personId = personId;
    if (emit.unlisted(key)) return;
    emit({
      code: "closed-loop",
      personId,
      tripId: trip.id,
      vehicleId: trip.vehicleId,
      date: key.date,
      reason,
      message: `${context.describeTrip(i)} of ${personId} ${EXPLAIN[reason]}`,
    });
  };
  model.scenario.staff.forEach((person, index) => {
    if (person.role !== "worker") return;
    const personId = person.id;
    let previous = -1;
    let latestArrival = Number.NEGATIVE_INFINITY;
    for (const i of groupOf(context.ridesByPerson, index)) {
      if (previous === -1) {
        if (toPlant[i] === 0) report(personId, i, "starts-at-plant");
      } else if (toPlant[i] === toPlant[previous]) {
        report(personId, i, "does-not-alternate");
      } else if ((departs[i] as number) < latestArrival) {
        report(personId, i, "overlaps");
      }
      previous = i;
      latestArrival = Math.max(latestArrival, arrives[i] as number);
    }
    if (previous !== -1 && toPlant[previous] === 1) report(personId, previous, "ends-at-plant");
  });
};
