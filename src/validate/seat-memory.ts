/**
 * Person ids of boardings turned into indexes without hashing each one. A vehicle carries
 * the same people in the same seats trip after trip (fixed person, fixed seat), so this
 * remembers the last two people who sat in each seat of each vehicle (two, because a seat
 * is often shared by a day and a night worker), and looks an id up in the `IdTable` only
 * when someone else sits down. On a planned district roster that spares most of two
 * million hash lookups, each a likely cache miss.
 */
import type { ScenarioModel } from "../scenario/model.js";
import type { IdTable } from "./id-table.js";

/** Where the driver sits: passengers' seats are numbered from 1. */
export const DRIVER_SEAT = 0;

export class SeatMemory {
  /** Where each scenario vehicle's seats begin in the arrays below (seat s at base + s). */
  private readonly base = new Map<string, { base: number; seats: number }>();
  private readonly occupantId: (string | undefined)[];
  private readonly occupant: Int32Array;
  private readonly previousId: (string | undefined)[];
  private readonly previous: Int32Array;

  constructor(
    model: ScenarioModel,
    private readonly people: IdTable,
  ) {
    let next = 0;
    for (const vehicle of model.scenario.vehicles) {
      this.base.set(vehicle.id, { base: next, seats: vehicle.seats });
      next += vehicle.seats + 1;
    }
    this.occupantId = new Array<string | undefined>(next);
    this.occupant = new Int32Array(next);
    this.previousId = new Array<string | undefined>(next);
    this.previous = new Int32Array(next);
  }

  /** The seats of a vehicle, to pass to `personIndex` for each of its trip's passengers. */
  seatsOf(vehicleId: string): { base: number; seats: number } | undefined {
    return this.base.get(vehicleId);
  }

  /** The index of `personId`, sitting in `seat` of a vehicle with `seats` (from `seatsOf`). */
  personIndex(
    vehicle: { base: number; seats: number } | undefined,
    seat: number,
    personId: string,
  ): number {
    if (vehicle === undefined || seat < DRIVER_SEAT || seat > vehicle.seats)
      return this.people.indexOf(personId);
    const slot = vehicle.base + seat;
    if (this.occupantId[slot] === personId) return this.occupant[slot] as number;
    if (this.previousId[slot] === personId) return this.previous[slot] as number;
    const index = this.people.indexOf(personId);
    this.previousId[slot] = this.occupantId[slot];
    this.previous[slot] = this.occupant[slot] as number;
    this.occupantId[slot] = personId;
    this.occupant[slot] = index;
    return index;
  }
}
