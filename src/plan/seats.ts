/**
 * Fixed seats. Two riders who share any trip never share a seat; two who never ride
 * together may. Seats are handed out odd numbers first (1, 3, 5, …), which spaces people
 * out at a 50 % load as the one-person-one-seat rule intends.
 */
import type { Rider } from "./demand.js";
import type { TripKey } from "./trip-key.js";

/** Seat per rider id; riders no seat can be found for are returned apart. */
export function assignSeats(
  riders: readonly Rider[],
  seats: number,
): { seatOf: Map<string, number>; seatless: Rider[] } {
  const order: number[] = [];
  for (let seat = 1; seat <= seats; seat += 2) order.push(seat);
  for (let seat = 2; seat <= seats; seat += 2) order.push(seat);
  const taken = new Map<TripKey, Set<number>>();
  const seatOf = new Map<string, number>();
  const seatless: Rider[] = [];
  for (const rider of riders) {
    const seat = order.find((candidate) =>
      rider.keys.every((key) => !taken.get(key)?.has(candidate)),
    );
    if (seat === undefined) {
      seatless.push(rider);
      continue;
    }
    seatOf.set(rider.personId, seat);
    for (const key of rider.keys) {
      const set = taken.get(key);
      if (set === undefined) taken.set(key, new Set([seat]));
      else set.add(seat);
    }
  }
  return { seatOf, seatless };
}
