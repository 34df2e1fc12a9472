/**
 * Per-person exposure for the report: how many distinct other people each person shared a
 * vehicle with over the roster — riders and drivers of any trip of any vehicle they rode or
 * drove. Near-linear: the people of each vehicle are counted once, and a person's exposure
 * is the size of the union of their vehicles' sets, worked out once per distinct set of
 * vehicles (under the fixed-person rule nearly everyone has one vehicle, so one lookup).
 */
import type { Trip } from "../../roster/schema.js";
import { compareText } from "../../util/order.js";

/** The exposure figures of a roster. */
export interface Exposure {
  /** People who rode or drove at least one trip. */
  people: number;
  /** Median exposure over them (the mean of the middle two for an even count); 0 when none. */
  median: number;
  /** The largest exposure; 0 when nobody rode. */
  max: number;
  /** Everyone with the largest exposure, sorted by id. */
  atMax: string[];
  /** Each person's exposure: distinct other people on the vehicles they rode or drove. */
  byPerson: ReadonlyMap<string, number>;
}

/**
 * Counts each person's distinct vehicle companions over a roster's trips.
 *
 * @param trips - the roster's trips
 * @returns median, maximum, who has it, and every person's figure
 * @example
 * computeExposure(roster.trips).byPerson.get("secco-0001") //=> 26 (25 riders and the driver of its bus)
 */
export function computeExposure(trips: readonly Trip[]): Exposure {
  const personIndex = new Map<string, number>();
  const personIds: string[] = [];
  const vehicleIndex = new Map<string, number>();
  // Each person's distinct vehicles (a Set beside the list once the list grows long).
  const vehiclesOf: number[][] = [];
  const bigSets = new Map<number, Set<number>>();

  const note = (personId: string, vehicle: number) => {
    let p = personIndex.get(personId);
    if (p === undefined) {
      p = personIds.length;
      personIndex.set(personId, p);
      personIds.push(personId);
      vehiclesOf.push([vehicle]);
      return;
    }
    const list = vehiclesOf[p] as number[];
    if (list[list.length - 1] === vehicle) return;
    if (list.length <= 16) {
      if (list.includes(vehicle)) return;
      list.push(vehicle);
      if (list.length > 16) bigSets.set(p, new Set(list));
      return;
    }
    const set = bigSets.get(p) as Set<number>;
    if (set.has(vehicle)) return;
    set.add(vehicle);
    list.push(vehicle);
  };

  for (const trip of trips) {
    let v = vehicleIndex.get(trip.vehicleId);
    if (v === undefined) {
      v = vehicleIndex.size;
      vehicleIndex.set(trip.vehicleId, v);
    }
    note(trip.driverId, v);
    for (const passenger of trip.passengers) note(passenger.personId, v);
  }

  // The people of each vehicle, grouped by a counting sort over the (person, vehicle) pairs.
  const vehicleCount = vehicleIndex.size;
  const start = new Int32Array(vehicleCount + 1);
  for (const list of vehiclesOf) for (const v of list) start[v + 1] = (start[v + 1] as number) + 1;
  for (let v = 0; v < vehicleCount; v++)
    start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const members = new Int32Array(start[vehicleCount] as number);
  const next = start.slice(0, vehicleCount);
  vehiclesOf.forEach((list, p) => {
    for (const v of list) {
      const at = next[v] as number;
      members[at] = p;
      next[v] = at + 1;
    }
  });

  // The union of a set of vehicles' people, once per distinct set.
  const mark = new Int32Array(personIds.length).fill(-1);
  let stamp = 0;
  const unionOf = new Map<string, number>();
  const exposures = new Int32Array(personIds.length);
  const byPerson = new Map<string, number>();
  vehiclesOf.forEach((list, p) => {
    let size: number;
    if (list.length === 1) {
      const v = list[0] as number;
      size = (start[v + 1] as number) - (start[v] as number);
    } else {
      const key = [...list].sort((a, b) => a - b).join(",");
      const known = unionOf.get(key);
      if (known !== undefined) size = known;
      else {
        size = 0;
        const current = stamp++;
        for (const v of list)
          for (let k = start[v] as number; k < (start[v + 1] as number); k++) {
            const q = members[k] as number;
            if (mark[q] !== current) {
              mark[q] = current;
              size++;
            }
          }
        unionOf.set(key, size);
      }
    }
    exposures[p] = size - 1; // everyone but themselves
    byPerson.set(personIds[p] as string, size - 1);
  });

  const sorted = exposures.slice().sort();
  const n = sorted.length;
  const median =
    n === 0
      ? 0
      : n % 2 === 1
        ? (sorted[(n - 1) / 2] as number)
        : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  const max = n === 0 ? 0 : (sorted[n - 1] as number);
  const atMax = n === 0 ? [] : personIds.filter((_, p) => exposures[p] === max).sort(compareText);
  return { people: n, median, max, atMax, byPerson };
}
