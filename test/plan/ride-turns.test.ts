/**
 * The checks retiming and consolidation share (ride-turns.ts): rides come in turn wherever
 * in their windows they run, and a ride in's window lies on one local day. A ride at a known
 * minute is a window of one minute, so the same checks judge retimed patterns (retime.ts)
 * and freed rides (consolidate.ts).
 *
 * Local days are read from Intl offsets (zone-oracle.ts), never through the ZoneClock the
 * code under test uses.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { RideWindow } from "../../src/plan/flex-chain.js";
import { ridesInKeepTheirDay, ridesInTurn, rideWindows } from "../../src/plan/ride-turns.js";
import { keyDepart, keyToPlant, tripKey } from "../../src/plan/trip-key.js";
import { ZoneClock } from "../../src/time/zone-clock.js";
import { zoneAndDayArb } from "../arbitraries/time.js";
import { offsetMinutes } from "../time/zone-oracle.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** 10 minutes each way. */
const legs = { toPlantMinutes: 10, toDormitoryMinutes: 10 };
/** Epoch minutes of a Shanghai wall time on 2022-05-16 (`+1`: the next day). */
const minute = (hhmm: string, plusDays = 0) =>
  Date.parse(`2022-05-16T${hhmm}:00+08:00`) / MS_PER_MINUTE + plusDays * 1440;
const ride = (toPlant: boolean, lo: number, hi = lo): RideWindow => ({ toPlant, lo, hi });

/** The local day of an epoch minute, from Intl's offsets. */
function localDay(epochMinute: number, zone: string): number {
  const ms = epochMinute * MS_PER_MINUTE;
  return Math.floor((ms + offsetMinutes(ms, zone) * MS_PER_MINUTE) / MS_PER_DAY);
}

describe("rideWindows", () => {
  it("puts a ride in's window before its edge and a ride home's after it", () => {
    const keys = [
      tripKey(minute("07:40") * MS_PER_MINUTE, true),
      tripKey(minute("17:10") * MS_PER_MINUTE, false),
    ];
    expect(rideWindows(keys, 45, 50)).toEqual([
      ride(true, minute("06:55"), minute("07:40")),
      ride(false, minute("17:10"), minute("18:00")),
    ]);
    expect(rideWindows(keys)).toEqual([ride(true, minute("07:40")), ride(false, minute("17:10"))]);
  });
});

describe("ridesInTurn", () => {
  it("takes rides in and home in turn, a ride leaving the minute the last one arrived", () => {
    expect(ridesInTurn([ride(true, minute("07:40")), ride(false, minute("07:50"))], legs)).toBe(
      true,
    );
  });

  it("refuses a ride home first, two rides one way, and a ride leaving before the last arrived", () => {
    expect(ridesInTurn([ride(false, minute("07:40"))], legs)).toBe(false);
    expect(ridesInTurn([ride(true, minute("07:40")), ride(true, minute("09:00"))], legs)).toBe(
      false,
    );
    expect(ridesInTurn([ride(true, minute("07:40")), ride(false, minute("07:49"))], legs)).toBe(
      false,
    );
  });

  it("judges windows at their worst: the ride before as late, the ride after as early as they may", () => {
    // In within 07:00–07:40 arrives by 07:50 at the latest; home from 07:50 on: in turn.
    const inWindow = ride(true, minute("07:00"), minute("07:40"));
    expect(ridesInTurn([inWindow, ride(false, minute("07:50"), minute("09:00"))], legs)).toBe(true);
    // Home from 07:45 could leave before the ride in (leaving 07:40) arrives: refused.
    expect(ridesInTurn([inWindow, ride(false, minute("07:45"), minute("09:00"))], legs)).toBe(
      false,
    );
  });

  test.prop(
    [
      fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 })), {
        minLength: 1,
        maxLength: 6,
      }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
    ],
    { numRuns: 300 },
  )("windows in turn leave every choice of minutes inside them in turn", (steps, picks) => {
    // Windows one after another: each starts `gap` after the last one's start, `width` wide.
    let at = 0;
    const windows = steps.map(([gap, width], i) => {
      at += gap;
      return ride(i % 2 === 0, at, at + width);
    });
    const points = windows.map((window, i) =>
      ride(window.toPlant, Math.round(window.lo + (picks[i] ?? 0) * (window.hi - window.lo))),
    );
    if (ridesInTurn(windows, legs)) expect(ridesInTurn(points, legs)).toBe(true);
    // Windows of one minute are judged as the minutes themselves.
    const byHand = points.every((point, i) => {
      const before = points[i - 1];
      return (
        point.toPlant === (i % 2 === 0) && (before === undefined || before.hi + 10 <= point.lo)
      );
    });
    expect(ridesInTurn(points, legs)).toBe(byHand);
  });
});

describe("ridesInKeepTheirDay", () => {
  const shanghai = new ZoneClock("Asia/Shanghai");

  it("refuses a ride in whose window crosses midnight, and lets a ride home cross it", () => {
    expect(ridesInKeepTheirDay([ride(true, minute("23:30"), minute("00:20", 1))], shanghai)).toBe(
      false,
    );
    expect(ridesInKeepTheirDay([ride(true, minute("00:00"), minute("23:59"))], shanghai)).toBe(
      true,
    );
    expect(ridesInKeepTheirDay([ride(false, minute("23:30"), minute("00:20", 1))], shanghai)).toBe(
      true,
    );
  });

  it("judges local days of real instants over London's missing hour", () => {
    // 2022-03-27, 01:00 GMT became 02:00 BST: 00:40 GMT less 50 real minutes is 23:50 on the 26th.
    const london = new ZoneClock("Europe/London");
    const edge = Date.parse("2022-03-27T00:40:00Z") / MS_PER_MINUTE;
    expect(ridesInKeepTheirDay([ride(true, edge - 50, edge)], london)).toBe(false);
    expect(ridesInKeepTheirDay([ride(true, edge - 40, edge)], london)).toBe(true);
  });

  test.prop(
    [zoneAndDayArb, fc.integer({ min: -300, max: 1740 }), fc.integer({ min: 0, max: 180 })],
    {
      numRuns: 200,
    },
  )(
    "a ride in keeps its day iff both ends of its window fall on one local day",
    ({ zone, day }, from, width) => {
      const lo = day * 1440 + from - offsetMinutes(day * MS_PER_DAY, zone);
      const window = ride(true, lo, lo + width);
      const oneDay = localDay(window.lo, zone) === localDay(window.hi, zone);
      expect(ridesInKeepTheirDay([window], new ZoneClock(zone))).toBe(oneDay);
      // The same window as a ride home is never refused.
      expect(ridesInKeepTheirDay([{ ...window, toPlant: false }], new ZoneClock(zone))).toBe(true);
    },
  );
});

it("a trip key's window is its departure minute and direction", () => {
  const key = tripKey(minute("07:40") * MS_PER_MINUTE, false);
  const [window] = rideWindows([key]);
  expect(window).toEqual({
    toPlant: keyToPlant(key),
    lo: keyDepart(key) / MS_PER_MINUTE,
    hi: keyDepart(key) / MS_PER_MINUTE,
  });
});
