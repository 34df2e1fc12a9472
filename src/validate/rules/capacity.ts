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

  roster.trips.forEach((trip, i) => {
    const vehicle = model.vehicles.get(trip.vehicleId);
    if (vehicle === undefined) return;
    const ids = () => ({ tripId: trip.id, vehicleId: trip.vehicleId, date: context.tripDate(i) });
    const capacity = vehicleCapacity(vehicle.seats, policy.loadFactor);
    const first = boardingStart[i] as number;
    const end = boardingStart[i + 1] as number;
    const carried = end - first;
    if (carried > capacity) {
      emit({
        code: "capacity",
        ...ids(),
        carried,
        capacity,
        message: `${context.describeTrip(i)} carries ${carried} passengers; vehicle ${vehicle.id} holds ${capacity} at load factor ${policy.loadFactor}`,
      });
    }
    for (let b = first; b < end; b++) {
      const seat = boardingSeat[b] as number;
      const person = boardingPerson[b] as number;
      if (seat < 1 || seat > vehicle.seats) {
        const personId = people.idOf(person);
        emit({
          code: "capacity",
          ...ids(),
          personId,
          seat,
          message: `${personId} on ${context.describeTrip(i)} sits in seat ${seat}; vehicle ${vehicle.id} has seats 1–${vehicle.seats}`,
        });
        continue;
      }
      if (takenOn[seat] !== i) {
        takenOn[seat] = i;
        takenBy[seat] = person;
      } else if (takenBy[seat] !== person) {
        const personId = people.idOf(person);
        emit({
          code: "capacity",
          ...ids(),
          personId,
          seat,
          message: `${personId} on ${context.describeTrip(i)} shares seat ${seat} with ${people.idOf(takenBy[seat] as number)}`,
        });
      }
    }
  });
};
