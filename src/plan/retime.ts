/**
 * Retiming: the other times at which a pattern's trips may run. Demand puts every trip at
 * the edge of its window (to the plant arriving as late as allowed, home leaving as early
 * as allowed). A rider may as well ride in up to `maxWait − arriveBefore` minutes earlier and
 * home up to `maxWait − departAfter` minutes later. Shifting by a whole vehicle cycle
 * g = to-plant + to-dormitory + 2 × disinfection lets one vehicle carry a second load of the
 * same shift (it brings the early load, goes back, brings the edge load); shifting to the far
 * edge of the window lets it, for example, bring a morning crew early and still take the
 * night crew home.
 *
 * A retiming moves all of a rider's rides in by one offset and all rides home by another, so
 * a rider keeps one vehicle and one seat. It is offered only when the rider's rides still
 * come in turn without overlapping, and no ride in leaves on another local day than before
 * (eligibility and availability are judged on that day): the checks of ride-turns.ts, on
 * the moved rides and on the span each ride in moved over.
 */
import type { ZoneClock } from "../time/zone-clock.js";
import { ridesInKeepTheirDay, ridesInTurn, rideWindows } from "./ride-turns.js";
import { keyDepart, keyToPlant, type TripKey, tripKey } from "./trip-key.js";

const MS_PER_MINUTE = 60_000;

export interface RetimeRules {
  toPlantMinutes: number;
  toDormitoryMinutes: number;
  disinfectionMinutes: number;
  /** How much earlier a ride in may arrive than the edge (maxWait − arriveBefore). */
  earlierInMinutes: number;
  /** How much later a ride home may leave than the edge (maxWait − departAfter). */
  laterHomeMinutes: number;
  clock: ZoneClock;
}

/**
 * At most this many whole-cycle shifts per direction: a second or third load per window
 * is what saves vehicles, and a policy with very short roads and long waits would
 * otherwise offer thousands of timings per pattern (W/g squared).
 */
const MAX_CYCLE_SHIFTS = 4;

/** 0, g, 2g, … (at most `MAX_CYCLE_SHIFTS` of them) up to `window`, and `window` itself. */
function offsets(window: number, cycle: number): number[] {
  const out = [0];
  if (window <= 0) return out;
  if (cycle > 0) {
    for (let k = 1; k <= MAX_CYCLE_SHIFTS && k * cycle <= window; k++) out.push(k * cycle);
  }
  if (out[out.length - 1] !== window) out.push(window);
  return out;
}

/** The keys moved: rides in `inEarlier` minutes earlier, rides home `homeLater` later; sorted. */
function shifted(keys: readonly TripKey[], inEarlier: number, homeLater: number): TripKey[] {
  return keys
    .map((key) => {
      const toPlant = keyToPlant(key);
      const minutes = toPlant ? -inEarlier : homeLater;
      return tripKey(keyDepart(key) + minutes * MS_PER_MINUTE, toPlant);
    })
    .sort((a, b) => a - b);
}

/**
 * The ways to run a pattern (sorted keys, rides in and home in turn): the pattern itself
 * first, then each allowed retiming, smallest total shift first.
 */
export function retimings(keys: readonly TripKey[], rules: RetimeRules): TripKey[][] {
  const cycle = rules.toPlantMinutes + rules.toDormitoryMinutes + 2 * rules.disinfectionMinutes;
  const pairs: [number, number][] = [];
  for (const inEarlier of offsets(rules.earlierInMinutes, cycle))
    for (const homeLater of offsets(rules.laterHomeMinutes, cycle))
      pairs.push([inEarlier, homeLater]);
  pairs.sort((a, b) => a[0] + a[1] - (b[0] + b[1]) || a[0] - b[0]);
  const out: TripKey[][] = [[...keys]];
  for (const [inEarlier, homeLater] of pairs) {
    if (inEarlier === 0 && homeLater === 0) continue;
    const moved = shifted(keys, inEarlier, homeLater);
    if (
      ridesInTurn(rideWindows(moved), rules) &&
      // Each ride in moved over [new minute, edge]: that span must lie on one day.
      ridesInKeepTheirDay(rideWindows(keys, inEarlier, homeLater), rules.clock)
    )
      out.push(moved);
  }
  return out;
}
