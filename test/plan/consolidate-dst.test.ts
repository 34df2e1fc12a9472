/**
 * Consolidation (consolidate.ts) across a DST change. Rides move to any minute of their
 * windows there, and windows are counted in real minutes: a night shift over the change is
 * an hour longer or shorter than on the wall. The benchmark's small single-loop instances
 * (bench/milp/small-instances.ts), moved to New York and London over a change day, must
 * still plan to rosters with no violation at all.
 *
 * `consolidate` is wrapped (not changed) to see what it did: each case first shows that
 * consolidation gave up a vehicle and moved a ride serving a shift over the change, so
 * that the case tests what it says it does.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it, vi } from "vitest";
import { smallInstance } from "../../bench/milp/small-instances.js";
import { shiftInstances } from "../../src/facts/shifts.js";
import type { LoopVehicle } from "../../src/plan/loop-vehicle.js";
import { planRoster } from "../../src/plan/plan-roster.js";
import { keyDepart, keyToPlant } from "../../src/plan/trip-key.js";
import { parseScenario } from "../../src/scenario/parse.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { formatReport } from "../../src/validate/report.js";
import { validateRoster } from "../../src/validate/validate-roster.js";
import { isoWithOffset, offsetMinutes } from "../time/zone-oracle.js";

const MS_PER_MINUTE = 60_000;

/** Each call of `consolidate` while planning: the vehicles it got, kept and freed. */
const calls = vi.hoisted(
  () => [] as { vehicles: readonly LoopVehicle[]; kept: LoopVehicle[]; freed: LoopVehicle[] }[],
);

vi.mock("../../src/plan/consolidate.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/plan/consolidate.js")>();
  return {
    ...original,
    consolidate: (...args: Parameters<typeof original.consolidate>) => {
      const result = original.consolidate(...args);
      calls.push({ vehicles: args[0], ...result });
      return result;
    },
  };
});

/** Small instance `index` of `seed`, in `timeZone`, over the three days from `start`. */
function overChange(timeZone: string, start: string, seed: number, index: number): ScenarioInput {
  const base = smallInstance(seed, index, { maxWorkers: 20, maxDays: 3, maxCrews: 4 });
  return { ...base, timeZone, horizon: { start, days: 3 } };
}

/** The instant the zone's offset changes on `date` (found on Intl's offsets, a minute apart). */
function changeInstant(zone: string, date: string): number {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  for (let t = midnight - 12 * 60 * MS_PER_MINUTE; t < midnight + 36 * 60 * MS_PER_MINUTE; ) {
    const next = t + MS_PER_MINUTE;
    if (offsetMinutes(next, zone) !== offsetMinutes(t, zone)) return next;
    t = next;
  }
  throw new Error(`no change of offset in ${zone} on ${date}`);
}

/** Plans, and fails with the formatted report unless the roster breaks no rule at all. */
function planWithoutViolations(input: ScenarioInput) {
  calls.length = 0;
  const roster = planRoster(input);
  const report = validateRoster(input, roster);
  expect(report.violations, formatReport(report)).toEqual([]);
  expect(report.ok).toBe(true);
  return roster;
}

interface Shift {
  start: number;
  end: number;
}

/**
 * The rides consolidation moved (in the vehicles it kept, a rider's ride at another minute
 * than the rider had when packed), each with the shift whose window it is in.
 */
function movedRides(input: ScenarioInput) {
  const { policy } = parseScenario(input);
  const ms = (minutes: number) => minutes * MS_PER_MINUTE;
  const road = ms(input.roads.edges[0]?.minutes ?? 0);
  const serves = (depart: number, toPlant: boolean) => (shift: Shift) =>
    toPlant
      ? depart + road >= shift.start - ms(policy.maxWaitMinutes) &&
        depart + road <= shift.start - ms(policy.arriveBeforeShiftMinutes)
      : depart >= shift.end + ms(policy.departAfterShiftMinutes) &&
        depart <= shift.end + ms(policy.maxWaitMinutes);
  const moved: { personId: string; depart: number; toPlant: boolean; shift: Shift }[] = [];
  for (const { vehicles, kept, freed } of calls) {
    if (freed.length === 0) continue;
    const before = new Map<string, Set<number>>();
    for (const vehicle of vehicles)
      for (const rider of vehicle.riders) before.set(rider.personId, new Set(rider.keys));
    for (const vehicle of kept)
      for (const rider of vehicle.riders) {
        const shifts = shiftInstances(input, rider.personId).map((s) => ({
          start: Date.parse(s.start),
          end: Date.parse(s.end),
        }));
        for (const key of rider.keys) {
          if (before.get(rider.personId)?.has(key)) continue;
          const depart = keyDepart(key);
          const toPlant = keyToPlant(key);
          const shift = shifts.find(serves(depart, toPlant));
          if (shift === undefined) throw new Error(`${rider.personId}: a ride serving no shift`);
          moved.push({ personId: rider.personId, depart, toPlant, shift });
        }
      }
  }
  return moved;
}

describe("consolidation over a DST change day", () => {
  // Instances where consolidation frees a vehicle and moves the ride of a shift that runs
  // over the change (found by a search over the small instances; each case checks it).
  it.each([
    { zone: "America/New_York", start: "2022-11-05", change: "2022-11-06", seed: 1, index: 48 },
    { zone: "America/New_York", start: "2022-03-12", change: "2022-03-13", seed: 5, index: 1 },
    { zone: "Europe/London", start: "2022-03-26", change: "2022-03-27", seed: 1, index: 48 },
    { zone: "Europe/London", start: "2022-10-29", change: "2022-10-30", seed: 1, index: 48 },
  ])(
    "$zone from $start: a ride over the change moves, a vehicle goes, the roster validates",
    ({ zone, start, change, seed, index }) => {
      const input = overChange(zone, start, seed, index);
      const roster = planWithoutViolations(input);
      expect(roster.stats.unservedShifts).toBe(0);

      // Consolidation ran and gave a vehicle up, down to the lower bound.
      const freed = calls.reduce((sum, call) => sum + call.freed.length, 0);
      expect(freed).toBeGreaterThan(0);
      expect(roster.stats.vehiclesUsed).toBe(roster.stats.fleetLowerBound);

      // It moved a ride of a shift that runs over the change, and the roster carries that
      // person on a trip at the moved time.
      const instant = changeInstant(zone, change);
      const overTheChange = movedRides(input).filter(
        ({ shift }) => shift.start < instant && instant < shift.end,
      );
      expect(overTheChange.length).toBeGreaterThan(0);
      for (const ride of overTheChange) {
        const trip = roster.trips.find(
          (t) =>
            Date.parse(t.depart) === ride.depart &&
            (t.direction === "to-plant") === ride.toPlant &&
            t.passengers.some((p) => p.personId === ride.personId),
        );
        expect(trip, `${ride.personId} at ${isoWithOffset(ride.depart, zone)}`).toBeDefined();
      }
    },
  );

  // The same instances over every change day of both zones in 2022: whatever consolidation
  // does there, the roster breaks no rule.
  const changes = [
    { zone: "America/New_York", start: "2022-03-12" },
    { zone: "America/New_York", start: "2022-11-05" },
    { zone: "Europe/London", start: "2022-03-26" },
    { zone: "Europe/London", start: "2022-10-29" },
  ] as const;
  test.prop([fc.constantFrom(...changes), fc.integer({ min: 1, max: 12 }), fc.nat(500)], {
    numRuns: 60,
  })("small instances over a change day plan to rosters without violations", (at, seed, index) => {
    const input = overChange(at.zone, at.start, seed, index);
    const roster = planWithoutViolations(input);
    expect(roster.stats.vehiclesUsed).toBeGreaterThanOrEqual(roster.stats.fleetLowerBound);
    // Every ride consolidation moved is inside the window of a shift (else this throws).
    movedRides(input);
  });
});
