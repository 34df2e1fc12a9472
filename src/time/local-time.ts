/**
 * Local wall-clock times in the scenario's zone ↔ instants (epoch milliseconds), with the
 * DST policy of SPEC §2: a time in a gap moves forward (as luxon does); an ambiguous time
 * in an overlap takes the earlier offset (the first occurrence), which luxon would not.
 */
import { IANAZone } from "luxon";
import type { DayNumber } from "./civil-date.js";
import { ZoneClock } from "./zone-clock.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** True for a zone name luxon (and so the host's ICU data) knows. */
export function isKnownTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The instant at which the wall clock in `zone` shows `minuteOfDay` on civil day `day`.
 *
 * Worked out from the zone's offsets rather than luxon's `DateTime.fromObject`, which starts
 * from today's offset and, in zones whose offsets around the date differ from today's, can
 * land an hour off (and would pick the later offset in an overlap). Each offset in force
 * within a day of the wall time is tried; those that map back to the same wall time are the
 * real readings, and the earliest wins. None means a gap: read with the offset from before
 * it, which moves the time forward by the gap's length.
 */
export function localInstant(day: DayNumber, minuteOfDay: number, zone: string): number {
  const wall = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE; // the wall time, as if UTC
  const ianaZone = IANAZone.create(zone);
  const before = ianaZone.offset(wall - MS_PER_DAY);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of [before, ianaZone.offset(wall), ianaZone.offset(wall + MS_PER_DAY)]) {
    const ms = wall - offset * MS_PER_MINUTE;
    if (ianaZone.offset(ms) === offset && ms < best) best = ms;
  }
  return best === Number.POSITIVE_INFINITY ? wall - before * MS_PER_MINUTE : best;
}

const clocks = new Map<string, ZoneClock>();

/**
 * An instant as ISO 8601 with its offset in `zone`: `2022-05-16T07:30:00+08:00` (and
 * `+00:00`, not `Z`, in UTC: every roster instant carries an offset).
 */
export function formatInstant(ms: number, zone: string): string {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock.formatISO(ms);
}
