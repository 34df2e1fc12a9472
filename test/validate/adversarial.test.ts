/**
 * Adversarial rosters, CI-sized: a trip with 20,000 passengers, one trip listed 50,000 times,
 * sparse arrays of a hundred million holes. Each gets its exact verdict (complete counts,
 * each code's first violations in report order, the size limit named at once); none is
 * timed here — they finish fast only because validation is linear (bench/adversarial.ts
 * measures the full sizes).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  type Roster,
  RULE_CODES,
  type ScenarioInput,
  safeParseRoster,
  type ValidationReport,
  validateRoster,
} from "../../src/index.js";
import { ITEM_FLOOR, LIST_FLOOR, rosterLimits } from "../../src/validate/limits.js";
import { mutatedRoster } from "../arbitraries/roster-mutations.js";
import { fixtureScenario, validRoster } from "../fixtures/valid-roster.js";
import { firing, violationsOf } from "./report-helpers.js";

type Trip = Roster["trips"][number];

const ALL = { maxViolationsPerCode: Number.POSITIVE_INFINITY };

/** The fixture scenario with a 2,500-seat bus: one trip may then carry 25,000 people. */
function roomyScenario(): ScenarioInput {
  const scenario = fixtureScenario();
  scenario.vehicles.push({ id: "big", seats: 2_500 });
  return scenario;
}

/** Asserts the capped report lists, of each code, the first `cap` of the full report. */
function expectFirstOfEachCode(capped: ValidationReport, full: ValidationReport, cap: number) {
  expect(capped.counts).toEqual(full.counts);
  for (const code of RULE_CODES) {
    const listed = capped.violations.filter((v) => v.code === code);
    expect(listed, code).toEqual(full.violations.filter((v) => v.code === code).slice(0, cap));
  }
}

describe("one trip with 20,000 passengers", () => {
  const scenario = roomyScenario();
  const ids = Array.from({ length: 20_000 }, (_, k) => `ghost${k}`);
  const roster = validRoster();
  const t01 = roster.trips[0] as Trip;
  t01.passengers.push(...ids.map((personId, k) => ({ personId, seat: (k % 19) + 1 })));
  const capped = validateRoster(scenario, roster);
  const full = validateRoster(scenario, roster, ALL);

  it("counts every unknown passenger and every seat shared, exactly", () => {
    // w1 and w2 hold seats 1 and 2; ghost2..ghost18 take seats 3..19; the other 19,983 share,
    // and the trip is over capacity once.
    expect(capped.counts["unknown-reference"]).toBe(20_000);
    expect(capped.counts.capacity).toBe(1 + 19_983);
    expect(capped.ok).toBe(false);
    expect(capped.truncated).toBe(true);
  });

  it("lists 1,000 of each code by default, the first ones in report order", () => {
    expect(violationsOf(capped, "unknown-reference")).toHaveLength(1_000);
    expect(violationsOf(capped, "capacity")).toHaveLength(1_000);
    expectFirstOfEachCode(capped, full, 1_000);
    // Same trip and date: the first are the smallest person ids, in code-unit order.
    const smallest = [...ids].sort().slice(0, 1_000);
    expect(violationsOf(capped, "unknown-reference").map((v) => v.personId)).toEqual(smallest);
  });

  it("lists none with maxViolationsPerCode 0, counts unchanged", () => {
    const none = validateRoster(scenario, roster, { maxViolationsPerCode: 0 });
    expect(none).toMatchObject({ ok: false, violations: [], truncated: true });
    expect(none.counts).toEqual(full.counts);
  });

  it("is one roster-schema violation at the manifest when the scenario has no bus that big", () => {
    const report = validateRoster(fixtureScenario(), roster);
    expect(firing(report)).toEqual([["roster-schema", 1]]);
    const [violation] = report.violations;
    expect(violation?.path).toEqual(["trips", 0, "passengers"]);
    expect(violation?.message).toContain("20002");
    expect(violation?.message).toContain(String(ITEM_FLOOR));
  });
});

describe("one worker boarding one trip 5,000 times, their enterprise not eligible", () => {
  const scenario = roomyScenario();
  (scenario.enterprises[0] as { positiveCases: string[] }).positiveCases = ["2022-05-16"];
  const roster = validRoster();
  const t01 = roster.trips[0] as Trip;
  t01.passengers.push(...Array.from({ length: 5_000 }, () => ({ personId: "w1", seat: 1 })));
  const full = validateRoster(scenario, roster, ALL);

  it("counts every boarding once, and lists of each code the first of the full report", () => {
    // T01's 5,002 boardings of e1's workers, and the 4 of T03, T07, T09 (within the quiet days).
    expect(full.counts.eligibility).toBe(5_002 + 4);
    const capped = validateRoster(scenario, roster, { maxViolationsPerCode: 10 });
    expectFirstOfEachCode(capped, full, 10);
    expect(violationsOf(capped, "eligibility")).toHaveLength(10);
    expect(capped.truncated).toBe(true);
  });
});

describe("one trip listed 50,000 times", () => {
  const copies = 50_000;

  it("the same object: every repeat a roster-schema violation, the first 1,000 listed", () => {
    const roster = validRoster();
    const t01 = roster.trips[0] as Trip;
    roster.trips = new Array<Trip>(copies).fill(t01);
    const report = validateRoster(fixtureScenario(), roster);
    expect(firing(report)).toEqual([["roster-schema", copies - 1]]);
    expect(report.truncated).toBe(true);
    expect(report.violations.map((v) => v.path)).toEqual(
      Array.from({ length: 1_000 }, (_, k) => ["trips", k + 1, "id"]),
    );
    expect(report.violations[0]?.message).toBe('duplicate trip id "T01" (first at trips[0])');
  });

  it("distinct copies (as from JSON): the same verdict", () => {
    const roster = validRoster();
    const text = JSON.stringify(roster.trips[0]);
    roster.trips = Array.from({ length: copies }, () => JSON.parse(text) as Trip);
    const report = validateRoster(fixtureScenario(), roster, { maxViolationsPerCode: 3 });
    expect(firing(report)).toEqual([["roster-schema", copies - 1]]);
    expect(report.violations.map((v) => v.path)).toEqual([
      ["trips", 1, "id"],
      ["trips", 2, "id"],
      ["trips", 3, "id"],
    ]);
  });

  it("a malformed trip: one issue per copy, judged without gathering them all", () => {
    const roster: any = validRoster();
    const bad = { ...roster.trips[0], colour: "red" };
    roster.trips = new Array(copies).fill(bad);
    const report = validateRoster(fixtureScenario(), roster, { maxViolationsPerCode: 2 });
    expect(firing(report)).toEqual([["roster-schema", copies]]);
    expect(report.violations).toEqual([
      { code: "roster-schema", path: ["trips", 0, "colour"], message: 'unknown key "colour"' },
      { code: "roster-schema", path: ["trips", 1, "colour"], message: 'unknown key "colour"' },
    ]);
  });
});

describe("sparse arrays", () => {
  const HUGE = 100_000_000;

  it("a trips array of 10⁸ holes is one roster-schema violation, naming the numbers", () => {
    const roster: any = validRoster();
    roster.trips = new Array(HUGE);
    const report = validateRoster(fixtureScenario(), roster);
    expect(firing(report)).toEqual([["roster-schema", 1]]);
    expect(report.violations[0]?.path).toEqual(["trips"]);
    expect(report.violations[0]?.message).toContain(String(HUGE));
    expect(report.violations[0]?.message).toContain(String(rosterLimits(fixtureScenario()).trips));
  });

  it("every list too long is named, each once", () => {
    const roster: any = validRoster();
    roster.tests = new Array(HUGE);
    roster.unserved = new Array(HUGE);
    const report = validateRoster(fixtureScenario(), roster);
    expect(report.violations.map((v) => v.path)).toEqual([["tests"], ["unserved"]]);
  });

  it.each([
    ["a trip's passengers", ["trips", 3, "passengers"]],
    ["a trip's path", ["trips", 3, "path"]],
    ["a loop's route", ["loops", 0, "toDormitory", "path"]],
  ] as const)("%s of 10⁸ holes is one violation at its path", (_, path) => {
    const roster: any = validRoster();
    let parent = roster;
    for (const key of path.slice(0, -1)) parent = parent[key];
    parent[path[path.length - 1] as string] = new Array(HUGE);
    const report = validateRoster(fixtureScenario(), roster);
    expect(firing(report)).toEqual([["roster-schema", 1]]);
    expect(report.violations[0]?.path).toEqual([...path]);
  });

  it("boardings beyond their limit in all, each trip within its own, are one violation", () => {
    const roster: any = validRoster();
    const full = { ...roster.trips[0], passengers: new Array(ITEM_FLOOR).fill(null) };
    roster.trips = new Array(LIST_FLOOR / ITEM_FLOOR + 1).fill(full);
    const report = validateRoster(fixtureScenario(), roster);
    expect(firing(report)).toEqual([["roster-schema", 1]]);
    expect(report.violations[0]?.path).toEqual(["trips"]);
    expect(report.violations[0]?.message).toContain(String(LIST_FLOOR + ITEM_FLOOR));
  });

  it("holes within the limits: one issue each, all counted, the first listed", () => {
    const roster: any = validRoster();
    roster.trips = new Array(50_000);
    const report = validateRoster(fixtureScenario(), roster, { maxViolationsPerCode: 2 });
    expect(firing(report)).toEqual([["roster-schema", 50_000]]);
    expect(report.violations).toEqual([
      { code: "roster-schema", path: ["trips", 0], message: "required: expected object" },
      { code: "roster-schema", path: ["trips", 1], message: "required: expected object" },
    ]);
  });
});

describe("rosterLimits", () => {
  it("never goes below the floors", () => {
    expect(rosterLimits(fixtureScenario())).toEqual({
      loops: LIST_FLOOR,
      vehicles: LIST_FLOOR,
      assignments: LIST_FLOOR,
      trips: LIST_FLOOR,
      tests: LIST_FLOOR,
      unserved: LIST_FLOOR,
      pathNodes: ITEM_FLOOR,
      passengersPerTrip: ITEM_FLOOR,
      boardings: LIST_FLOOR,
    });
  });

  it("grows with the scenario: trips with vehicles × days × trips a day, manifests with seats", () => {
    const scenario = fixtureScenario();
    for (let k = 0; k < 300; k++) scenario.vehicles.push({ id: `s${k}`, seats: 19 });
    scenario.vehicles.push({ id: "big", seats: 250 });
    const limits = rosterLimits(scenario);
    // Every vehicle × (2 + 2) days × (1440 / 15 + 1) trips a day.
    expect(limits.trips).toBe(scenario.vehicles.length * 4 * 97);
    expect(limits.trips).toBeGreaterThan(LIST_FLOOR);
    expect(limits.passengersPerTrip).toBe(2_500);
  });
});

describe("the item-by-item shape check agrees with zod", () => {
  test.prop([mutatedRoster({ minEdits: 1, maxEdits: 3 })], { numRuns: 100 })(
    "the same roster-schema issues as safeParseRoster, whenever the shape is wrong",
    ({ roster }) => {
      let parsed: ReturnType<typeof safeParseRoster>;
      try {
        parsed = safeParseRoster(roster);
      } catch {
        return; // a value that throws when read: one "cannot be read" violation instead
      }
      const report = validateRoster(fixtureScenario(), roster, ALL);
      const found = violationsOf(report, "roster-schema").map((v) => [v.path, v.message]);
      if (parsed.success) {
        for (const [path] of found) expect([["timeZone"], ["horizon"]]).toContainEqual(path);
        return;
      }
      const expected = parsed.error.issues.map((issue) => [issue.path, issue.message]);
      const key = (entry: unknown) => JSON.stringify(entry);
      expect(found.map(key).sort()).toEqual(expected.map(key).sort());
      expect(report.counts["roster-schema"]).toBe(expected.length);
    },
  );

  test.prop([fc.integer({ min: 0, max: 11 })], { numRuns: 12 })(
    "a repeated trip id anywhere is the same issue both ways",
    (at) => {
      const roster = validRoster();
      roster.trips.push(roster.trips[at] as Trip);
      const parsed = safeParseRoster(roster);
      const report = validateRoster(fixtureScenario(), roster);
      expect(parsed.success).toBe(false);
      if (parsed.success) return;
      expect(report.violations.map((v) => [v.path, v.message])).toEqual(
        parsed.error.issues.map((issue) => [issue.path, issue.message]),
      );
    },
  );
});
