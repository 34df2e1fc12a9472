/**
 * Blocked days (SPEC §3 `unavailable`): the local days on which a vehicle may not run
 * because it is out of service or because the driver it goes out with may not drive. The
 * exception for a worker's ride home does not reach vehicles or drivers: a ride home is
 * carried only by a vehicle and driver available on the day it leaves. A vehicle and its
 * driver are fixed for the horizon, so their blocks are one: packing, consolidation and
 * chaining ask it of every run they give the vehicle, empty runs included (chain.ts).
 */
import { availabilityIndex } from "../facts/availability.js";
import type { ScenarioModel } from "../scenario/model.js";
import type { DayNumber } from "../time/civil-date.js";
import { getOrCreate } from "../util/collections.js";

/** Whether a vehicle may not run a trip departing on this local day. */
export type DayBlock = (day: DayNumber) => boolean;

/** The blocks of a scenario's vehicles and drivers. */
export interface Blocks {
  /** The days this vehicle is out; undefined when it has no period. */
  vehicle(vehicleId: string): DayBlock | undefined;
  /** The days this vehicle may not run with this driver; undefined when neither has a period. */
  pair(vehicleId: string, driverId: string): DayBlock | undefined;
}

/**
 * The blocks of a scenario, or undefined when nobody and nothing has a period (then no
 * vehicle is ever blocked and the planner runs as it would without the field).
 */
export function blocksOf(model: ScenarioModel): Blocks | undefined {
  const index = availabilityIndex(model);
  if (!index.any) return undefined;
  const people = new Set<string>();
  const vehicles = new Set<string>();
  for (const period of model.scenario.unavailable) {
    if (period.personId !== undefined) people.add(period.personId);
    if (period.vehicleId !== undefined) vehicles.add(period.vehicleId);
  }
  /** A block per id, remembering each day it was asked about (asked at every chain check). */
  const memo = (isOut: (day: DayNumber) => boolean): DayBlock => {
    const known = new Map<DayNumber, boolean>();
    return (day) => {
      let out = known.get(day);
      if (out === undefined) {
        out = isOut(day);
        known.set(day, out);
      }
      return out;
    };
  };
  const vehicleBlocks = new Map<string, DayBlock>();
  const driverBlocks = new Map<string, DayBlock>();
  const pairBlocks = new Map<string, DayBlock>();
  const vehicleBlock = (vehicleId: string): DayBlock | undefined => {
    if (!vehicles.has(vehicleId)) return undefined;
    return getOrCreate(vehicleBlocks, vehicleId, () =>
      memo((day) => !index.vehicleAvailable(vehicleId, day)),
    );
  };
  const driverBlock = (driverId: string): DayBlock | undefined => {
    if (!people.has(driverId)) return undefined;
    return getOrCreate(driverBlocks, driverId, () =>
      memo((day) => !index.personAvailable(driverId, day)),
    );
  };
  return {
    vehicle: vehicleBlock,
    pair(vehicleId, driverId) {
      const vehicleOut = vehicleBlock(vehicleId);
      const driverOut = driverBlock(driverId);
      if (vehicleOut === undefined || driverOut === undefined) return vehicleOut ?? driverOut;
      // One function per pair, so that the rules made for it are made once (chain.ts).
      return getOrCreate(pairBlocks, JSON.stringify([vehicleId, driverId]), () =>
        memo((day) => vehicleOut(day) || driverOut(day)),
      );
    },
  };
}
