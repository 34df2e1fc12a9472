/**
 * An optimum turned into a roster, so that the validator — not only the model's own
 * re-check — judges it: riders of each group dealt onto the MILP's vehicles, each rider's
 * service given a trip that carries it, seats by the planner's seat rule, empty runs by
 * `chainRuns`, tests by the planner's scheduler. Loops, routes and the shifts nobody may
 * serve are taken from the planner's roster of the same scenario.
 */

import { chainRuns } from "../../src/plan/chain.js";
import type { Rider } from "../../src/plan/demand.js";
import { mayServe } from "../../src/plan/fleet-pool.js";
import { planRoster } from "../../src/plan/plan-roster.js";
import { assignSeats } from "../../src/plan/seats.js";
import { type PlannedTest, TestScheduler } from "../../src/plan/testing.js";
import { keyDepart, type TripKey } from "../../src/plan/trip-key.js";
import type { Roster } from "../../src/roster/schema.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { compareText } from "../../src/util/order.js";
import type { FleetOptimum, OptimalVehicle } from "./fleet-milp.js";
import { type LoopGroups, scenarioDemand } from "./loop-demand.js";

type Trip = Roster["trips"][number];

/** Each rider of the vehicle with the keys of the trips they ride (one per service). */
function ridersOnTrips(vehicle: OptimalVehicle, riders: readonly Rider[]): Rider[] {
  const tripsOf = new Map<string, TripKey[]>(riders.map((rider) => [rider.personId, []]));
  const needing = (service: TripKey) => riders.filter((rider) => rider.keys.includes(service));
  const next = new Map<TripKey, number>();
  for (const trip of vehicle.trips)
    for (const { service, riders: count } of trip.riders) {
      const from = next.get(service) ?? 0;
      for (const rider of needing(service).slice(from, from + Math.round(count)))
        tripsOf.get(rider.personId)?.push(trip.key);
      next.set(service, from + Math.round(count));
    }
  return riders.map((rider) => ({
    personId: rider.personId,
    keys: [...(tripsOf.get(rider.personId) ?? [])].sort((a, b) => a - b),
    dates: rider.dates,
  }));
}

/** The riders a vehicle carries, dealt from each group in order. */
function dealRiders(
  vehicle: OptimalVehicle,
  loop: LoopGroups,
  dealt: Map<string, number>,
): Rider[] {
  return vehicle.loads.flatMap(({ pattern, riders }) => {
    const group = loop.groups.find((candidate) => candidate.pattern === pattern);
    const from = dealt.get(pattern) ?? 0;
    dealt.set(pattern, from + riders);
    return group?.riders.slice(from, from + riders) ?? [];
  });
}

/**
 * A roster that runs the optimum (per loop, vehicle i of the solution on the i-th scenario
 * vehicle and driver the loop may use). Throws if some rider gets no seat or a vehicle's
 * trips do not chain; anything else wrong is for the validator to find.
 */
export function optimalRoster(scenario: ScenarioInput, optimum: FleetOptimum): Roster {
  const planned = planRoster(scenario);
  const demand = scenarioDemand(scenario);
  const { model, clock } = demand;
  const scheduler = new TestScheduler(model, clock);
  const vehicles: Roster["vehicles"] = [];
  const assignments: Roster["assignments"] = [];
  const trips: Trip[] = [];
  const testsOf = new Map<string, readonly PlannedTest[]>();
  const taken = new Set<string>();
  for (const loopOptimum of optimum.loops) {
    const loop = demand.loops.find((entry) => entry.loop.id === loopOptimum.loopId);
    const rosterLoop = planned.loops.find((entry) => entry.id === loopOptimum.loopId);
    if (loop === undefined || rosterLoop === undefined) continue;
    const fleet = model.scenario.vehicles.filter((v) => mayServe(v, loop.loop) && !taken.has(v.id));
    const drivers = model.scenario.staff.filter(
      (person) =>
        person.role === "driver" &&
        person.dormitoryId === loop.loop.dormitoryId &&
        !taken.has(person.id),
    );
    const dealt = new Map<string, number>();
    loopOptimum.vehicles.forEach((solution, v) => {
      const vehicle = fleet[v];
      const driver = drivers[v];
      if (vehicle === undefined || driver === undefined)
        throw new Error(`loop ${loop.loop.id}: not enough vehicles or drivers`);
      taken.add(vehicle.id).add(driver.id);
      const riders = ridersOnTrips(solution, dealRiders(solution, loop, dealt));
      const { seatOf, seatless } = assignSeats(riders, vehicle.seats);
      if (seatless.length > 0) throw new Error(`${vehicle.id}: ${seatless.length} riders seatless`);
      const keys = solution.trips.map((trip) => trip.key).sort((a, b) => a - b);
      const runs = chainRuns(keys, loop.rules);
      if (runs === undefined) throw new Error(`${vehicle.id}: trips do not chain`);
      vehicles.push({ vehicleId: vehicle.id, loopId: loop.loop.id, driverId: driver.id });
      testsOf.set(
        driver.id,
        scheduler.schedule(
          driver.dormitoryId,
          runs.map((run) => run.depart),
        ) ?? [],
      );
      for (const rider of riders) {
        const seat = seatOf.get(rider.personId) ?? 0;
        assignments.push({
          personId: rider.personId,
          loopId: loop.loop.id,
          vehicleId: vehicle.id,
          seat,
        });
        const dormitoryId = model.staff.get(rider.personId)?.dormitoryId ?? "";
        testsOf.set(
          rider.personId,
          scheduler.schedule(dormitoryId, rider.keys.map(keyDepart)) ?? [],
        );
      }
      runs.forEach((run, index) => {
        const passengers = riders
          .filter((rider) => run.key !== null && rider.keys.includes(run.key))
          .map((rider) => ({ personId: rider.personId, seat: seatOf.get(rider.personId) ?? 0 }))
          .sort((a, b) => a.seat - b.seat);
        const route = run.toPlant ? rosterLoop.toPlant : rosterLoop.toDormitory;
        trips.push({
          id: `${vehicle.id}-${String(index + 1).padStart(3, "0")}`,
          loopId: loop.loop.id,
          vehicleId: vehicle.id,
          driverId: driver.id,
          direction: run.toPlant ? "to-plant" : "to-dormitory",
          from: run.toPlant ? loop.loop.dormitoryId : loop.loop.plantId,
          to: run.toPlant ? loop.loop.plantId : loop.loop.dormitoryId,
          path: [...route.path],
          depart: clock.formatISO(run.depart),
          arrive: clock.formatISO(run.arrive),
          passengers,
        });
      });
    });
  }
  const tests = [...testsOf.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .flatMap(([personId, planned]) =>
      planned.map((test) => ({
        personId,
        siteId: model.staff.get(personId)?.dormitoryId ?? "",
        kind: test.kind,
        at: clock.formatISO(test.at),
      })),
    );
  trips.sort((a, b) => Date.parse(a.depart) - Date.parse(b.depart) || compareText(a.id, b.id));
  // Shifts nobody may serve stay; "no-…" entries only for riders the optimum left out.
  const assigned = new Set(assignments.map((entry) => entry.personId));
  const unserved = planned.unserved.filter(
    (entry) => !entry.reason.startsWith("no-") || !assigned.has(entry.personId),
  );
  return {
    ...planned,
    vehicles,
    assignments: assignments.sort((a, b) => compareText(a.personId, b.personId)),
    trips,
    tests,
    unserved,
    stats: {
      vehiclesUsed: vehicles.length,
      fleetLowerBound: planned.stats.fleetLowerBound,
      trips: trips.length,
      emptyTrips: trips.filter((trip) => trip.passengers.length === 0).length,
      boardings: trips.reduce((sum, trip) => sum + trip.passengers.length, 0),
      unservedShifts: unserved.length,
    },
  };
}
