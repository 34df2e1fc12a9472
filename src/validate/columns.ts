/**
 * Columns for the validator's two big tables, boardings and tests: millions of numbers at
 * district scale. They are plain arrays on the JS heap, not typed arrays, on purpose: V8
 * runs a full collection of the whole heap (the caller's roster included: ~0.3 s at 100k
 * staff, more than all the rules) whenever typed-array memory grows 64 MB past its level at
 * the last collection, and these columns alone would cross it. A plain array also holds any
 * number exactly, so a seat beyond 32 bits needs no wider fallback.
 */

/** `length` whole numbers, all 0 (a small-integer array, 8 bytes per entry). */
export function integerColumn(length: number): number[] {
  return new Array<number>(length).fill(0);
}

/** `length` numbers, all NaN (an unboxed double array, 8 bytes per entry). */
export function numberColumn(length: number): number[] {
  return new Array<number>(length).fill(Number.NaN);
}
