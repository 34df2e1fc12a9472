/**
 * driver: each trip is driven by a staff member with role "driver" who lives in the loop's
 * dormitory (drivers live inside the loop), for at most maxDriverMinutesPerDay of driving
 * per local day of departure. Guards the fixed vehicle's crew.
 */

import { formatCivilDate } from "../../time/civil-date.js";
import { minutesBetween } from "../context.js";
import type { TripRecord } from "../read-roster.js";
import type { Rule } from "../rule.js";

export const checkDriver: Rule<"driver"> = (context, emit) => {
  const { model, roster, clock, departs, arrives, policy } = context;
  const minutesByDriverDay = new Map<string, { driverId: string; day: number; minutes: number }>();
  roster.trips.forEach((trip: TripRecord, i) => {
    const driver = model.staff.get(trip.driverId);
    if (driver === undefined) return;
    const loop = context.loops.get(trip.loopId);
    const problems: string[] = [];
    if (driver.role !== "driver") problems.push(`is a ${driver.role}, not a driver`);
    if (loop !== undefined && driver.dormitoryId !== loop.dormitoryId) {
      problems.push(
        `lives in ${driver.dormitoryId}, outside loop ${loop.id} (dormitory ${loop.dormitoryId})`,
      );
    }
    if (problems.length > 0) {
      emit({
        code: "driver",
        personId: driver.id,
        tripId: trip.id,
        vehicleId: trip.vehicleId,
        date: context.tripDate(i),
        message: `${context.describeTrip(i)}'s driver ${driver.id} ${problems.join(" and ")}`,
      });
    }
    const day = clock.dayOf(departs[i] as number);
    const key = `${driver.id}|${day}`;
    const driven = minutesBetween(departs[i] as number, arrives[i] as number);
    const tally = minutesByDriverDay.get(key);
    if (tally === undefined)
      minutesByDriverDay.set(key, { driverId: driver.id, day, minutes: driven });
    else tally.minutes += driven;
  });
  const limit = policy.maxDriverMinutesPerDay;
  for (const { driverId, day, minutes } of minutesByDriverDay.values()) {
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
};
