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
import { localInstant } from "../time/local-time.js";
import type { ZoneClock } from "../time/zone-clock.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

export interface PlannedTest {
  kind: string;
  at: number;
}

export class TestScheduler {
  /** People booked per `site|day|slotStart`. */
  private readonly booked = new Map<string, number>();
  private readonly instants = new Map<number, number>();
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

  /** The instant of `minuteOfDay` on civil `day` (memoised: luxon is slow per call). */
  private at(day: number, minuteOfDay: number): number {
    const key = day * 1440 + minuteOfDay;
    let ms = this.instants.get(key);
    if (ms === undefined) {
      ms = localInstant(day, minuteOfDay, this.model.zone);
      this.instants.set(key, ms);
    }
    return ms;
  }

  /** The latest test at `minuteOfDay` no later than `limit`. */
  private latestAt(minuteOfDay: number, limit: number): number {
    const day = this.clock.dayOf(limit);
    const sameDay = this.at(day, minuteOfDay);
    return sameDay <= limit ? sameDay : this.at(day - 1, minuteOfDay);
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
      current = this.latestAt(minuteOfDay, depart - resultMs);
      if (current < depart - validMs) return undefined;
      // A time in a DST gap would move forward that day: the time of day would not be fixed.
      if (this.clock.minuteOfDay(current) !== minuteOfDay) return undefined;
      if (tests[tests.length - 1] !== current) tests.push(current);
    }
    return tests;
  }

  /** Candidate times of day at a site: its slot starts, nearest before the first boarding first. */
  private candidates(
    site: Site,
    boardings: readonly number[],
  ): { minute: number; opens: number; slot: number; perSlot: number }[] {
    const point = site.testing;
    const opens = point === undefined ? 0 : clockMinutes(point.opens);
    const closes = point === undefined ? 1440 : clockMinutes(point.closes);
    const slot = point?.slotMinutes ?? 15;
    const perSlot = point?.perSlot ?? Number.POSITIVE_INFINITY;
    const first = boardings.length === 0 ? 0 : this.clock.minuteOfDay(boardings[0] as number);
    const target = first - this.maxResultMinutes;
    const list: { minute: number; opens: number; slot: number; perSlot: number }[] = [];
    for (let minute = opens; minute < closes; minute += slot)
      list.push({ minute, opens, slot, perSlot });
    const distance = (minute: number) => (((target - minute) % 1440) + 1440) % 1440;
    return list.sort((a, b) => distance(a.minute) - distance(b.minute) || a.minute - b.minute);
  }

  /**
   * Books a fixed time of day for a person boarding at `boardings` (sorted departures) and
   * returns their tests, or `undefined` if no time of day at their dormitory serves them.
   */
  schedule(dormitoryId: string, boardings: readonly number[]): PlannedTest[] | undefined {
    if (boardings.length === 0) return [];
    const site = this.model.sites.get(dormitoryId);
    if (site === undefined) return undefined;
    const regimes = this.model.scenario.policy.testing;
    for (const candidate of this.candidates(site, boardings)) {
      const tests: PlannedTest[] = [];
      let covered = true;
      for (const regime of regimes) {
        const times = this.coverage(regime, boardings, candidate.minute);
        if (times === undefined) {
          covered = false;
          break;
        }
        for (const at of times) tests.push({ kind: regime.kind, at });
      }
      if (!covered) continue;
      const slotKeys = [
        ...new Set(
          tests.map((test) => `${site.id}|${this.clock.dayOf(test.at)}|${candidate.minute}`),
        ),
      ];
      if (slotKeys.some((key) => (this.booked.get(key) ?? 0) >= candidate.perSlot)) continue;
      for (const key of slotKeys) this.booked.set(key, (this.booked.get(key) ?? 0) + 1);
      return tests;
    }
    return undefined;
  }
}
