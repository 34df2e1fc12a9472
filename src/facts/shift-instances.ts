/**
 * A worker's schedule expanded into dated shift instances over the horizon (SPEC §2): a
 * shift on date D starts at D `start` and ends on D at `end`, or on D+1 when `end <= start`.
 */
import type { Schedule, Shift } from "../scenario/schema.js";
import { civilDay, type DayNumber, formatCivilDate, parseCivilDate } from "../time/civil-date.js";
import { clockMinutes } from "../time/clock-time.js";
import { localInstant } from "../time/local-time.js";

const MS_PER_MINUTE = 60_000;

/** One shift a worker works: the shift's start date and its start and end instants. */
export interface ShiftInstance {
  shiftId: string;
  /** The local date the shift starts on, `YYYY-MM-DD`. */
  date: string;
  day: DayNumber;
  /** Epoch milliseconds. */
  start: number;
  end: number;
}

/** The shift id a schedule names for a civil day (`undefined` for a day off). */
export function scheduledShiftId(schedule: Schedule, day: DayNumber): string | undefined {
  if ("cycle" in schedule) {
    const length = schedule.cycle.length;
    const offset = (((day - civilDay(schedule.anchor)) % length) + length) % length;
    const entry = schedule.cycle[offset];
    return entry === "off" ? undefined : entry;
  }
  return schedule.dates[formatCivilDate(day)];
}

/**
 * The instants a shift instance starting on `day` starts and ends. If a DST gap would make
 * the end come at or before the start (02:30–03:00 on a spring-forward night), the shift
 * keeps its wall-clock length from its (moved) start instead.
 */
export function shiftInterval(
  shift: Shift,
  day: DayNumber,
  zone: string,
): { start: number; end: number } {
  const startMinute = clockMinutes(shift.start);
  const endMinute = clockMinutes(shift.end);
  const overnight = endMinute <= startMinute;
  const start = localInstant(day, startMinute, zone);
  let end = localInstant(overnight ? day + 1 : day, endMinute, zone);
  if (end <= start) {
    const wallMinutes = overnight ? endMinute + 1440 - startMinute : endMinute - startMinute;
    end = start + wallMinutes * MS_PER_MINUTE;
  }
  return { start, end };
}

/**
 * Shift intervals per scenario (keyed by its shift map), then per zone, shift and day:
 * luxon is slow per call, and a district expands millions of shift instances.
 */
const intervalCaches = new WeakMap<
  ReadonlyMap<string, Shift>,
  Map<string, Map<DayNumber, { start: number; end: number }>>
>();

function cachedInterval(
  shifts: ReadonlyMap<string, Shift>,
  shift: Shift,
  day: DayNumber,
  zone: string,
): { start: number; end: number } {
  let byShift = intervalCaches.get(shifts);
  if (byShift === undefined) {
    byShift = new Map();
    intervalCaches.set(shifts, byShift);
  }
  const shiftKey = `${zone}|${shift.id}`;
  let byDay = byShift.get(shiftKey);
  if (byDay === undefined) {
    byDay = new Map();
    byShift.set(shiftKey, byDay);
  }
  let interval = byDay.get(day);
  if (interval === undefined) {
    interval = shiftInterval(shift, day, zone);
    byDay.set(day, interval);
  }
  return interval;
}

/**
 * Expansions of rotating schedules per scenario (keyed by its shift map). A district has
 * a hundred thousand workers but a handful of distinct rotations: two workers whose cycles
 * are equal and in the same phase over the horizon work the same shift instances.
 */
const expansionCaches = new WeakMap<
  ReadonlyMap<string, Shift>,
  Map<string, readonly ShiftInstance[]>
>();

/** The same, per schedule object: the planner and the validator expand the same schedules. */
const expansionsBySchedule = new WeakMap<
  Schedule,
  { shifts: ReadonlyMap<string, Shift>; key: string; instances: readonly ShiftInstance[] }
>();

/**
 * Every shift instance of a schedule whose start date lies in `[firstDay, firstDay + days)`,
 * in date order. The result is shared between equal schedules: do not change it.
 */
export function expandSchedule(
  schedule: Schedule,
  shifts: ReadonlyMap<string, Shift>,
  firstDay: DayNumber,
  days: number,
  zone: string,
): readonly ShiftInstance[] {
  if ("dates" in schedule) return expandOnce(schedule, shifts, firstDay, days, zone);
  const horizon = `${zone}|${firstDay}|${days}`;
  const known = expansionsBySchedule.get(schedule);
  if (known !== undefined && known.shifts === shifts && known.key === horizon)
    return known.instances;
  const length = schedule.cycle.length;
  const phase = (((firstDay - civilDay(schedule.anchor)) % length) + length) % length;
  const key = `${horizon}|${phase}|${JSON.stringify(schedule.cycle)}`;
  let cache = expansionCaches.get(shifts);
  if (cache === undefined) {
    cache = new Map();
    expansionCaches.set(shifts, cache);
  }
  let instances = cache.get(key);
  if (instances === undefined) {
    instances = Object.freeze(expandOnce(schedule, shifts, firstDay, days, zone));
    cache.set(key, instances);
  }
  expansionsBySchedule.set(schedule, { shifts, key: horizon, instances });
  return instances;
}

function expandOnce(
  schedule: Schedule,
  shifts: ReadonlyMap<string, Shift>,
  firstDay: DayNumber,
  days: number,
  zone: string,
): ShiftInstance[] {
  const instances: ShiftInstance[] = [];
  const pushInstance = (day: DayNumber, shiftId: string) => {
    const shift = shifts.get(shiftId);
    if (shift === undefined) return;
    instances.push({
      shiftId,
      date: formatCivilDate(day),
      day,
      ...cachedInterval(shifts, shift, day, zone),
    });
  };
  if ("dates" in schedule) {
    // Walk only the listed dates: an explicit schedule is usually sparse.
    const listed: [DayNumber, string][] = [];
    for (const [date, shiftId] of Object.entries(schedule.dates)) {
      const day = parseCivilDate(date);
      if (day !== undefined && day >= firstDay && day < firstDay + days)
        listed.push([day, shiftId]);
    }
    listed.sort((a, b) => a[0] - b[0]);
    for (const [day, shiftId] of listed) pushInstance(day, shiftId);
    return instances;
  }
  const anchor = civilDay(schedule.anchor);
  const length = schedule.cycle.length;
  for (let day = firstDay; day < firstDay + days; day++) {
    const entry = schedule.cycle[(((day - anchor) % length) + length) % length];
    if (entry !== undefined && entry !== "off") pushInstance(day, entry);
  }
  return instances;
}
