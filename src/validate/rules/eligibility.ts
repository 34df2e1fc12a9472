/**
 * eligibility: a worker boards a to-plant trip only on a local date on which their
 * enterprise is eligible (closed housing, no case in the quiet days). The ride home is
 * always allowed. Guards the entry condition of the whole closed loop.
 */
import { eligibilityOn } from "../../facts/eligibility.js";
import type { Staff } from "../../scenario/schema.js";
import type { Rule } from "../rule.js";
import { staffColumns } from "../staff-columns.js";

export const checkEligibility: Rule<"eligibility"> = (context, emit) => {
  const { model, roster, clock, departs, toPlant } = context;
  const { boardingStart, boardingPerson, people } = roster;
  const staff = staffColumns(model);
  const enterprises = model.scenario.enterprises;
  // A violation's key, reused: a trip may carry a million riders of an ineligible
  // enterprise, and only the first ones are listed (their reasons are worked out then).
  const key = { date: "", tripId: "", personId: "" };
  roster.trips.forEach((trip, i) => {
    if (toPlant[i] === 0) return;
    const day = clock.dayOf(departs[i] as number);
    // A manifest is mostly one enterprise: ask again only when the enterprise changes.
    let askedFor = -1;
    let eligible = true;
    const end = boardingStart[i + 1] as number;
    for (let b = boardingStart[i] as number; b < end; b++) {
      const index = boardingPerson[b] as number;
      if (!people.isKnown(index) || staff.worker[index] === 0) continue;
      const enterprise = staff.enterprise[index] as number;
      if (enterprise !== askedFor) {
        askedFor = enterprise;
        eligible = context.isEligible(enterprises[enterprise]?.id ?? "", day);
      }
      if (eligible) continue;
      const person = context.staffAt(index) as Staff;
      const date = context.tripDate(i);
      key.date = date;
      key.tripId = trip.id;
      key.personId = person.id;
      if (emit.unlisted(key)) continue;
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
