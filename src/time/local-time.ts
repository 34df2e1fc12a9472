/**
 * Local wall-clock times in the scenario's zone ↔ instants (epoch milliseconds), with the
 * DST policy of SPEC §2: a time in a gap moves forward (as luxon does); an ambiguous time
 * in an overlap takes the earlier offset (the first occurrence), which luxon would not.
 */
import { DateTime, IANAZone } from "luxon";
import { civilFields, type DayNumber } from "./civil-date.js";

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

/** An instant as ISO 8601 with its offset in `zone`: `2022-05-16T07:30:00+08:00`. */
export function formatInstant(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? "";
}

/** The civil date (in `zone`) on which an instant falls. */
export function localDateOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() ?? "";
}

/** The civil day number (in `zone`) on which an instant falls. */
export function localDayOf(ms: number, zone: string): DayNumber {
  const dt = DateTime.fromMillis(ms, { zone });
  return Date.UTC(dt.year, dt.month - 1, dt.day) / MS_PER_DAY;
}

/** The wall-clock minute of day (in `zone`) at an instant. */
export function localMinuteOfDay(ms: number, zone: string): number {
  const dt = DateTime.fromMillis(ms, { zone });
  return dt.hour * 60 + dt.minute;
}
