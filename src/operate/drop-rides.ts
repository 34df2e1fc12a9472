/**
 * Takes people off the trips they may no longer ride: from `from` on, a worker's ride in and
 * the ride home that follows it go together, and both go when the ride in leaves on a day
 * their enterprise is not eligible or they are unavailable, or the ride home falls in a
 * period that began before the shift. A ride home of a shift begun before `from` always
 * stays: nobody is left at the plant.
 */
import type { AvailabilityIndex } from "../facts/availability.js";
import type { DayNumber } from "../time/civil-date.js";
import type { WorkingRoster, WorkTrip } from "./working-roster.js";

/** Who lost rides (the local days of the rides in they lost) and whose vehicles lost riders. */
export interface DroppedRides {
  lost: Map<string, DayNumber[]>;
  vehicles: Set<string>;
}

/** Removes the rides of `people` that the new scenario forbids. */
export function dropForbiddenRides(
  working: WorkingRoster,
  people: ReadonlySet<string>,
  availability: AvailabilityIndex,
  isEligible: (enterpriseId: string, day: DayNumber) => boolean,
): DroppedRides {
  const rides = new Map<string, WorkTrip[]>();
  for (const work of working.after) {
    for (const passenger of work.trip.passengers) {
      if (!people.has(passenger.personId)) continue;
      const list = rides.get(passenger.personId);
      if (list === undefined) rides.set(passenger.personId, [work]);
      else list.push(work);
    }
  }
  const lost = new Map<string, DayNumber[]>();
  const leaving = new Map<WorkTrip, Set<string>>();
  const leave = (work: WorkTrip, personId: string) => {
    const set = leaving.get(work);
    if (set === undefined) leaving.set(work, new Set([personId]));
    else set.add(personId);
  };
  for (const [personId, list] of rides) {
    const person = working.model.staff.get(personId);
    if (person === undefined) continue;
    // A first ride home completes a shift begun before `from`: it stays.
    let i = list[0]?.trip.direction === "to-dormitory" ? 1 : 0;
    for (; i < list.length; i += 2) {
      const rideIn = list[i] as WorkTrip;
      const home = list[i + 1];
      const allowed =
        (person.role !== "worker" || isEligible(person.enterpriseId, rideIn.day)) &&
        availability.personAvailable(personId, rideIn.day) &&
        (home === undefined || availability.rideHomeAllowed(personId, home.day, rideIn.day));
      if (allowed) continue;
      leave(rideIn, personId);
      if (home !== undefined) leave(home, personId);
      const days = lost.get(personId);
      if (days === undefined) lost.set(personId, [rideIn.day]);
      else days.push(rideIn.day);
    }
  }
  const vehicles = new Set<string>();
  for (const [work, personIds] of leaving) {
    work.trip.passengers = work.trip.passengers.filter((p) => !personIds.has(p.personId));
    vehicles.add(work.trip.vehicleId);
  }
  return { lost, vehicles };
}

/**
 * Drops a vehicle's empty runs that nothing needs any more: two empty runs in a row go out
 * and come back (so the vehicle is where it was), and empty runs at the end of its days lead
 * nowhere. What is left still chains: the next trip leaves from where the vehicle is.
 */
export function pruneEmptyRuns(trips: readonly WorkTrip[]): void {
  const kept: WorkTrip[] = [];
  for (const work of trips) {
    if (work.removed) continue;
    kept.push(work);
    const last = kept[kept.length - 1] as WorkTrip;
    const previous = kept[kept.length - 2];
    if (
      previous !== undefined &&
      previous.trip.passengers.length === 0 &&
      last.trip.passengers.length === 0 &&
      previous.trip.from === last.trip.to
    ) {
      previous.removed = true;
      last.removed = true;
      kept.length -= 2;
    }
  }
  while (kept.length > 0 && (kept[kept.length - 1] as WorkTrip).trip.passengers.length === 0) {
    (kept.pop() as WorkTrip).removed = true;
  }
}
