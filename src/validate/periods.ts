/**
 * Roster entries with periods (SPEC §5: `from`/`to` on `vehicles` and `assignments`, inclusive
 * local dates of departure, absent = open on that side) as day ranges, and per id which entry
 * covers each date: the first listed of the entries whose period contains it, so that a later
 * overlapping entry (a rule's break to report) never hides an earlier one. An id with one
 * entry without dates, as in every planned roster, answers without looking at the date.
 */
import { civilDay, type DayNumber } from "../time/civil-date.js";

/** The period fields of a roster entry. */
export interface Period {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** An entry, its index in its roster list, and its period as day numbers (±Infinity: open). */
export interface Dated<T> {
  readonly entry: T;
  readonly index: number;
  readonly from: DayNumber;
  readonly to: DayNumber;
}

/** Days `from..to` (inclusive) on which one entry covers the dates. */
interface Segment<T> {
  from: DayNumber;
  to: DayNumber;
  dated: Dated<T>;
}

/** An entry whose period overlaps that of another one listed before it. */
export interface Overlap<T> {
  dated: Dated<T>;
  other: Dated<T>;
}

/** Numbers in order, ±Infinity included (`a - b` is NaN for two equal infinities). */
const compare = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An entry with its period as day numbers.
 * @example
 * dated({ vehicleId: "v1", from: "2022-05-16" }, 0).to //=> Infinity
 */
export function dated<T extends Period>(entry: T, index: number): Dated<T> {
  return {
    entry,
    index,
    from: entry.from === undefined ? Number.NEGATIVE_INFINITY : civilDay(entry.from),
    to: entry.to === undefined ? Number.POSITIVE_INFINITY : civilDay(entry.to),
  };
}

/** Whether an entry's `from` is after its `to`, so that it covers no date. */
export function isEmptyPeriod(entry: Dated<unknown>): boolean {
  return entry.from > entry.to;
}

/**
 * A period as words: `2022-05-16 to 2022-05-20`, `from 2022-05-16`, `until 2022-05-20`, or
 * `without dates` for an entry open on both sides.
 * @example
 * periodWords({ from: "2022-05-16" }) //=> "from 2022-05-16"
 */
export function periodWords(period: Period): string {
  const { from, to } = period;
  if (from !== undefined && to !== undefined) return `${from} to ${to}`;
  if (from !== undefined) return `from ${from}`;
  if (to !== undefined) return `until ${to}`;
  return "without dates";
}

/** Whether an entry carries a `from` or a `to`. */
export function hasDates(period: Period): boolean {
  return period.from !== undefined || period.to !== undefined;
}

/** A binary min-heap of entries by list index (the first listed entry on top). */
class FirstListed<T> {
  private readonly items: Dated<T>[] = [];

  peek(): Dated<T> | undefined {
    return this.items[0];
  }

  push(item: Dated<T>): void {
    const { items } = this;
    let k = items.push(item) - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if ((items[parent] as Dated<T>).index <= item.index) break;
      items[k] = items[parent] as Dated<T>;
      k = parent;
    }
    items[k] = item;
  }

  pop(): void {
    const { items } = this;
    const last = items.pop();
    if (last === undefined || items.length === 0) return;
    let k = 0;
    for (;;) {
      const left = 2 * k + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child =
        right < items.length && (items[right] as Dated<T>).index < (items[left] as Dated<T>).index
          ? right
          : left;
      if ((items[child] as Dated<T>).index >= last.index) break;
      items[k] = items[child] as Dated<T>;
      k = child;
    }
    items[k] = last;
  }
}

/**
 * The dates each entry covers, as disjoint segments in date order: a sweep over the days
 * where an entry starts or ends, keeping the first listed entry in force on top of a heap.
 * O(n log n) for n entries, however they overlap.
 */
function segmentsOf<T>(entries: readonly Dated<T>[]): Segment<T>[] {
  const live = entries.filter((entry) => !isEmptyPeriod(entry));
  const [only] = live;
  if (only === undefined) return [];
  if (live.length === 1) return [{ from: only.from, to: only.to, dated: only }];
  const byStart = [...live].sort((a, b) => compare(a.from, b.from) || a.index - b.index);
  const points = [...new Set(live.flatMap((entry) => [entry.from, entry.to + 1]))].sort(compare);
  const heap = new FirstListed<T>();
  const segments: Segment<T>[] = [];
  let next = 0;
  points.forEach((at, p) => {
    if (at === Number.POSITIVE_INFINITY) return; // the day after an open end
    for (; next < byStart.length && (byStart[next] as Dated<T>).from <= at; next++)
      heap.push(byStart[next] as Dated<T>);
    let top = heap.peek();
    while (top !== undefined && top.to < at) {
      heap.pop();
      top = heap.peek();
    }
    if (top === undefined) return;
    const following = points[p + 1];
    const to = following === undefined ? Number.POSITIVE_INFINITY : following - 1;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.dated === top && last.to === at - 1) last.to = to;
    else segments.push({ from: at, to, dated: top });
  });
  return segments;
}

/**
 * One id's entries (a vehicle's `vehicles` entries, a person's assignments) and the entry
 * covering each date.
 * @example
 * const coverage = new Coverage([dated({ vehicleId: "v1", loopId: "L", driverId: "k1" }, 0)]);
 * coverage.always?.entry.loopId //=> "L"
 */
export class Coverage<T> {
  /** The entry covering every date, when one does (a lone entry without dates). */
  readonly always: Dated<T> | undefined;
  private readonly segments: Segment<T>[];

  /** @param entries - the id's entries, in roster list order */
  constructor(readonly entries: readonly Dated<T>[]) {
    this.segments = segmentsOf(entries);
    const [first] = this.segments;
    this.always =
      this.segments.length === 1 &&
      first !== undefined &&
      first.from === Number.NEGATIVE_INFINITY &&
      first.to === Number.POSITIVE_INFINITY
        ? first.dated
        : undefined;
  }

  /** The entry covering `day`, or `undefined` when none does. */
  on(day: DayNumber): Dated<T> | undefined {
    if (this.always !== undefined) return this.always;
    const k = this.lastStartingBy(day);
    const segment = this.segments[k];
    return segment !== undefined && segment.to >= day ? segment.dated : undefined;
  }

  /** The entries covering some day of `from..to`, each once, in date order. */
  during(from: DayNumber, to: DayNumber): Dated<T>[] {
    const found: Dated<T>[] = [];
    for (let k = Math.max(0, this.lastStartingBy(from)); k < this.segments.length; k++) {
      const segment = this.segments[k] as Segment<T>;
      if (segment.from > to) break;
      if (segment.to >= from && !found.includes(segment.dated)) found.push(segment.dated);
    }
    return found;
  }

  /**
   * Every entry whose period overlaps that of an entry listed before it, in list order, with
   * one such entry: the entries that are not in force on all their dates. An entry covering
   * no date overlaps nothing.
   */
  overlaps(): Overlap<T>[] {
    const firstSegment = new Map<Dated<T>, Segment<T>>();
    for (const segment of this.segments)
      if (!firstSegment.has(segment.dated)) firstSegment.set(segment.dated, segment);
    const found: Overlap<T>[] = [];
    for (const entry of this.entries) {
      if (isEmptyPeriod(entry)) continue;
      const own = firstSegment.get(entry);
      if (own !== undefined && own.from === entry.from && own.to === entry.to) continue;
      // Where the entry first loses: on its first day, or the day after its first run.
      const at = own === undefined || own.from !== entry.from ? entry.from : own.to + 1;
      const other = this.on(at);
      if (other !== undefined) found.push({ dated: entry, other });
    }
    return found;
  }

  /** The index of the last segment starting on or before `day` (-1 when none does). */
  private lastStartingBy(day: DayNumber): number {
    let low = 0;
    let high = this.segments.length; // the answer + 1 is in low..high
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.segments[middle] as Segment<T>).from <= day) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }
}

/**
 * A roster list's entries grouped by id, each group as a {@link Coverage}.
 * @example
 * coverageById(roster.vehicles, (entry) => entry.vehicleId).get("v1")?.on(day)
 */
export function coverageById<T extends Period>(
  list: readonly T[],
  idOf: (entry: T) => string,
): Map<string, Coverage<T>> {
  const groups = new Map<string, Dated<T>[]>();
  list.forEach((entry, index) => {
    const id = idOf(entry);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [dated(entry, index)]);
    else group.push(dated(entry, index));
  });
  const coverage = new Map<string, Coverage<T>>();
  for (const [id, entries] of groups) coverage.set(id, new Coverage(entries));
  return coverage;
}
