/**
 * Arbitrary civil days, times of day and shifts, biased towards DST changes: days in
 * March/April and October/November 2022–2026 (often the changeover days themselves) and
 * times of day around 00:00–04:00, where the changes happen in Europe and North America.
 */
import { fc } from "@fast-check/vitest";

const MS_PER_DAY = 86_400_000;

export const DST_ZONES = ["Europe/Berlin", "America/New_York"] as const;
export type DstZone = (typeof DST_ZONES)[number];

/** Changeover days (spring, autumn) 2022–2026, as `[year, month, day]`. */
export const DST_CHANGE_DAYS: Record<DstZone, readonly (readonly [number, number, number])[]> = {
  // Last Sunday of March / October, at 01:00 UTC.
  "Europe/Berlin": [
    [2022, 3, 27],
    [2022, 10, 30],
    [2023, 3, 26],
    [2023, 10, 29],
    [2024, 3, 31],
    [2024, 10, 27],
    [2025, 3, 30],
    [2025, 10, 26],
    [2026, 3, 29],
    [2026, 10, 25],
  ],
  // Second Sunday of March / first Sunday of November, at 02:00 local.
  "America/New_York": [
    [2022, 3, 13],
    [2022, 11, 6],
    [2023, 3, 12],
    [2023, 11, 5],
    [2024, 3, 10],
    [2024, 11, 3],
    [2025, 3, 9],
    [2025, 11, 2],
    [2026, 3, 8],
    [2026, 11, 1],
  ],
};

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export const dstZoneArb: fc.Arbitrary<DstZone> = fc.constantFrom(...DST_ZONES);

/** Any day of March, April, October or November 2022–2026, as a day number. */
export const dstSeasonDayArb: fc.Arbitrary<number> = fc
  .record({
    year: fc.integer({ min: 2022, max: 2026 }),
    month: fc.constantFrom(3, 4, 10, 11),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ month, day }) => day <= (month === 4 || month === 11 ? 30 : 31))
  .map(({ year, month, day }) => dayNumber(year, month, day));

/** A day within a day of one of the zone's changeovers, or any day of the DST seasons. */
export function dstDayArb(zone: DstZone): fc.Arbitrary<number> {
  const changes = DST_CHANGE_DAYS[zone].map(([y, m, d]) => dayNumber(y, m, d));
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...changes), fc.integer({ min: -1, max: 1 }))
        .map(([day, delta]) => day + delta),
      weight: 3,
    },
    { arbitrary: dstSeasonDayArb, weight: 1 },
  );
}

/** A zone with a day near its DST changes. */
export const zoneAndDayArb: fc.Arbitrary<{ zone: DstZone; day: number }> = dstZoneArb.chain(
  (zone) => dstDayArb(zone).map((day) => ({ zone, day })),
);

/** A minute of the day (0..1439), often in 00:00–04:00. */
export const minuteOfDayArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 1439 }), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 240 }), weight: 2 },
  { arbitrary: fc.constantFrom(60, 90, 120, 150, 180, 210), weight: 1 },
);

/** Shift start and end minutes, never equal (SPEC §2: `start == end` is a scenario error). */
export const shiftMinutesArb: fc.Arbitrary<{ start: number; end: number }> = fc
  .tuple(minuteOfDayArb, minuteOfDayArb)
  .filter(([start, end]) => start !== end)
  .map(([start, end]) => ({ start, end }));

/** A zone and one of its changeover days exactly, for the hardest cases. */
export const zoneAndChangeDayArb: fc.Arbitrary<{ zone: DstZone; day: number }> = dstZoneArb.chain(
  (zone) =>
    fc
      .constantFrom(...DST_CHANGE_DAYS[zone])
      .map(([y, m, d]) => ({ zone, day: dayNumber(y, m, d) })),
);

/**
 * Shift ends on a 5-minute grid in 01:30–04:00, so that each end is often in the gap or the
 * overlap (both 01:00–03:00 in these zones) and the gap fallback comes up; never start == end.
 */
const earlyMinuteArb = fc.integer({ min: 18, max: 48 }).map((fiveMinutes) => fiveMinutes * 5);
export const earlyShiftMinutesArb: fc.Arbitrary<{ start: number; end: number }> = fc
  .tuple(earlyMinuteArb, earlyMinuteArb)
  .filter(([start, end]) => start !== end)
  .map(([start, end]) => ({ start, end }));
