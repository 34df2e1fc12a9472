/**
 * Fixed persons onto fixed vehicles, loop by loop: vector bin packing. Each rider needs a
 * set of trips (their pattern); a vehicle's load on each of its trips stays within its
 * capacity, and its trips must still chain in time. Riders with one pattern move as a group
 * (first-fit over groups), so that groups whose days interleave — a four-on/four-off crew
 * and its counterpart — fill the same vehicles, and a day crew and a night crew share a
 * vehicle that brings one in and takes the other home. A group may also ride at a retimed
 * pattern (retime.ts): what does not fit a vehicle at the pattern's own times may ride
 * there as a second load earlier (in) and later (home) within the shift's windows.
 *
 * A new vehicle is sized to everyone still waiting for the group's trips (this group's rest
 * and later groups needing the same trips), not to this group's rest alone: a bus just big
 * enough for the last few riders of one crew leaves no room for the next crew.
 *
 * First fit depends on the order of the groups, so several orders are tried (largest
 * volume first, largest group first, longest pattern first, then — for loops of up to 40
 * groups — seeded shuffles) and the packing that leaves the fewest shifts unserved with the
 * fewest vehicles is kept; trials stop early once a packing reaches the loop's lower bound.
 */

import type { Loop } from "../facts/loops.js";
import type { Policy } from "../scenario/schema.js";
import { compareText } from "../util/order.js";
import { seededRandom } from "../util/seeded-random.js";
import type { DayBlock } from "./blocked-days.js";
import { type ChainRules, chainRuns, mergeKeys, withBlocked } from "./chain.js";
import { consolidate } from "./consolidate.js";
import type { Rider, UnservedShift } from "./demand.js";
import type { FleetPool } from "./fleet-pool.js";
import type { LoopVehicle } from "./loop-vehicle.js";
import { type RetimeRules, retimings } from "./retime.js";
import type { TripKey } from "./trip-key.js";

const MS_PER_MINUTE = 60_000;

/** Group orders tried per loop, at most. */
const TRIALS = 16;
/** Above this many groups a loop tries only the three natural orders (each trial costs more). */
const SHUFFLED_TRIALS_UP_TO_GROUPS = 40;

/** Riders who share one pattern of trips. */
interface Group {
  pattern: string;
  keys: TripKey[];
  riders: Rider[];
  /** The pattern itself first, then its retimings (see retime.ts). */
  timings: TripKey[][];
}

interface Packing {
  vehicles: LoopVehicle[];
  unserved: UnservedShift[];
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
  for (const rider of riders) vehicle.riders.push(rider);
}

function unserve(riders: readonly Rider[], reason: string, into: UnservedShift[]): void {
  for (const rider of riders)
    for (const date of rider.dates) into.push({ personId: rider.personId, date, reason });
}

/**
 * Whether a vehicle already running `vehicle.keys` can also run `keys` (none of its runs on
 * a day it or its driver is out).
 */
function chainsWith(vehicle: LoopVehicle, keys: readonly TripKey[], rules: ChainRules): boolean {
  return (
    chainRuns(mergeKeys(vehicle.keys, keys), withBlocked(rules, vehicle.blocked), false) !==
    undefined
  );
}

/** Whether a fresh vehicle blocked on some days can run the group at one of its timings. */
function runsGroup(group: Group, rules: ChainRules): (blocked: DayBlock) => boolean {
  return (blocked) =>
    group.timings.some((keys) => chainRuns(keys, withBlocked(rules, blocked), false) !== undefined);
}

/** The riders as they ride at the given timing (the same objects at the pattern's own). */
function retimed(riders: readonly Rider[], group: Group, keys: TripKey[]): Rider[] {
  if (keys === group.keys) return [...riders];
  return riders.map((rider) => ({
    personId: rider.personId,
    keys,
    dates: rider.dates,
    edges: group.keys,
  }));
}

/**
 * Boards as many of the group's riders from `next` on as the vehicle takes, timing by
 * timing (a second timing is a second load of the same shifts). Returns the new `next`.
 */
function boardGroup(vehicle: LoopVehicle, group: Group, next: number, rules: ChainRules): number {
  let boarded = next;
  for (const keys of group.timings) {
    if (boarded === group.riders.length) break;
    const room = roomFor(vehicle, keys);
    if (room <= 0 || !chainsWith(vehicle, keys, rules)) continue;
    const taken = group.riders.slice(boarded, boarded + room);
    board(vehicle, retimed(taken, group, keys), keys);
    boarded += taken.length;
  }
  return boarded;
}

/** One first-fit packing of the groups in the given order. */
function packInOrder(
  loop: Loop,
  groups: readonly Group[],
  pool: FleetPool,
  rules: ChainRules,
): Packing {
  const vehicles: LoopVehicle[] = [];
  const unserved: UnservedShift[] = [];
  const stillToPlace = new Map<TripKey, number>();
  const count = (group: Group, sign: number) => {
    for (const key of group.keys)
      stillToPlace.set(key, (stillToPlace.get(key) ?? 0) + sign * group.riders.length);
  };
  for (const group of groups) count(group, 1);
  // A new vehicle will carry the rest of this group and whoever still needs the same trips.
  const waitingFor = (group: Group, next: number) =>
    Math.max(...group.keys.map((key) => stillToPlace.get(key) ?? 0)) - next;
  for (const group of groups) {
    const { riders } = group;
    let next = 0;
    for (const vehicle of vehicles) {
      if (next === riders.length) break;
      next = boardGroup(vehicle, group, next, rules);
    }
    if (
      next < riders.length &&
      group.timings.every((keys) => chainRuns(keys, rules, false) === undefined)
    ) {
      // No vehicle can run this pattern's trips (too tight to chain, or too long for a driver).
      unserve(riders.slice(next), "no-vehicle", unserved);
      count(group, -1);
      continue;
    }
    while (next < riders.length) {
      // A fresh vehicle boards at least one rider: the pool hands out only a vehicle and
      // driver that can run one of the group's timings on the days they are available.
      const allocation = pool.acquire(loop, waitingFor(group, next), runsGroup(group, rules));
      if ("reason" in allocation) {
        unserve(riders.slice(next), allocation.reason, unserved);
        break;
      }
      const vehicle: LoopVehicle = { ...allocation, keys: [], load: new Map(), riders: [] };
      vehicles.push(vehicle);
      next = boardGroup(vehicle, group, next, rules);
    }
    count(group, -1);
  }
  return { vehicles, unserved };
}

/** The group orders to try: three natural ones, then seeded shuffles (deterministic per loop). */
function* groupOrders(groups: readonly Group[], loopId: string): Generator<Group[]> {
  const byVolume = [...groups].sort(
    (a, b) =>
      b.riders.length * b.keys.length - a.riders.length * a.keys.length ||
      compareText(a.pattern, b.pattern),
  );
  yield byVolume;
  if (groups.length < 3) return;
  yield [...groups].sort(
    (a, b) => b.riders.length - a.riders.length || compareText(a.pattern, b.pattern),
  );
  yield [...groups].sort(
    (a, b) =>
      b.keys.length - a.keys.length ||
      b.riders.length - a.riders.length ||
      compareText(a.pattern, b.pattern),
  );
  if (groups.length > SHUFFLED_TRIALS_UP_TO_GROUPS) return;
  let seed = 0;
  for (let i = 0; i < loopId.length; i++) seed = (Math.imul(seed, 31) + loopId.charCodeAt(i)) >>> 0;
  const random = seededRandom(seed);
  for (let trial = 3; trial < TRIALS; trial++) {
    const shuffled = [...byVolume];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = random.below(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j] as Group, shuffled[i] as Group];
    }
    yield shuffled;
  }
}

function retimeRulesOf(rules: ChainRules, policy: Policy): RetimeRules {
  return {
    toPlantMinutes: rules.toPlantMs / MS_PER_MINUTE,
    toDormitoryMinutes: rules.toDormitoryMs / MS_PER_MINUTE,
    disinfectionMinutes: rules.disinfectionMs / MS_PER_MINUTE,
    earlierInMinutes: policy.maxWaitMinutes - policy.arriveBeforeShiftMinutes,
    laterHomeMinutes: policy.maxWaitMinutes - policy.departAfterShiftMinutes,
    clock: rules.clock,
  };
}

function isBetter(candidate: Packing, best: Packing): boolean {
  return (
    candidate.unserved.length < best.unserved.length ||
    (candidate.unserved.length === best.unserved.length &&
      candidate.vehicles.length < best.vehicles.length)
  );
}

/**
 * Packs one loop's riders onto vehicles from the pool. Riders left over are added to
 * `unserved`; `lowerBound` (the loop's share of the fleet bound) ends the search early.
 */
export function packLoop(
  loop: Loop,
  riders: readonly Rider[],
  pool: FleetPool,
  rules: ChainRules,
  unserved: UnservedShift[],
  lowerBound: number,
): LoopVehicle[] {
  const retimeRules = retimeRulesOf(rules, pool.policy);
  const byPattern = new Map<string, Group>();
  for (const rider of riders) {
    const pattern = rider.keys.join(",");
    const group = byPattern.get(pattern);
    if (group === undefined) {
      const timings = retimings(rider.keys, retimeRules);
      timings[0] = rider.keys;
      byPattern.set(pattern, { pattern, keys: rider.keys, riders: [rider], timings });
    } else group.riders.push(rider);
  }
  const groups = [...byPattern.values()];
  for (const group of groups) group.riders.sort((a, b) => compareText(a.personId, b.personId));

  let best: { packing: Packing; fork: FleetPool } | undefined;
  for (const order of groupOrders(groups, loop.id)) {
    const fork = pool.fork(loop);
    const packing = packInOrder(loop, order, fork, rules);
    if (best === undefined || isBetter(packing, best.packing)) best = { packing, fork };
    if (best.packing.unserved.length === 0 && best.packing.vehicles.length <= lowerBound) break;
  }
  if (best === undefined) return [];
  let vehicles = best.packing.vehicles;
  if (best.packing.unserved.length === 0) {
    // What first fit could not close, a search with free trip times may (consolidate.ts).
    const { kept, freed } = consolidate(vehicles, lowerBound, rules, retimeRules);
    for (const vehicle of freed) best.fork.release(vehicle);
    vehicles = kept;
  }
  pool.adopt(best.fork, loop);
  for (const entry of best.packing.unserved) unserved.push(entry);
  return vehicles;
}
