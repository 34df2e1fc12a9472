import { describe, expect, it } from "vitest";
import { handMethodFleet } from "../../bench/baseline/hand-method.js";
import { chainsPairwise, incompatiblePairs, optimalFleet } from "../../bench/milp/fleet-milp.js";
import { scenarioDemand } from "../../bench/milp/loop-demand.js";
import { smallInstance, smallInstances } from "../../bench/milp/small-instances.js";
import { type ChainRules, chainRuns } from "../../src/plan/chain.js";
import { planRoster } from "../../src/plan/plan-roster.js";
import { type TripKey, tripKey } from "../../src/plan/trip-key.js";
import { seededRandom } from "../../src/seeded-random.js";
import { ZoneClock } from "../../src/time/zone-clock.js";

const MS_PER_MINUTE = 60_000;
// Seed 12: three tiny instances, each with trips that cannot run back to back and a
// planner fleet of 2.
const tiny = smallInstances(3, 12, { maxWorkers: 20, maxDays: 3, maxCrews: 4 });

/** The MILP's chaining rows, evaluated on a 0/1 choice of keys (indices into `keys`). */
function chainRowsHold(chosen: ReadonlySet<number>, pairs: readonly [number, number][]): boolean {
  return pairs.every(([i, j]) => {
    let lhs = (chosen.has(i) ? 1 : 0) + (chosen.has(j) ? 1 : 0);
    for (let m = i + 1; m < j; m++) if (chosen.has(m)) lhs -= 1;
    return lhs <= 1;
  });
}

/** Every subset of `keys` (sorted; at most ~14 keys): chainRuns ⇔ pairwise ⇔ MILP rows. */
function checkAllSubsets(keys: readonly TripKey[], rules: ChainRules): number {
  const feasible = (list: readonly TripKey[]) => chainRuns(list, rules, false) !== undefined;
  const pairs = incompatiblePairs(keys, feasible);
  let infeasible = 0;
  for (let mask = 1; mask < 1 << keys.length; mask++) {
    const chosen = new Set<number>();
    for (let k = 0; k < keys.length; k++) if (mask & (1 << k)) chosen.add(k);
    const subset = [...chosen].map((k) => keys[k] as TripKey);
    const exact = feasible(subset);
    expect(chainsPairwise(subset, feasible), subset.join(",")).toBe(exact);
    expect(chainRowsHold(chosen, pairs), subset.join(",")).toBe(exact);
    if (!exact) infeasible++;
  }
  return infeasible;
}

describe("exact fleet MILP", () => {
  it.each(tiny.map((scenario, index) => [index, scenario] as const))(
    "tiny instance %i solves to Optimal, between the lower bound and the planner",
    async (_, scenario) => {
      const roster = planRoster(scenario);
      expect(
        roster.unserved.filter((entry) => entry.reason.startsWith("no-")),
        "all carried",
      ).toEqual([]);
      const optimum = await optimalFleet(scenario, { maxVehicles: roster.stats.vehiclesUsed });
      expect(optimum.status).toBe("Optimal");
      expect(optimum.loops.every((loop) => loop.verified)).toBe(true);
      expect(optimum.fleet).toBeLessThanOrEqual(roster.stats.vehiclesUsed);
      expect(optimum.fleet).toBeGreaterThanOrEqual(roster.stats.fleetLowerBound);
    },
  );

  it("finds a fleet below the planner's where first-fit decreasing misses it (small-2-21)", async () => {
    const scenario = smallInstance(2, 21);
    const optimum = await optimalFleet(scenario);
    expect(optimum.status).toBe("Optimal");
    expect(optimum.fleet).toBe(2);
    expect(optimum.fleet).toBeLessThanOrEqual(planRoster(scenario).stats.vehiclesUsed);
  });
});

describe("pairwise chaining model", () => {
  it("agrees with chainRuns on every subset of the tiny instances' trips", () => {
    let infeasible = 0;
    for (const scenario of tiny) {
      for (const loop of scenarioDemand(scenario).loops) {
        const keys = [...new Set(loop.groups.flatMap((group) => group.keys))].sort((a, b) => a - b);
        // Windows of (at most) 12 consecutive trips, overlapping, to the last: every subset.
        const starts = new Set<number>([Math.max(0, keys.length - 12)]);
        for (let start = 0; start + 12 < keys.length; start += 6) starts.add(start);
        for (const start of starts)
          infeasible += checkAllSubsets(keys.slice(start, start + 12), loop.rules);
      }
    }
    expect(infeasible).toBeGreaterThan(0);
  });

  it("agrees with chainRuns on random tight trip sets (many conflicts)", () => {
    const random = seededRandom(2022);
    const clock = new ZoneClock("Asia/Shanghai");
    const base = Date.parse("2022-05-16T06:00:00+08:00");
    let infeasible = 0;
    for (let round = 0; round < 30; round++) {
      const rules: ChainRules = {
        toPlantMs: (5 + random.below(21)) * MS_PER_MINUTE,
        toDormitoryMs: (5 + random.below(21)) * MS_PER_MINUTE,
        disinfectionMs: random.pick([0, 10, 15]) * MS_PER_MINUTE,
        maxDriverMinutesPerDay: 1440,
        clock,
      };
      const keys = new Set<TripKey>();
      while (keys.size < 11)
        keys.add(tripKey(base + random.below(8 * 60) * MS_PER_MINUTE, random.next() < 0.5));
      infeasible += checkAllSubsets(
        [...keys].sort((a, b) => a - b),
        rules,
      );
    }
    expect(infeasible).toBeGreaterThan(0);
  });
});

describe("hand method", () => {
  it.each(tiny.map((scenario, index) => [index, scenario] as const))(
    "uses at least the planner's fleet on tiny instance %i",
    (_, scenario) => {
      expect(handMethodFleet(scenario)).toBeGreaterThanOrEqual(
        planRoster(scenario).stats.vehiclesUsed,
      );
    },
  );
});
