/**
 * eligibility: a worker boards a to-plant trip only on a local date on which their
 * enterprise is eligible (closed housing, no case in the quiet days). The ride home is
 * always allowed. Guards the entry condition of the whole closed loop.
 */
import { eligibilityOn } from "../../eligibility.js";
import type { Rule } from "../rule.js";

export const checkEligibility: Rule<"eligibility"> = (context, emit) => {
  const { model, roster, clock, departs } = context;
  roster.trips.forEach((trip, i) => {
    if (trip.direction !== "to-plant") return;
    const day = clock.dayOf(departs[i] as number);
    for (const passenger of trip.passengers) {
      const person = model.staff.get(passenger.personId);
      if (person === undefined || person.role !== "worker") continue;
      if (context.isEligible(person.enterpriseId, day)) continue;
      const date = context.tripDate(i);
      emit({
        code: "eligibility",
        tripId: trip.id,
        personId: person.id,
        date,
        enterpriseId: person.enterpriseId,
        message: `${person.id} boards ${context.describeTrip(i)} to the plant, but enterprise ${person.enterpriseId} is not eligible on ${date}: ${eligibilityOn(model, person.enterpriseId, day).reasons.join("; ")}`,
      });
    }
  });
};
