/**
 * The exact comparator: the fewest vehicles that carry the planner's demand under the rules
 * the validator holds a roster to — with every trip free to run anywhere inside its window
 * (trip-windows.ts) — as a MILP solved by HiGHS, one model per loop.
 *
 * Per loop, with groups g of riders sharing a pattern of services (s ∈ S(g), size |g|),
 * services s (a ride in or home of one shift start or end) with candidate trips p ∈ T(s)
 * (a departure minute inside the window of s, from `candidateMinutes`), vehicles
 * v = 1..V (V an upper bound: the hand method's fleet) of capacity c:
 *
 *   n[g,v]   ∈ {0..|g|}   riders of g on v (riders of a pattern are interchangeable)
 *   x[v,p]   ∈ {0,1}      v runs candidate trip p
 *   q[v,s,p] ≥ 0          riders of service s on v who ride trip p ∈ T(s)
 *   y[v]     ∈ {0,1}      v is used
 *
 *   minimise Σ_v y[v]
 *   Σ_v n[g,v] = |g|                                everyone rides one vehicle (fixed person)
 *   Σ_{p∈T(s)} q[v,s,p] = Σ_{g: s∈S(g)} n[g,v]      each of v's riders gets a trip for s
 *   Σ_{s: p∈T(s)} q[v,s,p] ≤ c·x[v,p]               capacity per trip (one list per trip)
 *   x[v,p] ≤ y[v]
 *   Σ_{p∈K} x[v,p] ≤ 1  for cliques K of conflicting trips (and pairs left over)
 *   y[v] ≥ y[v+1]                                   (symmetry)
 *   Σ_v Σ_{p∈T(s)} x[v,p] ≥ ceil(riders(s)/c)       (implied cut)
 *
 * (The planner's fleetLowerBound is deliberately not a row: the benchmark checks it
 * against the optimum.)
 * q may be fractional: with n and x integral, splitting riders over trips is a
 * transportation problem, whose vertices are integral; the solution is re-checked anyway
 * (`verify`). A rider's rides are independent of each other (their windows never overlap,
 * checked), so any integral q gives each rider one trip per service. Driver limits are
 * assumed not to bind (the re-check runs `chainRuns`, which applies them). Riders whose
 * own pattern does not chain at its edge times are left out (the planner leaves them
 * unserved too).
 */
import type { Highs } from "highs";
import { eligibilityIndex } from "../../src/facts/eligibility.js";
import { deriveLoops } from "../../src/facts/loops.js";
import { chainRuns } from "../../src/plan/chain.js";
import { planRoster } from "../../src/plan/plan-roster.js";
import { type TripKey, tripKey } from "../../src/plan/trip-key.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import {
  type LoopGroups,
  type PatternGroup,
  type ScenarioDemand,
  scenarioDemand,
} from "./loop-demand.js";
import {
  type CandidateMode,
  type CandidateTrip,
  candidateMinutes,
  checkWindowsIndependent,
  everyMinute,
  type GapRules,
  gapMinutes,
  type Service,
  serviceOf,
  tripsConflict,
} from "./trip-windows.js";

const MS_PER_MINUTE = 60_000;

type HighsLoader = () => Promise<Highs>;

let highsPromise: Promise<Highs> | undefined;

/**
 * The HiGHS WebAssembly instance, loaded once. The package is CommonJS to TypeScript but
 * ships an ES module whose default export is the loader; accept either shape.
 */
export function loadHighs(): Promise<Highs> {
  highsPromise ??= import("highs").then((module) => {
    const exported = module.default as unknown as HighsLoader | { default: HighsLoader };
    return (typeof exported === "function" ? exported : exported.default)();
  });
  return highsPromise;
}

export interface FleetMilpOptions {
  /**
   * Vehicles the model may use per loop: a number for every loop, or a map by loop id.
   * It must not be below the optimum (else the model is Infeasible). Default, and cap:
   * the hand method's fleet on the loop (one vehicle per full load of each pattern, a
   * roster that always exists) and the vehicles the loop may use.
   */
  maxVehicles?: number | ReadonlyMap<string, number>;
  /** HiGHS time limit per loop, in seconds (default 120). */
  timeLimitSeconds?: number;
  /**
   * Candidate departure minutes: `"breakpoints"` (default; exact, see trip-windows.ts) or
   * `"every-minute"` (every minute of every window: larger, for checking the breakpoints).
   */
  candidates?: CandidateMode;
}

/** One trip of an optimal vehicle: when, which way, and how many riders of each service. */
export interface OptimalTrip {
  key: TripKey;
  riders: { service: TripKey; riders: number }[];
}

/** One vehicle of an optimal solution: its riders per pattern and its trips. */
export interface OptimalVehicle {
  loads: { pattern: string; riders: number }[];
  trips: OptimalTrip[];
}

export interface LoopOptimum {
  loopId: string;
  fleet: number;
  status: string;
  /** Vehicles the model had (V). */
  available: number;
  /** Candidate trips (departure minute and direction) the model chose from. */
  candidates: number;
  /** Riders left out because their own pattern does not chain. */
  unchainable: number;
  vehicles: OptimalVehicle[];
  /**
   * The solution re-checked without the model: every rider placed once, every service of
   * a vehicle's riders met by its trips inside the service's window, each trip within
   * capacity, each vehicle's trips chaining by `chainRuns`.
   */
  verified: boolean;
}

export interface FleetOptimum {
  /** Σ over loops of the optimum (of the best solution found, if a time limit stopped it). */
  fleet: number;
  /**
   * `"Optimal"` when every loop solved to optimality (and its solution re-checked), else
   * the first other status (`"Unverified"` if a solution failed the re-check).
   */
  status: string;
  milliseconds: number;
  loops: LoopOptimum[];
}

/** One loop's model input: groups, services, candidate trips, capacity and vehicles. */
export interface LoopModelInput {
  groups: readonly PatternGroup[];
  services: readonly Service[];
  trips: readonly CandidateTrip[];
  /** Per service, indices into `trips`. */
  perService: readonly (readonly number[])[];
  capacity: number;
  vehicles: number;
  gaps: GapRules;
}

/**
 * Sets of candidate trips (indices into `trips`, sorted by minute) that pairwise conflict,
 * covering every conflicting pair: per direction, the trips within one cycle of each
 * other; across directions, the trips within the shortest gap of each other; and the
 * mixed pairs those miss, as pairs.
 */
export function conflictCliques(trips: readonly CandidateTrip[], gaps: GapRules): number[][] {
  const cliques: number[][] = [];
  const slide = (
    members: readonly number[],
    width: number,
    keep: (clique: number[]) => boolean,
  ) => {
    let lastEnd = -1;
    for (let i = 0, end = 0; i < members.length; i++) {
      const start = (trips[members[i] as number] as CandidateTrip).minute;
      end = Math.max(end, i);
      while (
        end + 1 < members.length &&
        (trips[members[end + 1] as number] as CandidateTrip).minute < start + width
      )
        end++;
      if (end > lastEnd && end > i) {
        const clique = members.slice(i, end + 1);
        if (keep(clique)) cliques.push(clique);
        lastEnd = end;
      }
    }
  };
  const all = trips.map((_, p) => p);
  const cycle = gapMinutes(true, true, gaps);
  for (const toPlant of [true, false])
    slide(
      all.filter((p) => (trips[p] as CandidateTrip).toPlant === toPlant),
      cycle,
      () => true,
    );
  const shortest = Math.min(gapMinutes(true, false, gaps), gapMinutes(false, true, gaps));
  const mixed = (clique: readonly number[]) =>
    new Set(clique.map((p) => (trips[p] as CandidateTrip).toPlant)).size > 1;
  slide(all, shortest, mixed);
  for (let a = 0; a < trips.length; a++)
    for (let b = a + 1; b < trips.length; b++) {
      const first = trips[a] as CandidateTrip;
      const next = trips[b] as CandidateTrip;
      if (next.minute - first.minute >= cycle) break;
      if (first.toPlant === next.toPlant || next.minute - first.minute < shortest) continue;
      if (tripsConflict(first, next, gaps)) cliques.push([a, b]);
    }
  return cliques;
}

/** Writes `terms` (already signed, `+ 3 n_0_1`) as LP rows, a few terms per line. */
function row(name: string, terms: readonly string[], sense: string): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 12) lines.push(terms.slice(i, i + 12).join(" "));
  return ` ${name}: ${lines.join("\n   ")} ${sense}`;
}

const nName = (g: number, v: number) => `n_${g}_${v}`;
const xName = (v: number, p: number) => `x_${v}_${p}`;
const qName = (v: number, s: number, p: number) => `q_${v}_${s}_${p}`;
const yName = (v: number) => `y_${v}`;

/** Per service, the groups that need it. */
function groupsPerService(input: LoopModelInput): number[][] {
  const indexOf = new Map(input.services.map((service, s) => [service.key, s]));
  const out = input.services.map((): number[] => []);
  input.groups.forEach((group, g) => {
    for (const key of group.keys) out[indexOf.get(key) as number]?.push(g);
  });
  return out;
}

/** Per candidate trip, the services it may carry. */
function servicesPerTrip(input: LoopModelInput): number[][] {
  const out = input.trips.map((): number[] => []);
  input.perService.forEach((trips, s) => {
    for (const p of trips) out[p]?.push(s);
  });
  return out;
}

/** The rows of one vehicle: its services, capacities, use and conflicts. */
function vehicleRows(
  input: LoopModelInput,
  v: number,
  needs: readonly number[][],
  carries: readonly number[][],
  cliques: readonly number[][],
): string[] {
  const rows: string[] = [];
  input.perService.forEach((trips, s) => {
    const terms = [
      ...trips.map((p) => `+ ${qName(v, s, p)}`),
      ...(needs[s] ?? []).map((g) => `- ${nName(g, v)}`),
    ];
    rows.push(row(`serve_${v}_${s}`, terms, "= 0"));
  });
  carries.forEach((services, p) => {
    const terms = [
      ...services.map((s) => `+ ${qName(v, s, p)}`),
      `- ${input.capacity} ${xName(v, p)}`,
    ];
    rows.push(row(`cap_${v}_${p}`, terms, "<= 0"));
    rows.push(row(`used_${v}_${p}`, [`+ ${xName(v, p)}`, `- ${yName(v)}`], "<= 0"));
  });
  cliques.forEach((clique, k) => {
    rows.push(
      row(
        `chain_${v}_${k}`,
        clique.map((p) => `+ ${xName(v, p)}`),
        "<= 1",
      ),
    );
  });
  if (v + 1 < input.vehicles)
    rows.push(row(`sym_${v}`, [`+ ${yName(v + 1)}`, `- ${yName(v)}`], "<= 0"));
  return rows;
}

/** The rows over all vehicles: everyone rides, trips enough per service, the bound. */
function fleetRows(input: LoopModelInput, needs: readonly number[][]): string[] {
  const V = Array.from({ length: input.vehicles }, (_, v) => v);
  const rows = input.groups.map((group, g) =>
    row(
      `ride_${g}`,
      V.map((v) => `+ ${nName(g, v)}`),
      `= ${group.riders.length}`,
    ),
  );
  input.perService.forEach((trips, s) => {
    const riders = (needs[s] ?? []).reduce(
      (sum, g) => sum + (input.groups[g] as PatternGroup).riders.length,
      0,
    );
    const terms = V.flatMap((v) => trips.map((p) => `+ ${xName(v, p)}`));
    rows.push(row(`cover_${s}`, terms, `>= ${Math.ceil(riders / input.capacity)}`));
  });
  return rows;
}

/** The LP text of one loop's model (CPLEX LP format). */
export function loopModelText(input: LoopModelInput): string {
  const needs = groupsPerService(input);
  const carries = servicesPerTrip(input);
  const cliques = conflictCliques(input.trips, input.gaps);
  const V = Array.from({ length: input.vehicles }, (_, v) => v);
  const rows = [
    ...fleetRows(input, needs),
    ...V.flatMap((v) => vehicleRows(input, v, needs, carries, cliques)),
  ];
  const bounds = V.flatMap((v) => [
    ...input.groups.map((group, g) => ` 0 <= ${nName(g, v)} <= ${group.riders.length}`),
    ...input.perService.flatMap((trips, s) =>
      trips.map((p) => ` 0 <= ${qName(v, s, p)} <= ${input.capacity}`),
    ),
  ]);
  const binaries = V.flatMap((v) => [yName(v), ...input.trips.map((_, p) => xName(v, p))]);
  const generals = V.flatMap((v) => input.groups.map((_, g) => nName(g, v)));
  return [
    "Minimize",
    row(
      "fleet",
      V.map((v) => `+ ${yName(v)}`),
      "",
    ),
    "Subject To",
    ...rows,
    "Bounds",
    ...bounds,
    "Binary",
    ...binaries.map((name) => ` ${name}`),
    "General",
    ...generals.map((name) => ` ${name}`),
    "End",
    "",
  ].join("\n");
}

/** One vehicle per full load of each pattern: the hand method, a feasible fleet. */
function handFleetOf(groups: readonly PatternGroup[], capacity: number): number {
  return groups.reduce((sum, group) => sum + Math.ceil(group.riders.length / capacity), 0);
}

/** The gaps of a loop's chaining rules, in minutes. */
function gapRulesOf(loop: LoopGroups): GapRules {
  return {
    toPlantMinutes: loop.rules.toPlantMs / MS_PER_MINUTE,
    toDormitoryMinutes: loop.rules.toDormitoryMs / MS_PER_MINUTE,
    disinfectionMinutes: loop.rules.disinfectionMs / MS_PER_MINUTE,
  };
}

/** The model's input for one loop; throws if its riders' windows are not independent. */
function loopModelInput(
  demand: ScenarioDemand,
  loop: LoopGroups,
  groups: readonly PatternGroup[],
  vehicles: number,
  mode: CandidateMode,
): LoopModelInput {
  const { policy } = demand.model.scenario;
  const gaps = gapRulesOf(loop);
  const isEligible = eligibilityIndex(demand.model);
  const riders = groups.flatMap((group) => group.riders);
  checkWindowsIndependent(riders, policy, gaps, (personId, minute) => {
    const enterpriseId = demand.model.staff.get(personId)?.enterpriseId ?? "";
    return isEligible(enterpriseId, demand.clock.dayOf(minute * MS_PER_MINUTE));
  });
  const keys = [...new Set(groups.flatMap((group) => group.keys))].sort((a, b) => a - b);
  const services = keys.map((key) => serviceOf(key, policy));
  const { trips, perService } =
    mode === "every-minute" ? everyMinute(services) : candidateMinutes(services, gaps);
  const capacity = loop.largestCapacity;
  return { groups, services, trips, perService, capacity, vehicles, gaps };
}

/** Reads a solution's vehicles (those carrying anyone) from HiGHS's columns. */
function readVehicles(input: LoopModelInput, value: (name: string) => number): OptimalVehicle[] {
  const vehicles: OptimalVehicle[] = [];
  for (let v = 0; v < input.vehicles; v++) {
    const loads = input.groups
      .map((group, g) => ({ pattern: group.pattern, riders: Math.round(value(nName(g, v))) }))
      .filter((entry) => entry.riders > 0);
    if (loads.length === 0) continue;
    const trips = input.trips.flatMap((trip, p): OptimalTrip[] => {
      const riders = input.services.flatMap((service, s) => {
        const count = input.perService[s]?.includes(p) ? value(qName(v, s, p)) : 0;
        return count > 1e-6 ? [{ service: service.key, riders: count }] : [];
      });
      const key = tripKey(trip.minute * MS_PER_MINUTE, trip.toPlant);
      return riders.length > 0 ? [{ key, riders }] : [];
    });
    vehicles.push({ loads, trips });
  }
  return vehicles;
}

async function solveLoop(
  demand: ScenarioDemand,
  loop: LoopGroups,
  maxVehicles: number | undefined,
  options: FleetMilpOptions,
): Promise<LoopOptimum> {
  const feasible = (keys: readonly TripKey[]) => chainRuns(keys, loop.rules, false) !== undefined;
  const groups = loop.groups.filter((group) => feasible(group.keys));
  const unchainable = loop.groups
    .filter((group) => !feasible(group.keys))
    .reduce((sum, group) => sum + group.riders.length, 0);
  const capacity = loop.largestCapacity;
  if (new Set(loop.capacities).size > 1)
    throw new Error(`loop ${loop.loop.id}: the MILP assumes identical vehicles`);
  const base = { loopId: loop.loop.id, unchainable };
  if (groups.length === 0 || capacity === 0)
    return {
      ...base,
      fleet: 0,
      status: "Optimal",
      available: 0,
      candidates: 0,
      vehicles: [],
      verified: true,
    };
  const available = Math.min(
    maxVehicles ?? Number.POSITIVE_INFINITY,
    handFleetOf(groups, capacity),
    loop.capacities.length,
  );
  const input = loopModelInput(
    demand,
    loop,
    groups,
    available,
    options.candidates ?? "breakpoints",
  );
  const highs = await loadHighs();
  // The objective is a whole number of vehicles: a gap under 1 proves the incumbent optimal.
  const result = highs.solve(loopModelText(input), {
    output_flag: false,
    time_limit: options.timeLimitSeconds ?? 120,
    mip_abs_gap: 0.99,
  });
  const status = result.Status;
  const hasSolution =
    (status === "Optimal" || status === "Time limit reached") &&
    Number.isFinite(result.ObjectiveValue);
  const value = (name: string) =>
    (result.Columns[name] as { Primal?: number } | undefined)?.Primal ?? 0;
  const vehicles = hasSolution ? readVehicles(input, value) : [];
  return {
    ...base,
    fleet: hasSolution ? vehicles.length : Number.NaN,
    status,
    available,
    candidates: input.trips.length,
    vehicles,
    verified:
      hasSolution &&
      vehicles.length === Math.round(result.ObjectiveValue) &&
      verify(input, vehicles, loop),
  };
}

/**
 * Checks a solution without the model: everyone placed once; for each vehicle and service,
 * its riders needing the service carried by its trips, whole riders, inside the service's
 * window; each trip within capacity; each vehicle's trips chaining by `chainRuns`.
 */
export function verify(
  input: LoopModelInput,
  vehicles: readonly OptimalVehicle[],
  loop: LoopGroups,
): boolean {
  const keysOf = new Map(input.groups.map((group) => [group.pattern, group.keys]));
  const serviceOfKey = new Map(input.services.map((service) => [service.key, service]));
  const placed = new Map<string, number>();
  for (const vehicle of vehicles) {
    const needed = new Map<TripKey, number>();
    for (const { pattern, riders } of vehicle.loads) {
      placed.set(pattern, (placed.get(pattern) ?? 0) + riders);
      for (const key of keysOf.get(pattern) ?? []) needed.set(key, (needed.get(key) ?? 0) + riders);
    }
    const carried = new Map<TripKey, number>();
    for (const trip of vehicle.trips) {
      const minute = Math.floor(trip.key / 2);
      let load = 0;
      for (const { service, riders } of trip.riders) {
        const window = serviceOfKey.get(service);
        if (window === undefined || window.toPlant !== (trip.key % 2 === 0)) return false;
        if (minute < window.earliest || minute > window.latest) return false;
        if (Math.abs(riders - Math.round(riders)) > 1e-6) return false;
        carried.set(service, (carried.get(service) ?? 0) + Math.round(riders));
        load += Math.round(riders);
      }
      if (load > input.capacity) return false;
    }
    for (const [service, riders] of needed) if (carried.get(service) !== riders) return false;
    if (carried.size !== needed.size) return false;
    const keys = vehicle.trips.map((trip) => trip.key).sort((a, b) => a - b);
    if (chainRuns(keys, loop.rules, false) === undefined) return false;
  }
  return input.groups.every((group) => placed.get(group.pattern) === group.riders.length);
}

/** Per loop, the planner's fleet, for the loops where it carried every rider (else absent). */
export function plannerVehiclesPerLoop(scenario: ScenarioInput): Map<string, number> {
  const roster = planRoster(scenario);
  const withTrips = new Set(roster.trips.map((trip) => trip.vehicleId));
  const perLoop = new Map<string, number>();
  for (const vehicle of roster.vehicles)
    if (withTrips.has(vehicle.vehicleId))
      perLoop.set(vehicle.loopId, (perLoop.get(vehicle.loopId) ?? 0) + 1);
  const notCarried = new Set(
    roster.unserved
      .filter((entry) => ["no-vehicle", "no-driver", "no-test-slot"].includes(entry.reason))
      .map((entry) => entry.personId),
  );
  for (const loop of deriveLoops(scenario))
    if (loop.workerIds.some((id) => notCarried.has(id))) perLoop.delete(loop.id);
  return perLoop;
}

/**
 * The fewest vehicles that carry the planner's demand with trips free inside their
 * windows, solved exactly (one MILP per loop). Identical vehicles per loop are assumed.
 * `milliseconds` covers the demand, the models and the solves.
 */
export async function optimalFleet(
  scenario: ScenarioInput,
  options: FleetMilpOptions = {},
): Promise<FleetOptimum> {
  const limits = options.maxVehicles;
  const started = performance.now();
  const demand = scenarioDemand(scenario);
  const loops: LoopOptimum[] = [];
  for (const loop of demand.loops) {
    const max = typeof limits === "number" ? limits : limits?.get(loop.loop.id);
    loops.push(await solveLoop(demand, loop, max, options));
  }
  return {
    fleet: loops.reduce((sum, loop) => sum + loop.fleet, 0),
    status:
      loops.find((loop) => loop.status !== "Optimal")?.status ??
      (loops.every((loop) => loop.verified) ? "Optimal" : "Unverified"),
    milliseconds: performance.now() - started,
    loops,
  };
}
