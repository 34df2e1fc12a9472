/**
 * Person ids of boardings turned into indexes cheaply. A vehicle carries the same few dozen
 * people trip after trip (fixed person), so each vehicle keeps a small table of the ids it
 * has carried: a lookup there stays in cache, where a lookup among a district's hundred
 * thousand ids is a likely cache miss. Each person is looked up in the `IdTable` once per
 * vehicle they ride (or drive).
 */
import type { IdTable } from "./id-table.js";

export type Riders = Map<string, number>;

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

  /** The index of `personId`, riding or driving the vehicle whose table `riders` is. */
  personIndex(riders: Riders, personId: string): number {
    let index = riders.get(personId);
    if (index === undefined) {
      index = this.people.indexOf(personId);
      riders.set(personId, index);
    }
    return index;
  }
}
