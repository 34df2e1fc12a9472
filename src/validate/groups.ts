/**
 * Items grouped by a small integer key, as two flat arrays: the items of key k are
 * `items[start[k] .. start[k + 1])`. Millions of boardings grouped by person this way take
 * two typed arrays instead of an array object per person.
 */
export interface Groups {
  start: Int32Array;
  items: Int32Array;
}

/**
 * Groups `items[j]` (or `j` itself, without `items`) under `keys[j]` (each key < keyCount),
 * keeping their order within a key: a counting sort, two passes, no comparisons.
 */
export function groupByKey(
  keys: ArrayLike<number>,
  keyCount: number,
  items?: ArrayLike<number>,
): Groups {
  const start = new Int32Array(keyCount + 1);
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j] as number;
    start[key + 1] = (start[key + 1] as number) + 1;
  }
  for (let key = 0; key < keyCount; key++)
    start[key + 1] = (start[key + 1] as number) + (start[key] as number);
  const next = start.slice(0, keyCount);
  const grouped = new Int32Array(keys.length);
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j] as number;
    grouped[next[key] as number] = items === undefined ? j : (items[j] as number);
    next[key] = (next[key] as number) + 1;
  }
  return { start, items: grouped };
}

/** The items of one key, as a view (no copy). */
export function groupOf(groups: Groups, key: number): Int32Array {
  return groups.items.subarray(groups.start[key], groups.start[key + 1]);
}
