/**
 * parseScenario / safeParseScenario (SPEC §3): what is accepted, with the policy defaults,
 * and every kind of rejection, each at its path and naming the offending value.
 */
import { describe, expect, it } from "vitest";
import {
  parseScenario,
  SCENARIO_LIMITS,
  ScenarioError,
  safeParseScenario,
} from "../../src/index.js";
import { minimalScenario } from "../fixtures/minimal-scenario.js";
import { expectIssue, rejection } from "./expect-issue.js";

describe("parseScenario accepts", () => {
  it("the minimal scenario, filling every policy default", () => {
    const scenario = parseScenario(minimalScenario());
    expect(scenario.policy).toEqual({
      loadFactor: 0.5,
      arriveBeforeShiftMinutes: 15,
      departAfterShiftMinutes: 10,
      maxWaitMinutes: 60,
      disinfectionMinutes: 15,
      routeToleranceMinutes: 10,
      maxDriverMinutesPerDay: 480,
      quietDays: 14,
      mixEnterprises: false,
      testing: [{ kind: "pcr", validHours: 48, resultMinutes: 0 }],
      isolationDays: 14,
      traceBackDays: 2,
    });
    expect(scenario.policy.contactRows).toBeUndefined();
    expect(scenario.unavailable).toEqual([]);
    expect(scenario.vehicles[0]?.seatsPerRow).toBe(4);
  });

  it("without mutating its input, returning a frozen scenario that is not parsed twice", () => {
    const input = minimalScenario();
    const before = structuredClone(input);
    const scenario = parseScenario(input);
    expect(input).toEqual(before);
    expect(Object.isFrozen(scenario.staff[0])).toBe(true);
    expect(parseScenario(scenario)).toBe(scenario);
  });

  it("through safeParseScenario without throwing", () => {
    const good = safeParseScenario(minimalScenario());
    expect(good.success).toBe(true);
    const bad = safeParseScenario(42);
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error).toBeInstanceOf(ScenarioError);
  });
});

describe("parseScenario rejects, naming the path and the value", () => {
  it("an unknown time zone", () => {
    expectIssue(
      rejection((s) => (s.timeZone = "Asia/Atlantis")),
      ["timeZone"],
      '"Asia/Atlantis"',
    );
  });

  it("an impossible date", () => {
    expectIssue(
      rejection((s) => (s.horizon.start = "2022-02-30")),
      ["horizon", "start"],
      '"2022-02-30"',
    );
    expectIssue(
      rejection((s) => (s.enterprises[0].positiveCases = ["2022-13-01"])),
      ["enterprises", 0, "positiveCases", 0],
      '"2022-13-01"',
    );
  });

  it("a shift whose start equals its end", () => {
    const error = rejection((s) => (s.shifts[0].end = "08:00"));
    expectIssue(error, ["shifts", 0, "end"], "starts and ends at 08:00");
  });

  it("times like 24:00 or 7:5", () => {
    expectIssue(
      rejection((s) => (s.shifts[0].start = "24:00")),
      ["shifts", 0, "start"],
      '"24:00"',
    );
    expectIssue(
      rejection((s) => (s.shifts[0].end = "7:5")),
      ["shifts", 0, "end"],
      '"7:5"',
    );
  });

  it("duplicate ids among staff, vehicles and sites", () => {
    expectIssue(
      rejection((s) => s.staff.push({ ...s.staff[0] })),
      ["staff", 2, "id"],
      'duplicate staff id "w1"',
    );
    expectIssue(
      rejection((s) => s.vehicles.push({ id: "v1", seats: 33 })),
      ["vehicles", 1, "id"],
      'duplicate vehicles id "v1"',
    );
    expectIssue(
      rejection((s) => s.sites.push({ id: "p1", name: "Again", kind: "plant", node: "a" })),
      ["sites", 2, "id"],
      'duplicate sites id "p1"',
    );
  });

  it("dangling ids", () => {
    expectIssue(
      rejection((s) => (s.staff[0].enterpriseId = "ghost")),
      ["staff", 0, "enterpriseId"],
      '"ghost"',
    );
    expectIssue(
      rejection((s) => (s.staff[0].plantId = "nowhere")),
      ["staff", 0, "plantId"],
      '"nowhere"',
    );
    expectIssue(
      rejection((s) => (s.vehicles[0].dormitoryId = "d9")),
      ["vehicles", 0, "dormitoryId"],
      '"d9"',
    );
    expectIssue(
      rejection((s) => (s.vehicles[0].enterpriseId = "e9")),
      ["vehicles", 0, "enterpriseId"],
      '"e9"',
    );
    expectIssue(
      rejection((s) => (s.sites[0].node = "zz")),
      ["sites", 0, "node"],
      '"zz" is on no road',
    );
  });

  it("a dormitory id that names a plant", () => {
    expectIssue(
      rejection((s) => (s.staff[0].dormitoryId = "p1")),
      ["staff", 0, "dormitoryId"],
      '"p1" names a plant, not a dormitory',
    );
  });

  it("negative, fractional or NaN seats", () => {
    expectIssue(
      rejection((s) => (s.vehicles[0].seats = -4)),
      ["vehicles", 0, "seats"],
      "-4",
    );
    expectIssue(
      rejection((s) => (s.vehicles[0].seats = 19.5)),
      ["vehicles", 0, "seats"],
      "19.5",
    );
    expectIssue(
      rejection((s) => (s.vehicles[0].seats = Number.NaN)),
      ["vehicles", 0, "seats"],
      "NaN",
    );
  });

  it("Infinity anywhere a number goes", () => {
    expectIssue(
      rejection((s) => (s.vehicles[0].seats = Infinity)),
      ["vehicles", 0, "seats"],
      "Infinity",
    );
    expectIssue(
      rejection((s) => (s.roads.edges[0].km = Infinity)),
      ["roads", "edges", 0, "km"],
      "Infinity",
    );
    expectIssue(
      rejection((s) => (s.policy = { maxWaitMinutes: -Infinity })),
      ["policy", "maxWaitMinutes"],
      "-Infinity",
    );
    expectIssue(
      rejection((s) => (s.horizon.days = Infinity)),
      ["horizon", "days"],
      "Infinity",
    );
  });

  it("a load factor outside (0, 1]", () => {
    expectIssue(
      rejection((s) => (s.policy = { loadFactor: 0 })),
      ["policy", "loadFactor"],
      "above 0",
    );
    expectIssue(
      rejection((s) => (s.policy = { loadFactor: 1.2 })),
      ["policy", "loadFactor"],
      "1.2",
    );
    expect(
      parseScenario({ ...minimalScenario(), policy: { loadFactor: 1 } }).policy.loadFactor,
    ).toBe(1);
  });

  it("a misspelt policy key", () => {
    expectIssue(
      rejection((s) => (s.policy = { loadFacter: 0.5 })),
      ["policy", "loadFacter"],
      '"loadFacter"',
    );
  });

  it("a cycle naming an unknown shift", () => {
    expectIssue(
      rejection((s) => (s.staff[0].schedule = { cycle: ["day", "dya"], anchor: "2022-05-16" })),
      ["staff", 0, "schedule", "cycle", 1],
      'unknown shift "dya"',
    );
    expectIssue(
      rejection((s) => (s.staff[0].schedule = { dates: { "2022-05-16": "late" } })),
      ["staff", 0, "schedule", "dates", "2022-05-16"],
      'unknown shift "late"',
    );
  });

  it("a schedule as the form it comes closest to, and a schedule date that is not a date", () => {
    expectIssue(
      rejection((s) => (s.staff[0].schedule = { cycle: ["day"] })),
      ["staff", 0, "schedule", "anchor"],
      'missing required field "anchor"',
    );
    expectIssue(
      rejection((s) => (s.staff[0].schedule = { cycle: [], anchor: "2022-05-16" })),
      ["staff", 0, "schedule", "cycle"],
      "a cycle needs at least one entry",
    );
    const badKey = rejection((s) => (s.staff[0].schedule = { dates: { "2022-13-01": "day" } }));
    expectIssue(
      badKey,
      ["staff", 0, "schedule", "dates", "2022-13-01"],
      'invalid key "2022-13-01": expected a calendar date YYYY-MM-DD, got "2022-13-01"',
    );
    expect(badKey.issues).toHaveLength(1);
    expectIssue(
      rejection((s) => (s.staff[0].schedule = "day")),
      ["staff", 0, "schedule"],
      'matches none of the 2 accepted forms (got "day")',
    );
  });

  it("a JSON __proto__ key among schedule dates (zod would drop it without a word)", () => {
    const input = JSON.parse(
      JSON.stringify(minimalScenario()).replace(
        '"schedule":{"cycle":["day"],"anchor":"2022-05-16"}',
        '"schedule":{"dates":{"__proto__":"day","2022-05-16":"day"}}',
      ),
    );
    expect(Object.keys(input.staff[0].schedule.dates)).toEqual(["__proto__", "2022-05-16"]);
    const result = safeParseScenario(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expectIssue(
      result.error,
      ["staff", 0, "schedule", "dates", "__proto__"],
      'invalid key "__proto__"',
    );
    expect(result.error.issues).toHaveLength(1);
  });

  it("a worker without plantId or schedule", () => {
    expectIssue(
      rejection((s) => delete s.staff[0].plantId),
      ["staff", 0, "plantId"],
      'worker "w1" has no plantId',
    );
    expectIssue(
      rejection((s) => delete s.staff[0].schedule),
      ["staff", 0, "schedule"],
      'worker "w1" has no schedule',
    );
  });

  it("a horizon of 0 or 367 days", () => {
    expectIssue(
      rejection((s) => (s.horizon.days = 0)),
      ["horizon", "days"],
      "(got 0)",
    );
    expectIssue(
      rejection((s) => (s.horizon.days = 367)),
      ["horizon", "days"],
      "(got 367)",
    );
  });

  it("a JSON __proto__ key, leaving every prototype clean", () => {
    const text = JSON.stringify(minimalScenario()).replace(
      '"timeZone"',
      '"__proto__":{"polluted":"yes"},"timeZone"',
    );
    const input = JSON.parse(text);
    const result = safeParseScenario(input);
    expect(result.success).toBe(false);
    if (!result.success) expectIssue(result.error, ["__proto__"], '"__proto__"');
    const nested = JSON.parse(
      JSON.stringify(minimalScenario()).replace(
        '"anchor"',
        '"__proto__":{"polluted":"yes"},"anchor"',
      ),
    );
    expect(safeParseScenario(nested).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a scenario over a size cap, before looking at its entries", () => {
    const error = rejection((s) => {
      s.vehicles = new Array(SCENARIO_LIMITS.vehicles + 1).fill("not even a vehicle");
    });
    expect(error.issues).toEqual([
      {
        path: ["vehicles"],
        message: `too many entries: ${SCENARIO_LIMITS.vehicles + 1} (the limit is 50000)`,
      },
    ]);
  });

  it("every problem at once, listed in the message with ✖ and → lines", () => {
    const error = rejection((s) => {
      s.timeZone = "Nowhere/Else";
      s.staff[0].dormitoryId = "p1";
      s.vehicles[0].seats = 0;
    });
    expect(error.issues).toHaveLength(3);
    expect(error.message).toMatch(
      /^Invalid scenario \(3 issues\):\n✖ unknown IANA time zone "Nowhere\/Else"\n {2}→ at timeZone\n/,
    );
    expect(error.message).toContain("→ at staff[0].dormitoryId");
    expect(error.message).toContain("→ at vehicles[0].seats");
  });
  it("ids that would break loop ids: a slash in an enterprise or site id, or an enterprise named *", () => {
    expectIssue(
      rejection((s) => {
        s.enterprises[0].id = "a/b";
        for (const person of s.staff) person.enterpriseId = "a/b";
      }),
      ["enterprises", 0, "id"],
      '"a/b" cannot be an id here',
    );
    expectIssue(
      rejection((s) => {
        s.sites[0].id = "d/1";
        for (const person of s.staff) person.dormitoryId = "d/1";
      }),
      ["sites", 0, "id"],
      '"d/1" cannot be an id here',
    );
    expectIssue(
      rejection((s) => {
        s.enterprises[0].id = "*";
        for (const person of s.staff) person.enterpriseId = "*";
      }),
      ["enterprises", 0, "id"],
      '"*" cannot be an id here',
    );
  });

  it("a horizon before 1970 or after 2100 (local mean time offsets are not whole minutes)", () => {
    expectIssue(
      rejection((s) => (s.horizon.start = "1890-05-16")),
      ["horizon", "start"],
      '"1890-05-16"',
    );
    expectIssue(
      rejection((s) => (s.horizon.start = "2101-01-01")),
      ["horizon", "start"],
      '"2101-01-01"',
    );
  });

  it("a zone whose offset is not whole minutes in the horizon (Monrovia until 1972-01-07)", () => {
    // A year out of range is the horizon's error alone, not also the zone's.
    const early = rejection((s) => {
      s.timeZone = "Europe/Paris";
      s.horizon.start = "1800-01-01";
    });
    expect(early.issues.filter((issue) => issue.path[0] === "timeZone")).toEqual([]);
    expectIssue(
      rejection((s) => {
        s.timeZone = "Africa/Monrovia";
        s.horizon.start = "1971-05-16";
      }),
      ["timeZone"],
      "-44.5 minutes from UTC on 1971-05-15",
    );
    // The same zone from the day after it moved to whole minutes (the day before is read too).
    for (const start of ["1972-01-08", "2022-05-16"]) {
      const input: any = structuredClone(minimalScenario());
      input.timeZone = "Africa/Monrovia";
      input.horizon.start = start;
      const result = safeParseScenario(input);
      const atZone = result.success
        ? []
        : result.error.issues.filter((i) => i.path[0] === "timeZone");
      expect(atZone, start).toEqual([]);
    }
  });

  it("more issues than a function call has arguments, without throwing", () => {
    const input: any = structuredClone(minimalScenario());
    const worker = input.staff[0];
    input.staff = Array.from({ length: 130_000 }, (_, i) => ({
      ...worker,
      id: `w${i}`,
      enterpriseId: "ghost",
    }));
    const result = safeParseScenario(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.length).toBe(130_000);
    // 130,000 workers and as many issues: some seconds on a loaded machine.
  }, 30_000);
});
