/**
 * People per testing slot at one testing point, for `fixed-testing`. A district makes 1.6 M
 * test visits, and a Map entry per visit was that rule's largest cost: the slots of the days
 * around the horizon are counted in a flat array instead, and only a slot far outside them
 * (a roster can name any date) falls back to a Map.
 */
import type { DayNumber } from "../../time/civil-date.js";
import { clockMinutes } from "../../time/clock-time.js";

const MINUTES_PER_DAY = 1440;

/** Days before the horizon counted in the array: tests come up to a few days before it. */
const DAYS_BEFORE = 7;

/** At most this many array entries per testing point; a finer grid uses the Map alone. */
const MAX_ENTRIES = 1 << 13;

/** A testing point's hours: minutes of day it opens and closes, and its slot length. */
export interface TestingHours {
  opens: number;
  closes: number;
  slotMinutes: number;
}

export function testingHours(point: {
  opens: string;
  closes: string;
  slotMinutes: number;
}): TestingHours {
  return {
    opens: clockMinutes(point.opens),
    closes: clockMinutes(point.closes),
    slotMinutes: point.slotMinutes,
  };
}

/** The slot of the day (0 is the first after opening) holding `minute`, within hours. */
export function slotOf(hours: TestingHours, minute: number): number {
  return Math.floor((minute - hours.opens) / hours.slotMinutes);
}

export class SlotTally {
  private readonly first: DayNumber;
  private readonly days: number;
  private readonly slotsPerDay: number;
  /** People per slot s of day `first + d`, at `d * slotsPerDay + s` (empty until used). */
  private counts = new Int32Array(0);
  private readonly far = new Map<number, number>();
  /** Slot keys, `day * 1440 + slot start`, in the order first visited. */
  private readonly order: number[] = [];

  constructor(
    private readonly hours: TestingHours,
    horizon: { firstDay: DayNumber; days: number },
  ) {
    // A larger stride only spaces the array out, or leaves every day to the Map.
    // Stryker disable next-line ArithmeticOperator: every such mutant makes it larger
    this.slotsPerDay = Math.ceil((hours.closes - hours.opens) / hours.slotMinutes);
    // Which days the array holds changes the speed alone: the Map counts the others.
    // Stryker disable next-line all: speed alone
    this.first = horizon.firstDay - DAYS_BEFORE;
    // Stryker disable next-line all: speed alone
    const days = horizon.days + DAYS_BEFORE;
    // Stryker disable next-line all: speed alone
    this.days = days * this.slotsPerDay <= MAX_ENTRIES ? days : 0;
  }

  /** Counts one more person in slot `slot` (see `slotOf`) of `day`. */
  add(day: DayNumber, slot: number): void {
    const offset = day - this.first;
    if (offset < 0 || offset >= this.days) {
      this.addFar(day, slot);
      return;
    }
    // Allocated on the first visit: many sites of a scenario test nobody.
    if (this.counts.length === 0) this.counts = new Int32Array(this.days * this.slotsPerDay);
    const at = offset * this.slotsPerDay + slot;
    const count = this.counts[at] as number;
    if (count === 0) this.order.push(this.keyOf(day, slot));
    this.counts[at] = count + 1;
  }

  /** `add` for a day the array does not hold (kept apart: `add` stays small enough to inline). */
  private addFar(day: DayNumber, slot: number): void {
    const key = this.keyOf(day, slot);
    const count = this.far.get(key) ?? 0;
    if (count === 0) this.order.push(key);
    this.far.set(key, count + 1);
  }

  /** Each slot visited, in the order first visited, by key, with how many people it holds. */
  forEach(visit: (key: number, count: number) => void): void {
    for (const key of this.order) {
      const day = Math.floor(key / MINUTES_PER_DAY);
      const offset = day - this.first;
      const count =
        offset < 0 || offset >= this.days
          ? this.far.get(key)
          : this.counts[
              offset * this.slotsPerDay + slotOf(this.hours, key - day * MINUTES_PER_DAY)
            ];
      visit(key, count as number);
    }
  }

  /** `day * 1440 + slot start`: minutes since 1970-01-01 00:00 local. */
  private keyOf(day: DayNumber, slot: number): number {
    return day * MINUTES_PER_DAY + this.hours.opens + slot * this.hours.slotMinutes;
  }
}
