/**
 * Test appointments for people who board new trips after a re-plan (a stand-in driver, a
 * joiner, a driver's extra empty run): the tests they already have are kept, and what is
 * missing is added at their one fixed time of day, on or after `from`, in slots with room.
 * The same greedy as the planner (latest test whose result is out in time), so the fewest
 * tests that time allows.
 */
import type { TestAppointment } from "../roster/schema.js";
import type { Site, TestingRegime } from "../scenario/schema.js";
import { clockMinutes } from "../time/clock-time.js";
import { parseInstant } from "../time/instant.js";
import { compareText } from "../util/order.js";
import type { WorkingRoster } from "./working-roster.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

interface Booked {
  kind: string;
  at: number;
}

export class TestBook {
  /** People booked per site, per `day * 1440 + minute`. */
  private readonly slots = new Map<string, Map<number, number>>();
  private readonly byPerson = new Map<string, Booked[]>();
  private readonly added: TestAppointment[] = [];

  private loaded = false;

  constructor(private readonly working: WorkingRoster) {}

  /** Counts the kept tests' slots, once, the first time a test must be added. */
  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    const { working } = this;
    const { clock } = working;
    const seen = new Set<string>();
    for (const test of working.tests) {
      const at = parseInstant(test.at) as number;
      const list = this.byPerson.get(test.personId);
      if (list === undefined) this.byPerson.set(test.personId, [{ kind: test.kind, at }]);
      else list.push({ kind: test.kind, at });
      const slot = clock.dayOf(at) * 1440 + clock.minuteOfDay(at);
      const visit = `${test.personId}|${test.siteId}|${slot}`;
      if (seen.has(visit)) continue; // a slot counts people, not tests
      seen.add(visit);
      const site = this.slotsOf(test.siteId);
      site.set(slot, (site.get(slot) ?? 0) + 1);
    }
  }

  private slotsOf(siteId: string): Map<number, number> {
    let site = this.slots.get(siteId);
    if (site === undefined) {
      site = new Map();
      this.slots.set(siteId, site);
    }
    return site;
  }

  /**
   * Makes sure every boarding in `departs` (sorted) has a valid test of each kind, adding
   * tests on or after `from` at the person's fixed time. Returns false (and books nothing)
   * if no time can.
   */
  ensure(personId: string, departs: readonly number[]): boolean {
    this.load();
    const { model, clock } = this.working;
    const person = model.staff.get(personId);
    const site = person === undefined ? undefined : model.sites.get(person.dormitoryId);
    if (site === undefined) return departs.length === 0;
    const have = this.byPerson.get(personId) ?? [];
    const regimes = model.scenario.policy.testing;
    const uncovered = regimes.map((regime) =>
      departs.filter((depart) => !have.some((test) => covers(test, regime, depart))),
    );
    if (uncovered.every((list) => list.length === 0)) return true;
    const first = have[0];
    const minutes =
      first !== undefined
        ? [clock.minuteOfDay(first.at)]
        : candidateMinutes(site, clock.minuteOfDay(departs[0] as number) - maxResult(regimes));
    for (const minute of minutes) {
      const fresh = this.planAt(site, minute, regimes, uncovered);
      if (fresh === undefined) continue;
      const slots = this.slotsOf(site.id);
      const perSlot = site.testing?.perSlot ?? Number.POSITIVE_INFINITY;
      const visits = new Set(fresh.map((test) => clock.dayOf(test.at) * 1440 + minute));
      for (const test of have)
        visits.delete(clock.dayOf(test.at) * 1440 + clock.minuteOfDay(test.at));
      if ([...visits].some((slot) => (slots.get(slot) ?? 0) >= perSlot)) continue;
      for (const slot of visits) slots.set(slot, (slots.get(slot) ?? 0) + 1);
      const list = [...have, ...fresh];
      this.byPerson.set(personId, list);
      for (const test of fresh) {
        this.added.push({
          personId,
          siteId: site.id,
          kind: test.kind,
          at: clock.formatISO(test.at),
        });
      }
      return true;
    }
    return false;
  }

  /** New tests covering the uncovered boardings at `minute`, all on or after `from`. */
  private planAt(
    site: Site,
    minute: number,
    regimes: readonly TestingRegime[],
    uncovered: readonly (readonly number[])[],
  ): Booked[] | undefined {
    const { clock, fromMs } = this.working;
    const point = site.testing;
    if (point !== undefined) {
      const opens = clockMinutes(point.opens);
      const closes = clockMinutes(point.closes);
      if (minute < opens || minute + point.slotMinutes > closes) return undefined;
    }
    const fresh: Booked[] = [];
    for (const [k, regime] of regimes.entries()) {
      const resultMs = regime.resultMinutes * MS_PER_MINUTE;
      const validMs = regime.validHours * MS_PER_HOUR;
      let current = Number.NEGATIVE_INFINITY;
      for (const depart of uncovered[k] ?? []) {
        if (current <= depart - resultMs && current >= depart - validMs) continue;
        current = clock.latestAt(minute, depart - resultMs);
        if (current < depart - validMs || current < fromMs) return undefined;
        // A time in a DST gap moves forward that day: the time of day would not be fixed.
        if (clock.minuteOfDay(current) !== minute) return undefined;
        fresh.push({ kind: regime.kind, at: current });
      }
    }
    return fresh;
  }

  /** Every test: the kept ones and those added, by person, time and kind. */
  appointments(): TestAppointment[] {
    if (this.added.length === 0) return this.working.tests;
    const all = [...this.working.tests, ...this.added];
    const at = (test: TestAppointment) => parseInstant(test.at) as number;
    return all
      .map((test, index) => ({ test, index, at: at(test) }))
      .sort(
        (a, b) =>
          compareText(a.test.personId, b.test.personId) ||
          a.at - b.at ||
          compareText(a.test.kind, b.test.kind) ||
          a.index - b.index,
      )
      .map((entry) => entry.test);
  }
}

function covers(test: Booked, regime: TestingRegime, depart: number): boolean {
  return (
    test.kind === regime.kind &&
    test.at <= depart - regime.resultMinutes * MS_PER_MINUTE &&
    test.at >= depart - regime.validHours * MS_PER_HOUR
  );
}

function maxResult(regimes: readonly TestingRegime[]): number {
  return Math.max(0, ...regimes.map((regime) => regime.resultMinutes));
}

/** A site's slot starts, the nearest before `target` (minutes of day) first. */
function candidateMinutes(site: Site, target: number): number[] {
  const point = site.testing;
  const opens = point === undefined ? 0 : clockMinutes(point.opens);
  const closes = point === undefined ? 1440 : clockMinutes(point.closes);
  const step = point?.slotMinutes ?? 15;
  const list: number[] = [];
  for (let minute = opens; minute + step <= closes; minute += step) list.push(minute);
  const distance = (minute: number) => (((target - minute) % 1440) + 1440) % 1440;
  return list.sort((a, b) => distance(a) - distance(b) || a - b);
}
