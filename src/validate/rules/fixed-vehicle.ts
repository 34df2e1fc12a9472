/**
 * fixed-vehicle: a vehicle has one roster entry (one loop, one driver) for the whole
 * horizon, runs only its loop's trips with that driver, and keeps to its enterprise and
 * dormitory restrictions. Guards the fixed vehicle (定車).
 */
import type { Rule } from "../rule.js";

export const checkFixedVehicle: Rule<"fixed-vehicle"> = (context, emit) => {
  const { model, roster, loops, vehicleEntries } = context;

  const firstEntry = new Map<string, number>();
  roster.vehicles.forEach((entry, i) => {
    const first = firstEntry.get(entry.vehicleId);
    if (first === undefined) {
      firstEntry.set(entry.vehicleId, i);
      return;
    }
    emit({
      code: "fixed-vehicle",
      vehicleId: entry.vehicleId,
      loopId: entry.loopId,
      path: ["vehicles", i],
      reasons: ["duplicate-entry"],
      message: `vehicle ${entry.vehicleId} has a second roster entry (vehicles[${i}], first at vehicles[${first}]): a vehicle serves one loop with one driver`,
    });
  });

  for (const [vehicleId, entry] of vehicleEntries) {
    const vehicle = model.vehicles.get(vehicleId);
    const loop = loops.get(entry.loopId);
    if (vehicle === undefined || loop === undefined) continue;
    const reasons: string[] = [];
    // A vehicle reserved for an enterprise serves that enterprise's loops only, never a
    // mixed ("*") loop: the planner and the fleet lower bound count on exactly that.
    if (vehicle.enterpriseId !== undefined && vehicle.enterpriseId !== loop.enterpriseId) {
      reasons.push(`is reserved for enterprise ${vehicle.enterpriseId} but serves loop ${loop.id}`);
    }
    if (vehicle.dormitoryId !== undefined && vehicle.dormitoryId !== loop.dormitoryId) {
      reasons.push(
        `is reserved for dormitory ${vehicle.dormitoryId} but serves loop ${loop.id} from ${loop.dormitoryId}`,
      );
    }
    if (reasons.length > 0) {
      emit({
        code: "fixed-vehicle",
        vehicleId,
        loopId: loop.id,
        reasons: ["restriction"],
        message: `vehicle ${vehicleId} ${reasons.join("; ")}`,
      });
    }
  }

  roster.trips.forEach((trip, i) => {
    const entry = vehicleEntries.get(trip.vehicleId);
    if (entry === undefined) return;
    const reasons: string[] = [];
    const words: string[] = [];
    if (trip.loopId !== entry.loopId) {
      reasons.push("other-loop");
      words.push(
        `runs loop ${trip.loopId}, but vehicle ${trip.vehicleId} is fixed to loop ${entry.loopId}`,
      );
    }
    if (trip.driverId !== entry.driverId) {
      reasons.push("other-driver");
      words.push(
        `is driven by ${trip.driverId}, but vehicle ${trip.vehicleId}'s fixed driver is ${entry.driverId}`,
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
