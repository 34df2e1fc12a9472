/**
 * availability: nobody boards or drives, and no vehicle runs, a trip leaving on a date inside
 * one of their `unavailable` periods (a ride home of shifts begun before the period excepted,
 * for its workers, its driver and its vehicle alike, with the empty run that fetches it).
 * Guards the fixed person and fixed vehicle (定人, 定車) through isolation, leave and repairs.
 */
import { availabilityIndex, type DayPeriod } from "../../facts/availability.js";
import { groupOf } from "../groups.js";
import { periodWords } from "../periods.js";
import type { TripRecord } from "../read-roster.js";
import type { Rule } from "../rule.js";
import type { AvailabilityViolation } from "../violations.js";

type Subject = AvailabilityViolation["subject"];

const VERB: Record<Subject, string> = { person: "boards", driver: "drives", vehicle: "runs" };

export const checkAvailability: Rule<"availability"> = (context, emit) => {
  const { model, roster, toPlant } = context;
  const index = availabilityIndex(model);
  if (!index.any) return; // most scenarios: no period at all

  /** Reports subject `id` on trip i, inside `periods` (the first one named). */
  const report = (subject: Subject, id: string, i: number, periods: readonly DayPeriod[]) => {
    const { period } = periods[0] as DayPeriod;
    const trip = roster.trips[i] as TripRecord;
    const who = subject === "vehicle" ? `vehicle ${id}` : id;
    const whose = subject === "vehicle" ? "its out-of-service" : "their unavailable";
    const why = period.reason === undefined ? "" : ` (${period.reason})`;
    const more = periods.length > 1 ? ` and ${periods.length - 1} more` : "";
    emit({
      code: "availability",
      ...(subject === "vehicle" ? { vehicleId: id } : { personId: id }),
      tripId: trip.id,
      date: context.tripDate(i),
      subject,
      period:
        period.to === undefined ? { from: period.from } : { from: period.from, to: period.to },
      ...(period.reason !== undefined && { reason: period.reason }),
      message: `${who} ${VERB[subject]} ${context.describeTrip(i)}, inside ${whose} period ${periodWords(period)}${why}${more}`,
    });
  };

  /**
   * For a ride home (to-dormitory, with workers on it), the latest day on which one of its
   * workers' shifts began — the day their previous ride, to the plant, left; `undefined`
   * when it is no such ride. A driver or vehicle whose periods all start after that day may
   * still bring the shift home (the exception of SPEC §3 and §6 reads on the whole trip).
   */
  const { boardingStart, boardingPerson, people: ids } = roster;
  const shiftDayOf = (i: number): number | undefined => {
    if (toPlant[i] === 1) return undefined;
    let latest: number | undefined;
    const end = boardingStart[i + 1] as number;
    for (let b = boardingStart[i] as number; b < end; b++) {
      const person = boardingPerson[b] as number;
      if (!ids.isKnown(person) || model.scenario.staff[person]?.role !== "worker") return undefined;
      const rides = groupOf(context.ridesByPerson, person);
      const previous = rides[rides.indexOf(i) - 1];
      if (previous === undefined || toPlant[previous] === 0) return undefined;
      latest = Math.max(latest ?? Number.NEGATIVE_INFINITY, context.tripDay(previous));
    }
    return latest;
  };
  // An empty run to the plant whose vehicle then brings such a shift home, same driver, is
  // part of that ride home: without it the vehicle cannot reach the workers at the plant.
  let nextOnVehicle: Int32Array | undefined;
  const nextTripOf = (i: number): number => {
    if (nextOnVehicle === undefined) {
      nextOnVehicle = new Int32Array(roster.trips.length).fill(-1);
      for (const trips of context.tripsByVehicle.values())
        for (let k = 1; k < trips.length; k++)
          nextOnVehicle[trips[k - 1] as number] = trips[k] as number;
    }
    return nextOnVehicle[i] as number;
  };
  const fetchesShift = (i: number): number | undefined => {
    if (toPlant[i] === 0 || boardingStart[i] !== boardingStart[i + 1]) return undefined;
    const next = nextTripOf(i);
    if (next < 0 || roster.tripDriver[next] !== roster.tripDriver[i]) return undefined;
    return shiftDayOf(next);
  };
  const bringsShiftHome = (i: number, periods: readonly DayPeriod[]): boolean => {
    const shiftDay = shiftDayOf(i) ?? fetchesShift(i);
    return shiftDay !== undefined && periods.every((period) => period.from > shiftDay);
  };

  // The ids with periods, in scenario order; only their trips are looked at.
  const people = new Set<string>();
  const vehicles = new Set<string>();
  for (const period of model.scenario.unavailable) {
    if (period.personId !== undefined) people.add(period.personId);
    else if (period.vehicleId !== undefined) vehicles.add(period.vehicleId);
  }

  for (const personId of people) {
    const person = model.staffIndex.get(personId);
    if (person === undefined) continue; // the scenario's cross-references reject it
    const worker = model.scenario.staff[person]?.role === "worker";
    // One violation per trip: as a passenger, else as its driver.
    const found = new Map<number, { subject: Subject; periods: readonly DayPeriod[] }>();
    const rides = groupOf(context.ridesByPerson, person);
    rides.forEach((i, k) => {
      const day = context.tripDay(i);
      const periods = index.personPeriodsOn(personId, day);
      if (periods.length === 0) return;
      // The ride home of a shift whose ride in left before every period holding this day.
      const previous = rides[k - 1];
      if (
        worker &&
        toPlant[i] === 0 &&
        previous !== undefined &&
        toPlant[previous] === 1 &&
        index.rideHomeAllowed(personId, day, context.tripDay(previous))
      )
        return;
      found.set(i, { subject: "person", periods });
    });
    for (const i of groupOf(context.drivesByPerson, person)) {
      if (found.has(i)) continue;
      const periods = index.personPeriodsOn(personId, context.tripDay(i));
      if (periods.length > 0 && !bringsShiftHome(i, periods))
        found.set(i, { subject: "driver", periods });
    }
    for (const [i, { subject, periods }] of found) report(subject, personId, i, periods);
  }

  for (const vehicleId of vehicles) {
    for (const i of context.tripsByVehicle.get(vehicleId) ?? []) {
      const periods = index.vehiclePeriodsOn(vehicleId, context.tripDay(i));
      if (periods.length > 0 && !bringsShiftHome(i, periods))
        report("vehicle", vehicleId, i, periods);
    }
  }
};
