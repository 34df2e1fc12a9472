/**
 * Planner vs exact optimum vs hand method on small single-loop instances (issue: "fleet
 * equal to the MILP optimum on ≥ 95 % of small instances, never more than one vehicle
 * above it").
 *
 *   npx tsx bench/milp/compare.ts [count=20] [seed=1]
 *
 * prints one row per instance, a summary, and for every instance where the planner is
 * above the optimum its groups and both assignments.
 */
import { pathToFileURL } from "node:url";
import { planRoster } from "../../src/plan/plan-roster.js";
import type { Roster } from "../../src/roster/schema.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { validateRoster } from "../../src/validate/validate-roster.js";
import { handMethodFleet } from "../baseline/hand-method.js";
import { type FleetOptimum, optimalFleet } from "./fleet-milp.js";
import { describeKey, scenarioDemand } from "./loop-demand.js";
import { optimalRoster } from "./optimal-roster.js";
import { smallInstance } from "./small-instances.js";

export interface InstanceComparison {
  index: number;
  name: string;
  workers: number;
  days: number;
  plannerFleet: number;
  optimalFleet: number;
  lowerBound: number;
  handFleet: number;
  plannerMs: number;
  milpMs: number;
  milpStatus: string;
  /** Violations the validator finds in the optimum turned into a roster (-1: none built). */
  optimumViolations: number;
  unservedShifts: number;
}

export interface ComparisonSummary {
  instances: number;
  /**
   * Instances HiGHS solved to optimality (and whose solution passed the re-check); the
   * others are left out of the ratios and never count as equal.
   */
  optimal: number;
  /** Instances where HiGHS stopped short of a proven optimum (time limit, …). */
  notOptimal: number;
  /** Instances whose optimum, as a roster, the validator rejects (a model bug). */
  invalidOptimum: number;
  ratio: { min: number; median: number; max: number };
  /** Instances (of all) where the planner's fleet equals the proven optimum. */
  equal: number;
  /** `equal ÷ instances`. */
  shareEqual: number;
  /** Largest planner − optimum over the solved instances, in vehicles. */
  maxExcess: number;
  /**
   * Solved instances where the planner used fewer vehicles than the optimum or the lower
   * bound exceeds it: impossible unless the model or the bound is wrong.
   */
  anomalies: number;
  /** Σ planner ms ÷ Σ MILP ms. */
  timeRatio: number;
  plannerMsTotal: number;
  milpMsTotal: number;
  handRatio: { min: number; median: number; max: number };
}

export interface Comparison {
  rows: InstanceComparison[];
  summary: ComparisonSummary;
  /** Instances where the planner is above the optimum, with both solutions. */
  excess: {
    row: InstanceComparison;
    scenario: ScenarioInput;
    roster: Roster;
    optimum: FleetOptimum;
  }[];
}

function quantiles(values: readonly number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN };
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { min: sorted[0] as number, median, max: sorted[sorted.length - 1] as number };
}

/** The validator's verdict on the optimum as a roster: its violation count (-1 if none). */
function optimumViolations(scenario: ScenarioInput, optimum: FleetOptimum): number {
  if (optimum.status !== "Optimal") return -1;
  return validateRoster(scenario, optimalRoster(scenario, optimum)).violations.length;
}

/** Compares the planner with the MILP optimum and the hand method on `count` instances. */
export async function compareFleets(
  count: number,
  seed: number,
  options: { timeLimitSeconds?: number; onRow?: (row: InstanceComparison) => void } = {},
): Promise<Comparison> {
  const rows: InstanceComparison[] = [];
  const excess: Comparison["excess"] = [];
  for (let index = 0; index < count; index++) {
    const scenario = smallInstance(seed, index);
    const started = performance.now();
    const roster = planRoster(scenario);
    const plannerMs = performance.now() - started;
    const plannerFleet = roster.stats.vehiclesUsed;
    // The model's own vehicle limit (the hand method's fleet) never cuts off a roster.
    const optimum = await optimalFleet(scenario, {
      timeLimitSeconds: options.timeLimitSeconds ?? 120,
    });
    const row: InstanceComparison = {
      index,
      name: scenario.name ?? `#${index}`,
      workers: scenario.staff.filter((person) => person.role === "worker").length,
      days: scenario.horizon.days,
      plannerFleet,
      optimalFleet: optimum.fleet,
      lowerBound: roster.stats.fleetLowerBound,
      handFleet: handMethodFleet(scenario),
      plannerMs,
      milpMs: optimum.milliseconds,
      milpStatus: optimum.status,
      optimumViolations: optimumViolations(scenario, optimum),
      unservedShifts: roster.stats.unservedShifts,
    };
    rows.push(row);
    options.onRow?.(row);
    if (optimum.status === "Optimal" && plannerFleet > optimum.fleet)
      excess.push({ row, scenario, roster, optimum });
  }
  return { rows, excess, summary: summarise(rows) };
}

/** The figures over all rows; instances not solved to optimality never count as met. */
export function summarise(rows: readonly InstanceComparison[]): ComparisonSummary {
  const solved = rows.filter(
    (row) => row.milpStatus === "Optimal" && row.optimumViolations === 0 && row.optimalFleet > 0,
  );
  const plannerMsTotal = rows.reduce((sum, row) => sum + row.plannerMs, 0);
  const milpMsTotal = rows.reduce((sum, row) => sum + row.milpMs, 0);
  const equal = solved.filter((row) => row.plannerFleet === row.optimalFleet).length;
  return {
    instances: rows.length,
    optimal: solved.length,
    notOptimal: rows.filter((row) => row.milpStatus !== "Optimal").length,
    invalidOptimum: rows.filter((row) => row.optimumViolations > 0).length,
    ratio: quantiles(solved.map((row) => row.plannerFleet / row.optimalFleet)),
    equal,
    shareEqual: equal / Math.max(1, rows.length),
    maxExcess: Math.max(0, ...solved.map((row) => row.plannerFleet - row.optimalFleet)),
    anomalies: solved.filter(
      (row) => row.plannerFleet < row.optimalFleet || row.lowerBound > row.optimalFleet,
    ).length,
    timeRatio: plannerMsTotal / milpMsTotal,
    plannerMsTotal,
    milpMsTotal,
    handRatio: quantiles(solved.map((row) => row.handFleet / row.optimalFleet)),
  };
}

/** The groups of an instance and the planner's and the optimum's vehicles, as text. */
export function explainExcess(entry: Comparison["excess"][number]): string {
  const { scenario, roster, optimum, row } = entry;
  const demand = scenarioDemand(scenario);
  const lines: string[] = [];
  const road = scenario.roads.edges[0]?.minutes;
  lines.push(
    `instance ${row.name} (index ${row.index}): ${row.workers} workers, ${row.days} days, ` +
      `road ${road} min, capacity ${demand.loops[0]?.largestCapacity}; planner ${row.plannerFleet}, optimum ${row.optimalFleet}, bound ${row.lowerBound}`,
  );
  lines.push(`shifts: ${scenario.shifts.map((s) => `${s.id} ${s.start}-${s.end}`).join(", ")}`);
  for (const loop of demand.loops) {
    const label = new Map(loop.groups.map((group, g) => [group.pattern, `G${g + 1}`]));
    const groupOf = new Map<string, string>();
    for (const group of loop.groups) {
      const cycle = scenario.staff.find((p) => p.id === group.riders[0]?.personId)?.schedule;
      lines.push(
        `  ${label.get(group.pattern)} ×${group.riders.length} ${JSON.stringify(cycle)}: ` +
          group.keys.map((key) => describeKey(key, demand.clock)).join(" | "),
      );
      for (const rider of group.riders)
        groupOf.set(rider.personId, label.get(group.pattern) ?? "?");
    }
    lines.push("  planner:");
    const byVehicle = new Map<string, Map<string, number>>();
    for (const assignment of roster.assignments) {
      if (assignment.loopId !== loop.loop.id) continue;
      const loads = byVehicle.get(assignment.vehicleId) ?? new Map<string, number>();
      const group = groupOf.get(assignment.personId) ?? "?";
      loads.set(group, (loads.get(group) ?? 0) + 1);
      byVehicle.set(assignment.vehicleId, loads);
    }
    for (const [vehicleId, loads] of [...byVehicle.entries()].sort())
      lines.push(
        `    ${vehicleId}: ${[...loads.entries()].map(([g, n]) => `${g}×${n}`).join(" + ")}`,
      );
    lines.push("  optimum:");
    const optimal = optimum.loops.find((entry) => entry.loopId === loop.loop.id);
    optimal?.vehicles.forEach((vehicle, v) => {
      lines.push(
        `    #${v + 1}: ${vehicle.loads.map((load) => `${label.get(load.pattern)}×${load.riders}`).join(" + ")}`,
      );
      const trips = vehicle.trips.map(
        (trip) =>
          `${describeKey(trip.key, demand.clock)} ×${trip.riders.reduce((sum, r) => sum + r.riders, 0)}`,
      );
      lines.push(`      trips: ${trips.join(" | ")}`);
    });
  }
  return lines.join("\n");
}

function formatRow(row: InstanceComparison): string {
  const cells = [
    String(row.index).padStart(3),
    String(row.workers).padStart(4),
    String(row.days).padStart(2),
    String(row.plannerFleet).padStart(7),
    String(row.optimalFleet).padStart(7),
    String(row.lowerBound).padStart(5),
    String(row.handFleet).padStart(4),
    row.plannerMs.toFixed(1).padStart(9),
    row.milpMs.toFixed(1).padStart(9),
    row.milpStatus,
    row.optimumViolations === 0 ? "valid" : `${row.optimumViolations} violations`,
  ];
  return cells.join("  ");
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20);
  const seed = Number(process.argv[3] ?? 1);
  console.log(`${count} small single-loop instances, seed ${seed}`);
  console.log(
    "  #  wkrs  d  planner  optimum  bound  hand  plan ms    milp ms  status  optimum roster",
  );
  const { summary, excess } = await compareFleets(count, seed, {
    onRow: (row) => console.log(formatRow(row)),
  });
  const f = (x: number) => x.toFixed(3);
  console.log("");
  console.log(
    `solved to optimality: ${summary.optimal}/${summary.instances} (not optimal: ${summary.notOptimal}; optimum rosters failing validation: ${summary.invalidOptimum})`,
  );
  console.log(
    `planner ÷ optimum: min ${f(summary.ratio.min)}, median ${f(summary.ratio.median)}, max ${f(summary.ratio.max)}`,
  );
  console.log(
    `planner == optimum: ${summary.equal}/${summary.instances} (${(summary.shareEqual * 100).toFixed(1)} %); worst excess ${summary.maxExcess} vehicle(s); anomalies ${summary.anomalies}`,
  );
  console.log(
    `hand ÷ optimum: min ${f(summary.handRatio.min)}, median ${f(summary.handRatio.median)}, max ${f(summary.handRatio.max)}`,
  );
  console.log(
    `time: planner ${summary.plannerMsTotal.toFixed(0)} ms, MILP ${summary.milpMsTotal.toFixed(0)} ms (planner ÷ MILP ${summary.timeRatio.toFixed(4)})`,
  );
  for (const entry of excess) {
    console.log("");
    console.log(explainExcess(entry));
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main();
