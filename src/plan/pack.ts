/**
 * Fixed persons onto fixed vehicles, loop by loop: vector bin packing. Each rider needs a
 * set of trips (their pattern); a vehicle's load on each of its trips stays within its
 * capacity, and its trips must still chain in time. Riders with one pattern move as a group,
 * largest group first (first-fit decreasing), so that groups whose days interleave — a
 * four-on/four-off crew and its counterpart — fill the same vehicles, and a day crew and a
 * night crew share a vehicle that brings one in and takes the other home.
 */
import type { Loop } from "../loops.js";
import { compareText } from "../order.js";
import type { Vehicle } from "../scenario/schema.js";
import { type ChainRules, chainRuns, mergeKeys } from "./chain.js";
import type { Rider, UnservedShift } from "./demand.js";
import type { FleetPool } from "./fleet-pool.js";
import type { TripKey } from "./trip-key.js";

/** A vehicle given to a loop, with its riders and the trips they need. */
export interface LoopVehicle {
  vehicle: Vehicle;
  capacity: number;
  driverId: string;
  keys: TripKey[];
  load: Map<TripKey, number>;
  riders: Rider[];
}

/** Room left on a vehicle for a pattern: the least free capacity over its trips. */
function roomFor(vehicle: LoopVehicle, keys: readonly TripKey[]): number {
  let room = vehicle.capacity;
  for (const key of keys) room = Math.min(room, vehicle.capacity - (vehicle.load.get(key) ?? 0));
  return room;
}

function board(vehicle: LoopVehicle, riders: readonly Rider[], keys: readonly TripKey[]): void {
  for (const key of keys) vehicle.load.set(key, (vehicle.load.get(key) ?? 0) + riders.length);
  vehicle.keys = mergeKeys(vehicle.keys, keys);
  vehicle.riders.push(...riders);
}

function unserve(riders: readonly Rider[], reason: string, into: UnservedShift[]): void {
  for (const rider of riders)
    for (const date of rider.dates) into.push({ personId: rider.personId, date, reason });
}

/** Packs one loop's riders onto vehicles from the pool; riders left over become unserved. */
export function packLoop(
  loop: Loop,
  riders: readonly Rider[],
  pool: FleetPool,
  rules: ChainRules,
  unserved: UnservedShift[],
): LoopVehicle[] {
  const groups = new Map<string, Rider[]>();
  for (const rider of riders) {
    const pattern = rider.keys.join(",");
    const group = groups.get(pattern);
    if (group === undefined) groups.set(pattern, [rider]);
    else group.push(rider);
  }
  const ordered = [...groups.entries()].sort(
    ([patternA, a], [patternB, b]) =>
      b.length * (b[0] as Rider).keys.length - a.length * (a[0] as Rider).keys.length ||
      compareText(patternA, patternB),
  );

  const vehicles: LoopVehicle[] = [];
  for (const [, group] of ordered) {
    group.sort((a, b) => compareText(a.personId, b.personId));
    const keys = (group[0] as Rider).keys;
    let next = 0;
    for (const vehicle of vehicles) {
      if (next === group.length) break;
      const room = roomFor(vehicle, keys);
      if (room <= 0 || chainRuns(mergeKeys(vehicle.keys, keys), rules, false) === undefined)
        continue;
      const taken = group.slice(next, next + room);
      board(vehicle, taken, keys);
      next += taken.length;
    }
    if (next < group.length && chainRuns(keys, rules, false) === undefined) {
      // No vehicle can run this pattern's trips (too tight to chain, or too long for a driver).
      unserve(group.slice(next), "no-vehicle", unserved);
      continue;
    }
    while (next < group.length) {
      const allocation = pool.acquire(loop, group.length - next);
      if ("reason" in allocation) {
        unserve(group.slice(next), allocation.reason, unserved);
        break;
      }
      const vehicle: LoopVehicle = { ...allocation, keys: [], load: new Map(), riders: [] };
      vehicles.push(vehicle);
      const taken = group.slice(next, next + vehicle.capacity);
      board(vehicle, taken, keys);
      next += taken.length;
    }
  }
  return vehicles;
}
