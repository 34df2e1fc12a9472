/**
 * driver: each trip is driven by a staff member with role "driver" who lives in the loop's
 * dormitory (drivers live inside the loop), for at most maxDriverMinutesPerDay of driving
 * per local day of departure. Guards the fixed vehicle's crew.
 */
import { formatCivilDate } from "../../time/civil-date.js";
import { minutesBetween } from "../context.js";
import { groupOf } from "../groups.js";
import type { Rule } from "../rule.js";

export const checkDriver: Rule<"driver"> = (context, emit) => {
  const { roster, clock, departs, arrives, policy } = context;
  roster.trips.forEach((trip, i) => {
    const driver = context.staffAt(roster.tripDriver[i] as number);
    if (driver === undefined) return;
    const loop = context.loops.get(trip.loopId);
    const problems: string[] = [];
    if (driver.role !== "driver") problems.push(`is a ${driver.role}, not a driver`);
    if (loop !== undefined && driver.dormitoryId !== loop.dormitoryId) {
      problems.push(
        `lives in ${driver.dormitoryId}, outside loop ${loop.id} (dormitory ${loop.dormitoryId})`,
      );
    }
    if (problems.length === 0) return;
    emit({
      code: "driver",
      personId: driver.id,
      tripId: trip.id,
      vehicleId: trip.vehicleId,
      date: context.tripDate(i),
      message: `${context.describeTrip(i)}'s driver ${driver.id} ${problems.join(" and ")}`,
    });
  });

  // Minutes driven per local day, one driver at a time (a local day is not always
  // contiguous in time: a zone may fall back across midnight).
  const limit = policy.maxDriverMinutesPerDay;
  const minutesByDay = new Map<number, number>();
  for (let person = 0; person < context.people.knownCount; person++) {
    const trips = groupOf(context.drivesByPerson, person);
    if (trips.length === 0) continue;
    minutesByDay.clear();
    for (const i of trips) {
      const day = clock.dayOf(departs[i] as number);
      const driven = minutesBetween(departs[i] as number, arrives[i] as number);
      minutesByDay.set(day, (minutesByDay.get(day) ?? 0) + driven);
    }
    const driverId = context.people.idOf(person);
    for (const [day, minutes] of minutesByDay) {
      if (minutes <= limit) continue;
      const date = formatCivilDate(day);
      emit({
        code: "driver",
        personId: driverId,
        date,
        minutes,
        limit,
        message: `driver ${driverId} drives ${minutes} minutes on ${date}; the limit is ${limit}`,
      });
    }
  }
};
