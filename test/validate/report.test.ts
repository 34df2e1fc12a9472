/**
 * The validation report: deterministic order, complete counts, the cap on listed
 * violations, `formatReport` for people, and inputs left untouched.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  formatReport,
  type Roster,
  RULE_CODES,
  type RuleCode,
  type ValidationReport,
  validateRoster,
} from "../../src/index.js";
import { ViolationCollector } from "../../src/validate/report.js";
import type { Violation } from "../../src/validate/violations.js";
import { fixtureScenario, validRoster } from "../fixtures/valid-roster.js";

type Trip = Roster["trips"][number];

const tripOf = (roster: Roster, id: string) => roster.trips.find((t) => t.id === id) as Trip;

/** The fixture broken in several places, on both dates, for several trips and people. */
function brokenRoster(): Roster {
  const roster = validRoster();
  tripOf(roster, "T01").driverId = "k2"; // fixed-vehicle, driver, fixed-testing (k2 untested)
  (tripOf(roster, "T03").passengers[0] as Trip["passengers"][number]).seat = 25; // capacity, fixed-person
  tripOf(roster, "T07").path = ["a", "c"]; // fixed-route
  tripOf(roster, "T08").depart = "2022-05-17T17:15:00+08:00"; // fixed-route (5 minutes)
  const test = roster.tests.find(
    (t) => t.personId === "w2" && t.kind === "antigen" && t.at.startsWith("2022-05-17"),
  );
  if (test !== undefined) test.at = "2022-05-17T07:00:00+08:00"; // fixed-testing twice
  roster.assignments.push({ personId: "w1", loopId: "e1/d1/p1", vehicleId: "v1", seat: 3 });
  roster.trips = roster.trips.filter((t) => t.id !== "T12"); // closed-loop, shift-coverage
  return roster;
}

const total = (report: ValidationReport) =>
  Object.values(report.counts).reduce((sum, count) => sum + count, 0);

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

describe("report order", () => {
  const scenario = fixtureScenario();
  const reference = JSON.stringify(validateRoster(scenario, brokenRoster()));

  it("the broken roster has several violations of several codes", () => {
    const report = validateRoster(scenario, brokenRoster());
    expect(report.violations.length).toBeGreaterThanOrEqual(10);
    expect(RULE_CODES.filter((code) => report.counts[code] > 0).length).toBeGreaterThanOrEqual(6);
  });

  it("sorts violations by date, then trip, person, code (in RULE_CODES order)", () => {
    const { violations } = validateRoster(scenario, brokenRoster());
    const key = (v: (typeof violations)[number]) =>
      [v.date ?? "", v.tripId ?? "", v.personId ?? ""] as const;
    for (let k = 1; k < violations.length; k++) {
      const a = violations[k - 1] as (typeof violations)[number];
      const b = violations[k] as (typeof violations)[number];
      const [ka, kb] = [key(a), key(b)];
      const order =
        ka
          .map((part, j) => (part < (kb[j] as string) ? -1 : part > (kb[j] as string) ? 1 : 0))
          .find((c) => c !== 0) ??
        Math.sign(RULE_CODES.indexOf(a.code) - RULE_CODES.indexOf(b.code));
      expect(order, `${JSON.stringify(a)} before ${JSON.stringify(b)}`).toBeLessThanOrEqual(0);
    }
  });

  it("is byte-identical when validated twice", () => {
    const roster = brokenRoster();
    expect(JSON.stringify(validateRoster(scenario, roster))).toBe(reference);
    expect(JSON.stringify(validateRoster(scenario, roster))).toBe(reference);
    expect(JSON.stringify(validateRoster(fixtureScenario(), brokenRoster()))).toBe(reference);
  });

  it("is byte-identical with the trips reversed", () => {
    const roster = brokenRoster();
    roster.trips.reverse();
    expect(JSON.stringify(validateRoster(scenario, roster))).toBe(reference);
  });

  const indexes = brokenRoster().trips.map((_, i) => i);
  test.prop(
    [fc.shuffledSubarray(indexes, { minLength: indexes.length, maxLength: indexes.length })],
    { numRuns: 50 },
  )("is byte-identical with the trips shuffled", (order) => {
    const roster = brokenRoster();
    roster.trips = order.map((i) => roster.trips[i] as Trip);
    expect(JSON.stringify(validateRoster(scenario, roster))).toBe(reference);
  });
});

describe("report counts", () => {
  it("has every code, 0 where there is none, for a valid roster", () => {
    const report = validateRoster(fixtureScenario(), validRoster());
    expect(report.counts).toEqual(Object.fromEntries(RULE_CODES.map((code) => [code, 0])));
    expect(report).toMatchObject({ ok: true, violations: [], truncated: false });
  });

  it("has every code for a broken roster, and counts exactly what is listed", () => {
    const report = validateRoster(fixtureScenario(), brokenRoster());
    expect(Object.keys(report.counts).sort()).toEqual([...RULE_CODES].sort());
    for (const code of RULE_CODES)
      expect(report.counts[code], code).toBe(
        report.violations.filter((v) => v.code === code).length,
      );
    expect(report.counts.eligibility).toBe(0);
    expect(report.ok).toBe(false);
    expect(report.truncated).toBe(false);
  });

  it("counts a shape failure as roster-schema only", () => {
    const report = validateRoster(fixtureScenario(), { version: 2 });
    expect(report.counts["roster-schema"]).toBeGreaterThan(0);
    expect(total(report)).toBe(report.counts["roster-schema"]);
  });
});

describe("maxViolations", () => {
  const scenario = fixtureScenario();
  const full = validateRoster(scenario, brokenRoster());
  const capped = validateRoster(scenario, brokenRoster(), { maxViolations: 3 });

  it("lists exactly that many, the first ones of the full list, and says it truncated", () => {
    expect(full.violations.length).toBeGreaterThan(3);
    expect(capped.violations).toHaveLength(3);
    expect(capped.truncated).toBe(true);
    expect(capped.violations).toEqual(full.violations.slice(0, 3));
  });

  it("keeps the counts complete", () => {
    expect(capped.counts).toEqual(full.counts);
    expect(capped.ok).toBe(false);
  });

  it("is not truncated when the cap is not reached", () => {
    const report = validateRoster(scenario, brokenRoster(), {
      maxViolations: full.violations.length,
    });
    expect(report.truncated).toBe(false);
    expect(report.violations).toEqual(full.violations);
  });

  it("with 0, lists none but still reports ok: false", () => {
    const report = validateRoster(scenario, brokenRoster(), { maxViolations: 0 });
    expect(report).toMatchObject({ ok: false, violations: [], truncated: true });
    expect(report.counts).toEqual(full.counts);
  });
});

describe("maxViolationsPerCode", () => {
  const scenario = fixtureScenario();
  const full = validateRoster(scenario, brokenRoster());
  const ofCode = (report: ValidationReport, code: RuleCode) =>
    report.violations.filter((v) => v.code === code);

  it("lists, of each code, the first that many of the full report, counts unchanged", () => {
    const capped = validateRoster(scenario, brokenRoster(), { maxViolationsPerCode: 1 });
    expect(capped.counts).toEqual(full.counts);
    for (const code of RULE_CODES)
      expect(ofCode(capped, code)).toEqual(ofCode(full, code).slice(0, 1));
    expect(RULE_CODES.some((code) => full.counts[code] > 1)).toBe(true);
    expect(capped.truncated).toBe(true);
    // Still in report order across codes: a subsequence of the full report.
    const text = full.violations.map((v) => JSON.stringify(v));
    const positions = capped.violations.map((v) => text.indexOf(JSON.stringify(v)));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("is not truncated when no code has more than the cap", () => {
    const most = Math.max(...RULE_CODES.map((code) => full.counts[code]));
    const report = validateRoster(scenario, brokenRoster(), { maxViolationsPerCode: most });
    expect(report.truncated).toBe(false);
    expect(report.violations).toEqual(full.violations);
  });

  it("defaults to 1,000 (more than the broken fixture has), and Infinity lists all", () => {
    expect(full.truncated).toBe(false);
    const all = validateRoster(scenario, brokenRoster(), {
      maxViolationsPerCode: Number.POSITIVE_INFINITY,
    });
    expect(all).toEqual(full);
  });

  it("with 0 lists none, still not ok, counts complete", () => {
    const report = validateRoster(scenario, brokenRoster(), { maxViolationsPerCode: 0 });
    expect(report).toMatchObject({ ok: false, violations: [], truncated: true });
    expect(report.counts).toEqual(full.counts);
    const valid = validateRoster(scenario, validRoster(), { maxViolationsPerCode: 0 });
    expect(valid).toMatchObject({ ok: true, violations: [], truncated: false });
  });

  it("takes maxViolations on top: the first that many of the per-code lists", () => {
    const perCode = validateRoster(scenario, brokenRoster(), { maxViolationsPerCode: 2 });
    const both = validateRoster(scenario, brokenRoster(), {
      maxViolationsPerCode: 2,
      maxViolations: 3,
    });
    expect(both.violations).toEqual(perCode.violations.slice(0, 3));
    expect(both.counts).toEqual(full.counts);
  });

  it("treats a negative or NaN cap as the default", () => {
    for (const bad of [-1, Number.NaN])
      expect(validateRoster(scenario, brokenRoster(), { maxViolationsPerCode: bad })).toEqual(full);
  });
});

describe("ViolationCollector.unlisted", () => {
  const violation = (personId: string): Violation => ({
    code: "capacity",
    tripId: "T01",
    vehicleId: "v1",
    personId,
    date: "2022-05-16",
    message: `m ${personId}`,
  });

  it("counts, without keeping, a key after a full list's last; keeps a key before it", () => {
    const collector = new ViolationCollector(2);
    // 2 × 2 + 1024 additions fill the list and cut it to its first 2: p0000, p0001.
    for (let k = 0; k < 1_028; k++) collector.add(violation(`p${String(k).padStart(4, "0")}`));
    const key = { date: "2022-05-16", tripId: "T01" };
    expect(collector.unlisted("capacity", { ...key, personId: "p9999" })).toBe(true);
    expect(collector.unlisted("capacity", { ...key, personId: "p0001" })).toBe(false); // a tie
    expect(collector.unlisted("capacity", { ...key, personId: "a" })).toBe(false);
    collector.add(violation("a"));
    const report = collector.report();
    expect(report.counts.capacity).toBe(1_030);
    expect(report.violations.map((v) => v.personId)).toEqual(["a", "p0000"]);
  });

  it("says false for a list not yet full, and true for everything with cap 0", () => {
    expect(new ViolationCollector(5).unlisted("capacity", {})).toBe(false);
    const none = new ViolationCollector(0);
    expect(none.unlisted("capacity", {})).toBe(true);
    expect(none.report()).toMatchObject({ ok: false, truncated: true });
  });
});

describe("formatReport", () => {
  it("is one ✔ line for a valid roster", () => {
    const text = formatReport(validateRoster(fixtureScenario(), validRoster()));
    expect(text.split("\n")).toHaveLength(1);
    expect(text.startsWith("✔")).toBe(true);
  });

  it("groups a broken roster's violations by code, fewest first", () => {
    const report = validateRoster(fixtureScenario(), brokenRoster());
    const lines = formatReport(report).split("\n");
    expect(lines[0]).toMatch(/^✖ /);
    expect(lines[0]).toContain(`${total(report)} violations`);

    const codes = RULE_CODES.filter((code) => report.counts[code] > 0);
    const headers = lines.filter((line) => /^[a-z-]+ \(\d+\)$/.test(line));
    expect(headers).toHaveLength(codes.length);
    const headerCounts = headers.map((line) => Number(/\((\d+)\)$/.exec(line)?.[1]));
    expect(headerCounts).toEqual([...headerCounts].sort((a, b) => a - b));
    for (const header of headers) {
      const [code, count] = header.split(" ") as [keyof typeof report.counts, string];
      expect(codes).toContain(code);
      expect(count).toBe(`(${report.counts[code]})`);
    }

    // Under each header, that code's violations, in report order, one ✖ line each.
    let current: string | undefined;
    const listed = new Map<string, string[]>();
    for (const [k, line] of lines.entries()) {
      if (headers.includes(line)) current = line.split(" ")[0];
      else if (line.startsWith("  ✖ ")) {
        expect(current).toBeDefined();
        listed.set(current as string, [...(listed.get(current as string) ?? []), line.slice(4)]);
      } else if (line.startsWith("    → ")) {
        expect(lines[k - 1]).toMatch(/^ {2}✖ /);
        expect(line.length).toBeGreaterThan(6);
      } else expect(k === 0 || line === "", `unexpected line ${JSON.stringify(line)}`).toBe(true);
    }
    for (const code of codes)
      expect(listed.get(code)).toEqual(
        report.violations.filter((v) => v.code === code).map((v) => v.message),
      );
    expect(lines.filter((line) => line.startsWith("  ✖ "))).toHaveLength(report.violations.length);
    // Trip violations say where: a → line naming the trip.
    expect(lines.some((line) => line.startsWith("    → ") && line.includes("trip T01"))).toBe(true);
  });

  it("says how many more a truncated report holds", () => {
    const full = validateRoster(fixtureScenario(), brokenRoster());
    const capped = validateRoster(fixtureScenario(), brokenRoster(), { maxViolations: 3 });
    const text = formatReport(capped);
    expect(text.split("\n").filter((line) => line.startsWith("  ✖ "))).toHaveLength(3);
    const more = /(\d+) more/.exec(text);
    expect(more?.[1]).toBe(String(total(full) - 3));
  });
});

describe("inputs", () => {
  it("are never mutated", () => {
    for (const make of [validRoster, brokenRoster]) {
      const scenario = fixtureScenario();
      const roster = make();
      const before = structuredClone({ scenario, roster });
      validateRoster(scenario, roster);
      validateRoster(scenario, roster, { maxViolations: 2 });
      expect({ scenario, roster }).toStrictEqual(before);
    }
  });

  it("may be deeply frozen", () => {
    for (const make of [validRoster, brokenRoster]) {
      const expected = JSON.stringify(validateRoster(fixtureScenario(), make()));
      const scenario = deepFreeze(fixtureScenario());
      const roster = deepFreeze(make());
      expect(JSON.stringify(validateRoster(scenario, roster))).toBe(expected);
      expect(JSON.stringify(validateRoster(scenario, roster, { maxViolations: 1 }))).not.toBe("");
    }
  });
});
