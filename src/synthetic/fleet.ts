/**
 * The synthetic district's fleet and drivers. Each loop needs `ceil(peak / capacity)`
 * vehicles for its busiest shift at load factor 0.5 (a bus sized to the loop: 19 seats for
 * up to 9 riders, 33 for 16, 45 for 22, else mostly 53); an enterprise gets `vehicleSlack`
 * times the sum over its loops (rounded at random, at least 1), most vehicles tied to the
 * enterprise or the loop's staff station, some in the district pool. Each staff station
 * houses a driver for every vehicle based there, plus 10 %.
 */
import { vehicleCapacity } from "../facts/capacity.js";
import type { ScenarioInput } from "../scenario/schema.js";
import type { Draws } from "./random.js";
import type { StaffedLoop } from "./workforce.js";

type VehicleInput = ScenarioInput["vehicles"][number];
type StaffInput = ScenarioInput["staff"][number];

/** The load factor the fleet is sized at (the scenario's policy uses the same). */
export const LOAD_FACTOR = 0.5;
/** Seat counts on offer. */
const SEATS = [19, 33, 45, 53] as const;
/** Spare drivers per staff station, as a share of the vehicles based there (rounded up). */
const SPARE_DRIVER_SHARE = 0.1;

/** The bus size a loop runs: the smallest that carries its busiest shift in one go, else a coach. */
function seatsFor(random: Draws, peak: number): number {
  for (const seats of SEATS.slice(0, 3))
    if (peak <= vehicleCapacity(seats, LOAD_FACTOR)) return seats;
  return random.chance(0.7) ? 53 : 45;
}

/** Restriction of one vehicle: mostly its enterprise or its station, sometimes both, some none. */
function restrict(random: Draws, vehicle: VehicleInput, loop: StaffedLoop): void {
  const roll = random.next();
  if (roll < 0.45) vehicle.dormitoryId = loop.dormitory.id;
  else if (roll < 0.75) vehicle.enterpriseId = loop.enterprise.id;
  else if (roll < 0.88) {
    vehicle.enterpriseId = loop.enterprise.id;
    vehicle.dormitoryId = loop.dormitory.id;
  }
}

/** Vehicles per loop of one enterprise: each loop's need first, the slack to the neediest. */
function shareOut(supply: number, needs: readonly number[], slack: number): number[] {
  const given = needs.map(() => 0);
  for (let k = 0; k < supply; k++) {
    let best = 0;
    let bestGap = Number.NEGATIVE_INFINITY;
    needs.forEach((need, index) => {
      const gap = Math.max(need, 1) * slack - (given[index] as number);
      if (gap > bestGap) {
        best = index;
        bestGap = gap;
      }
    });
    given[best] = (given[best] as number) + 1;
  }
  return given;
}

/** The fleet and the drivers for the staffed loops (listed enterprise by enterprise). */
export function buildFleet(
  random: Draws,
  loops: readonly StaffedLoop[],
  slack: number,
): { vehicles: VehicleInput[]; drivers: StaffInput[] } {
  const vehicles: VehicleInput[] = [];
  const drivers: StaffInput[] = [];
  let from = 0;
  while (from < loops.length) {
    const enterprise = (loops[from] as StaffedLoop).enterprise;
    let to = from;
    while (to < loops.length && (loops[to] as StaffedLoop).enterprise === enterprise) to++;
    const own = loops.slice(from, to);
    from = to;

    const seats = own.map((loop) => seatsFor(random, loop.peak));
    const needs = own.map((loop, i) =>
      Math.ceil(loop.peak / vehicleCapacity(seats[i] as number, LOAD_FACTOR)),
    );
    const needed = needs.reduce((sum, need) => sum + need, 0);
    const supply = Math.max(1, Math.floor(slack * needed + random.next()));
    const perLoop = shareOut(supply, needs, slack);
    const vehicleWidth = Math.max(2, String(supply).length);
    const basedAt = new Map<string, number>();
    let v = 0;
    own.forEach((loop, i) => {
      const count = perLoop[i] as number;
      for (let k = 0; k < count; k++) {
        v += 1;
        // The loop's own size for the vehicles it needs, any size for the slack.
        const size = k < (needs[i] as number) ? (seats[i] as number) : random.pick(SEATS);
        const vehicle: VehicleInput = {
          id: `${enterprise.id}-v${String(v).padStart(vehicleWidth, "0")}`,
          seats: size,
          seatsPerRow: size === 19 ? 3 : 4,
        };
        restrict(random, vehicle, loop);
        vehicles.push(vehicle);
      }
      basedAt.set(loop.dormitory.id, (basedAt.get(loop.dormitory.id) ?? 0) + count);
    });

    const counts = [...basedAt.values()].map((based) =>
      Math.ceil(based * (1 + SPARE_DRIVER_SHARE)),
    );
    const driverWidth = Math.max(3, String(counts.reduce((sum, n) => sum + n, 0)).length);
    let d = 0;
    [...basedAt.keys()].forEach((dormitoryId, i) => {
      for (let k = 0; k < (counts[i] as number); k++) {
        d += 1;
        drivers.push({
          id: `${enterprise.id}-d${String(d).padStart(driverWidth, "0")}`,
          enterpriseId: enterprise.id,
          dormitoryId,
          role: "driver",
        });
      }
    });
  }
  return { vehicles, drivers };
}
