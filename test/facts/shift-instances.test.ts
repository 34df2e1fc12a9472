/**
 * expandSchedule / scheduledShiftId / shiftInstances against a brute force written here: the
 * cycle position is walked day by day from the anchor (no modulo), dates come from Date.UTC
 * and local days from luxon in the scenario zone.
 */
import { fc, test } from "@fast-check/vitest";
import { DateTime } from "luxon";
import { describe, expect } from "vitest";
import { expandSchedule, scheduledShiftId } from "../../src/facts/shift-instances.js";
import { shiftInstances } from "../../src/facts/shifts.js";
import type { ScenarioInput, Schedule, Shift } from "../../src/scenario/schema.js";
import { NotFoundError, ScenarioError } from "../../src/util/errors.js";
import { minimalScenario as sharedMinimalScenario } from "../fixtures/minimal-scenario.js";
import { clockOf, dateOf, dayOf } from "../time/zone-oracle.js";

const NUM_RUNS = 200;

const ZONES = ["Asia/Shanghai", "UTC", "Europe/Berlin", "America/New_York"] as const;

/** Shift ids to draw from; the times are drawn per test case. */
const SHIFT_IDS = ["day", "night", "late"] as const;

const shiftsArb: fc.Arbitrary<Map<string, Shift>> = fc
  .tuple(
    ...SHIFT_IDS.map(() =>
      fc
        .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }))
        .filter(([s, e]) => s !== e),
    ),
  )
  .map(
    (times) =>
      new Map(
        SHIFT_IDS.map((id, i) => {
          const [s, e] = times[i] ?? [0, 1];
          return [id, { id, start: clockOf(s), end: clockOf(e) }];
        }),
      ),
  );

/** Horizon: a first day in 2021–2026 and 1..60 days. */
const horizonArb = fc.record({
  firstDay: fc.integer({ min: dayOf(2021, 1, 1), max: dayOf(2026, 12, 31) }),
  days: fc.integer({ min: 1, max: 60 }),
});

const cycleArb = fc.array(fc.constantFrom<string>(...SHIFT_IDS, "off", "off"), {
  minLength: 1,
  maxLength: 10,
});

/** Anchor relative to the horizon: well before it, inside it, or after it. */
function anchorArb(days: number): fc.Arbitrary<{ where: string; offset: number }> {
  return fc.oneof(
    fc.integer({ min: -400, max: -1 }).map((offset) => ({ where: "before", offset })),
    fc.integer({ min: 0, max: days - 1 }).map((offset) => ({ where: "inside", offset })),
    fc.integer({ min: days, max: days + 400 }).map((offset) => ({ where: "after", offset })),
  );
}

const cycleCaseArb = horizonArb.chain(({ firstDay, days }) =>
  fc.record({
    firstDay: fc.constant(firstDay),
    days: fc.constant(days),
    cycle: cycleArb,
    anchor: anchorArb(days),
    zone: fc.constantFrom(...ZONES),
    shifts: shiftsArb,
  }),
);

/** The cycle entry on `day`, walking one day at a time from the anchor (where the index is 0). */
function naiveCycleEntry(cycle: readonly string[], anchorDay: number, day: number): string {
  let index = 0;
  let at = anchorDay;
  while (at < day) {
    index = index + 1 === cycle.length ? 0 : index + 1;
    at++;
  }
  while (at > day) {
    index = index === 0 ? cycle.length - 1 : index - 1;
    at--;
  }
  return cycle[index] as string;
}

interface Expected {
  shiftId: string;
  date: string;
  day: number;
}

/** Checks the instants of each instance: right local days, start before end, wall times kept. */
function checkInstants(
  instances: ReturnType<typeof expandSchedule>,
  shifts: ReadonlyMap<string, Shift>,
  zone: string,
): void {
  for (const instance of instances) {
    const shift = shifts.get(instance.shiftId);
    if (shift === undefined) throw new Error(`instance of unknown shift ${instance.shiftId}`);
    const overnight = shift.end < shift.start; // HH:mm strings order like the times
    const start = DateTime.fromMillis(instance.start, { zone });
    const end = DateTime.fromMillis(instance.end, { zone });
    expect(instance.end).toBeGreaterThan(instance.start);
    expect(start.toISODate()).toBe(instance.date);
    const nextDay = DateTime.fromISO(instance.date, { zone: "UTC" }).plus({ days: 1 }).toISODate();
    expect(end.toISODate()).toBe(overnight ? nextDay : instance.date);
    // Unless a DST gap swallowed a wall time, the instants show the shift's own times.
    const [y, m, d] = instance.date.split("-").map(Number);
    const exists = (date: DateTime, clock: string) => {
      const [hh, mm] = clock.split(":").map(Number);
      const probe = DateTime.fromObject(
        { year: date.year, month: date.month, day: date.day, hour: hh ?? 0, minute: mm ?? 0 },
        { zone },
      );
      return probe.toFormat("HH:mm") === clock;
    };
    const startDate = DateTime.fromObject({ year: y ?? 0, month: m ?? 0, day: d ?? 0 }, { zone });
    const endDate = overnight ? startDate.plus({ days: 1 }) : startDate;
    if (exists(startDate, shift.start) && exists(endDate, shift.end)) {
      expect(start.toFormat("HH:mm")).toBe(shift.start);
      expect(end.toFormat("HH:mm")).toBe(shift.end);
    }
  }
}

describe("expandSchedule — properties", () => {
  test.prop([cycleCaseArb], { numRuns: NUM_RUNS })(
    "a cycle schedule matches a day-by-day walk from the anchor (anchor before, inside or after the horizon)",
    ({ firstDay, days, cycle, anchor, zone, shifts }) => {
      const anchorDay = firstDay + anchor.offset;
      const schedule: Schedule = { cycle, anchor: dateOf(anchorDay) };
      const expected: Expected[] = [];
      for (let k = 0; k < days; k++) {
        const day = firstDay + k;
        const entry = naiveCycleEntry(cycle, anchorDay, day);
        expect(scheduledShiftId(schedule, day)).toBe(entry === "off" ? undefined : entry);
        if (entry !== "off") expected.push({ shiftId: entry, date: dateOf(day), day });
      }
      const instances = expandSchedule(schedule, shifts, firstDay, days, zone);
      expect(instances.map(({ shiftId, date, day }) => ({ shiftId, date, day }))).toEqual(expected);
      checkInstants(instances, shifts, zone);
    },
  );

  test.prop(
    [
      horizonArb.chain(({ firstDay, days }) =>
        fc.record({
          firstDay: fc.constant(firstDay),
          days: fc.constant(days),
          // Dates up to 30 days either side of the horizon; later entries win on repeats.
          entries: fc.array(
            fc.record({
              offset: fc.integer({ min: -30, max: days + 30 }),
              shiftId: fc.constantFrom<string>(...SHIFT_IDS),
            }),
            { maxLength: 40 },
          ),
          zone: fc.constantFrom(...ZONES),
          shifts: shiftsArb,
        }),
      ),
    ],
    { numRuns: NUM_RUNS },
  )(
    "a dates schedule yields exactly its dates inside the horizon, in date order",
    ({ firstDay, days, entries, zone, shifts }) => {
      const dates: Record<string, string> = {};
      for (const { offset, shiftId } of entries) dates[dateOf(firstDay + offset)] = shiftId;
      const schedule: Schedule = { dates };
      const expected: Expected[] = [];
      for (let k = 0; k < days; k++) {
        const date = dateOf(firstDay + k);
        const shiftId = dates[date];
        expect(scheduledShiftId(schedule, firstDay + k)).toBe(shiftId);
        if (shiftId !== undefined) expected.push({ shiftId, date, day: firstDay + k });
      }
      const instances = expandSchedule(schedule, shifts, firstDay, days, zone);
      expect(instances.map(({ shiftId, date, day }) => ({ shiftId, date, day }))).toEqual(expected);
      checkInstants(instances, shifts, zone);
    },
  );

  test.prop(
    [fc.constantFrom(...ZONES), fc.integer({ min: dayOf(2021, 1, 1), max: dayOf(2026, 12, 31) })],
    {
      numRuns: NUM_RUNS,
    },
  )(
    "an overnight shift ends on the next local day, and no instance has start == end",
    (zone, day) => {
      const shifts = new Map<string, Shift>([
        ["night", { id: "night", start: "22:00", end: "06:00" }],
        ["almost", { id: "almost", start: "00:01", end: "00:00" }],
        ["short", { id: "short", start: "23:59", end: "00:00" }],
      ]);
      for (const id of shifts.keys()) {
        const [instance] = expandSchedule(
          { cycle: [id], anchor: dateOf(day) },
          shifts,
          day,
          1,
          zone,
        );
        if (instance === undefined) throw new Error("no instance");
        expect(instance.end).toBeGreaterThan(instance.start);
        const end = DateTime.fromMillis(instance.end, { zone });
        expect(end.toISODate()).toBe(dateOf(day + 1));
      }
    },
  );
});

describe("expandSchedule — examples", () => {
  const shifts = new Map<string, Shift>([
    ["day", { id: "day", start: "08:00", end: "17:00" }],
    ["night", { id: "night", start: "20:00", end: "06:00" }],
  ]);
  const zone = "Asia/Shanghai";
  const firstDay = dayOf(2022, 5, 16);

  test("a cycle anchored after the horizon runs backwards", () => {
    // anchor 2022-05-20 is "day"; 05-19 "off", 05-18 "night", 05-17 "day", 05-16 "off".
    const schedule: Schedule = { cycle: ["day", "night", "off"], anchor: "2022-05-20" };
    const instances = expandSchedule(schedule, shifts, firstDay, 4, zone);
    expect(instances.map((i) => [i.date, i.shiftId])).toEqual([
      ["2022-05-17", "day"],
      ["2022-05-18", "night"],
    ]);
    const night = instances[1];
    expect(night?.start).toBe(Date.UTC(2022, 4, 18, 12, 0));
    expect(night?.end).toBe(Date.UTC(2022, 4, 18, 22, 0)); // 2022-05-19T06:00+08:00
  });

  test("dates outside the horizon are ignored", () => {
    const schedule: Schedule = {
      dates: {
        "2022-05-19": "day",
        "2022-05-15": "day",
        "2022-05-16": "night",
        "2022-05-18": "day",
      },
    };
    expect(
      expandSchedule(schedule, shifts, firstDay, 3, zone).map((i) => [i.date, i.shiftId]),
    ).toEqual([
      ["2022-05-16", "night"],
      ["2022-05-18", "day"],
    ]);
  });
});

/** The shared minimal scenario (one day worker, one driver), with some fields replaced. */
function minimalScenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return { ...sharedMinimalScenario(), ...overrides };
}

describe("shiftInstances", () => {
  test("the minimal scenario: one day shift on each of the three days", () => {
    expect(shiftInstances(minimalScenario())).toEqual(
      ["2022-05-16", "2022-05-17", "2022-05-18"].map((date) => ({
        personId: "w1",
        shiftId: "day",
        date,
        start: `${date}T08:00:00+08:00`,
        end: `${date}T17:00:00+08:00`,
      })),
    );
  });

  test("an overnight shift on the last day ends after the horizon; drivers have no shifts", () => {
    const input = minimalScenario({
      horizon: { start: "2022-05-16", days: 2 },
      shifts: [{ id: "night", start: "20:00", end: "06:00" }],
      staff: [
        {
          id: "w1",
          enterpriseId: "e1",
          dormitoryId: "d1",
          plantId: "p1",
          role: "worker",
          schedule: { cycle: ["off", "night"], anchor: "2022-05-16" },
        },
        { id: "dr1", enterpriseId: "e1", dormitoryId: "d1", role: "driver" },
      ],
    });
    expect(shiftInstances(input)).toEqual([
      {
        personId: "w1",
        shiftId: "night",
        date: "2022-05-17",
        start: "2022-05-17T20:00:00+08:00",
        end: "2022-05-18T06:00:00+08:00",
      },
    ]);
    expect(shiftInstances(input, "dr1")).toEqual([]);
  });

  test("one worker by id; an unknown id throws NotFoundError", () => {
    expect(shiftInstances(minimalScenario(), "w1")).toHaveLength(3);
    expect(() => shiftInstances(minimalScenario(), "nobody")).toThrow(NotFoundError);
  });

  test("a shift with start == end is a scenario error, never an instance", () => {
    const input = minimalScenario({ shifts: [{ id: "day", start: "08:00", end: "08:00" }] });
    expect(() => shiftInstances(input)).toThrow(ScenarioError);
  });
});
