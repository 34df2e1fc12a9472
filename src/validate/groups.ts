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
 * Groups the `(key, item)` pairs that `pairs` visits, keeping their order within a key.
 * `pairs` runs twice (once to count, once to fill) and must visit the same pairs both times.
 */
export function groupPairs(
  keyCount: number,
  pairs: (visit: (key: number, item: number) => void) => void,
): Groups {
  const start = new Int32Array(keyCount + 1);
  pairs((key) => {
    start[key + 1] = (start[key + 1] as number) + 1;
  });
  for (let key = 0; key < keyCount; key++)
    start[key + 1] = (start[key + 1] as number) + (start[key] as number);
  const next = start.slice(0, keyCount);
  const items = new Int32Array(start[keyCount] as number);
  pairs((key, item) => {
    items[next[key] as number] = item;
    next[key] = (next[key] as number) + 1;
  });
  return { start, items };
}

/** The items of one key, as a view (no copy). */
export function groupOf(groups: Groups, key: number): Int32Array {
  return groups.items.subarray(groups.start[key], groups.start[key + 1]);
}
