import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { handMethodFleet } from "../../bench/baseline/hand-method.js";
import { optimalFleet } from "../../bench/milp/fleet-milp.js";
import { smallInstance } from "../../bench/milp/small-instances.js";
import type { Loop } from "../../src/facts/loops.js";
import {
  formatReport,
  parseScenario,
  planRoster,
  type Roster,
  type ScenarioInput,
  validateRoster,
} from "../../src/index.js";
import type { Rider } from "../../src/plan/demand.js";
import { loopLowerBound } from "../../src/plan/lower-bound.js";
import { type RetimeRules, retimings } from "../../src/plan/retime.js";
import { keyDepart, tripKey } from "../../src/plan/trip-key.js";
import { ZoneClock } from "../../src/time/zone-clock.js";

const MS_PER_MINUTE = 60_000;
const POLICY = parseScenario({
  timeZone: "Asia/Shanghai",
  horizon: { start: "2022-05-16", days: 1 },
  enterprises: [],
  sites: [],
  roads: { edges: [] },
  shifts: [],
  staff: [],
  vehicles: [],
}).policy;

/** A loop `minutes` each way (only its routes matter to the bound). */
function loopOf(minutes: number): Loop {
  const route = (path: string[]) => ({ path, minutes, km: 1 });
  return {
    id: "e1/d1/p1",
    enterpriseId: "e1",
    dormitoryId: "d1",
    plantId: "p1",
    workerIds: [],
    toPlant: route(["a", "b"]),
    toDormitory: route(["b", "a"]),
  };
}

/** `count` riders who all ride in at `departIn` and home at `departHome` (ms). */
function riders(count: number, departIn: number, departHome: number): Rider[] {
  return Array.from({ length: count }, (_, i) => ({
    personId: `w${i}`,
    keys: [tripKey(departIn, true), tripKey(departHome, false)],
    dates: ["2022-05-16"],
  }));
}

/** One day shift 08:00–17:00 on a road of `minutes`, `count` workers, 19-seat buses. */
function dayShift(minutes: number, count: number, days = 2): ScenarioInput {
  return {
    timeZone: "Asia/Shanghai",
    horizon: { start: "2022-05-16", days },
    enterprises: [{ id: "e1", name: "E1", closedHousing: true, positiveCases: [] }],
    sites: [
      { id: "d1", name: "Dormitory", kind: "dormitory", node: "a" },
      { id: "p1", name: "Plant", kind: "plant", node: "b" },
    ],
    roads: { edges: [{ from: "a", to: "b", minutes, km: 2 }] },
    shifts: [{ id: "day", start: "08:00", end: "17:00" }],
    staff: [
      ...Array.from({ length: count }, (_, i) => ({
        id: `w${String(i + 1).padStart(2, "0")}`,
        enterpriseId: "e1",
        dormitoryId: "d1",
        plantId: "p1",
        role: "worker" as const,
        schedule: { cycle: ["day"], anchor: "2022-05-16" },
      })),
      { id: "k1", enterpriseId: "e1", dormitoryId: "d1", role: "driver" as const },
      { id: "k2", enterpriseId: "e1", dormitoryId: "d1", role: "driver" as const },
    ],
    vehicles: [
      { id: "v1", seats: 19 },
      { id: "v2", seats: 19 },
    ],
  };
}

function planValid(input: ScenarioInput): Roster {
  const roster = planRoster(input);
  const report = validateRoster(parseScenario(input), roster);
  expect(report.ok, formatReport(report)).toBe(true);
  return roster;
}

describe("loopLowerBound", () => {
  const start = Date.UTC(2022, 4, 16, 0, 0);

  it("counts two loads per window when a vehicle can go round twice within it", () => {
    // Road 5 min each way, disinfection 15: g = 5 + 5 + 2 × 15 = 40 min between two arrivals
    // of one vehicle. Window in: 60 − 15 = 45 min, so m = 1 + floor(45 / 40) = 2 loads; home:
    // 60 − 10 = 50 min, m = 2 too. Capacity 9: 18 riders fit one vehicle, 19 need two.
    expect(
      loopLowerBound(loopOf(5), riders(18, start, start + 600 * MS_PER_MINUTE), 9, POLICY),
    ).toBe(1);
    expect(
      loopLowerBound(loopOf(5), riders(19, start, start + 600 * MS_PER_MINUTE), 9, POLICY),
    ).toBe(2);
  });

  it("counts one load per window when the round trip is longer than the window", () => {
    // Road 8 min: g = 46 > 45, so m = 1 in; home g = 46 ≤ 50, m = 2. In decides: ceil(10 / 9) = 2.
    expect(
      loopLowerBound(loopOf(8), riders(10, start, start + 600 * MS_PER_MINUTE), 9, POLICY),
    ).toBe(2);
  });
});

describe("the planner reaches the bound by retiming trips inside their windows", () => {
  it("carries 18 day workers with one 19-seat bus on a 5-minute road: two loads each way", () => {
    // Capacity floor(19 × 0.5) = 9; g = 40, m = 2 (see above): bound ceil(18 / 18) = 1. With
    // every trip at the edge of its window two buses would be needed (18 riders, 9 a trip).
    const roster = planValid(dayShift(5, 18));
    expect(roster.unserved).toEqual([]);
    expect(roster.stats.fleetLowerBound).toBe(1);
    expect(roster.stats.vehiclesUsed).toBe(1);
    // Each morning: one load arriving 07:45 (the edge), one 40 minutes earlier, 07:05.
    const arrivals = roster.trips
      .filter((trip) => trip.direction === "to-plant" && trip.passengers.length > 0)
      .map((trip) => trip.arrive);
    expect(arrivals).toEqual([
      "2022-05-16T07:05:00+08:00",
      "2022-05-16T07:45:00+08:00",
      "2022-05-17T07:05:00+08:00",
      "2022-05-17T07:45:00+08:00",
    ]);
  });

  it("still needs two buses for 19 workers (the bound says so too)", () => {
    const roster = planValid(dayShift(5, 19));
    expect(roster.unserved).toEqual([]);
    expect(roster.stats.fleetLowerBound).toBe(2);
    expect(roster.stats.vehiclesUsed).toBe(2);
  });
});

describe("retimings", () => {
  const clock = new ZoneClock("Asia/Shanghai");
  const rules: RetimeRules = {
    toPlantMinutes: 5,
    toDormitoryMinutes: 5,
    disinfectionMinutes: 15,
    earlierInMinutes: 45,
    laterHomeMinutes: 50,
    clock,
  };
  const at = (hhmm: string) => Date.parse(`2022-05-16T${hhmm}:00+08:00`);

  it("offers the pattern itself first, then whole cycles and the far edge of each window", () => {
    const keys = [tripKey(at("07:40"), true), tripKey(at("17:10"), false)];
    const timings = retimings(keys, rules);
    expect(timings[0]).toEqual(keys);
    const shifts = timings.map(([inKey, homeKey]) => [
      (at("07:40") - keyDepart(inKey as number)) / MS_PER_MINUTE,
      (keyDepart(homeKey as number) - at("17:10")) / MS_PER_MINUTE,
    ]);
    // In earlier by 0, g = 40 or 45 (the window); home later by 0, 40 or 50.
    expect(shifts).toHaveLength(9);
    expect(new Set(shifts.map((pair) => pair.join("/")))).toEqual(
      new Set(["0/0", "0/40", "0/50", "40/0", "40/40", "40/50", "45/0", "45/40", "45/50"]),
    );
  });

  it("leaves out a timing whose ride in would leave before the last ride home arrived", () => {
    // A shift ending 17:00 (home 17:10) and one starting 18:00 (in at 17:40): only 25 min
    // apart, so moving home 40 min later or in 40 min earlier makes the rides overlap.
    const keys = [
      tripKey(at("07:40"), true),
      tripKey(at("17:10"), false),
      tripKey(at("17:40"), true),
      tripKey(at("23:10"), false),
    ];
    for (const timing of retimings(keys, rules).slice(1)) {
      const home = keyDepart(timing[1] as number);
      const nextIn = keyDepart(timing[2] as number);
      expect(home + 5 * MS_PER_MINUTE).toBeLessThanOrEqual(nextIn);
    }
    expect(retimings(keys, rules).length).toBeLessThan(9);
  });

  it("never moves a ride in to another local day", () => {
    const keys = [tripKey(at("00:20"), true), tripKey(at("09:10"), false)];
    for (const timing of retimings(keys, rules))
      expect(clock.dayOf(keyDepart(timing[0] as number))).toBe(clock.dayOf(at("00:20")));
  });
});

describe("the bound against the planner and the exact optimum", () => {
  // Small single-loop instances of the benchmark (seeded by the index): the MILP optimum
  // (trip times free within their windows) is the fewest vehicles any valid roster uses, so
  // a sound bound stays at or below it, and the planner, a heuristic, at or above it.
  test.prop([fc.integer({ min: 0, max: 10_000 })], { numRuns: 8 })(
    "fleetLowerBound ≤ exact optimum ≤ planner's fleet",
    async (index) => {
      const scenario = smallInstance(7, index, { maxWorkers: 24, maxDays: 3, maxCrews: 4 });
      const roster = planValid(scenario);
      expect(roster.unserved.filter((entry) => entry.reason.startsWith("no-"))).toEqual([]);
      expect(roster.stats.fleetLowerBound).toBeLessThanOrEqual(roster.stats.vehiclesUsed);
      const optimum = await optimalFleet(scenario, {
        maxVehicles: handMethodFleet(scenario),
        timeLimitSeconds: 20,
      });
      if (optimum.status !== "Optimal") return;
      expect(roster.stats.fleetLowerBound).toBeLessThanOrEqual(optimum.fleet);
      expect(optimum.fleet).toBeLessThanOrEqual(roster.stats.vehiclesUsed);
    },
    120_000,
  );
});
