/**
 * capacity: a trip carries at most floor(seats × loadFactor) passengers, one person per
 * seat, each in a seat the vehicle has (1..seats). Guards the 50 % load rule: one person,
 * one seat.
 */
import { vehicleCapacity } from "../../facts/capacity.js";
import type { Rule } from "../rule.js";

export const checkCapacity: Rule<"capacity"> = (context, emit) => {
  const { model, roster, policy } = context;
  const { boardingStart, boardingPerson, boardingSeat, people } = roster;
  // Who sits in each seat, reused from trip to trip: seat s is taken on trip i when
  // takenOn[s] === i (so nothing needs clearing between trips).
  let mostSeats = 0;
  for (const vehicle of model.vehicles.values()) mostSeats = Math.max(mostSeats, vehicle.seats);
  const takenOn = new Int32Array(mostSeats + 1).fill(-1);
  const takenBy = new Int32Array(mostSeats + 1);
  // The key of a seat problem, reused: a trip may carry a million passengers in wrong seats,
  // and the report lists only the first ones (no closure per trip either: each costs).
  const key = { date: "", tripId: "", personId: "" };

  for (let i = 0; i < roster.trips.length; i++) {
    const trip = roster.trips[i] as (typeof roster.trips)[number];
    const vehicle = model.vehicles.get(trip.vehicleId);
    if (vehicle === undefined) continue;
    // The trip's date and words, worked out once and only if a violation needs them.
    let date: string | undefined;
    let described: string | undefined;
    const capacity = vehicleCapacity(vehicle.seats, policy.loadFactor);
    const first = boardingStart[i] as number;
    const end = boardingStart[i + 1] as number;
    const carried = end - first;
    if (carried > capacity) {
      date ??= context.tripDate(i);
      described ??= context.describeTrip(i);
      emit({
        code: "capacity",
        tripId: trip.id,
        vehicleId: trip.vehicleId,
        date,
        carried,
        capacity,
        message: `${described} carries ${carried} passengers; vehicle ${vehicle.id} holds ${capacity} at load factor ${policy.loadFactor}`,
      });
    }
    for (let b = first; b < end; b++) {
      const seat = boardingSeat[b] as number;
      const person = boardingPerson[b] as number;
      const outside = seat < 1 || seat > vehicle.seats;
      if (!outside && takenOn[seat] !== i) {
        takenOn[seat] = i;
        takenBy[seat] = person;
        continue;
      }
      if (!outside && takenBy[seat] === person) continue;
      date ??= context.tripDate(i);
      key.date = date;
      key.tripId = trip.id;
      key.personId = people.idOf(person);
      if (emit.unlisted(key)) continue;
      described ??= context.describeTrip(i);
      const personId = key.personId;
      emit({
        code: "capacity",
        tripId: trip.id,
        vehicleId: trip.vehicleId,
        date,
        personId,
        seat,
        message: outside
          ? `${personId} on ${described} sits in seat ${seat}; vehicle ${vehicle.id} has seats 1–${vehicle.seats}`
          : `${personId} on ${described} shares seat ${seat} with ${people.idOf(takenBy[seat] as number)}`,
      });
    }
  }
};
