/**
 * Fixed testing: one local time of day per person (drivers too), at their dormitory's
 * testing point, on just the days needed so that every boarding has a valid result of
 * every required kind. For each kind the days are chosen greedily — at each boarding not
 * yet covered, the latest test whose result is out in time — which is the fewest tests
 * that time of day allows (interval stabbing). A time is taken only if every slot it needs
 * has room; a person no time can serve is reported back.
 */

import type { ScenarioModel } from "../scenario/model.js";
import type { Site, TestingRegime } from "../scenario/schema.js";
import { clockMinutes } from "../time/clock-time.js";
import type { ZoneClock } from "../time/zone-clock.js";
import { getOrCreate } from "../util/collections.js";
import { compareText } from "../util/order.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

export interface PlannedTest {
  kind: string;
  at: number;
}

/** A person's tests at one time of day, and the slots (day × 1440 + minute) they take. */
interface Plan {
  tests: readonly PlannedTest[];
  slots: readonly number[];
}

interface Candidate {
  minute: number;
  perSlot: number;
}

export class TestScheduler {
  /** People booked per site, per `day * 1440 + slot start`. */
  private readonly booked = new Map<string, Map<number, number>>();
  private readonly candidateCache = new Map<string, readonly Candidate[]>();
  /** Plans per boarding pattern and time of day (null: that time cannot cover it). */
  private readonly plans = new Map<string, Map<number, Plan | null>>();
  private readonly maxResultMinutes: number;

  constructor(
    private readonly model: ScenarioModel,
    private readonly clock: ZoneClock,
  ) {
    this.maxResultMinutes = Math.max(
      0,
      ...model.scenario.policy.testing.map((regime) => regime.resultMinutes),
    );
  }

  /** Tests of one kind covering every boarding with tests at `minuteOfDay`, or undefined. */
  private coverage(
    regime: TestingRegime,
    boardings: readonly number[],
    minuteOfDay: number,
  ): number[] | undefined {
    const tests: number[] = [];
    let current = Number.NEGATIVE_INFINITY;
    const resultMs = regime.resultMinutes * MS_PER_MINUTE;
    const validMs = regime.validHours * MS_PER_HOUR;
    for (const depart of boardings) {
      if (current <= depart - resultMs && current >= depart - validMs) continue;
      current = this.clock.latestAt(minuteOfDay, depart - resultMs);
      if (current < depart - validMs) return undefined;
      // A time in a DST gap would move forward that day: the time of day would not be fixed.
      if (this.clock.minuteOfDay(current) !== minuteOfDay) return undefined;
      if (tests[tests.length - 1] !== current) tests.push(current);
    }
    return tests;
  }

  /** Candidate times of day at a site: its slot starts, nearest before `target` first (cached). */
  private candidates(site: Site, target: number): readonly Candidate[] {
    const key = `${site.id}|${target}`;
    const cached = this.candidateCache.get(key);
    if (cached !== undefined) return cached;
    const point = site.testing;
    const opens = point === undefined ? 0 : clockMinutes(point.opens);
    const closes = point === undefined ? 1440 : clockMinutes(point.closes);
    const slot = point?.slotMinutes ?? 15;
    const perSlot = point?.perSlot ?? Number.POSITIVE_INFINITY;
    const list: Candidate[] = [];
    // Only slots that end by closing time (a slot that runs past it would be outside hours).
    for (let minute = opens; minute + slot <= closes; minute += slot) {
      list.push({ minute, perSlot });
    }
    const distance = (minute: number) => (((target - minute) % 1440) + 1440) % 1440;
    list.sort((a, b) => distance(a.minute) - distance(b.minute) || a.minute - b.minute);
    this.candidateCache.set(key, list);
    return list;
  }

  /**
   * The tests of every kind that cover `boardings` at `minuteOfDay` and the slots they take
   * (one place per visit: a slot is a day and time at the site, whatever kinds are taken),
   * or null if that time cannot cover them.
   */
  private planAt(minuteOfDay: number, boardings: readonly number[]): Plan | null {
    const tests: PlannedTest[] = [];
    for (const regime of this.model.scenario.policy.testing) {
      const times = this.coverage(regime, boardings, minuteOfDay);
      if (times === undefined) return null;
      for (const at of times) tests.push({ kind: regime.kind, at });
    }
    // In the roster's order, once per pattern rather than once per person who takes it.
    tests.sort((a, b) => a.at - b.at || compareText(a.kind, b.kind));
    const slots: number[] = [];
    for (const test of tests) {
      const slot = this.clock.dayOf(test.at) * 1440 + minuteOfDay;
      if (!slots.includes(slot)) slots.push(slot);
    }
    return { tests, slots };
  }

  /**
   * Books a fixed time of day for a person boarding at `boardings` (sorted departures) and
   * returns their tests, by instant and then kind (shared between people with the same
   * boardings: do not change them), or `undefined` if no time of day serves them.
   */
  schedule(dormitoryId: string, boardings: readonly number[]): readonly PlannedTest[] | undefined {
    if (boardings.length === 0) return [];
    const site = this.model.sites.get(dormitoryId);
    if (site === undefined) return undefined;
    const booked = getOrCreate(this.booked, site.id, () => new Map<number, number>());
    const target = this.clock.minuteOfDay(boardings[0] as number) - this.maxResultMinutes;
    // Riders of one crew share their boardings exactly: work their tests out once.
    const known = getOrCreate(
      this.plans,
      boardings.join(","),
      () => new Map<number, Plan | null>(),
    );
    for (const candidate of this.candidates(site, target)) {
      let plan = known.get(candidate.minute);
      if (plan === undefined) {
        plan = this.planAt(candidate.minute, boardings);
        known.set(candidate.minute, plan);
      }
      if (plan === null) continue;
      const { tests, slots } = plan;
      if (slots.some((slot) => (booked.get(slot) ?? 0) >= candidate.perSlot)) continue;
      for (const slot of slots) booked.set(slot, (booked.get(slot) ?? 0) + 1);
      return tests;
    }
    return undefined;
  }
}
