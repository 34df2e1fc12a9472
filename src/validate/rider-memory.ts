/**
 * Person ids of boardings turned into indexes cheaply. A vehicle carries the same few dozen
 * people trip after trip (fixed person), so each vehicle keeps a small table of the ids it
 * has carried: a lookup there stays in cache, where a lookup among a district's hundred
 * thousand ids is a likely cache miss. Each person is looked up in the `IdTable` once per
 * vehicle they ride (or drive).
 */
import type { IdTable } from "./id-table.js";

export type Riders = Map<string, number>;

/** The most ids one vehicle's table keeps (a few dozen is usual: its fixed riders). */
const RIDERS_KEPT = 4096;

export class RiderMemory {
  private readonly byVehicle = new Map<string, Riders>();

  constructor(private readonly people: IdTable) {}

  /** The table of one vehicle, to pass to `personIndex` for each person on its trip. */
  ridersOf(vehicleId: string): Riders {
    let riders = this.byVehicle.get(vehicleId);
    if (riders === undefined) {
      riders = new Map();
      this.byVehicle.set(vehicleId, riders);
    }
    return riders;
  }

  /**
   * The index of `personId`, riding or driving the vehicle whose table `riders` is. A table
   * stops growing at `RIDERS_KEPT` ids: a vehicle that carries more people than that (only
   * an adversarial roster's does) has its other riders looked up in the `IdTable` alone.
   */
  personIndex(riders: Riders, personId: string): number {
    let index = riders.get(personId);
    if (index === undefined) {
      index = this.people.indexOf(personId);
      if (riders.size < RIDERS_KEPT) riders.set(personId, index);
    }
    return index;
  }
}
