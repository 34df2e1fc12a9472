/**
 * fixed-vehicle: a vehicle has one roster entry (one loop, one driver) for each date — its
 * entries' periods do not overlap — runs only the trips of the loop of the entry covering the
 * trip's date, with that entry's driver, and keeps to its enterprise and dormitory
 * restrictions. Guards the fixed vehicle (定車), period by period.
 */
import type { RosterVehicle } from "../../roster/schema.js";
import type { Dated } from "../periods.js";
import { hasDates, isEmptyPeriod, periodWords } from "../periods.js";
import type { Rule } from "../rule.js";

/** `vehicles[3] (2022-05-16 to 2022-05-20)`, or `vehicles[3]` for an entry without dates. */
function entryWords(dated: Dated<RosterVehicle>): string {
  const { entry, index } = dated;
  return hasDates(entry) ? `vehicles[${index}] (${periodWords(entry)})` : `vehicles[${index}]`;
}

/** A vehicle's entries as words, the first few only: a roster may list thousands. */
function entriesWords(entries: readonly Dated<RosterVehicle>[]): string {
  const shown = entries.slice(0, 3).map(entryWords).join(", ");
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown;
}

export const checkFixedVehicle: Rule<"fixed-vehicle"> = (context, emit) => {
  const { model, roster, loops, vehicleCoverage } = context;

  for (const [vehicleId, coverage] of vehicleCoverage) {
    // Entries reported as broken here are not judged again against the restrictions.
    const reported = new Set<number>();
    for (const dated of coverage.entries) {
      if (!isEmptyPeriod(dated)) continue;
      reported.add(dated.index);
      emit({
        code: "fixed-vehicle",
        vehicleId,
        loopId: dated.entry.loopId,
        path: ["vehicles", dated.index],
        reasons: ["empty-period"],
        message: `vehicle ${vehicleId}'s roster entry ${entryWords(dated)} covers no date: its from is after its to`,
      });
    }
    for (const { dated, other } of coverage.overlaps()) {
      reported.add(dated.index);
      const both = hasDates(dated.entry) || hasDates(other.entry);
      emit({
        code: "fixed-vehicle",
        vehicleId,
        loopId: dated.entry.loopId,
        path: ["vehicles", dated.index],
        reasons: ["duplicate-entry"],
        message: both
          ? `vehicle ${vehicleId}'s roster entries ${entryWords(dated)} and ${entryWords(other)} overlap: a vehicle serves one loop with one driver at a time`
          : `vehicle ${vehicleId} has a second roster entry (vehicles[${dated.index}], first at vehicles[${other.index}]): a vehicle serves one loop with one driver`,
      });
    }

    const vehicle = model.vehicles.get(vehicleId);
    if (vehicle === undefined) continue; // unknown-reference reports it
    for (const dated of coverage.entries) {
      const loop = loops.get(dated.entry.loopId);
      if (loop === undefined || reported.has(dated.index)) continue;
      const reasons: string[] = [];
      // A vehicle reserved for an enterprise serves that enterprise's loops only, never a
      // mixed ("*") loop: the planner and the fleet lower bound count on exactly that.
      if (vehicle.enterpriseId !== undefined && vehicle.enterpriseId !== loop.enterpriseId) {
        reasons.push(
          `is reserved for enterprise ${vehicle.enterpriseId} but serves loop ${loop.id}`,
        );
      }
      if (vehicle.dormitoryId !== undefined && vehicle.dormitoryId !== loop.dormitoryId) {
        reasons.push(
          `is reserved for dormitory ${vehicle.dormitoryId} but serves loop ${loop.id} from ${loop.dormitoryId}`,
        );
      }
      if (reasons.length === 0) continue;
      const when = hasDates(dated.entry) ? ` (${entryWords(dated)})` : "";
      emit({
        code: "fixed-vehicle",
        vehicleId,
        loopId: loop.id,
        path: ["vehicles", dated.index],
        reasons: ["restriction"],
        message: `vehicle ${vehicleId} ${reasons.join("; ")}${when}`,
      });
    }
  }

  const listed = new Map<string, string>(); // entriesWords per vehicle, made once
  roster.trips.forEach((trip, i) => {
    const coverage = vehicleCoverage.get(trip.vehicleId);
    if (coverage === undefined) return; // unknown-reference reports a vehicle without entries
    // Only a vehicle whose entries have dates (or are several) needs the trip's date.
    const dated = coverage.always ?? coverage.on(context.tripDay(i));
    if (dated === undefined) {
      let entries = listed.get(trip.vehicleId);
      if (entries === undefined) {
        entries = entriesWords(coverage.entries);
        listed.set(trip.vehicleId, entries);
      }
      emit({
        code: "fixed-vehicle",
        vehicleId: trip.vehicleId,
        tripId: trip.id,
        loopId: trip.loopId,
        date: context.tripDate(i),
        reasons: ["no-entry-on-date"],
        message: `${context.describeTrip(i)} runs on ${context.tripDate(i)}, a date no roster entry of vehicle ${trip.vehicleId} covers (${entries})`,
      });
      return;
    }
    const { entry } = dated;
    const reasons: string[] = [];
    const words: string[] = [];
    const fixed = hasDates(entry) ? ` by ${entryWords(dated)}` : "";
    if (trip.loopId !== entry.loopId) {
      reasons.push("other-loop");
      words.push(
        `runs loop ${trip.loopId}, but vehicle ${trip.vehicleId} is fixed to loop ${entry.loopId}${fixed}`,
      );
    }
    if (trip.driverId !== entry.driverId) {
      reasons.push("other-driver");
      words.push(
        `is driven by ${trip.driverId}, but vehicle ${trip.vehicleId}'s fixed driver is ${entry.driverId}${fixed}`,
      );
    }
    if (reasons.length === 0) return;
    emit({
      code: "fixed-vehicle",
      vehicleId: trip.vehicleId,
      tripId: trip.id,
      loopId: trip.loopId,
      date: context.tripDate(i),
      reasons,
      message: `${context.describeTrip(i)} ${words.join("; and ")}`,
    });
  });
};
