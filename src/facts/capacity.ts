/** Usable seats (SPEC §4): `floor(seats * loadFactor)`; the driver does not count. */

/**
 * The number of passengers a vehicle may carry under the load factor.
 *
 * @example
 * vehicleCapacity(45, 0.5) //=> 22
 */
export function vehicleCapacity(seats: number, loadFactor: number): number {
  // The epsilon keeps 0.29 * 100 = 28.999999999999996 from losing a seat to rounding.
  return Math.floor(seats * loadFactor + 1e-9);
}
