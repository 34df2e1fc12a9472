/**
 * vehicle-timing: a vehicle's trips chain — each leaves from where the last one arrived
 * (the first from its loop's dormitory) and no sooner than disinfectionMinutes after it.
 * Guards disinfection after every trip, and a vehicle that cannot be in two places.
 */

import { minutesBetween } from "../context.js";
import type { TripRecord } from "../read-roster.js";
import type { Rule } from "../rule.js";

export const checkVehicleTiming: Rule<"vehicle-timing"> = (context, emit) => {
  const { roster, departs, arrives, policy } = context;
  for (const [vehicleId, trips] of context.tripsByVehicle) {
    if (!context.model.vehicles.has(vehicleId)) continue;
    let previous = -1;
    for (const i of trips) {
      const trip = roster.trips[i] as TripRecord;
      const reasons: string[] = [];
      const words: string[] = [];
      if (previous === -1) {
        // The loop of the vehicle's entry on that date (SPEC §5 periods), else its first one.
        const entry =
          context.vehicleEntryOn(vehicleId, context.tripDay(i)) ??
          context.vehicleEntries.get(vehicleId);
        const loop = context.loops.get(entry?.loopId ?? trip.loopId);
        if (loop !== undefined && trip.from !== loop.dormitoryId) {
          reasons.push("first-not-from-dormitory");
          words.push(
            `is vehicle ${vehicleId}'s first trip but leaves from ${trip.from}, not from the loop's dormitory ${loop.dormitoryId}`,
          );
        }
      } else {
        const last = roster.trips[previous] as TripRecord;
        if (trip.from !== last.to) {
          reasons.push("not-where-it-arrived");
          words.push(
            `leaves from ${trip.from}, but vehicle ${vehicleId}'s previous trip ${last.id} arrived at ${last.to}`,
          );
        }
        const gap = minutesBetween(arrives[previous] as number, departs[i] as number);
        if (gap < policy.disinfectionMinutes) {
          reasons.push("no-time-to-disinfect");
          words.push(
            gap < 0
              ? `leaves ${-gap} minutes before vehicle ${vehicleId}'s previous trip ${last.id} arrives`
              : `leaves ${gap} minutes after vehicle ${vehicleId}'s previous trip ${last.id} arrived; disinfection takes ${policy.disinfectionMinutes}`,
          );
        }
      }
      previous = i;
      if (reasons.length === 0) continue;
      emit({
        code: "vehicle-timing",
        tripId: trip.id,
        vehicleId,
        date: context.tripDate(i),
        reasons,
        message: `${context.describeTrip(i)} ${words.join("; and ")}`,
      });
    }
  }
};
