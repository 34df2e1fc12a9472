/**
 * The boardings `fixed-testing` checks for one person: the trips they ride and the trips
 * they drive, in departure order, each trip once. Nearly everyone only rides or only drives,
 * and their trips are a range of the context's groups as they stand; a driver who also rides
 * (rare) gets the two merged into an array of their own.
 */
import type { Groups } from "../groups.js";

/** Trips `items[from .. to)`, in departure order. */
export interface TripRange {
  items: Int32Array;
  from: number;
  to: number;
}

/**
 * The trips person `person` boards, as driver or passenger.
 *
 * @param rides the trips each person rides, in departure order, each trip once
 * @param drives the trips each person drives, in departure order
 * @param departs departure of trip i, epoch ms
 */
export function boardingsOf(
  rides: Groups,
  drives: Groups,
  departs: Float64Array,
  person: number,
): TripRange {
  const rideFrom = rides.start[person] as number;
  const rideTo = rides.start[person + 1] as number;
  const driveFrom = drives.start[person] as number;
  const driveTo = drives.start[person + 1] as number;
  if (driveFrom === driveTo) return { items: rides.items, from: rideFrom, to: rideTo };
  if (rideFrom === rideTo) return { items: drives.items, from: driveFrom, to: driveTo };
  const both = new Set<number>();
  for (let k = rideFrom; k < rideTo; k++) both.add(rides.items[k] as number);
  for (let k = driveFrom; k < driveTo; k++) both.add(drives.items[k] as number);
  const items = Int32Array.from(both).sort(
    (a, b) => (departs[a] as number) - (departs[b] as number) || a - b,
  );
  return { items, from: 0, to: items.length };
}
