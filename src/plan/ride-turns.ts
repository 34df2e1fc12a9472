/**
 * The two checks every move of a rider's rides must pass, in one place: retiming
 * (retime.ts) moves a whole pattern by one offset per direction, consolidation
 * (consolidate.ts) frees each ride inside its window, and both ask the same questions of
 * the result. Do the rides come in turn (in, home, in, …, each leaving once the last has
 * arrived)? Does each ride in stay on the local day it had (eligibility and availability
 * are judged on the day a ride in leaves)? A ride is a window of departure minutes; a ride
 * at a known minute is a window of that one minute (`rideWindows`).
 *
 * Days are local days of real instants (`ZoneClock.dayOf`), so a window over a DST change
 * is judged by the days its real ends fall on, never by wall-clock arithmetic.
 */
import type { ZoneClock } from "../time/zone-clock.js";
import type { RideWindow } from "./flex-chain.js";
import { keyDepart, keyToPlant, type TripKey } from "./trip-key.js";

const MS_PER_MINUTE = 60_000;

/** The minutes a ride takes each way. */
export interface RideLegs {
  toPlantMinutes: number;
  toDormitoryMinutes: number;
}

/**
 * The windows of rides at these trip keys when a ride in may leave up to `inEarlier`
 * minutes earlier and a ride home up to `homeLater` minutes later (both 0: windows of one
 * minute, the rides where they are).
 */
export function rideWindows(keys: readonly TripKey[], inEarlier = 0, homeLater = 0): RideWindow[] {
  return keys.map((key) => {
    const toPlant = keyToPlant(key);
    const minute = keyDepart(key) / MS_PER_MINUTE;
    return toPlant
      ? { toPlant, lo: minute - inEarlier, hi: minute }
      : { toPlant, lo: minute, hi: minute + homeLater };
  });
}

/**
 * Whether a rider can take these rides wherever in their windows each runs: in and home
 * in turn, starting with a ride in, each leaving no earlier than the one before arrives
 * when that one leaves as late as its window allows.
 *
 * @example
 * ridesInTurn([{ toPlant: true, lo: 0, hi: 30 }, { toPlant: false, lo: 40, hi: 40 }],
 *   { toPlantMinutes: 10, toDormitoryMinutes: 10 }) //=> true (30 + 10 ≤ 40)
 */
export function ridesInTurn(windows: readonly RideWindow[], legs: RideLegs): boolean {
  let lastArrive = Number.NEGATIVE_INFINITY;
  let expectToPlant = true;
  for (const window of windows) {
    if (window.toPlant !== expectToPlant || window.lo < lastArrive) return false;
    lastArrive = window.hi + (window.toPlant ? legs.toPlantMinutes : legs.toDormitoryMinutes);
    expectToPlant = !window.toPlant;
  }
  return true;
}

/**
 * Whether the window of every ride in lies within one local day, so that wherever in it the
 * ride leaves, it leaves on the day of its edge (a ride in whose window runs from 23:30 to
 * 00:20 does not). Rides home may cross midnight.
 */
export function ridesInKeepTheirDay(windows: readonly RideWindow[], clock: ZoneClock): boolean {
  return windows.every(
    (window) =>
      !window.toPlant ||
      clock.dayOf(window.lo * MS_PER_MINUTE) === clock.dayOf(window.hi * MS_PER_MINUTE),
  );
}
