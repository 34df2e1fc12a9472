/**
 * Retiming (retime.ts): the other times a crew's pattern may run at. Each timing moves every
 * ride in earlier and every ride home later by one offset per direction: 0, whole vehicle
 * cycles g (at most four), or the far edge of the window. Every timing must still bring
 * the crew in and take it home inside its shift windows (SPEC: arrive in
 * [start − maxWait, start − arriveBefore], leave in [end + departAfter, end + maxWait]), in
 * turn, and with each ride in on the local day it had.
 *
 * Windows are checked on instants from `shiftInterval` and local days on offsets read from
 * Intl (zone-oracle.ts), never through the ZoneClock the code under test uses.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { shiftInterval } from "../../src/facts/shift-instances.js";
import { type RetimeRules, retimings } from "../../src/plan/retime.js";
import { ridesInTurn, rideWindows } from "../../src/plan/ride-turns.js";
import { keyDepart, keyToPlant, type TripKey, tripKey } from "../../src/plan/trip-key.js";
import { civilDay } from "../../src/time/civil-date.js";
import { ZoneClock } from "../../src/time/zone-clock.js";
import { shiftMinutesArb, zoneAndDayArb } from "../arbitraries/time.js";
import { clockOf, isoWithOffset, offsetMinutes } from "../time/zone-oracle.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** MAX_CYCLE_SHIFTS in retime.ts: whole-cycle shifts offered per direction. */
const CYCLE_CAP = 4;

// ---------------------------------------------------------------------------------------
// Helpers

/** A loop's road minutes, the disinfection time and the policy's windows, in one zone. */
interface Setting {
  zone: string;
  toPlantMinutes: number;
  toDormitoryMinutes: number;
  disinfectionMinutes: number;
  maxWaitMinutes: number;
  arriveBeforeShiftMinutes: number;
  departAfterShiftMinutes: number;
}

/** 10-minute roads, 15 minutes' disinfection: g = 10 + 10 + 2 × 15 = 50 = both windows. */
const TEN_MINUTE_ROAD: Omit<Setting, "zone"> = {
  toPlantMinutes: 10,
  toDormitoryMinutes: 10,
  disinfectionMinutes: 15,
  maxWaitMinutes: 60,
  arriveBeforeShiftMinutes: 10,
  departAfterShiftMinutes: 10,
};

const cycleOf = (s: Setting) => s.toPlantMinutes + s.toDormitoryMinutes + 2 * s.disinfectionMinutes;

/** The rules packing hands to `retimings` (pack.ts): the windows are maxWait less the edge. */
function rulesOf(s: Setting): RetimeRules {
  return {
    toPlantMinutes: s.toPlantMinutes,
    toDormitoryMinutes: s.toDormitoryMinutes,
    disinfectionMinutes: s.disinfectionMinutes,
    earlierInMinutes: s.maxWaitMinutes - s.arriveBeforeShiftMinutes,
    laterHomeMinutes: s.maxWaitMinutes - s.departAfterShiftMinutes,
    clock: new ZoneClock(s.zone),
  };
}

interface ShiftSpan {
  start: number;
  end: number;
}

/** The shift `start`–`end` starting on `date` (SPEC §2: it ends the next day if end ≤ start). */
function shiftOn(zone: string, date: string, start: string, end: string): ShiftSpan {
  return shiftInterval({ id: "s", start, end }, civilDay(date), zone);
}

/**
 * A crew's pattern as demand builds it (demand.ts): per shift a ride in arriving
 * `arriveBefore` before the start and a ride home leaving `departAfter` after the end. A
 * shift whose ride in would leave before the last ride home arrived is left out, and so is
 * one whose ride in would leave the very minute that ride home left (same-minute keys sort
 * the ride in first, out of turn).
 */
function edgePattern(shifts: readonly ShiftSpan[], s: Setting) {
  const keys: TripKey[] = [];
  const served: ShiftSpan[] = [];
  let homeArrives = Number.NEGATIVE_INFINITY;
  let homeKey = Number.NEGATIVE_INFINITY;
  for (const shift of shifts) {
    const inDepart = shift.start - (s.arriveBeforeShiftMinutes + s.toPlantMinutes) * MS_PER_MINUTE;
    const homeDepart = shift.end + s.departAfterShiftMinutes * MS_PER_MINUTE;
    if (inDepart < homeArrives || tripKey(inDepart, true) < homeKey) continue;
    keys.push(tripKey(inDepart, true), tripKey(homeDepart, false));
    served.push(shift);
    homeArrives = homeDepart + s.toDormitoryMinutes * MS_PER_MINUTE;
    homeKey = tripKey(homeDepart, false);
  }
  return { keys, served };
}

/** A timing as a move of the pattern: rides in this many minutes earlier, rides home later. */
type Move = [inEarlier: number, homeLater: number];

/**
 * How `timing` moves `pattern`, or undefined if it is not one move: the rides differ in
 * number or direction, or two rides of one direction move by different amounts.
 */
function moveOf(pattern: readonly TripKey[], timing: readonly TripKey[]): Move | undefined {
  if (timing.length !== pattern.length) return undefined;
  const earlier = new Set<number>();
  const later = new Set<number>();
  for (const [i, key] of pattern.entries()) {
    const moved = timing[i] as TripKey;
    if (keyToPlant(moved) !== keyToPlant(key)) return undefined;
    const minutes = (keyDepart(moved) - keyDepart(key)) / MS_PER_MINUTE;
    if (keyToPlant(key)) earlier.add(-minutes);
    else later.add(minutes);
  }
  if (earlier.size !== 1 || later.size !== 1) return undefined;
  return [[...earlier][0] as number, [...later][0] as number];
}

/** The moves `retimings` offers, in its order (the first, the pattern itself, is [0, 0]). */
function movesOf(pattern: readonly TripKey[], s: Setting): (Move | undefined)[] {
  return retimings(pattern, rulesOf(s)).map((timing) => moveOf(pattern, timing));
}

/** The pattern moved by hand, sorted. */
function moved(pattern: readonly TripKey[], [inEarlier, homeLater]: Move): TripKey[] {
  return pattern
    .map((key) =>
      keyToPlant(key)
        ? tripKey(keyDepart(key) - inEarlier * MS_PER_MINUTE, true)
        : tripKey(keyDepart(key) + homeLater * MS_PER_MINUTE, false),
    )
    .sort((a, b) => a - b);
}

/** Where a timing breaks the windows of the shifts it serves (ride i in and i home serve shift i). */
function windowBreaks(timing: readonly TripKey[], served: readonly ShiftSpan[], s: Setting) {
  const breaks: string[] = [];
  const at = (ms: number) => isoWithOffset(ms, s.zone);
  served.forEach((shift, i) => {
    const rideIn = timing[2 * i] as TripKey;
    const rideHome = timing[2 * i + 1] as TripKey;
    const arrive = keyDepart(rideIn) + s.toPlantMinutes * MS_PER_MINUTE;
    const earliest = shift.start - s.maxWaitMinutes * MS_PER_MINUTE;
    const latest = shift.start - s.arriveBeforeShiftMinutes * MS_PER_MINUTE;
    if (!keyToPlant(rideIn) || arrive < earliest || arrive > latest)
      breaks.push(`shift ${at(shift.start)}: ride in arrives ${at(arrive)}`);
    const depart = keyDepart(rideHome);
    const first = shift.end + s.departAfterShiftMinutes * MS_PER_MINUTE;
    const last = shift.end + s.maxWaitMinutes * MS_PER_MINUTE;
    if (keyToPlant(rideHome) || depart < first || depart > last)
      breaks.push(`shift ending ${at(shift.end)}: ride home leaves ${at(depart)}`);
  });
  return breaks;
}

/** The local day of an instant, from Intl's offsets. */
function localDay(ms: number, zone: string): number {
  return Math.floor((ms + offsetMinutes(ms, zone) * MS_PER_MINUTE) / MS_PER_DAY);
}

/** Rides in and home in turn, each leaving once the last has arrived (checked by hand). */
function inTurn(keys: readonly TripKey[], s: Setting): boolean {
  let arrived = Number.NEGATIVE_INFINITY;
  return keys.every((key, i) => {
    const toPlant = keyToPlant(key);
    const ok = toPlant === (i % 2 === 0) && keyDepart(key) >= arrived;
    arrived = keyDepart(key) + (toPlant ? s.toPlantMinutes : s.toDormitoryMinutes) * MS_PER_MINUTE;
    return ok;
  });
}

/** The rides in of `keys`, as local days. */
const daysIn = (keys: readonly TripKey[], zone: string) =>
  keys.filter(keyToPlant).map((key) => localDay(keyDepart(key), zone));

/** The offsets retime.ts promises for a window: 0, whole cycles (at most four), the far edge. */
function promisedOffsets(window: number, cycle: number): number[] {
  const offsets = new Set([0]);
  if (window > 0) {
    for (let k = 1; cycle > 0 && k <= CYCLE_CAP && k * cycle <= window; k++) offsets.add(k * cycle);
    offsets.add(window);
  }
  return [...offsets];
}

// ---------------------------------------------------------------------------------------
// Examples

describe("the cap on whole-cycle shifts", () => {
  /** 2-minute roads, 3 minutes' disinfection: g = 2 + 2 + 2 × 3 = 10 minutes. */
  const SHORT_ROAD = {
    zone: "Asia/Shanghai",
    toPlantMinutes: 2,
    toDormitoryMinutes: 2,
    disinfectionMinutes: 3,
  };
  const day = (s: Setting) => edgePattern([shiftOn(s.zone, "2022-05-16", "08:00", "17:00")], s);

  it("offers at most four whole cycles per direction, then the far edge of the window", () => {
    // g = 2 + 2 + 2 × 3 = 10 minutes; both windows 120 − 10 = 110. Without the cap each
    // direction would offer 0, 10, …, 110 (12 offsets, 144 timings); with it 0, 10, 20,
    // 30, 40 and the edge 110: 6 × 6 = 36 timings for a single shift, none refused.
    const s: Setting = {
      ...SHORT_ROAD,
      maxWaitMinutes: 120,
      arriveBeforeShiftMinutes: 10,
      departAfterShiftMinutes: 10,
    };
    const moves = movesOf(day(s).keys, s);
    expect(moves).toHaveLength(36);
    const offsets = [0, 10, 20, 30, 40, 110];
    expect(new Set(moves.map((move) => move?.[0]))).toEqual(new Set(offsets));
    expect(new Set(moves.map((move) => move?.[1]))).toEqual(new Set(offsets));
  });

  // g = 10; the home window is 0 (departAfter = maxWait), so only rides in move.
  it.each([
    { window: 50, offsets: [0, 10, 20, 30, 40, 50], why: "five cycles fit: the fifth as the edge" },
    {
      window: 51,
      offsets: [0, 10, 20, 30, 40, 51],
      why: "five fit, but 50 is no edge: not offered",
    },
    { window: 40, offsets: [0, 10, 20, 30, 40], why: "four cycles reach the edge: offered once" },
    { window: 9, offsets: [0, 9], why: "no whole cycle fits: only the edge" },
    { window: 0, offsets: [0], why: "no window: only the pattern itself" },
  ])("a ride-in window of $window minutes offers $offsets ($why)", ({ window, offsets }) => {
    const s: Setting = {
      ...SHORT_ROAD,
      maxWaitMinutes: 60,
      arriveBeforeShiftMinutes: 60 - window,
      departAfterShiftMinutes: 60,
    };
    expect(movesOf(day(s).keys, s)).toEqual(offsets.map((inEarlier) => [inEarlier, 0]));
  });

  it("offers only the far edges when a vehicle needs no time at all between trips (g = 0)", () => {
    const s: Setting = {
      zone: "Asia/Shanghai",
      toPlantMinutes: 0,
      toDormitoryMinutes: 0,
      disinfectionMinutes: 0,
      maxWaitMinutes: 60,
      arriveBeforeShiftMinutes: 15,
      departAfterShiftMinutes: 10,
    };
    // Smallest total first, ties by the smaller move in.
    expect(movesOf(day(s).keys, s)).toEqual([
      [0, 0],
      [45, 0],
      [0, 50],
      [45, 50],
    ]);
  });
});

describe("overnight shifts", () => {
  it("moves the ride home after a night shift on the next morning, inside its window", () => {
    // 22:00–06:00: in at 21:40 (arriving 21:50), home at 06:10 the next day.
    const s: Setting = { zone: "Asia/Shanghai", ...TEN_MINUTE_ROAD };
    const { keys, served } = edgePattern([shiftOn(s.zone, "2022-05-16", "22:00", "06:00")], s);
    const timings = retimings(keys, rulesOf(s));
    expect(timings.map((timing) => moveOf(keys, timing))).toEqual([
      [0, 0],
      [0, 50],
      [50, 0],
      [50, 50],
    ]);
    for (const timing of timings) expect(windowBreaks(timing, served, s)).toEqual([]);
    expect(isoWithOffset(keyDepart(timings[1]?.[1] as number), s.zone)).toBe(
      "2022-05-17T07:00:00+08:00",
    );
  });

  it("refuses the one move that would take a night crew in before it is home", () => {
    // Night 22:00–06:00, then 07:30–15:30: home at 06:10 (arriving 06:20), next in at 07:10,
    // 50 minutes apart. Home 50 later arrives 07:10, when the edge ride in leaves: in turn.
    // In 50 earlier leaves 06:20, when the edge ride home arrives: in turn. Both at once:
    // in at 06:20 before home arrives at 07:10: refused.
    const s: Setting = { zone: "Asia/Shanghai", ...TEN_MINUTE_ROAD };
    const { keys, served } = edgePattern(
      [
        shiftOn(s.zone, "2022-05-16", "22:00", "06:00"),
        shiftOn(s.zone, "2022-05-17", "07:30", "15:30"),
      ],
      s,
    );
    expect(served).toHaveLength(2);
    const timings = retimings(keys, rulesOf(s));
    expect(timings.map((timing) => moveOf(keys, timing))).toEqual([
      [0, 0],
      [0, 50],
      [50, 0],
    ]);
    for (const timing of timings) {
      expect(ridesInTurn(rideWindows(timing), rulesOf(s))).toBe(true);
      expect(windowBreaks(timing, served, s)).toEqual([]);
    }
  });

  it("never moves a ride in before midnight when its edge is after it", () => {
    // Shift at 00:40: in at 00:20; 50 earlier would leave at 23:30 the day before.
    const s: Setting = { zone: "Asia/Shanghai", ...TEN_MINUTE_ROAD };
    const { keys } = edgePattern([shiftOn(s.zone, "2022-05-16", "00:40", "08:40")], s);
    expect(movesOf(keys, s)).toEqual([
      [0, 0],
      [0, 50],
    ]);
  });

  it("moves the ride in before midnight when its edge already is before it", () => {
    // Shift at 00:10: in at 23:50 the day before; 50 earlier, 23:00, is the same day.
    const s: Setting = { zone: "Asia/Shanghai", ...TEN_MINUTE_ROAD };
    const { keys } = edgePattern([shiftOn(s.zone, "2022-05-16", "00:10", "08:10")], s);
    expect(movesOf(keys, s)).toEqual([
      [0, 0],
      [0, 50],
      [50, 0],
      [50, 50],
    ]);
  });
});

describe("DST: retiming counts real minutes, and judges the day of a ride in locally", () => {
  const newYork: Setting = { zone: "America/New_York", ...TEN_MINUTE_ROAD };
  const london: Setting = { zone: "Europe/London", ...TEN_MINUTE_ROAD };
  /** The local time the ride in of `move` leaves at, for a one-shift pattern. */
  const rideInAt = (s: Setting, keys: TripKey[], move: Move) => {
    const timing = retimings(keys, rulesOf(s)).find(
      (t) => JSON.stringify(moveOf(keys, t)) === JSON.stringify(move),
    );
    return timing && isoWithOffset(keyDepart(timing[0] as number), s.zone);
  };

  it("spring forward: 50 minutes earlier than 03:10 EDT is 01:20 EST, 110 minutes on the wall", () => {
    // New York, 2022-03-13: 02:00 EST became 03:00 EDT. Shift 03:30 EDT = 07:30Z.
    const { keys, served } = edgePattern(
      [shiftOn(newYork.zone, "2022-03-13", "03:30", "12:00")],
      newYork,
    );
    expect(rideInAt(newYork, keys, [0, 0])).toBe("2022-03-13T03:10:00-04:00");
    expect(rideInAt(newYork, keys, [50, 0])).toBe("2022-03-13T01:20:00-05:00");
    // It arrives at 01:30 EST = 06:30Z, maxWait (60) real minutes before the start: in the window.
    for (const timing of retimings(keys, rulesOf(newYork)))
      expect(windowBreaks(timing, served, newYork)).toEqual([]);
  });

  it("fall back: 50 minutes earlier than 01:40 EST is 01:50 EDT, later on the wall", () => {
    // New York, 2022-11-06: 02:00 EDT became 01:00 EST. Shift 02:00 EST = 07:00Z; its ride
    // in leaves 01:40 EST. Fifty real minutes before is the first 01:50 of the night.
    const { keys, served } = edgePattern(
      [shiftOn(newYork.zone, "2022-11-06", "02:00", "10:00")],
      newYork,
    );
    expect(rideInAt(newYork, keys, [0, 0])).toBe("2022-11-06T01:40:00-05:00");
    expect(rideInAt(newYork, keys, [50, 0])).toBe("2022-11-06T01:50:00-04:00");
    expect(movesOf(keys, newYork)).toHaveLength(4);
    for (const timing of retimings(keys, rulesOf(newYork)))
      expect(windowBreaks(timing, served, newYork)).toEqual([]);
  });

  it("a night shift over the fall-back change lasts nine hours: home leaves 06:10 EST", () => {
    // 22:00 EDT (02:00Z) to 06:00 EST (11:00Z): 540 real minutes, 480 on the wall.
    const night = shiftOn(newYork.zone, "2022-11-05", "22:00", "06:00");
    expect((night.end - night.start) / MS_PER_MINUTE).toBe(540);
    const { keys, served } = edgePattern([night], newYork);
    const timings = retimings(keys, rulesOf(newYork));
    expect(timings).toHaveLength(4);
    for (const timing of timings) expect(windowBreaks(timing, served, newYork)).toEqual([]);
    const homes = timings.map((timing) => isoWithOffset(keyDepart(timing[1] as number), "UTC"));
    expect(new Set(homes)).toEqual(
      new Set(["2022-11-06T11:10:00+00:00", "2022-11-06T12:00:00+00:00"]),
    );
  });

  it("London's missing hour puts 70 real minutes before 02:00 BST on the day before", () => {
    // 2022-03-27, 01:00 GMT became 02:00 BST. Shift 02:00 BST = 01:00Z: in at 00:40 GMT; 50
    // earlier is 23:50 on the 26th, another day: only the ride home moves. On the 26th the
    // same shift (02:00 GMT) has its ride in at 01:40, and 50 earlier is 00:50, same day.
    const change = edgePattern([shiftOn(london.zone, "2022-03-27", "02:00", "10:00")], london);
    expect(rideInAt(london, change.keys, [0, 0])).toBe("2022-03-27T00:40:00+00:00");
    expect(movesOf(change.keys, london)).toEqual([
      [0, 0],
      [0, 50],
    ]);
    const before = edgePattern([shiftOn(london.zone, "2022-03-26", "02:00", "10:00")], london);
    expect(movesOf(before.keys, london)).toEqual([
      [0, 0],
      [0, 50],
      [50, 0],
      [50, 50],
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// Properties

/** Loop and policy minutes as a scenario may have them (arriveBefore, departAfter ≤ maxWait). */
const settingArb = fc
  .record({
    toPlantMinutes: fc.integer({ min: 0, max: 30 }),
    toDormitoryMinutes: fc.integer({ min: 0, max: 30 }),
    disinfectionMinutes: fc.constantFrom(0, 5, 15, 30),
    arriveBeforeShiftMinutes: fc.integer({ min: 0, max: 30 }),
    departAfterShiftMinutes: fc.integer({ min: 0, max: 30 }),
    slack: fc.integer({ min: 0, max: 150 }),
  })
  .map(({ slack, ...rest }) => ({
    ...rest,
    maxWaitMinutes: Math.max(rest.arriveBeforeShiftMinutes, rest.departAfterShiftMinutes) + slack,
  }));

/**
 * A crew in a DST zone: one to four shifts on the days from one before a changeover (or
 * another day of the DST seasons) on, often overnight, often starting 00:00–04:00.
 */
const crewArb = fc
  .record({
    zoneDay: zoneAndDayArb,
    setting: settingArb,
    shifts: fc.array(shiftMinutesArb, { minLength: 1, maxLength: 4 }),
  })
  .map(({ zoneDay: { zone, day }, setting, shifts }) => {
    const s: Setting = { zone, ...setting };
    const spans = shifts.map(({ start, end }, i) =>
      shiftInterval({ id: "s", start: clockOf(start), end: clockOf(end) }, day - 1 + i, zone),
    );
    return { s, ...edgePattern(spans, s) };
  });

describe("retimings of a crew in a DST zone", () => {
  test.prop([crewArb], { numRuns: 400 })(
    "every timing is one move of the pattern, in turn, inside every shift's windows, rides in on their days",
    ({ s, keys, served }) => {
      const timings = retimings(keys, rulesOf(s));
      expect(timings[0]).toEqual(keys);
      const cycle = cycleOf(s);
      const inOffsets = new Set<number>();
      const homeOffsets = new Set<number>();
      let previous: Move = [0, 0];
      for (const timing of timings) {
        const move = moveOf(keys, timing);
        expect(move, `not one move: ${timing.join(",")}`).toBeDefined();
        const [inEarlier, homeLater] = move as Move;
        inOffsets.add(inEarlier);
        homeOffsets.add(homeLater);
        expect(inTurn(timing, s)).toBe(true);
        expect(windowBreaks(timing, served, s)).toEqual([]);
        expect(daysIn(timing, s.zone)).toEqual(daysIn(keys, s.zone));
        // Each offset is 0, a whole cycle (at most four) or the far edge of its window.
        const earlierWindow = s.maxWaitMinutes - s.arriveBeforeShiftMinutes;
        const laterWindow = s.maxWaitMinutes - s.departAfterShiftMinutes;
        for (const [offset, window] of [
          [inEarlier, earlierWindow],
          [homeLater, laterWindow],
        ] as const) {
          const wholeCycles = cycle > 0 && offset % cycle === 0 && offset / cycle <= CYCLE_CAP;
          expect(offset === 0 || offset === window || wholeCycles, `offset ${offset}`).toBe(true);
        }
        // Smallest total move first, ties by the smaller move in.
        const order =
          inEarlier + homeLater - (previous[0] + previous[1]) || inEarlier - previous[0];
        if (timing !== timings[0]) expect(order).toBeGreaterThan(0);
        previous = [inEarlier, homeLater];
      }
      // The cap: 0, at most four cycles and the edge.
      expect(inOffsets.size).toBeLessThanOrEqual(CYCLE_CAP + 2);
      expect(homeOffsets.size).toBeLessThanOrEqual(CYCLE_CAP + 2);
    },
  );

  test.prop([crewArb], { numRuns: 400 })(
    "offers every promised move that keeps the rides in turn and on their days, and no other",
    ({ s, keys }) => {
      const offered = new Set(
        retimings(keys, rulesOf(s))
          .slice(1)
          .map((timing) => JSON.stringify(moveOf(keys, timing))),
      );
      const expected = new Set<string>();
      const cycle = cycleOf(s);
      for (const inEarlier of promisedOffsets(s.maxWaitMinutes - s.arriveBeforeShiftMinutes, cycle))
        for (const homeLater of promisedOffsets(
          s.maxWaitMinutes - s.departAfterShiftMinutes,
          cycle,
        )) {
          if (inEarlier === 0 && homeLater === 0) continue;
          const timing = moved(keys, [inEarlier, homeLater]);
          if (inTurn(timing, s) && String(daysIn(timing, s.zone)) === String(daysIn(keys, s.zone)))
            expected.add(JSON.stringify([inEarlier, homeLater]));
        }
      expect(offered).toEqual(expected);
      expect(retimings(keys, rulesOf(s))).toHaveLength(expected.size + 1);
    },
  );
});
