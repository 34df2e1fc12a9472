/**
 * The exact comparator: the fewest vehicles that carry the planner's demand with the
 * planner's own fixed trip times, as a MILP solved by HiGHS, one model per loop.
 *
 * Per loop, with groups g of riders sharing a trip pattern P(g) (size s(g)), trip keys k in
 * time order, vehicles v = 1..V (V an upper bound: the planner's fleet on the loop), and c
 * the capacity (vehicles identical on the loop):
 *
 *   n[g,v] ∈ {0..min(s(g),c)}   riders of g on v (riders of a pattern are interchangeable)
 *   z[v,k] ∈ {0,1}              v runs trip k
 *   y[v]   ∈ {0,1}              v is used
 *
 *   minimise Σ_v y[v]
 *   Σ_v n[g,v] = s(g)                                  everyone rides (fixed person)
 *   Σ_{g: k ∈ P(g)} n[g,v] ≤ c·z[v,k]                   capacity on every trip
 *   n[g,v] ≤ min(s(g),c)·z[v,k]      for k ∈ P(g)       (implied; tightens the relaxation)
 *   z[v,k] ≤ y[v]
 *   z[v,i] + z[v,j] − Σ_{i<m<j} z[v,m] ≤ 1             for every pair i<j that cannot run
 *                                                      back to back (chainRuns([i, j]))
 *   y[v] ≥ y[v+1]                                      (symmetry)
 *   Σ_v z[v,k] ≥ ceil(load(k)/c)                       (implied cut)
 *
 * The chaining rows are exact: chainRuns' state after a trip (which end, when it arrived)
 * depends on that trip alone, so a set of trips chains iff each consecutive pair does (the
 * first trip of a vehicle always chains from the dormitory; driver limits are assumed not
 * to bind). A pair that cannot be consecutive may share a vehicle only with a trip between
 * them — and then that trip's own pairs are constrained. Riders whose own pattern does not
 * chain are left out (the planner leaves them unserved too).
 */
import type { Highs } from "highs";
import { deriveLoops } from "../../src/loops.js";
import { chainRuns } from "../../src/plan/chain.js";
import { planRoster } from "../../src/plan/plan-roster.js";
import type { TripKey } from "../../src/plan/trip-key.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { type LoopGroups, type PatternGroup, scenarioDemand } from "./loop-demand.js";

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
   * Vehicles available per loop (an upper bound on its optimum): a number for every loop,
   * or a map by loop id. Default: the planner's fleet on the loop when it served every
   * rider there, else one vehicle per full load of each pattern (always feasible).
   */
  maxVehicles?: number | ReadonlyMap<string, number>;
  /** HiGHS time limit per loop, in seconds (default 120). */
  timeLimitSeconds?: number;
}

/** One vehicle of an optimal solution: its riders per pattern and its trips. */
export interface OptimalVehicle {
  loads: { pattern: string; riders: number }[];
  keys: TripKey[];
}

export interface LoopOptimum {
  loopId: string;
  fleet: number;
  status: string;
  /** Vehicles the model had (V). */
  available: number;
  /** Riders left out because their own pattern does not chain. */
  unchainable: number;
  vehicles: OptimalVehicle[];
  /**
   * The solution re-checked without the model: every rider placed once, each vehicle's
   * trips within capacity and chaining by `chainRuns` on the whole set.
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

/** Pairs (i, j), i < j indices into `keys`, that cannot run back to back on one vehicle. */
export function incompatiblePairs(
  keys: readonly TripKey[],
  feasible: (pair: readonly TripKey[]) => boolean,
): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++)
      if (!feasible([keys[i] as TripKey, keys[j] as TripKey])) pairs.push([i, j]);
  return pairs;
}

/**
 * Whether a sorted key set chains, by the pairwise model: every consecutive pair chains
 * (and a lone key chains from the dormitory).
 */
export function chainsPairwise(
  keys: readonly TripKey[],
  feasible: (keys: readonly TripKey[]) => boolean,
): boolean {
  if (keys.length === 1) return feasible(keys);
  for (let i = 0; i + 1 < keys.length; i++)
    if (!feasible([keys[i] as TripKey, keys[i + 1] as TripKey])) return false;
  return true;
}

/** Writes `terms` (already signed, `+ 3 n_0_1`) as LP rows, a few terms per line. */
function row(name: string, terms: readonly string[], sense: string): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 12) lines.push(terms.slice(i, i + 12).join(" "));
  return ` ${name}: ${lines.join("\n   ")} ${sense}`;
}

/** The LP text of one loop's model; groups that cannot chain must be left out already. */
export function loopModelText(
  groups: readonly PatternGroup[],
  capacity: number,
  vehicles: number,
  feasible: (keys: readonly TripKey[]) => boolean,
): { text: string; keys: TripKey[] } {
  const keys = [...new Set(groups.flatMap((group) => group.keys))].sort((a, b) => a - b);
  const index = new Map(keys.map((key, k) => [key, k]));
  const load = keys.map(() => 0);
  for (const group of groups)
    for (const key of group.keys) {
      const k = index.get(key) as number;
      load[k] = (load[k] as number) + group.riders.length;
    }
  const pairs = incompatiblePairs(keys, feasible);
  const loneInfeasible = keys.map((key) => !feasible([key]));
  const n = (g: number, v: number) => `n_${g}_${v}`;
  const z = (v: number, k: number) => `z_${v}_${k}`;
  const y = (v: number) => `y_${v}`;
  const V = Array.from({ length: vehicles }, (_, v) => v);

  const rows: string[] = [];
  groups.forEach((group, g) => {
    rows.push(
      row(
        `ride_${g}`,
        V.map((v) => `+ ${n(g, v)}`),
        `= ${group.riders.length}`,
      ),
    );
  });
  for (const v of V) {
    keys.forEach((key, k) => {
      const terms: string[] = [];
      groups.forEach((group, g) => {
        if (group.keys.includes(key)) terms.push(`+ ${n(g, v)}`);
      });
      rows.push(row(`cap_${v}_${k}`, [...terms, `- ${capacity} ${z(v, k)}`], "<= 0"));
      rows.push(row(`used_${v}_${k}`, [`+ ${z(v, k)}`, `- ${y(v)}`], "<= 0"));
    });
    groups.forEach((group, g) => {
      const bound = Math.min(group.riders.length, capacity);
      for (const key of group.keys) {
        const k = index.get(key) as number;
        rows.push(row(`link_${g}_${v}_${k}`, [`+ ${n(g, v)}`, `- ${bound} ${z(v, k)}`], "<= 0"));
      }
    });
    for (const [i, j] of pairs) {
      const terms = [`+ ${z(v, i)}`, `+ ${z(v, j)}`];
      for (let m = i + 1; m < j; m++) terms.push(`- ${z(v, m)}`);
      rows.push(row(`chain_${v}_${i}_${j}`, terms, "<= 1"));
    }
    if (v + 1 < vehicles) rows.push(row(`sym_${v}`, [`+ ${y(v + 1)}`, `- ${y(v)}`], "<= 0"));
  }
  keys.forEach((_, k) => {
    const need = Math.ceil((load[k] as number) / capacity);
    rows.push(
      row(
        `cover_${k}`,
        V.map((v) => `+ ${z(v, k)}`),
        `>= ${need}`,
      ),
    );
  });

  const bounds: string[] = [];
  groups.forEach((group, g) => {
    for (const v of V)
      bounds.push(` 0 <= ${n(g, v)} <= ${Math.min(group.riders.length, capacity)}`);
  });
  for (const v of V)
    keys.forEach((_, k) => {
      if (loneInfeasible[k]) bounds.push(` ${z(v, k)} = 0`);
    });
  const binaries = [...V.map(y), ...V.flatMap((v) => keys.map((_, k) => z(v, k)))];
  const generals = groups.flatMap((_, g) => V.map((v) => n(g, v)));
  const text = [
    "Minimize",
    row(
      "fleet",
      V.map((v) => `+ ${y(v)}`),
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
  return { text, keys };
}

/** One vehicle per full load of each pattern: the hand method, a feasible fleet. */
function handFleetOf(groups: readonly PatternGroup[], capacity: number): number {
  return groups.reduce((sum, group) => sum + Math.ceil(group.riders.length / capacity), 0);
}

async function solveLoop(
  loop: LoopGroups,
  maxVehicles: number | undefined,
  timeLimitSeconds: number,
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
    return { ...base, fleet: 0, status: "Optimal", available: 0, vehicles: [], verified: true };
  const available = Math.min(
    maxVehicles ?? Number.POSITIVE_INFINITY,
    handFleetOf(groups, capacity),
    loop.capacities.length,
  );
  const { text, keys } = loopModelText(groups, capacity, available, feasible);
  const highs = await loadHighs();
  const result = highs.solve(text, { output_flag: false, time_limit: timeLimitSeconds });
  const status = result.Status;
  const hasSolution = status === "Optimal" || status === "Time limit reached";
  const value = (name: string) => {
    const column = result.Columns[name] as { Primal?: number } | undefined;
    return Math.round(column?.Primal ?? 0);
  };
  const vehicles: OptimalVehicle[] = [];
  if (hasSolution && Number.isFinite(result.ObjectiveValue)) {
    for (let v = 0; v < available; v++) {
      if (value(`y_${v}`) === 0) continue;
      const loads = groups
        .map((group, g) => ({ pattern: group.pattern, riders: value(`n_${g}_${v}`) }))
        .filter((entry) => entry.riders > 0);
      const used = keys.filter((_, k) => value(`z_${v}_${k}`) === 1);
      if (loads.length > 0) vehicles.push({ loads, keys: used });
    }
  }
  return {
    ...base,
    fleet: hasSolution ? Math.round(result.ObjectiveValue) : Number.NaN,
    status,
    available,
    vehicles,
    verified: hasSolution && verify(groups, capacity, vehicles, loop),
  };
}

/** Checks a solution directly: everyone once, capacity per trip, `chainRuns` per vehicle. */
function verify(
  groups: readonly PatternGroup[],
  capacity: number,
  vehicles: readonly OptimalVehicle[],
  loop: LoopGroups,
): boolean {
  const keysOf = new Map(groups.map((group) => [group.pattern, group.keys]));
  const placed = new Map<string, number>();
  for (const vehicle of vehicles) {
    const load = new Map<TripKey, number>();
    for (const { pattern, riders } of vehicle.loads) {
      placed.set(pattern, (placed.get(pattern) ?? 0) + riders);
      for (const key of keysOf.get(pattern) ?? []) load.set(key, (load.get(key) ?? 0) + riders);
    }
    if ([...load.values()].some((riders) => riders > capacity)) return false;
    const keys = [...load.keys()].sort((a, b) => a - b);
    if (chainRuns(keys, loop.rules, false) === undefined) return false;
  }
  return groups.every((group) => placed.get(group.pattern) === group.riders.length);
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
 * The fewest vehicles that carry the planner's demand with its fixed trip times, solved
 * exactly (one MILP per loop). Identical vehicles per loop are assumed. `milliseconds`
 * covers the demand, the models and the solves, not the planner run that sets the bound.
 */
export async function optimalFleet(
  scenario: ScenarioInput,
  options: FleetMilpOptions = {},
): Promise<FleetOptimum> {
  const limits = options.maxVehicles ?? plannerVehiclesPerLoop(scenario);
  const started = performance.now();
  const demand = scenarioDemand(scenario);
  const loops: LoopOptimum[] = [];
  for (const loop of demand.loops) {
    const max = typeof limits === "number" ? limits : limits.get(loop.loop.id);
    loops.push(await solveLoop(loop, max, options.timeLimitSeconds ?? 120));
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
