/**
 * A vehicle's day as a chain: its passenger trips in time order, with an empty run along
 * the fixed route wherever the vehicle is at the wrong end, disinfection after every trip,
 * and the driver's daily limit, and no run on a day the vehicle or its driver is out
 * (blocked-days.ts). `chainRuns` returns the runs, or `undefined` when the trips cannot be
 * chained. The vehicle starts at its loop's dormitory.
 */
import type { ZoneClock } from "../time/zone-clock.js";
import type { DayBlock } from "./blocked-days.js";
import { keyDepart, keyToPlant, type TripKey } from "./trip-key.js";

const MS_PER_MINUTE = 60_000;

export interface ChainRules {
  toPlantMs: number;
  toDormitoryMs: number;
  disinfectionMs: number;
  maxDriverMinutesPerDay: number;
  clock: ZoneClock;
  /** The local days on which this vehicle may not run (absent: none). */
  blocked?: DayBlock | undefined;
}

/** Rules with blocked days, one object per (rules, blocked days): asked for at every check. */
const rulesWithBlocked = new WeakMap<ChainRules, WeakMap<DayBlock, ChainRules>>();

/** The rules for a vehicle with these blocked days (the rules themselves when none). */
export function withBlocked(rules: ChainRules, blocked: DayBlock | undefined): ChainRules {
  if (blocked === undefined) return rules;
  let byBlock = rulesWithBlocked.get(rules);
  if (byBlock === undefined) {
    byBlock = new WeakMap();
    rulesWithBlocked.set(rules, byBlock);
  }
  let out = byBlock.get(blocked);
  if (out === undefined) {
    out = { ...rules, blocked };
    byBlock.set(blocked, out);
  }
  return out;
}

/** One run of a vehicle: a passenger trip (with its key) or an empty run. */
export interface Run {
  key: TripKey | null;
  toPlant: boolean;
  depart: number;
  arrive: number;
}

/**
 * The runs that carry out `keys` (sorted ascending), or `undefined` if they do not chain.
 * With `collect` false only feasibility is computed (no allocation per run).
 */
export function chainRuns(
  keys: readonly TripKey[],
  rules: ChainRules,
  collect = true,
): Run[] | undefined {
  const runs: Run[] = [];
  // Runs come in time order, so their local days never go back: one running total will do.
  let day = Number.NEGATIVE_INFINITY;
  let minutesToday = 0;
  const drive = (depart: number, duration: number): boolean => {
    const departDay = rules.clock.dayOf(depart);
    if (departDay !== day) {
      day = departDay;
      minutesToday = 0;
      if (rules.blocked?.(day) === true) return false;
    }
    minutesToday += duration / MS_PER_MINUTE;
    return minutesToday <= rules.maxDriverMinutesPerDay;
  };
  let atPlant = false;
  let lastArrive = Number.NEGATIVE_INFINITY;
  for (const key of keys) {
    const toPlant = keyToPlant(key);
    const depart = keyDepart(key);
    if (atPlant === toPlant) {
      // The vehicle is at the wrong end: run empty along the fixed route first.
      const duration = atPlant ? rules.toDormitoryMs : rules.toPlantMs;
      const emptyDepart =
        lastArrive === Number.NEGATIVE_INFINITY
          ? depart - rules.disinfectionMs - duration
          : lastArrive + rules.disinfectionMs;
      if (emptyDepart + duration + rules.disinfectionMs > depart) return undefined;
      if (!drive(emptyDepart, duration)) return undefined;
      if (collect)
        runs.push({
          key: null,
          toPlant: !atPlant,
          depart: emptyDepart,
          arrive: emptyDepart + duration,
        });
      lastArrive = emptyDepart + duration;
      atPlant = !atPlant;
    }
    if (depart < lastArrive + rules.disinfectionMs) return undefined;
    const duration = toPlant ? rules.toPlantMs : rules.toDormitoryMs;
    if (!drive(depart, duration)) return undefined;
    if (collect) runs.push({ key, toPlant, depart, arrive: depart + duration });
    lastArrive = depart + duration;
    atPlant = toPlant;
  }
  return runs;
}

/** The sorted union of two sorted key lists. */
export function mergeKeys(a: readonly TripKey[], b: readonly TripKey[]): TripKey[] {
  const out: TripKey[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) {
      out.push(x as number);
      i++;
    } else if (x === undefined || y < x) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  return out;
}
