/**
 * Local wall-clock times in the scenario's zone ↔ instants (epoch milliseconds), with the
 * DST policy of SPEC §2: a time in a gap moves forward (as luxon does); an ambiguous time
 * in an overlap takes the earlier offset (the first occurrence), which luxon would not.
 */
import { IANAZone } from "luxon";
import type { DayNumber } from "./civil-date.js";
import { wallClockInstant, ZoneClock } from "./zone-clock.js";

/** True for a zone name luxon (and so the host's ICU data) knows. */
export function isKnownTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The instant at which the wall clock in `zone` shows `minuteOfDay` on civil day `day`.
 *
 * Worked out from the zone's offsets rather than luxon's `DateTime.fromObject`, which starts
 * from today's offset and, in zones whose offsets around the date differ from today's, can
 * land an hour off (and would pick the later offset in an overlap): see `wallClockInstant`.
 */
export function localInstant(day: DayNumber, minuteOfDay: number, zone: string): number {
  const ianaZone = IANAZone.create(zone);
  return wallClockInstant(day, minuteOfDay, (ms) => ianaZone.offset(ms));
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
