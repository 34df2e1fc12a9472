/**
 * A tiny seeded pseudo-random number generator, so that generated scenarios (the built-in
 * Jinshan one, the synthetic districts) and the planner's trial orders come out the same on
 * every call and every platform.
 *
 * [Reference]: mulberry32, T. Ettinger (public domain), a 32-bit generator with a full
 * 2^32 period; plenty for generating scenarios, not for anything cryptographic.
 */

/** A generator of floats in [0, 1), with helpers; the same seed gives the same sequence. */
export interface SeededRandom {
  /** The next float in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  below(bound: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32 seeded with `seed` (taken modulo 2^32).
 *
 * @example
 * const random = seededRandom(2022);
 * random.below(10) === seededRandom(2022).below(10) //=> true
 */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (bound: number): number => Math.floor(next() * bound);
  return {
    next,
    below,
    pick<T>(items: readonly T[]): T {
      const item = items[below(items.length)];
      if (item === undefined) throw new RangeError("pick from an empty list");
      return item;
    },
  };
}
