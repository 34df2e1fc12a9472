/**
 * `planRoster`: a scenario in, a roster that keeps every rule out. The steps, each in its
 * own module: demand (who rides when), packing (fixed persons onto fixed vehicles, loop by
 * loop), chaining (empty runs, disinfection), testing (one fixed time per person), seats,
 * and the lower bound. Whoever cannot be carried is listed in `unserved` with a reason.
 */
import { eligibilityIndex } from "../facts/eligibility.js";
import { type Loop, loopsOf } from "../facts/loops.js";
import { markParsedRoster } from "../roster/parse.js";
import type { Roster } from "../roster/schema.js";
import { type ScenarioModel, scenarioModel } from "../scenario/model.js";
import type { ScenarioInput } from "../scenario/schema.js";
import { ZoneClock } from "../time/zone-clock.js";
import { compareText } from "../util/order.js";
import { type ChainRules, chainRuns, type Run, withBlocked } from "./chain.js";
import { buildDemand, type Rider, type UnservedShift } from "./demand.js";
import { FleetPool, largestCapacityFor } from "./fleet-pool.js";
import type { LoopVehicle } from "./loop-vehicle.js";
import { loopLowerBound } from "./lower-bound.js";
import { packLoop } from "./pack.js";
import { assignSeats } from "./seats.js";
import { type PlannedTest, TestScheduler } from "./testing.js";
import { keyDepart } from "./trip-key.js";

const MS_PER_MINUTE = 60_000;

/** Options of {@link planRoster}. */
export interface PlanRosterOptions {
  /** Called with a short line as each step starts (for progress output). */
  onProgress?: ((message: string) => void) | undefined;
}

interface PlannedVehicle extends LoopVehicle {
  loopId: string;
  runs: Run[];
  seatOf: Map<string, number>;
}

/** The runs of keys packing already found to chain; anything else is a planner bug. */
function chained(keys: readonly number[], rules: ChainRules, vehicleId: string): Run[] {
  const runs = chainRuns(keys, rules);
  if (runs === undefined)
    throw new Error(`planner invariant broken: vehicle ${vehicleId}'s trips do not chain`);
  return runs;
}

function unserve(riders: readonly Rider[], reason: string, into: UnservedShift[]): void {
  for (const rider of riders)
    for (const date of rider.dates) into.push({ personId: rider.personId, date, reason });
}

/**
 * Plans a roster: fixed routes, vehicles, drivers, seats, dated trips with manifests and
 * test appointments, with the fewest vehicles the planner can find. Pure and deterministic:
 * the same scenario gives byte-identical JSON; the input is never touched.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @returns a roster that `validateRoster` accepts; who cannot be carried is in `unserved`
 * @throws {ScenarioError} if `scenario` is not a valid scenario
 * @example
 * const roster = planRoster(jinshanScenario());
 * validateRoster(jinshanScenario(), roster).ok //=> true
 * roster.stats.vehiclesUsed >= roster.stats.fleetLowerBound //=> true
 */
export function planRoster(
  scenario: ScenarioInput,
  options?: PlanRosterOptions | undefined,
): Roster {
  const progress = options?.onProgress ?? (() => {});
  const model = scenarioModel(scenario);
  const clock = new ZoneClock(model.zone);
  const loops = loopsOf(model);

  progress(`demand: ${model.scenario.staff.length} staff over ${model.days} days`);
  const { demands, unserved } = buildDemand(model, loops, clock, eligibilityIndex(model));

  // The fleet-saving choice of vehicles first; if it leaves anyone without a vehicle, the
  // choice that keeps each loop to its own reserved vehicles, and whichever serves more.
  const saving = planWithPool(model, clock, loops, demands, unserved, progress, true);
  if (!saving.unserved.some((entry) => entry.reason === "no-vehicle")) return saving;
  progress("someone has no vehicle: planning again with each loop on its own vehicles first");
  const kind = planWithPool(model, clock, loops, demands, unserved, progress, false);
  const left = (roster: Roster) => roster.unserved.length;
  return left(kind) < left(saving) ||
    (left(kind) === left(saving) && kind.stats.vehiclesUsed < saving.stats.vehiclesUsed)
    ? kind
    : saving;
}

/** Packing, seats, tests and the roster, with vehicles handed out by one pool rule. */
function planWithPool(
  model: ScenarioModel,
  clock: ZoneClock,
  loops: readonly Loop[],
  demands: ReturnType<typeof buildDemand>["demands"],
  demandUnserved: readonly UnservedShift[],
  progress: (message: string) => void,
  passOverReserved: boolean,
): Roster {
  const { policy } = model.scenario;
  const unserved = [...demandUnserved];
  progress(`packing ${demands.length} loops`);
  const pool = FleetPool.of(model, { passOverReserved });
  const vehicles: PlannedVehicle[] = [];
  let fleetLowerBound = 0;
  for (const { loop, riders } of demands) {
    const loopBound = loopLowerBound(loop, riders, largestCapacityFor(model, loop), policy);
    fleetLowerBound += loopBound;
    const rules: ChainRules = {
      toPlantMs: (loop.toPlant?.minutes ?? 0) * MS_PER_MINUTE,
      toDormitoryMs: (loop.toDormitory?.minutes ?? 0) * MS_PER_MINUTE,
      disinfectionMs: policy.disinfectionMinutes * MS_PER_MINUTE,
      maxDriverMinutesPerDay: policy.maxDriverMinutesPerDay,
      clock,
    };
    for (const packed of packLoop(loop, riders, pool, rules, unserved, loopBound)) {
      vehicles.push({
        ...packed,
        loopId: loop.id,
        runs: chained(packed.keys, withBlocked(rules, packed.blocked), packed.vehicle.id),
        seatOf: new Map(),
      });
    }
  }

  // Seats first, so that whoever cannot be seated takes no test slot from anyone.
  for (const vehicle of vehicles) {
    const { seatOf, seatless } = assignSeats(vehicle.riders, vehicle.vehicle.seats);
    unserve(seatless, "no-vehicle", unserved);
    vehicle.riders = vehicle.riders.filter((rider) => seatOf.has(rider.personId));
    vehicle.seatOf = seatOf;
  }

  progress(`testing: fixed times for ${vehicles.length} drivers and their riders`);
  const scheduler = new TestScheduler(model, clock);
  const testsOf = new Map<string, readonly PlannedTest[]>();
  const running: PlannedVehicle[] = [];
  for (const vehicle of vehicles) {
    if (vehicle.riders.length === 0) continue;
    const driver = model.staff.get(vehicle.driverId);
    const departures = vehicle.runs.map((run) => run.depart);
    const tests = driver && scheduler.schedule(driver.dormitoryId, departures);
    if (tests === undefined) {
      unserve(vehicle.riders, "no-test-slot", unserved);
      continue;
    }
    testsOf.set(vehicle.driverId, tests);
    running.push(vehicle);
  }
  for (const vehicle of running) {
    vehicle.riders = vehicle.riders.filter((rider) => {
      const dormitoryId = model.staff.get(rider.personId)?.dormitoryId ?? "";
      const tests = scheduler.schedule(dormitoryId, rider.keys.map(keyDepart));
      if (tests === undefined) unserve([rider], "no-test-slot", unserved);
      else testsOf.set(rider.personId, tests);
      return tests !== undefined;
    });
  }

  progress("writing the roster");
  // A vehicle whose riders all failed to get a test would only run empty: it stays home.
  const carrying = running.filter((vehicle) => vehicle.riders.length > 0);
  for (const vehicle of running) if (vehicle.riders.length === 0) testsOf.delete(vehicle.driverId);
  return writeRoster(model, clock, loops, carrying, testsOf, unserved, fleetLowerBound);
}

function writeRoster(
  model: ScenarioModel,
  clock: ZoneClock,
  loops: readonly Loop[],
  vehicles: readonly PlannedVehicle[],
  testsOf: ReadonlyMap<string, readonly PlannedTest[]>,
  unserved: UnservedShift[],
  fleetLowerBound: number,
): Roster {
  const { scenario } = model;
  const loopById = new Map(loops.map((loop) => [loop.id, loop]));
  const trips: Roster["trips"] = [];
  const tripDeparts: number[] = [];
  for (const vehicle of vehicles) {
    const loop = loopById.get(vehicle.loopId);
    const toPlant = loop?.toPlant;
    const toDormitory = loop?.toDormitory;
    if (loop === undefined || toPlant == null || toDormitory == null) continue;
    const ridersByKey = new Map<number, { personId: string; seat: number }[]>();
    for (const rider of vehicle.riders) {
      const seat = vehicle.seatOf.get(rider.personId) ?? 0;
      for (const key of rider.keys) {
        const list = ridersByKey.get(key);
        if (list === undefined) ridersByKey.set(key, [{ personId: rider.personId, seat }]);
        else list.push({ personId: rider.personId, seat });
      }
    }
    vehicle.runs.forEach((run, index) => {
      const passengers = run.key === null ? [] : (ridersByKey.get(run.key) ?? []);
      passengers.sort((a, b) => a.seat - b.seat || compareText(a.personId, b.personId));
      trips.push({
        id: `${vehicle.vehicle.id}-${String(index + 1).padStart(3, "0")}`,
        loopId: vehicle.loopId,
        vehicleId: vehicle.vehicle.id,
        driverId: vehicle.driverId,
        direction: run.toPlant ? "to-plant" : "to-dormitory",
        from: run.toPlant ? loop.dormitoryId : loop.plantId,
        to: run.toPlant ? loop.plantId : loop.dormitoryId,
        path: [...(run.toPlant ? toPlant : toDormitory).path],
        depart: clock.formatISO(run.depart),
        arrive: clock.formatISO(run.arrive),
        passengers,
      });
      tripDeparts.push(run.depart);
    });
  }
  const order = trips.map((_, index) => index);
  order.sort(
    (a, b) =>
      (tripDeparts[a] as number) - (tripDeparts[b] as number) ||
      compareText(
        (trips[a] as Roster["trips"][number]).id,
        (trips[b] as Roster["trips"][number]).id,
      ),
  );
  const sortedTrips = order.map((index) => trips[index] as Roster["trips"][number]);

  const tests: Roster["tests"] = [];
  for (const personId of [...testsOf.keys()].sort(compareText)) {
    const siteId = model.staff.get(personId)?.dormitoryId ?? "";
    const planned = testsOf.get(personId) ?? []; // by instant, then kind (testing.ts)
    for (const test of planned)
      tests.push({ personId, siteId, kind: test.kind, at: clock.formatISO(test.at) });
  }

  const usedLoopIds = new Set(vehicles.map((vehicle) => vehicle.loopId));
  const rosterLoops = loops
    .filter(
      (loop) => loop.toPlant !== null && loop.toDormitory !== null && usedLoopIds.has(loop.id),
    )
    .map((loop) => ({
      id: loop.id,
      enterpriseId: loop.enterpriseId,
      dormitoryId: loop.dormitoryId,
      plantId: loop.plantId,
      toPlant: structuredClone(loop.toPlant as NonNullable<typeof loop.toPlant>),
      toDormitory: structuredClone(loop.toDormitory as NonNullable<typeof loop.toDormitory>),
    }));

  const assignments = vehicles
    .flatMap((vehicle) =>
      vehicle.riders.map((rider) => ({
        personId: rider.personId,
        loopId: vehicle.loopId,
        vehicleId: vehicle.vehicle.id,
        seat: vehicle.seatOf.get(rider.personId) ?? 0,
      })),
    )
    .sort((a, b) => compareText(a.personId, b.personId));

  unserved.sort((a, b) => compareText(a.personId, b.personId) || compareText(a.date, b.date));
  const boardings = sortedTrips.reduce((sum, trip) => sum + trip.passengers.length, 0);
  // Fresh objects of the §5 shape throughout (the same JSON parseRoster would return): an
  // export handed this roster skips the shape check.
  return markParsedRoster({
    version: 1,
    timeZone: scenario.timeZone,
    horizon: { start: scenario.horizon.start, days: scenario.horizon.days },
    loops: rosterLoops,
    vehicles: vehicles
      .map((vehicle) => ({
        vehicleId: vehicle.vehicle.id,
        loopId: vehicle.loopId,
        driverId: vehicle.driverId,
      }))
      .sort((a, b) => compareText(a.vehicleId, b.vehicleId)),
    assignments,
    trips: sortedTrips,
    tests,
    unserved,
    stats: {
      vehiclesUsed: vehicles.filter((vehicle) => vehicle.runs.length > 0).length,
      fleetLowerBound,
      trips: sortedTrips.length,
      emptyTrips: sortedTrips.filter((trip) => trip.passengers.length === 0).length,
      boardings,
      unservedShifts: unserved.length,
    },
  });
}
