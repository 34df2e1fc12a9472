/**
 * Which vehicle a loop takes. The planner first lets a loop pass over its reserved vehicles
 * for a larger shared one (fewer vehicles); where that leaves another loop with none, it
 * plans again keeping each loop to its own reserved vehicles first.
 */
import { describe, expect, it } from "vitest";
import { planRoster, type ScenarioInput, validateRoster } from "../../src/index.js";

/** Two dormitories, ten day workers and three drivers each, one plant 20 minutes away. */
function twoDormitories(vehicles: ScenarioInput["vehicles"]): ScenarioInput {
  const staff: ScenarioInput["staff"] = [];
  for (const dormitoryId of ["d1", "d2"]) {
    for (let i = 0; i < 10; i++) {
      staff.push({
        id: `${dormitoryId}-w${i}`,
        enterpriseId: "e1",
        dormitoryId,
        plantId: "p1",
        role: "worker",
        schedule: { cycle: ["day"], anchor: "2022-05-16" },
      });
    }
    for (let i = 0; i < 3; i++)
      staff.push({ id: `${dormitoryId}-k${i}`, enterpriseId: "e1", dormitoryId, role: "driver" });
  }
  return {
    timeZone: "Asia/Shanghai",
    horizon: { start: "2022-05-16", days: 2 },
    enterprises: [{ id: "e1", name: "E", closedHousing: true, positiveCases: [] }],
    sites: [
      { id: "d1", name: "D1", kind: "dormitory", node: "a" },
      { id: "d2", name: "D2", kind: "dormitory", node: "c" },
      { id: "p1", name: "P", kind: "plant", node: "b" },
    ],
    roads: {
      edges: [
        { from: "a", to: "b", minutes: 20, km: 10 },
        { from: "c", to: "b", minutes: 20, km: 10 },
      ],
    },
    shifts: [{ id: "day", start: "08:00", end: "17:00" }],
    staff,
    vehicles,
  } as ScenarioInput;
}

describe("vehicle choice", () => {
  it("uses a dormitory's reserved vehicles before the one unrestricted vehicle another dormitory needs", () => {
    // d1 has two reserved 10-seat vehicles (5 passengers each at load 0.5); the only vehicle
    // d2 may use is the unrestricted 30-seater (15). Taking it for d1, because it alone
    // carries all ten, would leave d2 with nothing and r1, r2 idle.
    const scenario = twoDormitories([
      { id: "r1", seats: 10, dormitoryId: "d1" },
      { id: "r2", seats: 10, dormitoryId: "d1" },
      { id: "u1", seats: 30 },
    ]);
    const roster = planRoster(scenario);
    expect(roster.unserved).toEqual([]);
    expect(roster.vehicles.map((entry) => [entry.vehicleId, entry.loopId]).sort()).toEqual([
      ["r1", "e1/d1/p1"],
      ["r2", "e1/d1/p1"],
      ["u1", "e1/d2/p1"],
    ]);
    expect(validateRoster(scenario, roster).ok).toBe(true);
  });

  it("takes the smallest vehicle that carries everyone waiting", () => {
    const scenario = twoDormitories([
      { id: "big", seats: 40, dormitoryId: "d1" },
      { id: "fits", seats: 20, dormitoryId: "d1" },
      { id: "small", seats: 10, dormitoryId: "d1" },
      { id: "other", seats: 20, dormitoryId: "d2" },
    ]);
    const roster = planRoster(scenario);
    const d1 = roster.vehicles.filter((entry) => entry.loopId === "e1/d1/p1");
    expect(d1.map((entry) => entry.vehicleId)).toEqual(["fits"]);
    expect(validateRoster(scenario, roster).ok).toBe(true);
  });
});
