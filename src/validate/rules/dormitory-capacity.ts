/**
 * dormitory-capacity: no more staff live in a dormitory than it has beds. Guards closed
 * staff housing: everyone in the loop sleeps inside it.
 */
import { plural, type Rule } from "../rule.js";

export const checkDormitoryCapacity: Rule<"dormitory-capacity"> = (context, emit) => {
  const residents = new Map<string, number>();
  for (const person of context.model.scenario.staff)
    residents.set(person.dormitoryId, (residents.get(person.dormitoryId) ?? 0) + 1);
  for (const site of context.model.scenario.sites) {
    const count = residents.get(site.id) ?? 0;
    if (site.kind !== "dormitory" || site.beds === undefined || count <= site.beds) continue;
    emit({
      code: "dormitory-capacity",
      siteId: site.id,
      residents: count,
      beds: site.beds,
      message: `${site.name} (${site.id}) houses ${count} staff in ${plural(site.beds, "bed")}`,
    });
  }
};
