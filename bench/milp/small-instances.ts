/**
 * Small single-loop scenarios for the exact comparator: one enterprise, one dormitory, one
 * plant, one road of 5–25 minutes; a few crews on fixed day / night / early / late shifts,
 * five-on/two-off weeks, early-early-late-late rotations and four-on/four-off 12-hour
 * rotations; identical unrestricted vehicles (19 or 33 seats) and drivers enough for any
 * packing; no testing limits, no positive cases, driver limits that never bind.
 * Seeded: the same (seed, index) gives the same scenario.
 */

import type { ScenarioInput } from "../../src/scenario/schema.js";
import { seededRandom } from "../../src/util/seeded-random.js";

export interface SmallInstanceOptions {
  /** At most this many workers (default 60, at least 2). */
  maxWorkers?: number;
  /** At most this many days in the horizon (default 5). */
  maxDays?: number;
  /** At most this many crews (distinct schedules; default 6). */
  maxCrews?: number;
}

const START = "2022-05-16";

/** Shift catalogue: id, start minute, length in minutes. Starts are jittered per instance. */
const SHIFTS: readonly { id: string; start: number; minutes: number }[] = [
  { id: "day", start: 8 * 60, minutes: 9 * 60 },
  { id: "night", start: 20 * 60, minutes: 9 * 60 },
  { id: "early", start: 6 * 60, minutes: 8 * 60 },
  { id: "late", start: 14 * 60, minutes: 8 * 60 },
  { id: "d12", start: 8 * 60, minutes: 12 * 60 },
  { id: "n12", start: 20 * 60, minutes: 12 * 60 },
];

/** Crew schedules: a cycle (anchored at a random offset, so crews interleave). */
const CYCLES: readonly (readonly string[])[] = [
  ["day"],
  ["night"],
  ["early"],
  ["late"],
  ["day", "day", "day", "day", "day", "off", "off"],
  ["early", "early", "late", "late", "off", "off"],
  ["d12", "d12", "d12", "d12", "off", "off", "off", "off"],
  ["n12", "n12", "n12", "n12", "off", "off", "off", "off"],
];

function clock(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instance seed of (seed, index): a fixed mix, so instances differ and repeat. */
export function instanceSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

/** One small single-loop scenario input. */
export function smallInstance(
  seed: number,
  index: number,
  options: SmallInstanceOptions = {},
): ScenarioInput {
  const random = seededRandom(instanceSeed(seed, index));
  const maxWorkers = Math.max(2, options.maxWorkers ?? 60);
  const maxDays = Math.max(1, options.maxDays ?? 5);
  const maxCrews = Math.max(1, options.maxCrews ?? 6);
  const between = (low: number, high: number) => low + random.below(high - low + 1);

  const days = between(Math.min(2, maxDays), maxDays);
  const roadMinutes = between(5, 25);
  const seats = random.pick([19, 33]);
  const capacity = Math.floor(seats * 0.5);
  const workers = between(Math.min(8, maxWorkers), maxWorkers);
  const crews = Math.min(workers, between(2, Math.max(2, maxCrews)));

  const shifts = SHIFTS.map((shift) => {
    const start = shift.start + 30 * between(-2, 2);
    return { id: shift.id, start: clock(start), end: clock(start + shift.minutes) };
  });

  // Crew sizes: every crew at least one worker, the rest spread at random.
  const sizes = Array.from({ length: crews }, () => 1);
  for (let rest = workers - crews; rest > 0; rest--) {
    const crew = random.below(crews);
    sizes[crew] = (sizes[crew] as number) + 1;
  }
  const schedules = sizes.map(() => {
    const cycle = random.pick(CYCLES);
    return { cycle: [...cycle], anchor: addDays(START, -random.below(cycle.length)) };
  });

  const staff: ScenarioInput["staff"] = [];
  sizes.forEach((size, crew) => {
    for (let i = 0; i < size; i++) {
      staff.push({
        id: `w${String(staff.length + 1).padStart(3, "0")}`,
        enterpriseId: "e1",
        dormitoryId: "d1",
        plantId: "p1",
        role: "worker",
        schedule: schedules[crew] as NonNullable<ScenarioInput["staff"][number]["schedule"]>,
      });
    }
  });
  // Enough vehicles for one per crew plus full loads: more than any packing can use.
  const vehicleCount = Math.max(10, crews + Math.ceil(workers / capacity));
  for (let i = 0; i < vehicleCount + 2; i++)
    staff.push({
      id: `k${String(i + 1).padStart(2, "0")}`,
      enterpriseId: "e1",
      dormitoryId: "d1",
      role: "driver",
    });

  return {
    name: `small-${seed}-${index}`,
    timeZone: "Asia/Shanghai",
    horizon: { start: START, days },
    policy: { maxDriverMinutesPerDay: 1440 },
    enterprises: [{ id: "e1", name: "E1", closedHousing: true, positiveCases: [] }],
    sites: [
      { id: "d1", name: "Dormitory", kind: "dormitory", node: "a" },
      { id: "p1", name: "Plant", kind: "plant", node: "b" },
    ],
    roads: { edges: [{ from: "a", to: "b", minutes: roadMinutes, km: roadMinutes / 2 }] },
    shifts,
    staff,
    vehicles: Array.from({ length: vehicleCount }, (_, i) => ({
      id: `v${String(i + 1).padStart(2, "0")}`,
      seats,
    })),
  };
}

/** `count` small single-loop scenario inputs from `seed` (instance i is `smallInstance(seed, i)`). */
export function smallInstances(
  count: number,
  seed: number,
  options: SmallInstanceOptions = {},
): ScenarioInput[] {
  return Array.from({ length: count }, (_, index) => smallInstance(seed, index, options));
}
