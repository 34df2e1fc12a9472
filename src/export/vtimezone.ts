/**
 * A `VTIMEZONE` component (RFC 5545 §3.6.5) for an IANA zone, written from luxon's offsets,
 * for the iCalendar export. ical-generator only calls a generator for this; the packages it
 * suggests (`@touch4it/ical-timezones`, `timezones-ical-library`) are not dependencies of ours
 * and ship their own copy of the tz database, which could disagree with the one luxon reads
 * (the host's ICU) and so with the roster's own offsets. Here every transition in the years
 * covered is an observance of its own (a `DTSTART` and no `RRULE`): longer than a rule, but
 * exact for the dates written, whatever the zone's rules did in between.
 *
 * [Reference]: https://www.rfc-editor.org/rfc/rfc5545#section-3.6.5
 */
import { DateTime, IANAZone } from "luxon";
import { localInstant } from "../time/local-time.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** Offsets are sampled this far apart; no zone changes offset twice within 6 hours. */
const STEP_MS = 6 * 3_600_000;

/** One observance: the offset in force from `onset` (an instant) on. */
interface Observance {
  onset: number;
  from: number;
  to: number;
}

/** `+0800`, `-0430`; seconds only when an offset has them (never since 1970). */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(Math.round(minutes * 60));
  const hh = String(Math.floor(abs / 3600)).padStart(2, "0");
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, "0");
  const ss = abs % 60 === 0 ? "" : String(abs % 60).padStart(2, "0");
  return `${sign}${hh}${mm}${ss}`;
}

/** The wall-clock time of an instant read with an offset, as a local DATE-TIME. */
function wallText(ms: number, offsetMinutes: number): string {
  const iso = new Date(ms + offsetMinutes * MS_PER_MINUTE).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** The first minute at which the offset differs from the one at `low` (it does by `high`). */
function changeBetween(zone: IANAZone, low: number, high: number): number {
  const before = zone.offset(low);
  let a = Math.floor(low / MS_PER_MINUTE);
  let b = Math.ceil(high / MS_PER_MINUTE);
  while (b - a > 1) {
    const middle = Math.floor((a + b) / 2);
    if (zone.offset(middle * MS_PER_MINUTE) === before) a = middle;
    else b = middle;
  }
  return b * MS_PER_MINUTE;
}

/** The local midnight of 1 January of a year, as an instant. */
function newYear(zone: string, year: number): number {
  return localInstant(Date.UTC(year, 0, 1) / MS_PER_DAY, 0, zone);
}

function observances(zone: string, firstYear: number, lastYear: number): Observance[] {
  const iana = IANAZone.create(zone);
  const start = newYear(zone, firstYear);
  const end = newYear(zone, lastYear + 1);
  const first = iana.offset(start);
  const list: Observance[] = [{ onset: start, from: first, to: first }];
  for (let t = start; t < end; t += STEP_MS) {
    const next = Math.min(t + STEP_MS, end);
    if (iana.offset(t) === iana.offset(next)) continue;
    const onset = changeBetween(iana, t, next);
    list.push({ onset, from: iana.offset(onset - MS_PER_MINUTE), to: iana.offset(onset) });
  }
  return list;
}

/**
 * The `VTIMEZONE` of `zone` over whole local years: the offset in force on 1 January of
 * `firstYear` (as an observance starting then), and one observance per change of offset up
 * to the end of `lastYear`. `DAYLIGHT` when luxon says the new offset is daylight saving
 * time, else `STANDARD`; `TZNAME` is luxon's short English name of the offset.
 *
 * @param zone - an IANA zone luxon knows; used as the `TZID`
 * @param firstYear - the first local year covered
 * @param lastYear - the last local year covered (at least `firstYear`)
 * @returns the component's lines, CRLF-ended, unfolded (all are short)
 * @example
 * vtimezone("America/New_York", 2022, 2022).includes("DTSTART:20220313T020000") //=> true
 */
export function vtimezone(zone: string, firstYear: number, lastYear: number): string {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  for (const observance of observances(zone, firstYear, Math.max(firstYear, lastYear))) {
    const reading = DateTime.fromMillis(observance.onset, { zone, locale: "en-US" });
    const kind = reading.isInDST ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      // The onset is written as the wall clock showed it just before: in the old offset.
      `DTSTART:${wallText(observance.onset, observance.from)}`,
      `TZOFFSETFROM:${offsetText(observance.from)}`,
      `TZOFFSETTO:${offsetText(observance.to)}`,
    );
    const name = reading.offsetNameShort;
    if (name !== null && /^[\w+\-:]+$/.test(name)) lines.push(`TZNAME:${name}`);
    lines.push(`END:${kind}`);
  }
  lines.push("END:VTIMEZONE");
  return `${lines.join("\r\n")}\r\n`;
}
