/**
 * GTFS times: a stop time is counted in seconds from "noon minus 12 h" of its service day
 * (local midnight, except on a day the clocks change), and runs past 24:00:00 for a stop
 * after the next midnight. Writing wall-clock times instead would put a trip an hour off
 * on a DST day. The service day of a trip is its local date of departure; a departure
 * before noon minus 12 h of that date (the first local hour after midnight on a day the
 * clocks go back at 02:00) cannot be counted from it, and takes the day before, at 24:xx.
 * [Reference]: https://gtfs.org/documentation/schedule/reference/#field-types ("Time")
 */
import { DateTime } from "luxon";
import { type DayNumber, formatCivilDate } from "../../time/civil-date.js";
import { ZoneClock } from "../../time/zone-clock.js";

/** Service days and times in one zone. */
export interface ServiceClock {
  /** The service day of a departure at `ms` (epoch milliseconds). */
  serviceDayOf(ms: number): DayNumber;
  /** Whole seconds from noon minus 12 h of `day` to `ms` (negative before it). */
  secondsInto(day: DayNumber, ms: number): number;
}

/**
 * A service clock for an IANA zone; noon minus 12 h is looked up through luxon once per day.
 *
 * @example
 * const clock = serviceClock("America/New_York");
 * const day = clock.serviceDayOf(Date.parse("2022-03-13T03:30:00-04:00"));
 * formatGtfsTime(clock.secondsInto(day, Date.parse("2022-03-13T03:30:00-04:00"))) //=> "03:30:00"
 * formatGtfsTime(clock.secondsInto(day, Date.parse("2022-03-13T01:30:00-05:00"))) //=> "02:30:00"
 */
export function serviceClock(zone: string): ServiceClock {
  const clock = new ZoneClock(zone);
  const bases = new Map<DayNumber, number>();
  const baseOf = (day: DayNumber): number => {
    let base = bases.get(day);
    if (base === undefined) {
      const [year, month, date] = formatCivilDate(day).split("-").map(Number);
      base = DateTime.fromObject({ year, month, day: date, hour: 12 }, { zone })
        .minus({ hours: 12 })
        .toMillis();
      bases.set(day, base);
    }
    return base;
  };
  return {
    serviceDayOf(ms) {
      const day = clock.dayOf(ms);
      return ms < baseOf(day) ? day - 1 : day;
    },
    secondsInto: (day, ms) => Math.round((ms - baseOf(day)) / 1000),
  };
}

/**
 * Seconds as a GTFS time `HH:MM:SS`, hours past 23 as they are.
 *
 * @example
 * formatGtfsTime(25 * 3600 + 35 * 60) //=> "25:35:00"
 */
export function formatGtfsTime(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return [hours, minutes, rest].map((part) => String(part).padStart(2, "0")).join(":");
}

/**
 * A day as a GTFS date `YYYYMMDD`.
 *
 * @example
 * formatGtfsDate(parseCivilDate("2022-05-16") ?? 0) //=> "20220516"
 */
export function formatGtfsDate(day: DayNumber): string {
  return formatCivilDate(day).replaceAll("-", "");
}
