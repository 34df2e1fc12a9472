/**
 * A bounded memo for pure functions of one string or number. Rosters repeat the same dates
 * and instants hundreds of thousands of times; parsing or formatting each once is the
 * difference between milliseconds and seconds. The cache is emptied when it grows past
 * `limit`, so an adversarial input cannot make it grow without bound.
 */
export function memoize<K extends string | number, V>(
  compute: (key: K) => V,
  limit = 100_000,
): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as V;
    if (cache.size >= limit) cache.clear();
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
