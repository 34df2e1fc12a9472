/**
 * Seeded draws for the synthetic scenario generator: independent mulberry32 streams, one per
 * part of the scenario (roads, enterprises, workers, fleet, coordinates), so that a change in how one part
 * is drawn does not reshuffle the others. No `Math.random`, no clock, no host time zone.
 */
import { type SeededRandom, seededRandom } from "../util/seeded-random.js";

/** A seeded stream with the draws the generator needs. */
export interface Draws extends SeededRandom {
  /** An integer in `[min, max]` (both included). */
  between(min: number, max: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** `count` distinct indexes of `[0, n)`, in draw order (a partial Fisher–Yates shuffle). */
  sample(n: number, count: number): number[];
}

/** Stream labels: one per part of the scenario. */
export const STREAMS = {
  roads: 1,
  enterprises: 2,
  sites: 3,
  workers: 4,
  fleet: 5,
  cases: 6,
  layout: 7,
  /** Drawn last and apart from the rest: coordinates leave every other part as it was. */
  coordinates: 8,
} as const;

/**
 * Folds a seed (any safe integer, negative included) and a stream label into 32 bits:
 * both halves of the seed count, so seeds 2^32 apart still differ.
 */
function mixSeed(seed: number, stream: number): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  let h = Math.imul(low ^ 0x85ebca6b, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ high, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13) ^ Math.imul(stream, 0x27d4eb2f), 0x165667b1);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The seeded stream `stream` of `seed`. */
export function draws(seed: number, stream: number): Draws {
  const random = seededRandom(mixSeed(seed, stream));
  return {
    ...random,
    between: (min, max) => min + random.below(max - min + 1),
    chance: (p) => random.next() < p,
    sample(n, count) {
      const take = Math.min(n, Math.max(0, count));
      const order = Array.from({ length: n }, (_, index) => index);
      for (let i = 0; i < take; i++) {
        const j = i + random.below(n - i);
        const swap = order[i] as number;
        order[i] = order[j] as number;
        order[j] = swap;
      }
      return order.slice(0, take);
    },
  };
}

/**
 * `total` split into shares proportional to `weights` (all equal when no weight is positive),
 * summing exactly to `total`: floors first, the rest one by one to the largest remainders.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const exact = weights.map((weight) =>
    sum > 0 ? (weight / sum) * total : total / weights.length,
  );
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((acc, share) => acc + share, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const index = (order[k] as { index: number }).index;
    shares[index] = (shares[index] as number) + 1;
  }
  return shares;
}
