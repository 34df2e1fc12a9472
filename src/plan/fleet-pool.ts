/**
 * The scenario's vehicles and drivers, handed out to loops. A loop takes the most
 * restricted vehicle it may use first (a vehicle reserved for it is useless elsewhere),
 * and among those the smallest that carries everyone still waiting; when none there does,
 * the smallest that does from a less restricted bucket, else the largest anywhere. That
 * saves vehicles, but can take another loop's only vehicle while reserved ones stay idle:
 * a pool made with `passOverReserved: false` keeps each loop to its most restricted bucket
 * while it has vehicles (the planner falls back to it when the first plan strands anyone).
 * A vehicle goes out only with a driver who lives in the loop's dormitory.
 *
 * Unavailability (blocked-days.ts): a vehicle and its driver are handed out together, and
 * only as a pair that can run the trips asked for on the days both are available — the
 * first vehicle in the order above for which some driver, in the usual order, makes such a
 * pair. The pair's blocked days go with it, so that nobody boards it on those days later.
 */
import { vehicleCapacity } from "../facts/capacity.js";
import type { Loop } from "../facts/loops.js";
import type { ScenarioModel } from "../scenario/model.js";
import type { Policy, Staff, Vehicle } from "../scenario/schema.js";
import { getOrCreate } from "../util/collections.js";
import { compareText } from "../util/order.js";
import { type Blocks, blocksOf, type DayBlock } from "./blocked-days.js";

export interface Allocation {
  vehicle: Vehicle;
  capacity: number;
  driverId: string;
  /** The days the vehicle may not run with this driver; absent when there are none. */
  blocked?: DayBlock;
}

type Entry = { vehicle: Vehicle; capacity: number };
type Bucket = Entry[];

/** A driver for a vehicle: their place in the dormitory's list, and the pair's blocked days. */
type DriverChoice = { index: number; blocked: DayBlock | undefined };

/** A restriction bucket's key; JSON keeps ids with any characters apart. */
function bucketKey(enterpriseId: string | undefined, dormitoryId: string | undefined): string {
  return JSON.stringify([enterpriseId ?? null, dormitoryId ?? null]);
}

/** The restriction buckets a loop may draw from, most restricted first. */
function bucketKeysFor(loop: Loop): string[] {
  const { enterpriseId, dormitoryId } = loop;
  return enterpriseId === "*"
    ? [bucketKey(undefined, dormitoryId), bucketKey(undefined, undefined)]
    : [
        bucketKey(enterpriseId, dormitoryId),
        bucketKey(enterpriseId, undefined),
        bucketKey(undefined, dormitoryId),
        bucketKey(undefined, undefined),
      ];
}

export class FleetPool {
  private constructor(
    /** Vehicles by restriction (see `bucketKey`), each by capacity, then id. */
    private readonly buckets: Map<string, Bucket>,
    /** Unassigned drivers per dormitory, sorted by id. */
    private readonly drivers: Map<string, Staff[]>,
    /** The scenario's policy (packing reads the trip windows from it). */
    readonly policy: Policy,
    /** Whether a loop may pass over its reserved vehicles for a larger shared one. */
    private readonly passOverReserved: boolean,
    /**
     * Every driver of the scenario by id, so that one given back returns to their
     * dormitory whichever pool or fork lent them, in a pool or fork that holds that
     * dormitory (shared: it never changes).
     */
    private readonly driverById: ReadonlyMap<string, Staff>,
    /** The blocked days of vehicles and drivers; undefined when nothing is ever blocked. */
    private readonly blocks: Blocks | undefined,
  ) {}

  /** Every vehicle of the scenario that can carry anyone, and every driver. */
  static of(model: ScenarioModel, { passOverReserved = true } = {}): FleetPool {
    const buckets = new Map<string, Bucket>();
    const drivers = new Map<string, Staff[]>();
    const loadFactor = model.scenario.policy.loadFactor;
    for (const vehicle of model.scenario.vehicles) {
      const capacity = vehicleCapacity(vehicle.seats, loadFactor);
      if (capacity === 0) continue;
      const key = bucketKey(vehicle.enterpriseId, vehicle.dormitoryId);
      const bucket = buckets.get(key) ?? [];
      bucket.push({ vehicle, capacity });
      buckets.set(key, bucket);
    }
    for (const bucket of buckets.values()) {
      bucket.sort((a, b) => a.capacity - b.capacity || compareText(a.vehicle.id, b.vehicle.id));
    }
    for (const person of model.scenario.staff) {
      if (person.role !== "driver") continue;
      const list = drivers.get(person.dormitoryId) ?? [];
      list.push(person);
      drivers.set(person.dormitoryId, list);
    }
    for (const list of drivers.values()) list.sort((a, b) => compareText(a.id, b.id));
    const driverById = new Map([...drivers.values()].flat().map((driver) => [driver.id, driver]));
    return new FleetPool(
      buckets,
      drivers,
      model.scenario.policy,
      passOverReserved,
      driverById,
      blocksOf(model),
    );
  }

  /** A copy of just what `loop` may draw on, for a trial packing that may be thrown away. */
  fork(loop: Loop): FleetPool {
    const buckets = new Map<string, Bucket>();
    for (const key of bucketKeysFor(loop)) buckets.set(key, [...(this.buckets.get(key) ?? [])]);
    const drivers = new Map([[loop.dormitoryId, [...(this.drivers.get(loop.dormitoryId) ?? [])]]]);
    return new FleetPool(
      buckets,
      drivers,
      this.policy,
      this.passOverReserved,
      this.driverById,
      this.blocks,
    );
  }

  /** Takes over what a fork of `loop` has left, after the trial that used it was chosen. */
  adopt(fork: FleetPool, loop: Loop): void {
    for (const key of bucketKeysFor(loop)) this.buckets.set(key, fork.buckets.get(key) ?? []);
    this.drivers.set(loop.dormitoryId, fork.drivers.get(loop.dormitoryId) ?? []);
  }

  /** Gives back a vehicle and its driver that a loop took but no longer needs. */
  release(allocation: Allocation): void {
    const { vehicle, capacity, driverId } = allocation;
    const key = bucketKey(vehicle.enterpriseId, vehicle.dormitoryId);
    const bucket = this.buckets.get(key) ?? [];
    if (!bucket.some((entry) => entry.vehicle.id === vehicle.id)) {
      // Not given back already: a vehicle is in its bucket at most once.
      bucket.push({ vehicle, capacity });
      bucket.sort((a, b) => a.capacity - b.capacity || compareText(a.vehicle.id, b.vehicle.id));
      this.buckets.set(key, bucket);
    }
    const driver = this.driverById.get(driverId);
    if (driver === undefined) return;
    const drivers = this.drivers.get(driver.dormitoryId) ?? [];
    if (drivers.some((free) => free.id === driverId)) return; // given back already
    drivers.push(driver);
    drivers.sort((a, b) => compareText(a.id, b.id));
    this.drivers.set(driver.dormitoryId, drivers);
  }

  /**
   * A vehicle and a driver for `loop`, or the reason there is none (no vehicle comes first).
   * `waiting`: riders still to place; see `pickVehicle` for which vehicle that gives.
   * `canRun`: whether a vehicle blocked on some days can still run the trips asked for
   * (asked only of pairs with blocked days; absent, any pair will do).
   */
  acquire(
    loop: Loop,
    waiting: number,
    canRun?: ((blocked: DayBlock) => boolean) | undefined,
  ): Allocation | { reason: "no-vehicle" | "no-driver" } {
    let buckets = bucketKeysFor(loop)
      .map((key) => this.buckets.get(key))
      .filter((found): found is Bucket => found !== undefined && found.length > 0);
    if (buckets.length === 0) return { reason: "no-vehicle" };
    const drivers = this.drivers.get(loop.dormitoryId) ?? [];
    if (drivers.length === 0) return { reason: "no-driver" };
    // Each blocked-days function is asked once per call (a vehicle's own days serve every
    // driver without a period; a pair's are a vehicle's with more).
    const answers = new Map<DayBlock, boolean>();
    const runs =
      canRun === undefined
        ? undefined
        : (blocked: DayBlock) => getOrCreate(answers, blocked, () => canRun(blocked));
    const choices = new Map<Entry, DriverChoice | undefined>();
    const driverOf = (entry: Entry) => {
      if (!choices.has(entry)) choices.set(entry, this.driverFor(loop, drivers, entry, runs));
      return choices.get(entry);
    };
    const usable =
      this.blocks === undefined ? () => true : (entry: Entry) => driverOf(entry) !== undefined;
    if (this.blocks !== undefined) {
      // Only buckets with a vehicle that can run the trips with some driver count.
      buckets = buckets.filter((bucket) => bucket.some(usable));
      if (buckets.length === 0) return { reason: this.whyNoPair(loop, canRun) };
    }
    const { bucket, index } = pickVehicle(
      this.passOverReserved ? buckets : buckets.slice(0, 1),
      waiting,
      usable,
    );
    const choice = driverOf(bucket[index] as Entry) as DriverChoice;
    const [taken] = bucket.splice(index, 1);
    const [driver] = drivers.splice(choice.index, 1);
    const { vehicle, capacity } = taken as Entry;
    const allocation: Allocation = { vehicle, capacity, driverId: (driver as Staff).id };
    if (choice.blocked !== undefined) allocation.blocked = choice.blocked;
    return allocation;
  }

  /**
   * The driver a vehicle goes out with: one of the loop's own enterprise where possible, any
   * driver living in the dormitory otherwise, each in id order; with blocked days, the first
   * with whom the vehicle can run the trips. Undefined when there is none.
   */
  private driverFor(
    loop: Loop,
    drivers: readonly Staff[],
    entry: Entry,
    canRun: ((blocked: DayBlock) => boolean) | undefined,
  ): DriverChoice | undefined {
    // A vehicle that cannot run the trips on its own days cannot with any driver.
    const vehicleOut = this.blocks?.vehicle(entry.vehicle.id);
    if (vehicleOut !== undefined && canRun !== undefined && !canRun(vehicleOut)) return undefined;
    for (const own of [true, false])
      for (const [index, driver] of drivers.entries()) {
        if ((driver.enterpriseId === loop.enterpriseId) !== own) continue;
        const blocked = this.blocks?.pair(entry.vehicle.id, driver.id);
        if (blocked === undefined || canRun === undefined || canRun(blocked))
          return { index, blocked };
      }
    return undefined;
  }

  /** Why no pair can run the trips: no vehicle can on its own days, or no driver with one. */
  private whyNoPair(
    loop: Loop,
    canRun: ((blocked: DayBlock) => boolean) | undefined,
  ): "no-vehicle" | "no-driver" {
    const vehicleCan = (entry: Entry) => {
      const blocked = this.blocks?.vehicle(entry.vehicle.id);
      return blocked === undefined || canRun === undefined || canRun(blocked);
    };
    const anyVehicle = bucketKeysFor(loop).some((key) =>
      (this.buckets.get(key) ?? []).some(vehicleCan),
    );
    return anyVehicle ? "no-driver" : "no-vehicle";
  }
}

/**
 * Which vehicle to take from the buckets a loop may use (most restricted first, each sorted
 * by capacity), among the usable ones: the smallest in the most restricted bucket that
 * carries everyone waiting; failing that, the smallest in any bucket that does (a reserved
 * vehicle too small for the loop only adds a vehicle); failing that, the largest anywhere.
 * Ties go to the more restricted bucket. The first bucket has a usable vehicle.
 */
function pickVehicle(
  buckets: readonly Bucket[],
  waiting: number,
  usable: (entry: Entry) => boolean,
): { bucket: Bucket; index: number } {
  const carries = (entry: Entry) => entry.capacity >= waiting && usable(entry);
  const first = buckets[0] as Bucket;
  const fits = first.findIndex(carries);
  if (fits !== -1) return { bucket: first, index: fits };
  let best: { bucket: Bucket; index: number; capacity: number } | undefined;
  for (const bucket of buckets) {
    const index = bucket.findIndex(carries);
    const capacity = bucket[index]?.capacity;
    if (capacity !== undefined && (best === undefined || capacity < best.capacity))
      best = { bucket, index, capacity };
  }
  if (best !== undefined) return best;
  for (const bucket of buckets) {
    const index = bucket.findLastIndex(usable);
    const capacity = bucket[index]?.capacity;
    if (capacity !== undefined && (best === undefined || capacity > best.capacity))
      best = { bucket, index, capacity };
  }
  return best as { bucket: Bucket; index: number };
}

/** Whether a vehicle's restrictions let it serve a loop (a mixed loop takes unreserved vehicles). */
export function mayServe(vehicle: Vehicle, loop: Loop): boolean {
  if (vehicle.enterpriseId !== undefined && vehicle.enterpriseId !== loop.enterpriseId)
    return false;
  return vehicle.dormitoryId === undefined || vehicle.dormitoryId === loop.dormitoryId;
}

/** The largest capacity of any vehicle in the scenario a loop may use (for the lower bound). */
export function largestCapacityFor(model: ScenarioModel, loop: Loop): number {
  let largest = 0;
  for (const vehicle of model.scenario.vehicles) {
    if (mayServe(vehicle, loop))
      largest = Math.max(largest, vehicleCapacity(vehicle.seats, model.scenario.policy.loadFactor));
  }
  return largest;
}
