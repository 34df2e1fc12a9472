/**
 * The spreadsheet "hand method" baseline: per loop, riders grouped by identical trip
 * pattern (the same grouping as the planner's demand), each group on its own vehicles,
 * ceil(group size / capacity of the largest vehicle the loop may use) of them — no
 * chaining of one group's trips with another's, no sharing of a vehicle between groups.
 */
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { type LoopGroups, scenarioDemand } from "../milp/loop-demand.js";

/** The hand method's fleet for one loop's groups (0 when no vehicle may serve it). */
export function handMethodLoopFleet(loop: LoopGroups): number {
  if (loop.largestCapacity === 0) return 0;
  return loop.groups.reduce(
    (sum, group) => sum + Math.ceil(group.riders.length / loop.largestCapacity),
    0,
  );
}

/**
 * Vehicles the hand method uses for a scenario: one per full load of each (loop, pattern).
 *
 * @example
 * handMethodFleet(smallInstance(1, 0)) >= planRoster(smallInstance(1, 0)).stats.vehiclesUsed
 */
export function handMethodFleet(scenario: ScenarioInput): number {
  return scenarioDemand(scenario).loops.reduce((sum, loop) => sum + handMethodLoopFleet(loop), 0);
}
