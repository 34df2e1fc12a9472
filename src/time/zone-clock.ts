/**
 * Fast instant → local date and time of day in one zone, for the hot loops of the planner
 * and the validator. Offsets are looked up through luxon once per quarter hour of time
 * touched, at its first and last millisecond, then memoised. Most zones change offset on
 * quarter-hour boundaries, but not all: St. John's changed at 00:01 local until 2011, Casey
 * at 03:00 +11 in 2021, Kiritimati at 10:40 UTC in 1979. A quarter hour whose two ends
 * disagree holds a change: its instants are asked of luxon one by one.
 */
import { IANAZone } from "luxon";
import type { DayNumber } from "./civil-date.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const BUCKET_MS = 15 * MS_PER_MINUTE;

/** Quarter hours held in the flat offset cache: a little over a year either way. */
const NEAR_BUCKETS = 80_000;
/** Marks a quarter hour that holds an offset change (no offset is infinite). */
const CHANGES = Number.POSITIVE_INFINITY;

/**
 * The instant at which a wall clock shows `minuteOfDay` on civil day `day`, given the zone's
 * UTC offset (minutes) at any instant. Each offset in force within a day of the wall time is
 * tried; those that map back to the same wall time are the real readings, and the earliest
 * wins (an ambiguous time in an overlap is its first occurrence). None means a gap: read with
 * the offset from before it, which moves the time forward by the gap's length.
 */
export function wallClockInstant(
  day: DayNumber,
  minuteOfDay: number,
  offsetAt: (ms: number) => number,
): number {
  const wall = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE; // the wall time, as if UTC
  const before = offsetAt(wall - MS_PER_DAY);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of [before, offsetAt(wall), offsetAt(wall + MS_PER_DAY)]) {
    const ms = wall - offset * MS_PER_MINUTE;
    if (offsetAt(ms) === offset && ms < best) best = ms;
  }
  return best === Number.POSITIVE_INFINITY ? wall - before * MS_PER_MINUTE : best;
}

export class ZoneClock {
  private readonly zone: IANAZone;
  private readonly offsets = new Map<number, number>();
  /**
   * Offsets of the quarter hours near the first one asked about, in a flat array (NaN until
   * looked up): the hot loops ask millions of times, and an array read is cheaper than a
   * Map's. Instants further away use the Map.
   */
  private near: Float64Array | undefined;
  private nearBase = 0;
  private readonly formatted = new Map<number, string>();
  /** Instants by `day * 1440 + minuteOfDay` (instantAt). */
  private readonly instants = new Map<number, number>();

  constructor(zoneName: string) {
    this.zone = IANAZone.create(zoneName);
  }

  /** The zone's UTC offset at an instant, in minutes. */
  offsetMinutes(ms: number): number {
    const bucket = Math.floor(ms / BUCKET_MS);
    if (this.near === undefined) {
      this.near = new Float64Array(NEAR_BUCKETS).fill(Number.NaN);
      this.nearBase = bucket - NEAR_BUCKETS / 2;
    }
    const slot = bucket - this.nearBase;
    let offset: number | undefined;
    if (slot >= 0 && slot < NEAR_BUCKETS) {
      offset = this.near[slot] as number;
      if (Number.isNaN(offset)) {
        offset = this.bucketOffset(bucket);
        this.near[slot] = offset;
      }
    } else {
      offset = this.offsets.get(bucket);
      if (offset === undefined) {
        offset = this.bucketOffset(bucket);
        this.offsets.set(bucket, offset);
      }
    }
    return offset === CHANGES ? this.zone.offset(ms) : offset;
  }

  /** The offset in force through a whole quarter hour, or CHANGES if it changes within it. */
  private bucketOffset(bucket: number): number {
    const first = this.zone.offset(bucket * BUCKET_MS);
    const last = this.zone.offset((bucket + 1) * BUCKET_MS - 1);
    return first === last ? first : CHANGES;
  }

  /**
   * The instant at which the wall clock shows `minuteOfDay` on civil `day` (as `localInstant`,
   * from the memoised offsets, and memoised itself: the planner asks it for every test it
   * weighs).
   */
  instantAt(day: DayNumber, minuteOfDay: number): number {
    const key = day * 1440 + minuteOfDay;
    let ms = this.instants.get(key);
    if (ms === undefined) {
      ms = wallClockInstant(day, minuteOfDay, (at) => this.offsetMinutes(at));
      this.instants.set(key, ms);
    }
    return ms;
  }

  /**
   * The latest instant, no later than `limit`, at which the wall clock shows `minuteOfDay`:
   * that time on `limit`'s own date, or on the date before (when a test must be taken at a
   * fixed time of day before a boarding).
   */
  latestAt(minuteOfDay: number, limit: number): number {
    const day = this.dayOf(limit);
    const sameDay = this.instantAt(day, minuteOfDay);
    return sameDay <= limit ? sameDay : this.instantAt(day - 1, minuteOfDay);
  }

  /** Wall-clock milliseconds since 1970-01-01T00:00 local. */
  private local(ms: number): number {
    return ms + this.offsetMinutes(ms) * MS_PER_MINUTE;
  }

  /**
   * Local wall-clock minutes since 1970-01-01T00:00 local: the day is `floor(m / 1440)`,
   * the minute of day `m - day * 1440`, for one offset lookup instead of two.
   */
  localMinutes(ms: number): number {
    return Math.floor(this.local(ms) / MS_PER_MINUTE);
  }

  /** The local civil day of an instant. */
  dayOf(ms: number): DayNumber {
    return Math.floor(this.local(ms) / MS_PER_DAY);
  }

  /** The local wall-clock minute of day (0..1439) of an instant. */
  minuteOfDay(ms: number): number {
    const local = this.local(ms);
    return Math.floor((local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  }

  /**
   * ISO 8601 with the zone's offset, `2022-05-16T07:30:00+08:00`: the same text luxon
   * writes, without a DateTime per call (rosters hold millions of instants).
   */
  formatISO(ms: number): string {
    let text = this.formatted.get(ms);
    if (text === undefined) {
      if (this.formatted.size >= 100_000) this.formatted.clear();
      text = this.formatISOOnce(ms);
      this.formatted.set(ms, text);
    }
    return text;
  }

  private formatISOOnce(ms: number): string {
    const offset = this.offsetMinutes(ms);
    const iso = new Date(ms + offset * MS_PER_MINUTE).toISOString(); // local fields, "Z"
    const sign = offset < 0 ? "-" : "+";
    const abs = Math.abs(offset);
    const hh = String(Math.floor(abs / 60)).padStart(2, "0");
    const mm = String(abs % 60).padStart(2, "0");
    return `${iso.slice(0, 19)}${sign}${hh}:${mm}`;
  }
}
