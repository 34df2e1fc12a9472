/**
 * The roster's shape, exactly: each refinement's message and path (calendar dates,
 * instants, empty ids, empty paths, bounds, duplicate ids), a roster that cannot even be
 * read, and the zone and horizon checks against the scenario.
 */
import { describe, expect, it } from "vitest";
import {
  parseRoster,
  RosterError,
  rosterSchema,
  safeParseRoster,
  type ValidationReport,
  validateRoster,
} from "../../src/index.js";
import { fixtureScenario, validRoster } from "../fixtures/valid-roster.js";

/** The roster-schema violations of `report` as [path, message] pairs; nothing else fired. */
function schemaIssues(report: ValidationReport): [(string | number)[], string][] {
  expect(report.ok).toBe(false);
  expect(report.violations.every((v) => v.code === "roster-schema")).toBe(true);
  return report.violations.map((v) => [v.path ?? [], v.message]);
}

function validate(change: (roster: any) => void): ValidationReport {
  const roster: any = structuredClone(validRoster());
  change(roster);
  return validateRoster(fixtureScenario(), roster);
}

describe("roster shape: messages and paths", () => {
  it("rejects an impossible calendar date in an unserved entry, saying what it got", () => {
    const report = validate((roster) => {
      roster.unserved.push({ personId: "w1", date: "2022-02-30", reason: "no-vehicle" });
    });
    expect(schemaIssues(report)).toEqual([
      [["unserved", 0, "date"], 'expected a calendar date YYYY-MM-DD, got "2022-02-30"'],
    ]);
  });

  it("rejects an impossible horizon start (month 13)", () => {
    const report = validate((roster) => {
      roster.horizon.start = "2022-13-01";
    });
    expect(schemaIssues(report)).toEqual([
      [["horizon", "start"], 'expected a calendar date YYYY-MM-DD, got "2022-13-01"'],
    ]);
  });

  it("accepts a real calendar date in an unserved entry", () => {
    const roster: any = structuredClone(validRoster());
    roster.unserved.push({ personId: "w1", date: "2022-05-16", reason: "no-vehicle" });
    expect(rosterSchema.safeParse(roster).success).toBe(true);
    expect(safeParseRoster(roster).success).toBe(true);
  });

  it("rejects an instant that is not ISO 8601 text", () => {
    const report = validate((roster) => {
      roster.trips[0].arrive = "soon";
    });
    expect(schemaIssues(report)).toEqual([
      [
        ["trips", 0, "arrive"],
        'expected an ISO 8601 instant with offset (2022-05-16T07:30:00+08:00), got "soon"',
      ],
    ]);
  });

  it("rejects an empty id with its own message", () => {
    const report = validate((roster) => {
      roster.trips[0].id = "";
    });
    expect(schemaIssues(report)).toEqual([
      [["trips", 0, "id"], 'an id must not be empty (got "")'],
    ]);
  });

  it("rejects an empty path in a loop's route and in a trip", () => {
    const report = validate((roster) => {
      roster.loops[0].toPlant.path = [];
      roster.trips[0].path = [];
    });
    expect(schemaIssues(report)).toEqual([
      [["loops", 0, "toPlant", "path"], "a path has at least one node (got an array of 0)"],
      [["trips", 0, "path"], "a path has at least one node (got an array of 0)"],
    ]);
  });

  it("rejects negative route minutes and km, at their paths", () => {
    const report = validate((roster) => {
      roster.loops[0].toPlant.minutes = -1;
      roster.loops[0].toDormitory.km = -2;
    });
    const issues = schemaIssues(report);
    // In path order (keys by name): toDormitory before toPlant.
    expect(issues.map(([path]) => path)).toEqual([
      ["loops", 0, "toDormitory", "km"],
      ["loops", 0, "toPlant", "minutes"],
    ]);
    expect(issues[0]?.[1]).toContain("-2");
    expect(issues[1]?.[1]).toContain("-1");
  });

  it.each([0, 367])("rejects a horizon of %i days", (days) => {
    const report = validate((roster) => {
      roster.horizon.days = days;
    });
    const issues = schemaIssues(report);
    expect(issues.map(([path]) => path)).toEqual([["horizon", "days"]]);
    expect(issues[0]?.[1]).toContain(String(days));
  });

  it("rejects version 2 through parseRoster with a RosterError at version", () => {
    const roster: any = structuredClone(validRoster());
    roster.version = 2;
    expect(() => parseRoster(roster)).toThrow(RosterError);
    const result = safeParseRoster(roster);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path)).toEqual([["version"]]);
  });

  it("rejects a repeated loop id at the repeat, naming the first", () => {
    const report = validate((roster) => {
      roster.loops.push(structuredClone(roster.loops[0]));
    });
    expect(schemaIssues(report)).toEqual([
      [["loops", 1, "id"], 'duplicate loop id "e1/d1/p1" (first at loops[0])'],
    ]);
  });

  it("rejects a repeated trip id at each repeat, naming the first", () => {
    const report = validate((roster) => {
      roster.trips[4].id = "T02";
      roster.trips[9].id = "T02";
    });
    expect(schemaIssues(report)).toEqual([
      [["trips", 4, "id"], 'duplicate trip id "T02" (first at trips[1])'],
      [["trips", 9, "id"], 'duplicate trip id "T02" (first at trips[1])'],
    ]);
  });
});

describe("a roster that cannot be read", () => {
  it("is one roster-schema violation at the root, with the thrown error's message", () => {
    const roster: any = structuredClone(validRoster());
    Object.defineProperty(roster, "trips", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const report = validateRoster(fixtureScenario(), roster);
    expect(report.violations).toEqual([
      { code: "roster-schema", path: [], message: "the roster cannot be read: boom" },
    ]);
    expect(report.counts["roster-schema"]).toBe(1);
  });

  it("says 'an unreadable value' when even the thrown value cannot be turned into text", () => {
    const roster: any = structuredClone(validRoster());
    Object.defineProperty(roster, "trips", {
      enumerable: true,
      get() {
        throw Object.create(null);
      },
    });
    const report = validateRoster(fixtureScenario(), roster);
    expect(report.violations).toEqual([
      {
        code: "roster-schema",
        path: [],
        message: "the roster cannot be read: an unreadable value",
      },
    ]);
  });
});

describe("zone and horizon against the scenario", () => {
  it("fires when only the horizon start differs", () => {
    const report = validate((roster) => {
      roster.horizon.start = "2022-05-17";
    });
    expect(schemaIssues(report)).toEqual([
      [["horizon"], "the roster covers 2 days from 2022-05-17, the scenario 2 from 2022-05-16"],
    ]);
  });

  it("fires when only the horizon length differs", () => {
    const report = validate((roster) => {
      roster.horizon.days = 1;
    });
    expect(schemaIssues(report)).toEqual([
      [["horizon"], "the roster covers 1 days from 2022-05-16, the scenario 2 from 2022-05-16"],
    ]);
  });

  it("fires twice when both the zone and the horizon differ", () => {
    const report = validate((roster) => {
      roster.timeZone = "Europe/Berlin";
      roster.horizon.start = "2022-05-15";
    });
    expect(schemaIssues(report)).toEqual([
      [["horizon"], "the roster covers 2 days from 2022-05-15, the scenario 2 from 2022-05-16"],
      [["timeZone"], "the roster is for time zone Europe/Berlin, the scenario for Asia/Shanghai"],
    ]);
  });
});
