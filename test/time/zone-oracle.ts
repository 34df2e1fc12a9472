/**
 * An independent model of wall-clock time in an IANA zone, for checking src/time against.
 * It reads offsets straight from `Intl.DateTimeFormat` (never luxon, never the host zone)
 * and resolves wall times by the SPEC §2 policy: an ambiguous time (overlap) takes its
 * first occurrence; a missing time (gap) is read with the offset in force before the gap,
 * which moves it forward by the gap's length, as luxon does.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's UTC offset in minutes at an instant (whole minutes assumed). */
export function offsetMinutes(ms: number, zone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? Number.NaN,
    (fields.month ?? Number.NaN) - 1,
    fields.day ?? Number.NaN,
    fields.hour ?? Number.NaN,
    fields.minute ?? Number.NaN,
    fields.second ?? Number.NaN,
  );
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / MS_PER_MINUTE);
}

/** Day number (days since 1970-01-01) of a calendar date. */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `HH:mm` of a minute of the day. */
export function clockOf(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** How a wall time resolves: its instant, the offset used to read it, and its kind. */
export interface WallResolution {
  ms: number;
  /** The offset the wall time was read with (for a gap time: the offset before the gap). */
  effectiveOffset: number;
  kind: "normal" | "ambiguous" | "gap";
}

/** Resolves the wall time `minuteOfDay` on civil day `day` in `zone` by the SPEC §2 policy. */
export function resolveWall(day: number, minuteOfDay: number, zone: string): WallResolution {
  const wallAsUtc = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  const before = offsetMinutes(wallAsUtc - MS_PER_DAY, zone);
  const candidates = new Set([
    before,
    offsetMinutes(wallAsUtc, zone),
    offsetMinutes(wallAsUtc + MS_PER_DAY, zone),
  ]);
  const occurrences = [...candidates]
    .filter((offset) => offsetMinutes(wallAsUtc - offset * MS_PER_MINUTE, zone) === offset)
    .map((offset) => ({ ms: wallAsUtc - offset * MS_PER_MINUTE, offset }))
    .sort((a, b) => a.ms - b.ms);
  const first = occurrences[0];
  if (first !== undefined) {
    return {
      ms: first.ms,
      effectiveOffset: first.offset,
      kind: occurrences.length > 1 ? "ambiguous" : "normal",
    };
  }
  return { ms: wallAsUtc - before * MS_PER_MINUTE, effectiveOffset: before, kind: "gap" };
}

/** `2022-05-16T07:30:00+08:00` for an instant in a zone, without luxon. */
export function isoWithOffset(ms: number, zone: string): string {
  const offset = offsetMinutes(ms, zone);
  const wall = new Date(ms + offset * MS_PER_MINUTE).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${wall}${sign}${clockOf(abs)}`;
}

/** The offset part of an ISO 8601 string (`+02:00` → 120). */
export function offsetOfIso(iso: string): number {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (match === null) throw new Error(`no offset in ${iso}`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}
