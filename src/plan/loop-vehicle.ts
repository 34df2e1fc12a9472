/**
 * A vehicle given to a loop while packing: its capacity, driver, the trips it runs and its
 * riders. Shared by packing and consolidation (its own file, so neither imports the other).
 */
import type { Vehicle } from "../scenario/schema.js";
import type { DayBlock } from "./blocked-days.js";
import type { Rider } from "./demand.js";
import type { TripKey } from "./trip-key.js";

/** A vehicle given to a loop, with its riders and the trips they need. */
export interface LoopVehicle {
  vehicle: Vehicle;
  capacity: number;
  driverId: string;
  /** The days this vehicle may not run with its driver (blocked-days.ts); absent: none. */
  blocked?: DayBlock;
  keys: TripKey[];
  load: Map<TripKey, number>;
  riders: Rider[];
}
