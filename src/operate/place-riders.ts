/**
 * A seat for someone on a loop's own running vehicles: one vehicle and one seat (the fixed
 * person) for every ride they need from `from` on, each ride a trip of that vehicle inside
 * the ride's window with room under the load factor and the seat free. Spare capacity of
 * the loop's fixed vehicles is used before any vehicle is added.
 */
import { compareText } from "../util/order.js";
import type { WorkingRoster, WorkTrip } from "./working-roster.js";

/** One ride someone needs: a to-plant trip arriving, or a ride home leaving, in `[lo, hi]`. */
export interface RideNeed {
  toPlant: boolean;
  lo: number;
  hi: number;
}

/** The rides of one shift: taken together or not at all. */
export type ShiftNeed = readonly RideNeed[];

/** Where someone can ride: a vehicle, a seat, and the trips of the shifts it can serve. */
export interface Placement {
  vehicleId: string;
  loopId: string;
  seat: number;
  /** Per shift need, the trips taking it (`undefined` for a shift this placement cannot serve). */
  trips: (WorkTrip[] | undefined)[];
  served: number;
}

function timeOf(work: WorkTrip): number {
  return work.trip.direction === "to-plant" ? work.arrive : work.depart;
}

/** Seats in the order the planner hands them out: odd first, spacing people out. */
function seatOrder(seats: number): number[] {
  const order: number[] = [];
  for (let seat = 1; seat <= seats; seat += 2) order.push(seat);
  for (let seat = 2; seat <= seats; seat += 2) order.push(seat);
  return order;
}

/**
 * The placement on the loop's vehicles (other than `exclude`) that serves the most shifts,
 * ties by vehicle id and seat; `undefined` when none serves any. With `firstIsMust`, only
 * placements that serve the first need count.
 */
export function findPlacement(
  working: WorkingRoster,
  loopId: string,
  needs: readonly ShiftNeed[],
  exclude: ReadonlySet<string>,
  isAllowed: (work: WorkTrip) => boolean = () => true,
  firstIsMust = false,
): Placement | undefined {
  let best: Placement | undefined;
  const byVehicle = working.afterByVehicle();
  const vehicleIds = [...byVehicle.keys()].filter((id) => !exclude.has(id)).sort(compareText);
  for (const vehicleId of vehicleIds) {
    const trips = (byVehicle.get(vehicleId) ?? []).filter((work) => work.trip.loopId === loopId);
    if (trips.length === 0) continue;
    const capacity = working.capacityOf(vehicleId);
    const seats = working.model.vehicles.get(vehicleId)?.seats ?? 0;
    const open = trips.filter((work) => work.trip.passengers.length < capacity && isAllowed(work));
    for (const seat of seatOrder(seats)) {
      const free = open.filter((work) => work.trip.passengers.every((p) => p.seat !== seat));
      const used = new Set<WorkTrip>();
      const chosen = needs.map((shift) => {
        const picks: WorkTrip[] = [];
        for (const need of shift) {
          const pick = free.find(
            (work) =>
              !used.has(work) &&
              !picks.includes(work) &&
              (work.trip.direction === "to-plant") === need.toPlant &&
              timeOf(work) >= need.lo &&
              timeOf(work) <= need.hi,
          );
          if (pick === undefined) return undefined;
          picks.push(pick);
        }
        for (const pick of picks) used.add(pick);
        return picks;
      });
      const served = chosen.filter((picks) => picks !== undefined).length;
      // A ride home that completes a shift already begun cannot be left out.
      if (firstIsMust && chosen[0] === undefined) continue;
      if (served > 0 && (best === undefined || served > best.served)) {
        best = { vehicleId, loopId, seat, trips: chosen, served };
      }
      if (best !== undefined && best.served === needs.length) return best;
    }
  }
  return best;
}

/** Boards the person on the placement's trips and gives them the new assignment from `from`. */
export function applyPlacement(
  working: WorkingRoster,
  personId: string,
  placement: Placement,
): void {
  for (const picks of placement.trips) {
    for (const work of picks ?? []) work.trip.passengers.push({ personId, seat: placement.seat });
  }
  working.reassign({
    personId,
    loopId: placement.loopId,
    vehicleId: placement.vehicleId,
    seat: placement.seat,
  });
}

/** The departures of the trips a placement boards, sorted. */
export function placementDeparts(placement: Placement): number[] {
  return placement.trips
    .flatMap((picks) => picks ?? [])
    .map((work) => work.depart)
    .sort((a, b) => a - b);
}
