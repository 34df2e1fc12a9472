import { describe, expect, it } from "vitest";
import { smallInstance } from "../../bench/milp/small-instances.js";
import { type GapMinutes, type Slot, slotTimes, withRide } from "../../src/plan/flex-chain.js";
import { planRoster } from "../../src/plan/plan-roster.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { formatReport } from "../../src/validate/report.js";
import { validateRoster } from "../../src/validate/validate-roster.js";

/** Plans, checks the roster is valid and complete, and returns its stats. */
function planValid(scenario: ScenarioInput) {
  const roster = planRoster(scenario);
  const report = validateRoster(scenario, roster);
  expect(report.ok, formatReport(report)).toBe(true);
  expect(roster.stats.unservedShifts).toBe(0);
  expect(JSON.stringify(planRoster(scenario))).toBe(JSON.stringify(roster));
  return roster.stats;
}

describe("emptying a vehicle with free trip times", () => {
  it("moves a single day's ride: tiny instance small-12-1 needs one vehicle, not two", () => {
    // On the last day the early crew rides home later than its edge time so that the same
    // bus can first bring the late crew in; on the other days it rides at the edge.
    const scenario = smallInstance(12, 1, { maxWorkers: 20, maxDays: 3, maxCrews: 4 });
    const stats = planValid(scenario);
    expect(stats.vehiclesUsed).toBe(1);
    expect(stats.fleetLowerBound).toBe(1);
  });

  it("shares a trip at a time inside both windows: small-1-1 needs one vehicle, not two", () => {
    // The 12-hour crew rides in with the day crews, 30 minutes before its own edge time.
    const stats = planValid(smallInstance(1, 1));
    expect(stats.vehiclesUsed).toBe(1);
    expect(stats.fleetLowerBound).toBe(1);
  });
});

describe("flex-chain", () => {
  const gaps: GapMinutes = { toPlant: 20, toDormitory: 20, disinfection: 15 };
  const empty: Slot<string>[] = [];

  /** Rider a (ride in within 0–45) then rider b (30–75), on trips of `capacity`. */
  const aThenB = (capacity: number) => {
    const one = withRide(
      empty,
      { rider: "a", service: 0 },
      { toPlant: true, lo: 0, hi: 45 },
      capacity,
      gaps,
    );
    const two = withRide(
      one ?? [],
      { rider: "b", service: 0 },
      { toPlant: true, lo: 30, hi: 75 },
      capacity,
      gaps,
    );
    return two;
  };

  it("puts a ride on a trip of its direction at a minute both windows hold", () => {
    const two = aThenB(2);
    expect(two).toHaveLength(1);
    expect(two?.[0]).toMatchObject({ lo: 30, hi: 45 });
    expect(slotTimes(two ?? [], gaps)).toEqual([45]);
  });

  it("opens a new trip when the one there is full, moving both within their windows", () => {
    // A second load needs a whole cycle (20 + 20 + 2 × 15 = 70 minutes) after the first.
    const two = aThenB(1);
    expect(two).toHaveLength(2);
    expect(slotTimes(two ?? [], gaps)).toEqual([5, 75]);
    // A third cannot come within the windows.
    const three = withRide(
      two ?? [],
      { rider: "c", service: 0 },
      { toPlant: true, lo: 0, hi: 45 },
      1,
      gaps,
    );
    expect(three).toBeUndefined();
  });

  it("takes a ride home between two rides in when the gaps allow", () => {
    let slots: Slot<string>[] | undefined = empty;
    slots = withRide(slots, { rider: "a", service: 0 }, { toPlant: true, lo: 0, hi: 0 }, 4, gaps);
    slots = withRide(
      slots ?? [],
      { rider: "b", service: 0 },
      { toPlant: true, lo: 100, hi: 100 },
      4,
      gaps,
    );
    // In at 0, at the plant at 20, disinfected by 35; home by 70 (55 + 15): fits 35..65.
    slots = withRide(
      slots ?? [],
      { rider: "c", service: 0 },
      { toPlant: false, lo: 30, hi: 60 },
      4,
      gaps,
    );
    expect(slotTimes(slots ?? [], gaps)).toEqual([0, 35, 100]);
  });
});
