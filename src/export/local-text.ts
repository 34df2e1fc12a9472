/**
 * Instants as the local wall-clock text people read on a timeline or a manifest: `HH:mm`
 * in the scenario's zone, with `+1` when the time falls on a later local date than the day
 * being shown (a ride home after midnight).
 */

import type { DayNumber } from "../time/civil-date.js";
import { formatClockTime } from "../time/clock-time.js";
import type { ZoneClock } from "../time/zone-clock.js";

/**
 * The local time of an instant, `HH:mm`, followed by ` +N` when its local date is N days
 * after `day`.
 *
 * @example
 * localClockText(clock, Date.parse("2022-05-17T00:20:00+08:00"), civilDay("2022-05-16")) //=> "00:20 +1"
 */
export function localClockText(clock: ZoneClock, ms: number, day: DayNumber): string {
  const minutes = clock.localMinutes(ms);
  const localDay = Math.floor(minutes / 1440);
  const text = formatClockTime(minutes - localDay * 1440);
  return localDay === day
    ? text
    : `${text} ${localDay > day ? "+" : "−"}${Math.abs(localDay - day)}`;
}
