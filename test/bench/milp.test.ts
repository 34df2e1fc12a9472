import { describe, expect, it } from "vitest";
import { handMethodFleet } from "../../bench/baseline/hand-method.js";
import { conflictCliques, optimalFleet } from "../../bench/milp/fleet-milp.js";
import { scenarioDemand } from "../../bench/milp/loop-demand.js";
import { optimalRoster } from "../../bench/milp/optimal-roster.js";
import { smallInstances } from "../../bench/milp/small-instances.js";
import {
  type CandidateTrip,
  candidateMinutes,
  checkWindowsIndependent,
  type GapRules,
  serviceOf,
  tripsConflict,
} from "../../bench/milp/trip-windows.js";
import { type ChainRules, chainRuns } from "../../src/plan/chain.js";
import { planRoster } from "../../src/plan/plan-roster.js";
import { tripKey } from "../../src/plan/trip-key.js";
import { parseScenario } from "../../src/scenario/parse.js";
import { ZoneClock } from "../../src/time/zone-clock.js";
import { seededRandom } from "../../src/util/seeded-random.js";
import { validateRoster } from "../../src/validate/validate-roster.js";

const MS_PER_MINUTE = 60_000;
// Seed 12: three tiny instances, each with trips that cannot run back to back. On instance
// 1 the optimum (1 vehicle) retimes one day's ride home only; the planner reaches it by
// emptying a vehicle with every ride free in its window (src/plan/consolidate.ts).
const tiny = smallInstances(3, 12, { maxWorkers: 20, maxDays: 3, maxCrews: 4 });

function gapRulesOf(rules: ChainRules): GapRules {
  return {
    toPlantMinutes: rules.toPlantMs / MS_PER_MINUTE,
    toDormitoryMinutes: rules.toDormitoryMs / MS_PER_MINUTE,
    disinfectionMinutes: rules.disinfectionMs / MS_PER_MINUTE,
  };
}

const keyOf = (trip: CandidateTrip) => tripKey(trip.minute * MS_PER_MINUTE, trip.toPlant);

/** Whether a 0/1 choice of trips keeps every clique row (at most one trip per clique). */
function cliqueRowsHold(chosen: ReadonlySet<number>, cliques: readonly number[][]): boolean {
  return cliques.every((clique) => clique.filter((p) => chosen.has(p)).length <= 1);
}

/**
 * Every subset of `trips` (sorted by minute; at most ~12): `chainRuns` ⇔ no conflicting
 * pair ⇔ the clique rows hold. Returns how many subsets do not chain.
 */
function checkAllSubsets(trips: readonly CandidateTrip[], rules: ChainRules): number {
  const gaps = gapRulesOf(rules);
  const cliques = conflictCliques(trips, gaps);
  let infeasible = 0;
  for (let mask = 1; mask < 1 << trips.length; mask++) {
    const chosen = new Set<number>();
    for (let p = 0; p < trips.length; p++) if (mask & (1 << p)) chosen.add(p);
    const subset = [...chosen].map((p) => trips[p] as CandidateTrip);
    const keys = subset.map(keyOf).sort((a, b) => a - b);
    const exact = chainRuns(keys, rules, false) !== undefined;
    const pairwise = subset.every((a, i) =>
      subset.slice(i + 1).every((b) => !tripsConflict(a, b, gaps)),
    );
    expect(pairwise, keys.join(",")).toBe(exact);
    expect(cliqueRowsHold(chosen, cliques), keys.join(",")).toBe(exact);
    if (!exact) infeasible++;
  }
  return infeasible;
}

describe("exact fleet MILP (trips free inside their windows)", () => {
  it.each(tiny.map((scenario, index) => [index, scenario] as const))(
    "tiny instance %i: lower bound ≤ optimum ≤ planner's fleet",
    async (index, scenario) => {
      const roster = planRoster(scenario);
      expect(
        roster.unserved.filter((entry) => entry.reason.startsWith("no-")),
        "all carried",
      ).toEqual([]);
      const optimum = await optimalFleet(scenario, { timeLimitSeconds: 30 });
      expect(optimum.status).toBe("Optimal");
      expect(optimum.loops.every((loop) => loop.verified)).toBe(true);
      expect(optimum.fleet).toBeGreaterThanOrEqual(roster.stats.fleetLowerBound);
      expect(optimum.fleet).toBeLessThanOrEqual(roster.stats.vehiclesUsed);
      const optimal = optimalRoster(scenario, optimum);
      expect(optimal.stats.vehiclesUsed).toBe(optimum.fleet);
      expect(validateRoster(scenario, optimal).violations).toEqual([]);
      const equal = optimum.fleet === roster.stats.vehiclesUsed;
      console.info(
        `tiny ${index}: bound ${roster.stats.fleetLowerBound}, optimum ${optimum.fleet}, planner ${roster.stats.vehiclesUsed}${equal ? " (equal)" : ""}`,
      );
    },
  );

  it("gives the same optimum with every minute of every window as with the breakpoints", async () => {
    for (const scenario of tiny) {
      const breakpoints = await optimalFleet(scenario, { timeLimitSeconds: 30 });
      const minutes = await optimalFleet(scenario, {
        timeLimitSeconds: 30,
        candidates: "every-minute",
      });
      expect(minutes.status).toBe("Optimal");
      expect(breakpoints.fleet).toBe(minutes.fleet);
      expect(breakpoints.loops[0]?.candidates).toBeLessThan(minutes.loops[0]?.candidates ?? 0);
    }
  });

  it("beats fixed edge times: one vehicle serves tiny instance 1 by retiming one ride home", async () => {
    const optimum = await optimalFleet(tiny[1] as (typeof tiny)[number]);
    expect(optimum.status).toBe("Optimal");
    expect(optimum.fleet).toBe(1);
    const vehicle = optimum.loops[0]?.vehicles[0];
    // Some riders ride home later than the edge of their window (the trip's key ≠ service).
    const moved = vehicle?.trips.some((trip) => trip.riders.some((r) => r.service !== trip.key));
    expect(moved).toBe(true);
  });
});

it("the optimum's roster is judged by the validator: a rider dropped from a trip is caught", async () => {
  const scenario = tiny[1] as (typeof tiny)[number];
  const roster = optimalRoster(scenario, await optimalFleet(scenario));
  const trip = roster.trips.find((entry) => entry.passengers.length > 0);
  trip?.passengers.pop();
  expect(validateRoster(scenario, roster).counts["shift-coverage"]).toBe(1);
});

describe("candidate trip times", () => {
  it("include every time the planner runs a passenger trip", () => {
    for (const scenario of tiny) {
      const demand = scenarioDemand(scenario);
      const { policy } = demand.model.scenario;
      for (const loop of demand.loops) {
        const keys = [...new Set(loop.groups.flatMap((group) => group.keys))];
        const services = keys.map((key) => serviceOf(key, policy));
        const { trips } = candidateMinutes(services, gapRulesOf(loop.rules));
        const candidates = new Set(trips.map(keyOf));
        for (const trip of planRoster(scenario).trips)
          if (trip.passengers.length > 0)
            expect(
              candidates.has(tripKey(Date.parse(trip.depart), trip.direction === "to-plant")),
            ).toBe(true);
      }
    }
  });

  it("refuses riders whose ride windows could overlap", () => {
    const policy = parseScenario(tiny[0]).policy;
    const gaps = { toPlantMinutes: 20, toDormitoryMinutes: 20, disinfectionMinutes: 15 };
    const at = (hhmm: string) => Date.parse(`2022-05-16T${hhmm}:00+08:00`);
    // Home window 10:00–10:50 (+20 min road) reaches past the next ride in's earliest 10:25.
    const keys = [
      tripKey(at("06:00"), true),
      tripKey(at("10:00"), false),
      tripKey(at("11:10"), true),
    ];
    expect(() =>
      checkWindowsIndependent([{ personId: "w1", keys }], policy, gaps, () => true),
    ).toThrow(/overlap/);
    expect(() =>
      checkWindowsIndependent(
        [{ personId: "w1", keys: keys.slice(0, 2) }],
        policy,
        gaps,
        () => false,
      ),
    ).toThrow(/ineligible/);
  });
});

describe("pairwise chaining model", () => {
  it("agrees with chainRuns on every subset of the tiny instances' candidate trips", () => {
    let infeasible = 0;
    for (const scenario of tiny) {
      const demand = scenarioDemand(scenario);
      for (const loop of demand.loops) {
        const keys = [...new Set(loop.groups.flatMap((group) => group.keys))];
        const services = keys.map((key) => serviceOf(key, demand.model.scenario.policy));
        const { trips } = candidateMinutes(services, gapRulesOf(loop.rules));
        // Windows of (at most) 11 consecutive candidates, overlapping, to the last.
        for (let start = 0; start < trips.length; start += 8)
          infeasible += checkAllSubsets(trips.slice(start, start + 11), loop.rules);
      }
    }
    expect(infeasible).toBeGreaterThan(0);
  });

  it("agrees with chainRuns on random tight trip sets (many conflicts)", () => {
    const random = seededRandom(2022);
    const clock = new ZoneClock("Asia/Shanghai");
    const base = Date.parse("2022-05-16T06:00:00+08:00") / MS_PER_MINUTE;
    let infeasible = 0;
    for (let round = 0; round < 30; round++) {
      const rules: ChainRules = {
        toPlantMs: (5 + random.below(21)) * MS_PER_MINUTE,
        toDormitoryMs: (5 + random.below(21)) * MS_PER_MINUTE,
        disinfectionMs: random.pick([0, 10, 15]) * MS_PER_MINUTE,
        maxDriverMinutesPerDay: 1440,
        clock,
      };
      const trips = new Map<string, CandidateTrip>();
      while (trips.size < 11) {
        const trip = { minute: base + random.below(8 * 60), toPlant: random.next() < 0.5 };
        trips.set(`${trip.minute}${trip.toPlant}`, trip);
      }
      infeasible += checkAllSubsets(
        [...trips.values()].sort(
          (a, b) => a.minute - b.minute || Number(b.toPlant) - Number(a.toPlant),
        ),
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
