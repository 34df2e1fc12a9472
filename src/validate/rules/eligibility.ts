/**
 * eligibility: a worker boards a to-plant trip only on a local date on which their
 * enterprise is eligible (closed housing, no case in the quiet days). The ride home is
 * always allowed. Guards the entry condition of the whole closed loop.
 */
import { eligibilityOn } from "../../eligibility.js";
import type { Rule } from "../rule.js";

export const checkEligibility: Rule<"eligibility"> = (context, emit) => {
  const { model, roster, clock, departs, toPlant } = context;
  const { boardingStart, boardingPerson } = roster;
  roster.trips.forEach((trip, i) => {
    if (toPlant[i] === 0) return;
    const day = clock.dayOf(departs[i] as number);
    // A manifest is mostly one enterprise: ask again only when the enterprise changes.
    let askedFor: string | undefined;
    let eligible = true;
    const end = boardingStart[i + 1] as number;
    for (let b = boardingStart[i] as number; b < end; b++) {
      const person = context.staffAt(boardingPerson[b] as number);
      if (person === undefined || person.role !== "worker") continue;
      if (person.enterpriseId !== askedFor) {
        askedFor = person.enterpriseId;
        eligible = context.isEligible(askedFor, day);
      }
      if (eligible) continue;
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
