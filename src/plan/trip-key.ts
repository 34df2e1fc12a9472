/**
 * A planned trip's identity as one number: its departure minute and its direction
 * (`minute * 2`, `+1` home). Sorting keys sorts trips by departure; a rider's pattern is a
 * sorted list of keys; two riders share a trip exactly when they share a key.
 */

const MS_PER_MINUTE = 60_000;

export type TripKey = number;

export function tripKey(departMs: number, toPlant: boolean): TripKey {
  return Math.round(departMs / MS_PER_MINUTE) * 2 + (toPlant ? 0 : 1);
}

export function keyDepart(key: TripKey): number {
  return Math.floor(key / 2) * MS_PER_MINUTE;
}

export function keyToPlant(key: TripKey): boolean {
  return key % 2 === 0;
}
