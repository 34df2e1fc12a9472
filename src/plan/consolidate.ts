/**
 * Emptying vehicles after packing. First fit gives a crew one timing for the whole horizon
 * and lets rides share a trip only at the crew's own times (retime.ts). When a loop still
 * uses more vehicles than its lower bound, this tries to move every rider of its least
 * loaded vehicle onto the others, each ride at any minute of its window: on a trip another
 * vehicle runs anyway, at a time inside both windows, or as a new trip in between, the
 * vehicle's other trips moving within their own windows to make room (flex-chain.ts). So a
 * single day's ride may move, and a crew may part over several vehicles; each rider still
 * keeps one vehicle and one seat. A vehicle is given up only if all its riders move and
 * every vehicle that took some still chains (driver limit included) and seats them all.
 */
import { type ChainRules, chainRuns, withBlocked } from "./chain.js";
import type { Rider } from "./demand.js";
import {
  type GapMinutes,
  type Member,
  type RideWindow,
  type Slot,
  slotBounds,
  slotTimes,
  withRide,
} from "./flex-chain.js";
import type { LoopVehicle } from "./loop-vehicle.js";
import type { RetimeRules } from "./retime.js";
import { ridesInKeepTheirDay, ridesInTurn, rideWindows } from "./ride-turns.js";
import { assignSeats } from "./seats.js";
import { keyToPlant, type TripKey, tripKey } from "./trip-key.js";

const MS_PER_MINUTE = 60_000;

/**
 * Vehicles a loop tries to empty without success before it stops trying: the least loaded
 * are the likeliest to go, and each failed try costs as much as a success (at 100k staff
 * about a hundred loops are above their bound).
 */
const MAX_FAILED_ATTEMPTS = 2;

interface FlexRider {
  rider: Rider;
  /** Per service (the rider's keys, in order), when its ride may leave. */
  windows: RideWindow[];
}

interface FlexVehicle {
  base: LoopVehicle;
  /** The slots as packed: while `slots` is this very array, the vehicle runs as packed. */
  packed: readonly Slot<FlexRider>[];
  slots: Slot<FlexRider>[];
  riders: FlexRider[];
}

/**
 * The windows of a rider's rides. A rider whose rides could come out of turn somewhere in
 * their windows, or whose ride in could leave on another local day than its edge
 * (eligibility and availability are judged on that day), keeps the minutes packing gave
 * them (the checks of ride-turns.ts, which retiming makes too).
 */
function windowsOf(rider: Rider, rules: RetimeRules): RideWindow[] {
  const windows = rideWindows(
    rider.edges ?? rider.keys,
    rules.earlierInMinutes,
    rules.laterHomeMinutes,
  );
  const free = ridesInTurn(windows, rules) && ridesInKeepTheirDay(windows, rules.clock);
  return free ? windows : rideWindows(rider.keys);
}

/** Whether two riders ride the same trips for the same services. */
function sameRides(a: Rider, b: Rider): boolean {
  const sameList = (x: readonly TripKey[], y: readonly TripKey[]) =>
    x === y || (x.length === y.length && x.every((key, i) => key === y[i]));
  return sameList(a.keys, b.keys) && sameList(a.edges ?? a.keys, b.edges ?? b.keys);
}

/** A packed vehicle as slots: each trip free within the windows of all its riders. */
function flexOf(vehicle: LoopVehicle, flexRiders: ReadonlyMap<Rider, FlexRider>): FlexVehicle {
  const slots = vehicle.keys.map((key) => ({
    toPlant: keyToPlant(key),
    lo: Number.NEGATIVE_INFINITY,
    hi: Number.POSITIVE_INFINITY,
    members: [] as Member<FlexRider>[],
  }));
  const slotOf = new Map(vehicle.keys.map((key, i) => [key, slots[i] as (typeof slots)[number]]));
  const riders = vehicle.riders.map((rider) => flexRiders.get(rider) as FlexRider);
  for (const flex of riders)
    flex.rider.keys.forEach((key, service) => {
      const slot = slotOf.get(key) as (typeof slots)[number];
      const window = flex.windows[service] as RideWindow;
      slot.lo = Math.max(slot.lo, window.lo);
      slot.hi = Math.min(slot.hi, window.hi);
      slot.members.push({ rider: flex, service });
    });
  return { base: vehicle, packed: slots, slots, riders };
}

/** The vehicle at its slots' times, or undefined if it would break a rule packing keeps. */
function materialise(
  flex: FlexVehicle,
  gaps: GapMinutes,
  rules: ChainRules,
  retimeRules: RetimeRules,
): LoopVehicle | undefined {
  const times = slotTimes(flex.slots, gaps);
  if (times === undefined) return undefined;
  const keysOf = new Map<FlexRider, TripKey[]>();
  const load = new Map<TripKey, number>();
  const keys = flex.slots.map((slot, i) => {
    const key = tripKey((times[i] as number) * MS_PER_MINUTE, slot.toPlant);
    load.set(key, slot.members.length);
    for (const { rider, service } of slot.members) {
      let list = keysOf.get(rider);
      if (list === undefined) {
        list = [...rider.rider.keys];
        keysOf.set(rider, list);
      }
      list[service] = key;
    }
    return key;
  });
  // With no time between trips (zero-minute routes and disinfection) two slots could meet
  // on one minute: one trip key each, in order, or the vehicle is not taken.
  if (keys.some((key, i) => i > 0 && key <= (keys[i - 1] as TripKey))) return undefined;
  // Every run, moved or new, still on a day the vehicle and its driver are available.
  if (chainRuns(keys, withBlocked(rules, flex.base.blocked), false) === undefined) return undefined;
  const riders: Rider[] = [];
  for (const flexRider of flex.riders) {
    const { rider } = flexRider;
    const moved = keysOf.get(flexRider) ?? rider.keys;
    if (!ridesInTurn(rideWindows(moved), retimeRules)) return undefined;
    const same = moved.every((key, i) => key === rider.keys[i]);
    riders.push(
      same
        ? rider
        : {
            personId: rider.personId,
            keys: moved,
            dates: rider.dates,
            edges: rider.edges ?? rider.keys,
          },
    );
  }
  if (assignSeats(riders, flex.base.vehicle.seats).seatless.length > 0) return undefined;
  return { ...flex.base, keys, load, riders };
}

/** Rides a vehicle gives: how much would have to move to empty it. */
function rides(flex: FlexVehicle): number {
  return flex.slots.reduce((sum, slot) => sum + slot.members.length, 0);
}

/** The vehicle as it now runs: as packed if nothing changed, else at its slots' times. */
function current(
  flex: FlexVehicle,
  gaps: GapMinutes,
  rules: ChainRules,
  retimeRules: RetimeRules,
): LoopVehicle | undefined {
  return flex.slots === flex.packed ? flex.base : materialise(flex, gaps, rules, retimeRules);
}

/**
 * Moves every rider of `victim` onto the other vehicles of `fleet`, changing them in place,
 * or leaves them as they were and returns false.
 */
function tryEmpty(
  fleet: readonly FlexVehicle[],
  victim: FlexVehicle,
  gaps: GapMinutes,
  rules: ChainRules,
  retimeRules: RetimeRules,
): boolean {
  const saved = fleet.map((flex) => ({ slots: flex.slots, riders: flex.riders }));
  const restore = () => {
    fleet.forEach((flex, i) => {
      const before = saved[i] as (typeof saved)[number];
      flex.slots = before.slots;
      flex.riders = before.riders;
    });
    return false;
  };
  // The riders with most rides first: they have the fewest places to go.
  const movers = [...victim.riders].sort((a, b) => b.windows.length - a.windows.length);
  for (const mover of movers) {
    const placed = fleet.some((target) => {
      if (target === victim) return false;
      let slots: Slot<FlexRider>[] | undefined = target.slots;
      for (let service = 0; service < mover.windows.length && slots !== undefined; service++)
        slots = withRide(
          slots,
          { rider: mover, service },
          mover.windows[service] as RideWindow,
          target.base.capacity,
          gaps,
        );
      if (slots === undefined) return false;
      target.slots = slots;
      target.riders = [...target.riders, mover];
      return true;
    });
    if (!placed) return restore();
  }
  const changed = fleet.filter((flex, i) => flex !== victim && flex.slots !== saved[i]?.slots);
  if (changed.some((flex) => materialise(flex, gaps, rules, retimeRules) === undefined))
    return restore();
  return true;
}

/**
 * Empties vehicles of a loop while it uses more than `lowerBound`. Returns the vehicles
 * kept (those that changed at their riders' new times) and those no longer needed.
 */
export function consolidate(
  vehicles: readonly LoopVehicle[],
  lowerBound: number,
  rules: ChainRules,
  retimeRules: RetimeRules,
): { kept: LoopVehicle[]; freed: LoopVehicle[] } {
  const unchanged = { kept: [...vehicles], freed: [] };
  if (vehicles.length <= lowerBound) return unchanged;
  const gaps: GapMinutes = {
    toPlant: retimeRules.toPlantMinutes,
    toDormitory: retimeRules.toDormitoryMinutes,
    disinfection: retimeRules.disinfectionMinutes,
  };
  const flexRiders = new Map<Rider, FlexRider>();
  let last: Rider | undefined;
  let lastWindows: RideWindow[] = [];
  for (const vehicle of vehicles)
    for (const rider of vehicle.riders) {
      // A crew's riders sit next to each other and share their windows: work them out once.
      if (last === undefined || !sameRides(last, rider))
        lastWindows = windowsOf(rider, retimeRules);
      last = rider;
      flexRiders.set(rider, { rider, windows: lastWindows });
    }
  const fleet = vehicles.map((vehicle) => flexOf(vehicle, flexRiders));
  if (fleet.some((flex) => slotBounds(flex.slots, gaps) === undefined)) return unchanged;

  let live = fleet;
  let failed = 0;
  while (live.length > lowerBound && failed < MAX_FAILED_ATTEMPTS) {
    let emptied: FlexVehicle | undefined;
    for (const victim of [...live].sort((a, b) => rides(a) - rides(b))) {
      if (tryEmpty(live, victim, gaps, rules, retimeRules)) {
        emptied = victim;
        break;
      }
      if (++failed >= MAX_FAILED_ATTEMPTS) break;
    }
    if (emptied === undefined) break;
    live = live.filter((flex) => flex !== emptied);
  }
  if (live.length === fleet.length) return unchanged;
  const kept: LoopVehicle[] = [];
  for (const flex of live) {
    const vehicle = current(flex, gaps, rules, retimeRules);
    if (vehicle === undefined) return unchanged; // checked in tryEmpty; never expected
    kept.push(vehicle);
  }
  return { kept, freed: fleet.filter((flex) => !live.includes(flex)).map((flex) => flex.base) };
}
