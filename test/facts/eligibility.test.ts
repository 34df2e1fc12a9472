import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { assessEligibility, eligibilityIndex } from "../../src/facts/eligibility.js";
import { scenarioModel } from "../../src/scenario/model.js";
import { parseScenario } from "../../src/scenario/parse.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { InvalidArgumentError, NotFoundError, ScenarioError } from "../../src/util/errors.js";

const NUM_RUNS = 200;
const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01) of a calendar date, computed here independently. */
function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number, computed here independently. */
function dateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const BASE_DAY = dayOf(2022, 5, 1);

interface EnterpriseSpec {
  id: string;
  closedHousing: boolean;
  positiveCases: string[];
}

function scenario(enterprises: EnterpriseSpec[], quietDays?: number): ScenarioInput {
  const input: ScenarioInput = {
    timeZone: "Asia/Shanghai",
    horizon: { start: "2022-05-16", days: 3 },
    enterprises: enterprises.map((e) => ({ ...e, name: `Enterprise ${e.id}` })),
    sites: [
      { id: "d1", name: "D", kind: "dormitory", node: "a" },
      { id: "p1", name: "P", kind: "plant", node: "b" },
    ],
    roads: { edges: [{ from: "a", to: "b", minutes: 10, km: 3 }] },
    shifts: [{ id: "day", start: "08:00", end: "17:00" }],
    staff: [
      {
        id: "w1",
        enterpriseId: enterprises[0]?.id ?? "e1",
        dormitoryId: "d1",
        plantId: "p1",
        role: "worker",
        schedule: { cycle: ["day"], anchor: "2022-05-16" },
      },
    ],
    vehicles: [{ id: "v1", seats: 19 }],
  };
  if (quietDays !== undefined) input.policy = { quietDays };
  return input;
}

function oneEnterprise(
  positiveCases: string[],
  closedHousing = true,
  quietDays?: number,
): ScenarioInput {
  return scenario([{ id: "e1", closedHousing, positiveCases }], quietDays);
}

/** The spec's rule, restated over day numbers: closed housing and no case in [D - q, D]. */
function expectedEligible(
  closedHousing: boolean,
  caseDays: readonly number[],
  day: number,
  quietDays: number,
) {
  return closedHousing && !caseDays.some((c) => c >= day - quietDays && c <= day);
}

const DATE_IN_REASON = /positive case on (\d{4}-\d{2}-\d{2})/;

describe("assessEligibility — examples", () => {
  test("eligible with closed housing and no cases", () => {
    expect(assessEligibility(oneEnterprise([]), "e1", "2022-05-16")).toEqual({
      eligible: true,
      reasons: [],
    });
  });

  test("no closed housing: not eligible, and the reason says so", () => {
    const result = assessEligibility(oneEnterprise([], false), "e1", "2022-05-16");
    expect(result.eligible).toBe(false);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatch(/closed (staff )?housing/i);
  });

  test("a case on 2022-05-10 with 14 quiet days: ineligible through 05-24, eligible from 05-25", () => {
    const input = oneEnterprise(["2022-05-10"], true, 14);
    expect(assessEligibility(input, "e1", "2022-05-09").eligible).toBe(true);
    expect(assessEligibility(input, "e1", "2022-05-10").eligible).toBe(false);
    expect(assessEligibility(input, "e1", "2022-05-24").eligible).toBe(false);
    expect(assessEligibility(input, "e1", "2022-05-25")).toEqual({ eligible: true, reasons: [] });
    expect(assessEligibility(input, "e1", "2022-06-30").eligible).toBe(true);
  });

  test("quietDays defaults to 14", () => {
    const input = oneEnterprise(["2022-05-10"]);
    expect(assessEligibility(input, "e1", "2022-05-24").eligible).toBe(false);
    expect(assessEligibility(input, "e1", "2022-05-25").eligible).toBe(true);
  });

  test("the window crosses month and year ends", () => {
    const input = oneEnterprise(["2021-12-25"], true, 14);
    expect(assessEligibility(input, "e1", "2022-01-08").eligible).toBe(false);
    expect(assessEligibility(input, "e1", "2022-01-09").eligible).toBe(true);
    const leap = oneEnterprise(["2024-02-20"], true, 9);
    expect(assessEligibility(leap, "e1", "2024-02-29").eligible).toBe(false);
    expect(assessEligibility(leap, "e1", "2024-03-01").eligible).toBe(true);
  });

  test("quietDays 0: only a case on the day itself counts", () => {
    const input = oneEnterprise(["2022-05-10"], true, 0);
    expect(assessEligibility(input, "e1", "2022-05-10").eligible).toBe(false);
    expect(assessEligibility(input, "e1", "2022-05-11").eligible).toBe(true);
  });

  test("a future case (after the date) does not count", () => {
    const input = oneEnterprise(["2022-05-30"], true, 14);
    expect(assessEligibility(input, "e1", "2022-05-29")).toEqual({ eligible: true, reasons: [] });
    expect(assessEligibility(input, "e1", "2022-05-30").eligible).toBe(false);
  });

  test("the reason names the case, the quiet days and the date", () => {
    const result = assessEligibility(oneEnterprise(["2022-05-10"], true, 14), "e1", "2022-05-20");
    expect(result).toEqual({
      eligible: false,
      reasons: ["positive case on 2022-05-10 is within the 14 quiet days before 2022-05-20"],
    });
  });

  test("no closed housing and a recent case: both reasons", () => {
    const result = assessEligibility(oneEnterprise(["2022-05-18"], false), "e1", "2022-05-20");
    expect(result.eligible).toBe(false);
    expect(result.reasons.some((r) => /closed (staff )?housing/i.test(r))).toBe(true);
    expect(result.reasons.some((r) => r.includes("2022-05-18"))).toBe(true);
  });

  test("each enterprise is judged on its own cases", () => {
    const input = scenario([
      { id: "e1", closedHousing: true, positiveCases: ["2022-05-15"] },
      { id: "e2", closedHousing: true, positiveCases: [] },
    ]);
    expect(assessEligibility(input, "e1", "2022-05-16").eligible).toBe(false);
    expect(assessEligibility(input, "e2", "2022-05-16").eligible).toBe(true);
  });

  test("accepts a parsed scenario as well as an input", () => {
    const parsed = parseScenario(oneEnterprise(["2022-05-10"]));
    expect(assessEligibility(parsed, "e1", "2022-05-24").eligible).toBe(false);
    expect(assessEligibility(parsed, "e1", "2022-05-25").eligible).toBe(true);
  });
});

describe("assessEligibility — errors", () => {
  test("an unknown enterprise throws NotFoundError", () => {
    expect(() => assessEligibility(oneEnterprise([]), "nope", "2022-05-16")).toThrow(NotFoundError);
  });

  test.each(["2022-02-30", "2022-5-16", "16/05/2022", "", "2022-05-16T00:00", "2022-13-01"])(
    "a bad date %j throws InvalidArgumentError",
    (date) => {
      expect(() => assessEligibility(oneEnterprise([]), "e1", date)).toThrow(InvalidArgumentError);
    },
  );

  test("an invalid scenario throws ScenarioError", () => {
    const input = { ...oneEnterprise([]), timeZone: "Mars/Olympus" };
    expect(() => assessEligibility(input, "e1", "2022-05-16")).toThrow(ScenarioError);
  });
});

/** Case days as offsets from BASE_DAY, possibly repeated and in any order. */
const caseOffsetsArb = fc.array(fc.integer({ min: -40, max: 60 }), { maxLength: 6 });
const quietDaysArb = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(14));

describe("assessEligibility — properties", () => {
  test.prop([caseOffsetsArb, quietDaysArb, fc.boolean(), fc.integer({ min: -50, max: 100 })], {
    numRuns: NUM_RUNS,
  })(
    "matches the rule: closed housing and no case in [D - quietDays, D]",
    (offsets, quietDays, closed, dOffset) => {
      const caseDays = offsets.map((o) => BASE_DAY + o);
      const day = BASE_DAY + dOffset;
      const input = parseScenario(oneEnterprise(caseDays.map(dateOf), closed, quietDays));
      const result = assessEligibility(input, "e1", dateOf(day));
      expect(result.eligible).toBe(expectedEligible(closed, caseDays, day, quietDays));
      expect(result.eligible).toBe(result.reasons.length === 0);
      // The reasons name exactly the cases inside the window.
      const named = new Set(result.reasons.flatMap((r) => DATE_IN_REASON.exec(r)?.[1] ?? []));
      const inWindow = new Set(
        caseDays.filter((c) => c >= day - quietDays && c <= day).map(dateOf),
      );
      expect([...named].sort()).toEqual([...inWindow].sort());
    },
  );

  test.prop([caseOffsetsArb, quietDaysArb, fc.boolean()], { numRuns: NUM_RUNS })(
    "after the last case, once eligible stays eligible",
    (offsets, quietDays, closed) => {
      const input = parseScenario(
        oneEnterprise(
          offsets.map((o) => dateOf(BASE_DAY + o)),
          closed,
          quietDays,
        ),
      );
      const lastCase = BASE_DAY + Math.max(-41, ...offsets);
      let seenEligible = false;
      for (let day = lastCase + 1; day <= lastCase + quietDays + 3; day++) {
        const eligible = assessEligibility(input, "e1", dateOf(day)).eligible;
        if (seenEligible)
          expect(eligible, `eligible before ${dateOf(day)} but not on it`).toBe(true);
        seenEligible ||= eligible;
      }
      // ...and with closed housing it does become eligible, the day after the window ends.
      expect(seenEligible).toBe(closed);
      if (closed && offsets.length > 0) {
        expect(assessEligibility(input, "e1", dateOf(lastCase + quietDays)).eligible).toBe(false);
        expect(assessEligibility(input, "e1", dateOf(lastCase + quietDays + 1)).eligible).toBe(
          true,
        );
      }
    },
  );

  test.prop(
    [
      fc.array(fc.record({ closedHousing: fc.boolean(), offsets: caseOffsetsArb }), {
        minLength: 1,
        maxLength: 4,
      }),
      quietDaysArb,
      fc.array(fc.integer({ min: -50, max: 100 }), { minLength: 1, maxLength: 20 }),
    ],
    { numRuns: NUM_RUNS },
  )("eligibilityIndex agrees with assessEligibility", (specs, quietDays, dayOffsets) => {
    const input = parseScenario(
      scenario(
        specs.map((s, i) => ({
          id: `e${i + 1}`,
          closedHousing: s.closedHousing,
          positiveCases: s.offsets.map((o) => dateOf(BASE_DAY + o)),
        })),
        quietDays,
      ),
    );
    const index = eligibilityIndex(scenarioModel(input));
    specs.forEach((spec, i) => {
      for (const offset of dayOffsets) {
        const day = BASE_DAY + offset;
        const slow = assessEligibility(input, `e${i + 1}`, dateOf(day)).eligible;
        expect(index(`e${i + 1}`, day)).toBe(slow);
        // ...and both agree with the rule restated here.
        expect(slow).toBe(
          expectedEligible(
            spec.closedHousing,
            spec.offsets.map((o) => BASE_DAY + o),
            day,
            quietDays,
          ),
        );
      }
    });
  });
});
