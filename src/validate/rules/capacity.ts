/**
 * capacity: a trip carries at most floor(seats × loadFactor) passengers, one person per
 * seat, each in a seat the vehicle has (1..seats). Guards the 50 % load rule: one person,
 * one seat.
 */
import { vehicleCapacity } from "../../capacity.js";
import type { Rule } from "../rule.js";

export const checkCapacity: Rule<"capacity"> = (context, emit) => {
  const { model, roster, policy } = context;
  roster.trips.forEach((trip, i) => {
    const vehicle = model.vehicles.get(trip.vehicleId);
    if (vehicle === undefined) return;
    const ids = { tripId: trip.id, vehicleId: trip.vehicleId, date: context.tripDate(i) };
    const capacity = vehicleCapacity(vehicle.seats, policy.loadFactor);
    const carried = trip.passengers.length;
    if (carried > capacity) {
      emit({
        code: "capacity",
        ...ids,
        carried,
        capacity,
        message: `${context.describeTrip(i)} carries ${carried} passengers; vehicle ${vehicle.id} holds ${capacity} at load factor ${policy.loadFactor}`,
      });
    }
    const seated = new Map<number, string>();
    for (const passenger of trip.passengers) {
      const { seat, personId } = passenger;
      if (seat < 1 || seat > vehicle.seats) {
        emit({
          code: "capacity",
          ...ids,
          personId,
          seat,
          message: `${personId} on ${context.describeTrip(i)} sits in seat ${seat}; vehicle ${vehicle.id} has seats 1–${vehicle.seats}`,
        });
        continue;
      }
      const first = seated.get(seat);
      if (first === undefined) seated.set(seat, personId);
      else if (first !== personId)
        emit({
          code: "capacity",
          ...ids,
          personId,
          seat,
          message: `${personId} on ${context.describeTrip(i)} shares seat ${seat} with ${first}`,
        });
    }
  });
};
