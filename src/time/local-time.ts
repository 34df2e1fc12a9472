/**
 * Local wall-clock times in the scenario's zone ↔ instants (epoch milliseconds), with the
 * DST policy of SPEC §2: a time in a gap moves forward (as luxon does); an ambiguous time
 * in an overlap takes the earlier offset (the first occurrence), which luxon would not.
 */
import { DateTime, IANAZone } from "luxon";
import { civilFields, type DayNumber } from "./civil-date.js";
import { ZoneClock } from "./zone-clock.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** True for a zone name luxon (and so the host's ICU data) knows. */
export function isKnownTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The instant at which the wall clock in `zone` shows `minuteOfDay` on civil day `day`. */
export function localInstant(day: DayNumber, minuteOfDay: number, zone: string): number {
  const { year, month, day: dayOfMonth } = civilFields(day);
  const fields = {
    year,
    month,
    day: dayOfMonth,
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
  };
  const resolved = DateTime.fromObject(fields, { zone });
  const ms = resolved.toMillis();
  // In an overlap luxon takes the later offset; SPEC §2 wants the earlier one. If the offset
  // a day before is larger, the same wall time may also exist that much earlier.
  const ianaZone = IANAZone.create(zone);
  const offsetBefore = ianaZone.offset(ms - MS_PER_DAY);
  if (offsetBefore > resolved.offset) {
    const earlier = ms - (offsetBefore - resolved.offset) * MS_PER_MINUTE;
    const candidate = DateTime.fromMillis(earlier, { zone });
    if (
      candidate.hour === fields.hour &&
      candidate.minute === fields.minute &&
      candidate.day === dayOfMonth
    ) {
      return earlier;
    }
  }
  return ms;
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
