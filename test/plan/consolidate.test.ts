import { describe, expect, it } from "vitest";
import { smallInstance } from "../../bench/milp/small-instances.js";
import { type ChainRules, chainRuns, withBlocked } from "../../src/plan/chain.js";
import { consolidate } from "../../src/plan/consolidate.js";
import type { Rider } from "../../src/plan/demand.js";
import { type GapMinutes, type Slot, slotTimes, withRide } from "../../src/plan/flex-chain.js";
import type { LoopVehicle } from "../../src/plan/loop-vehicle.js";
import { planRoster } from "../../src/plan/plan-roster.js";
import type { RetimeRules } from "../../src/plan/retime.js";
import { tripKey } from "../../src/plan/trip-key.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { civilDay } from "../../src/time/civil-date.js";
import { ZoneClock } from "../../src/time/zone-clock.js";
import { formatReport } from "../../src/validate/report.js";
import { validateRoster } from "../../src/validate/validate-roster.js";

const MS_PER_MINUTE = 60_000;

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

describe("consolidation and blocked days", () => {
  // One loop in Shanghai: 10-minute roads, 15 minutes' disinfection, the default windows
  // (rides in up to 45 minutes earlier, rides home up to 50 later than their edges).
  const clock = new ZoneClock("Asia/Shanghai");
  const rules: ChainRules = {
    toPlantMs: 10 * MS_PER_MINUTE,
    toDormitoryMs: 10 * MS_PER_MINUTE,
    disinfectionMs: 15 * MS_PER_MINUTE,
    maxDriverMinutesPerDay: 480,
    clock,
  };
  const retimeRules: RetimeRules = {
    toPlantMinutes: 10,
    toDormitoryMinutes: 10,
    disinfectionMinutes: 15,
    earlierInMinutes: 45,
    laterHomeMinutes: 50,
    clock,
  };
  /** A worker on the day shift (08:00–17:00) of one date, at its edge times. */
  const dayShiftRider = (personId: string, date: string): Rider => ({
    personId,
    keys: [
      tripKey(Date.parse(`${date}T07:35:00+08:00`), true),
      tripKey(Date.parse(`${date}T17:10:00+08:00`), false),
    ],
    dates: [date],
  });
  const vehicleWith = (id: string, rider: Rider, outOn?: string): LoopVehicle => ({
    vehicle: { id, seats: 19, seatsPerRow: 4 },
    capacity: 9,
    driverId: `k-${id}`,
    ...(outOn === undefined ? {} : { blocked: (day: number) => day === civilDay(outOn) }),
    keys: [...rider.keys],
    load: new Map(rider.keys.map((key) => [key, 1])),
    riders: [rider],
  });
  const r1 = dayShiftRider("r1", "2022-05-16");
  const r2 = dayShiftRider("r2", "2022-05-18");

  it("empties one of two vehicles whose riders ride on different days", () => {
    const { kept, freed } = consolidate(
      [vehicleWith("a", r1), vehicleWith("b", r2)],
      1,
      rules,
      retimeRules,
    );
    expect(freed).toHaveLength(1);
    expect(kept.flatMap((vehicle) => vehicle.riders.map((rider) => rider.personId)).sort()).toEqual(
      ["r1", "r2"],
    );
  });

  it("moves no ride onto a day its new vehicle (or that vehicle's driver) is out", () => {
    // a is out on r2's day, b on r1's: neither can take the other's rider.
    const a = vehicleWith("a", r1, "2022-05-18");
    const b = vehicleWith("b", r2, "2022-05-16");
    const { kept, freed } = consolidate([a, b], 1, rules, retimeRules);
    expect(freed).toEqual([]);
    expect(kept).toEqual([a, b]);
  });

  it("moves a ride onto a vehicle that is out only on other days", () => {
    // a is out on a day nobody rides: b's rider may move onto it, or a's onto b.
    const { kept, freed } = consolidate(
      [vehicleWith("a", r1, "2022-05-17"), vehicleWith("b", r2)],
      1,
      rules,
      retimeRules,
    );
    expect(freed).toHaveLength(1);
    for (const vehicle of kept)
      expect(chainRuns(vehicle.keys, withBlocked(rules, vehicle.blocked))).toBeDefined();
  });
});
