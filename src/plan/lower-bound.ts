/**
 * `fleetLowerBound`: vehicles that any valid roster needs to carry every eligible
 * worker-shift. A vehicle serves one loop, so the bound is a sum over loops. In one loop,
 * the workers of one shift start must all arrive within one window of length
 * W = maxWait − arriveBefore. Two arrivals at the plant by the same vehicle are at least
 * g = (to-plant + to-dormitory route minutes + 2 × disinfection) apart (it must go back and
 * be disinfected twice), so one vehicle brings at most m = 1 + floor(W / g) loads of at most
 * c (the largest capacity the loop may use) in that window: the loop needs at least
 * ceil(riders / (m × c)) vehicles. The same holds for the ride home. The loop's bound is
 * the largest over its shift starts and ends. Fastest routes make g smallest, so any other
 * road path only strengthens the argument.
 */
import type { Loop } from "../facts/loops.js";
import type { Policy } from "../scenario/schema.js";
import type { Rider } from "./demand.js";
import { keyToPlant } from "./trip-key.js";

/** The bound for one loop's riders, given the largest capacity it may use. */
export function loopLowerBound(
  loop: Loop,
  riders: readonly Rider[],
  largestCapacity: number,
  policy: Policy,
): number {
  if (largestCapacity === 0 || loop.toPlant === null || loop.toDormitory === null) return 0;
  const gap = loop.toPlant.minutes + loop.toDormitory.minutes + 2 * policy.disinfectionMinutes;
  const loads = (window: number) =>
    gap === 0 ? Number.POSITIVE_INFINITY : 1 + Math.floor(window / gap);
  const arrivals = loads(policy.maxWaitMinutes - policy.arriveBeforeShiftMinutes);
  const departures = loads(policy.maxWaitMinutes - policy.departAfterShiftMinutes);
  const ridersPerTrip = new Map<number, number>();
  for (const rider of riders)
    for (const key of rider.keys) ridersPerTrip.set(key, (ridersPerTrip.get(key) ?? 0) + 1);
  let bound = 0;
  for (const [key, count] of ridersPerTrip) {
    const perVehicle = (keyToPlant(key) ? arrivals : departures) * largestCapacity;
    bound = Math.max(bound, Math.ceil(count / perVehicle));
  }
  return bound;
}
