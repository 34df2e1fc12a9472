/**
 * The planner's own view of a scenario's demand, loop by loop, for the benchmark's exact
 * comparator and baseline: the same riders with the same fixed trip keys (`buildDemand`),
 * the same chaining rules (`chainRuns`), riders grouped by identical trip pattern (as the
 * packing groups them), and the largest capacity each loop may use.
 */
import { vehicleCapacity } from "../../src/facts/capacity.js";
import { eligibilityIndex } from "../../src/facts/eligibility.js";
import { type Loop, loopsOf } from "../../src/facts/loops.js";
import type { ChainRules } from "../../src/plan/chain.js";
import { buildDemand, type Rider } from "../../src/plan/demand.js";
import { largestCapacityFor, mayServe } from "../../src/plan/fleet-pool.js";
import type { TripKey } from "../../src/plan/trip-key.js";
import { type ScenarioModel, scenarioModel } from "../../src/scenario/model.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { ZoneClock } from "../../src/time/zone-clock.js";
import { compareText } from "../../src/util/order.js";

const MS_PER_MINUTE = 60_000;

/** Riders of one loop with one trip pattern. */
export interface PatternGroup {
  /** `keys.join(",")`, as the packing names a pattern. */
  pattern: string;
  keys: TripKey[];
  riders: Rider[];
}

/** One routable loop's demand, grouped, with its chaining rules and vehicle capacities. */
export interface LoopGroups {
  loop: Loop;
  rules: ChainRules;
  /** Largest capacity among the vehicles the loop may use (0: none). */
  largestCapacity: number;
  /** Capacities of the vehicles the loop may use, largest first. */
  capacities: number[];
  /** Groups by pattern, largest first, then by pattern text. */
  groups: PatternGroup[];
}

export interface ScenarioDemand {
  model: ScenarioModel;
  clock: ZoneClock;
  loops: LoopGroups[];
}

/** The chaining rules the planner uses for a loop. */
export function chainRulesOf(model: ScenarioModel, loop: Loop, clock: ZoneClock): ChainRules {
  const { policy } = model.scenario;
  return {
    toPlantMs: (loop.toPlant?.minutes ?? 0) * MS_PER_MINUTE,
    toDormitoryMs: (loop.toDormitory?.minutes ?? 0) * MS_PER_MINUTE,
    disinfectionMs: policy.disinfectionMinutes * MS_PER_MINUTE,
    maxDriverMinutesPerDay: policy.maxDriverMinutesPerDay,
    clock,
  };
}

/** The demand the planner sees, loop by loop, riders grouped by pattern. */
export function scenarioDemand(scenario: ScenarioInput): ScenarioDemand {
  const model = scenarioModel(scenario);
  const clock = new ZoneClock(model.zone);
  const { demands } = buildDemand(model, loopsOf(model), clock, eligibilityIndex(model));
  const loops = demands.map(({ loop, riders }): LoopGroups => {
    const byPattern = new Map<string, PatternGroup>();
    for (const rider of riders) {
      const pattern = rider.keys.join(",");
      const group = byPattern.get(pattern);
      if (group === undefined)
        byPattern.set(pattern, { pattern, keys: rider.keys, riders: [rider] });
      else group.riders.push(rider);
    }
    const groups = [...byPattern.values()].sort(
      (a, b) => b.riders.length - a.riders.length || compareText(a.pattern, b.pattern),
    );
    const loadFactor = model.scenario.policy.loadFactor;
    const capacities = model.scenario.vehicles
      .filter((vehicle) => mayServe(vehicle, loop))
      .map((vehicle) => vehicleCapacity(vehicle.seats, loadFactor))
      .filter((capacity) => capacity > 0)
      .sort((a, b) => b - a);
    return {
      loop,
      rules: chainRulesOf(model, loop, clock),
      largestCapacity: largestCapacityFor(model, loop),
      capacities,
      groups,
    };
  });
  return { model, clock, loops };
}

/** A trip key as text, `05-16 07:35 in` / `05-16 17:10 home`, for reports. */
export function describeKey(key: TripKey, clock: ZoneClock): string {
  const depart = Math.floor(key / 2) * MS_PER_MINUTE;
  const iso = clock.formatISO(depart);
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)} ${key % 2 === 0 ? "in" : "home"}`;
}
