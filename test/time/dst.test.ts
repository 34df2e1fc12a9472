/**
 * DST in the scenario zone (SPEC §2): gap times move forward, overlap times take the earlier
 * offset, every shift instance ends after it starts. Expected values come from
 * `zone-oracle.ts` (Intl offsets, no luxon) or are written out by hand; none depends on the
 * host zone, and the suite runs under TZ=UTC and TZ=America/New_York.
 */
import { fc, test } from "@fast-check/vitest";
import { Settings } from "luxon";
import { describe, expect } from "vitest";
import { shiftInterval } from "../../src/facts/shift-instances.js";
import { shiftInstances } from "../../src/facts/shifts.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { formatInstant, localInstant } from "../../src/time/local-time.js";
import { ZoneClock } from "../../src/time/zone-clock.js";
import {
  DST_CHANGE_DAYS,
  DST_ZONES,
  earlyShiftMinutesArb,
  minuteOfDayArb,
  shiftMinutesArb,
  zoneAndChangeDayArb,
  zoneAndDayArb,
} from "../arbitraries/time.js";
import {
  clockOf,
  dateOf,
  dayOf,
  isoWithOffset,
  offsetMinutes,
  offsetOfIso,
  resolveWall,
} from "./zone-oracle.js";

const NUM_RUNS = 300;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

function at(zone: string, date: string, clock: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = clock.split(":").map(Number);
  return formatInstant(
    localInstant(dayOf(y ?? 0, m ?? 0, d ?? 0), (hh ?? 0) * 60 + (mm ?? 0), zone),
    zone,
  );
}

function interval(zone: string, date: string, start: string, end: string) {
  const [y, m, d] = date.split("-").map(Number);
  const { start: s, end: e } = shiftInterval(
    { id: "s", start, end },
    dayOf(y ?? 0, m ?? 0, d ?? 0),
    zone,
  );
  return {
    start: formatInstant(s, zone),
    end: formatInstant(e, zone),
    minutes: (e - s) / MS_PER_MINUTE,
  };
}

/**
 * The DST properties of one shift instance: it ends after it starts; both ends resolve like
 * the zone model; its length is the wall-clock length minus the change in offset, or the
 * wall-clock length itself in the gap fallback; it prints on the right local days.
 */
function checkShiftInstance(
  zone: string,
  day: number,
  startMinute: number,
  endMinute: number,
): void {
  const shift = { id: "s", start: clockOf(startMinute), end: clockOf(endMinute) };
  const overnight = endMinute < startMinute;
  const wallMinutes = overnight ? endMinute + 1440 - startMinute : endMinute - startMinute;
  const { start, end } = shiftInterval(shift, day, zone);

  expect(end).toBeGreaterThan(start);

  const from = resolveWall(day, startMinute, zone);
  const to = resolveWall(overnight ? day + 1 : day, endMinute, zone);
  expect(start).toBe(from.ms);
  const lengthMinutes = (end - start) / MS_PER_MINUTE;
  expect(Number.isInteger(lengthMinutes)).toBe(true);

  if (to.ms <= from.ms) {
    // The gap fallback: the end keeps the wall-clock length from the moved start.
    expect(lengthMinutes).toBe(wallMinutes);
  } else {
    expect(end).toBe(to.ms);
    // Wall length minus the change of the offsets the two wall times were read with.
    expect(lengthMinutes).toBe(wallMinutes - (to.effectiveOffset - from.effectiveOffset));
    if (from.kind !== "gap" && to.kind !== "gap") {
      // Neither end moved: those are the offsets printed in the instants.
      const printed =
        offsetOfIso(formatInstant(end, zone)) - offsetOfIso(formatInstant(start, zone));
      expect(lengthMinutes).toBe(wallMinutes - printed);
    }
  }

  // The instants print on the right local days.
  expect(formatInstant(start, zone).slice(0, 10)).toBe(dateOf(day));
  expect(formatInstant(end, zone).slice(0, 10)).toBe(dateOf(overnight ? day + 1 : day));
}

describe("the test's own zone model", () => {
  test("every listed changeover day changes the offset, and the days around it do not", () => {
    for (const zone of DST_ZONES) {
      for (const [y, m, d] of DST_CHANGE_DAYS[zone]) {
        const day = dayOf(y, m, d);
        const noon = (k: number) => offsetMinutes((day + k) * MS_PER_DAY + 12 * 3_600_000, zone);
        expect(Math.abs(noon(0) - noon(-1)), `${zone} ${dateOf(day)}`).toBe(60);
        expect(noon(1)).toBe(noon(0));
        expect(noon(-1)).toBe(noon(-2));
      }
    }
  });

  test("classifies gap and overlap times", () => {
    expect(resolveWall(dayOf(2025, 3, 30), 150, "Europe/Berlin").kind).toBe("gap");
    expect(resolveWall(dayOf(2025, 10, 26), 150, "Europe/Berlin").kind).toBe("ambiguous");
    expect(resolveWall(dayOf(2025, 10, 26), 180, "Europe/Berlin").kind).toBe("normal");
    expect(resolveWall(dayOf(2025, 11, 2), 90, "America/New_York").kind).toBe("ambiguous");
    expect(resolveWall(dayOf(2025, 3, 9), 150, "America/New_York").kind).toBe("gap");
  });
});

describe("localInstant / formatInstant — examples", () => {
  test("an ordinary time in Shanghai", () => {
    expect(at("Asia/Shanghai", "2022-05-16", "07:30")).toBe("2022-05-16T07:30:00+08:00");
    expect(localInstant(dayOf(2022, 5, 16), 450, "Asia/Shanghai")).toBe(
      Date.UTC(2022, 4, 15, 23, 30),
    );
  });

  test("Berlin spring gap: 02:30 moves forward to 03:30+02:00", () => {
    expect(at("Europe/Berlin", "2025-03-30", "02:30")).toBe("2025-03-30T03:30:00+02:00");
    expect(at("Europe/Berlin", "2025-03-30", "02:00")).toBe("2025-03-30T03:00:00+02:00");
    expect(at("Europe/Berlin", "2025-03-30", "01:59")).toBe("2025-03-30T01:59:00+01:00");
    expect(at("Europe/Berlin", "2025-03-30", "03:00")).toBe("2025-03-30T03:00:00+02:00");
    expect(localInstant(dayOf(2025, 3, 30), 150, "Europe/Berlin")).toBe(
      Date.UTC(2025, 2, 30, 1, 30),
    );
  });

  test("Berlin autumn overlap: 02:30 takes the earlier offset, +02:00", () => {
    expect(at("Europe/Berlin", "2025-10-26", "02:30")).toBe("2025-10-26T02:30:00+02:00");
    expect(at("Europe/Berlin", "2025-10-26", "02:00")).toBe("2025-10-26T02:00:00+02:00");
    expect(at("Europe/Berlin", "2025-10-26", "02:59")).toBe("2025-10-26T02:59:00+02:00");
    expect(at("Europe/Berlin", "2025-10-26", "03:00")).toBe("2025-10-26T03:00:00+01:00");
    expect(at("Europe/Berlin", "2025-10-26", "01:59")).toBe("2025-10-26T01:59:00+02:00");
    expect(localInstant(dayOf(2025, 10, 26), 150, "Europe/Berlin")).toBe(
      Date.UTC(2025, 9, 26, 0, 30),
    );
  });

  test("New York: 2025-11-02 01:30 is -04:00; 2025-03-09 02:30 moves to 03:30-04:00", () => {
    expect(at("America/New_York", "2025-11-02", "01:30")).toBe("2025-11-02T01:30:00-04:00");
    expect(at("America/New_York", "2025-11-02", "02:00")).toBe("2025-11-02T02:00:00-05:00");
    expect(at("America/New_York", "2025-03-09", "02:30")).toBe("2025-03-09T03:30:00-04:00");
    expect(at("America/New_York", "2025-03-09", "01:30")).toBe("2025-03-09T01:30:00-05:00");
    expect(localInstant(dayOf(2025, 11, 2), 90, "America/New_York")).toBe(
      Date.UTC(2025, 10, 2, 5, 30),
    );
  });
});

describe("shiftInterval around DST — examples", () => {
  test("an overnight shift over the autumn change lasts an hour longer", () => {
    expect(interval("Europe/Berlin", "2025-10-25", "22:00", "06:00")).toEqual({
      start: "2025-10-25T22:00:00+02:00",
      end: "2025-10-26T06:00:00+01:00",
      minutes: 9 * 60,
    });
  });

  test("an overnight shift over the spring change lasts an hour less", () => {
    expect(interval("Europe/Berlin", "2025-03-29", "22:00", "06:00")).toEqual({
      start: "2025-03-29T22:00:00+01:00",
      end: "2025-03-30T06:00:00+02:00",
      minutes: 7 * 60,
    });
  });

  test("an end in the gap moves forward: 01:30–02:30 ends at 03:30+02:00, an hour later", () => {
    expect(interval("Europe/Berlin", "2025-03-30", "01:30", "02:30")).toEqual({
      start: "2025-03-30T01:30:00+01:00",
      end: "2025-03-30T03:30:00+02:00",
      minutes: 60,
    });
  });

  test("a start in the gap whose end would come first keeps its wall-clock length", () => {
    // 02:30 → 03:30+02:00; 03:00 exists, but comes before it: the end is start + 30 minutes.
    expect(interval("Europe/Berlin", "2025-03-30", "02:30", "03:00")).toEqual({
      start: "2025-03-30T03:30:00+02:00",
      end: "2025-03-30T04:00:00+02:00",
      minutes: 30,
    });
    // 02:30 → 03:30+02:00 and 03:30 resolve to the same instant: still 60 minutes.
    expect(interval("America/New_York", "2025-03-09", "02:30", "03:30")).toEqual({
      start: "2025-03-09T03:30:00-04:00",
      end: "2025-03-09T04:30:00-04:00",
      minutes: 60,
    });
  });

  test("inside the overlap both ends take the earlier offset", () => {
    expect(interval("Europe/Berlin", "2025-10-26", "02:10", "02:40")).toEqual({
      start: "2025-10-26T02:10:00+02:00",
      end: "2025-10-26T02:40:00+02:00",
      minutes: 30,
    });
    expect(interval("Europe/Berlin", "2025-10-26", "01:00", "03:00")).toEqual({
      start: "2025-10-26T01:00:00+02:00",
      end: "2025-10-26T03:00:00+01:00",
      minutes: 180,
    });
    expect(interval("America/New_York", "2025-11-02", "01:15", "01:45")).toEqual({
      start: "2025-11-02T01:15:00-04:00",
      end: "2025-11-02T01:45:00-04:00",
      minutes: 30,
    });
  });

  test("shiftInstances prints DST-aware offsets for a Berlin scenario", () => {
    const input: ScenarioInput = {
      timeZone: "Europe/Berlin",
      horizon: { start: "2025-03-29", days: 2 },
      enterprises: [{ id: "e1", name: "E1", closedHousing: true, positiveCases: [] }],
      sites: [
        { id: "d1", name: "D", kind: "dormitory", node: "a" },
        { id: "p1", name: "P", kind: "plant", node: "b" },
      ],
      roads: { edges: [{ from: "a", to: "b", minutes: 10, km: 3 }] },
      shifts: [{ id: "night", start: "22:00", end: "06:00" }],
      staff: [
        {
          id: "w1",
          enterpriseId: "e1",
          dormitoryId: "d1",
          plantId: "p1",
          role: "worker",
          schedule: { cycle: ["night"], anchor: "2025-03-01" },
        },
      ],
      vehicles: [{ id: "v1", seats: 19 }],
    };
    expect(shiftInstances(input)).toEqual([
      {
        personId: "w1",
        shiftId: "night",
        date: "2025-03-29",
        start: "2025-03-29T22:00:00+01:00",
        end: "2025-03-30T06:00:00+02:00",
      },
      {
        personId: "w1",
        shiftId: "night",
        date: "2025-03-30",
        start: "2025-03-30T22:00:00+02:00",
        end: "2025-03-31T06:00:00+02:00",
      },
    ]);
  });
});

describe("DST — properties", () => {
  test.prop([zoneAndDayArb, minuteOfDayArb], { numRuns: NUM_RUNS })(
    "localInstant resolves wall times like the zone model (gap forward, overlap earlier)",
    ({ zone, day }, minute) => {
      const expected = resolveWall(day, minute, zone);
      const actual = localInstant(day, minute, zone);
      expect(actual).toBe(expected.ms);
      const iso = formatInstant(actual, zone);
      expect(iso).toBe(isoWithOffset(actual, zone));
      if (expected.kind !== "gap")
        expect(iso).toBe(`${dateOf(day)}T${clockOf(minute)}:00${iso.slice(19)}`);
      if (expected.kind === "ambiguous") {
        // The first occurrence: an hour later the wall clock shows the same time again.
        expect(formatInstant(actual + 60 * MS_PER_MINUTE, zone).slice(0, 19)).toBe(
          iso.slice(0, 19),
        );
      }
    },
  );

  test.prop([zoneAndDayArb, fc.array(minuteOfDayArb, { minLength: 1, maxLength: 8 })], {
    numRuns: NUM_RUNS,
  })(
    "ZoneClock.instantAt, from its memoised offsets, resolves them the same (and as localInstant)",
    ({ zone, day }, minutes) => {
      const clock = new ZoneClock(zone);
      // Several times near each other: later ones are read from the offsets the first cached.
      for (const minute of minutes) {
        const actual = clock.instantAt(day, minute);
        expect(actual).toBe(resolveWall(day, minute, zone).ms);
        expect(actual).toBe(localInstant(day, minute, zone));
      }
    },
  );

  /** Days on which a zone's offset changed off a quarter hour (its clock at 00:01, 10:40 UTC). */
  const offQuarterChanges = fc.constantFrom(
    { zone: "America/St_Johns", day: dayOf(2010, 3, 14) },
    { zone: "America/St_Johns", day: dayOf(2010, 11, 7) },
    { zone: "America/Goose_Bay", day: dayOf(2010, 11, 7) },
    { zone: "Antarctica/Casey", day: dayOf(2021, 10, 3) },
    { zone: "Pacific/Kiritimati", day: dayOf(1979, 10, 1) },
  );

  test.prop([offQuarterChanges, minuteOfDayArb, fc.integer({ min: -1, max: 1 })], {
    numRuns: NUM_RUNS,
  })(
    "ZoneClock reads zones whose offset changed off a quarter hour as the zone model does",
    ({ zone, day }, minute, shift) => {
      const clock = new ZoneClock(zone);
      const instant = clock.instantAt(day + shift, minute);
      expect(instant).toBe(resolveWall(day + shift, minute, zone).ms);
      expect(instant).toBe(localInstant(day + shift, minute, zone));
      // And back: the instant's offset, text, date and time of day, minute by minute.
      for (const ms of [instant - MS_PER_MINUTE, instant, instant + MS_PER_MINUTE]) {
        expect(clock.offsetMinutes(ms)).toBe(offsetMinutes(ms, zone));
        expect(clock.formatISO(ms)).toBe(isoWithOffset(ms, zone));
        const local = ms + offsetMinutes(ms, zone) * MS_PER_MINUTE;
        expect(clock.dayOf(ms)).toBe(Math.floor(local / MS_PER_DAY));
        expect(clock.minuteOfDay(ms)).toBe(Math.floor((local % MS_PER_DAY) / MS_PER_MINUTE));
      }
    },
  );

  test.prop([zoneAndDayArb, shiftMinutesArb], { numRuns: NUM_RUNS })(
    "a shift instance ends after it starts; its length is the wall length minus the offset change",
    ({ zone, day }, { start, end }) => checkShiftInstance(zone, day, start, end),
  );

  test.prop([zoneAndChangeDayArb, earlyShiftMinutesArb], { numRuns: NUM_RUNS })(
    "the same on the changeover days themselves, for short shifts in 01:30–04:00",
    ({ zone, day }, { start, end }) => checkShiftInstance(zone, day, start, end),
  );

  test.prop(
    [
      fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Shanghai"),
      zoneAndDayArb,
      minuteOfDayArb,
      fc.constantFrom("2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z"),
    ],
    { numRuns: NUM_RUNS },
  )(
    "results depend neither on the host zone nor on today's date (luxon guesses from the offset now)",
    (zone, { day }, minute, now) => {
      // The expected instant comes from the zone model, which reads Intl with an explicit zone.
      // luxon starts its search from the zone's offset at Settings.now: pin it to winter and
      // to summer, so that both of luxon's overlap answers are met whenever the suite runs.
      const realNow = Settings.now;
      Settings.now = () => Date.parse(now);
      try {
        const actual = localInstant(day, minute, zone);
        expect(actual).toBe(resolveWall(day, minute, zone).ms);
        expect(formatInstant(actual, zone)).toBe(isoWithOffset(actual, zone));
      } finally {
        Settings.now = realNow;
      }
    },
  );
});

describe("known bug (skipped until src/time/local-time.ts is fixed)", () => {
  // luxon's DateTime.fromObject guesses the offset from the zone's offset *today* and corrects
  // it only twice; where today's offset is neither of the two around the asked time, it lands
  // an hour off, on a time that does exist. Scoresbysund moved from -1/+0 to -2/-1 in 2024,
  // so in (northern) winter 2019-10-26 23:30 comes out as 2019-10-27T00:30:00+00:00.
  test("an existing wall time resolves to itself whatever today's date", () => {
    const zone = "America/Scoresbysund";
    const realNow = Settings.now;
    try {
      for (const now of ["2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z"]) {
        Settings.now = () => Date.parse(now);
        const actual = localInstant(dayOf(2019, 10, 26), 23 * 60 + 30, zone);
        expect(formatInstant(actual, zone), `with today = ${now}`).toBe(
          "2019-10-26T23:30:00+00:00",
        );
      }
    } finally {
      Settings.now = realNow;
    }
  });
});
