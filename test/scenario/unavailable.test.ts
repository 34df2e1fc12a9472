/**
 * `unavailable` periods (SPEC §3): a person's or a vehicle's, inclusive dates, `to` optional;
 * exactly one subject, a known one, and `from` not after `to`. Dates outside the horizon are
 * allowed (a period may have begun before it, or be booked long after).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { safeParseScenario } from "../../src/index.js";
import { addDays } from "../arbitraries/scenario.js";
import { minimalScenario } from "../fixtures/minimal-scenario.js";
import { accepted, expectIssue, rejection } from "./expect-issue.js";

describe("unavailable periods are accepted", () => {
  it("for a person and for a vehicle, with or without `to` and `reason`", () => {
    const periods = [
      { personId: "w1", from: "2022-05-17", to: "2022-05-18", reason: "leave" },
      { vehicleId: "v1", from: "2022-05-16" },
      { personId: "k1", from: "2022-05-17", to: "2022-05-17" },
    ];
    const scenario = accepted((s) => (s.unavailable = periods));
    expect(scenario.unavailable).toEqual(periods);
    expect(Object.isFrozen(scenario.unavailable[0])).toBe(true);
  });

  it("with dates outside the horizon, before it and long after it", () => {
    const scenario = accepted(
      (s) =>
        (s.unavailable = [
          { personId: "w1", from: "1999-01-01", to: "2000-12-31" },
          { vehicleId: "v1", from: "2099-12-31" },
          { personId: "k1", from: "2022-05-01", to: "2030-01-01" },
        ]),
    );
    expect(scenario.unavailable).toHaveLength(3);
  });

  it("absent, as an empty list", () => {
    expect(accepted(() => {}).unavailable).toEqual([]);
    expect(accepted((s) => (s.unavailable = [])).unavailable).toEqual([]);
  });
});

describe("unavailable periods are rejected, naming the path and the value", () => {
  it("naming both a person and a vehicle", () => {
    const error = rejection(
      (s) => (s.unavailable = [{ personId: "w1", vehicleId: "v1", from: "2022-05-16" }]),
    );
    expectIssue(error, ["unavailable", 0], 'names a person ("w1") and a vehicle ("v1")');
    expect(error.issues).toHaveLength(1);
    expect(error.message).toMatch(/→ at unavailable\[0\]$/m);
  });

  it("naming neither", () => {
    const error = rejection(
      (s) =>
        (s.unavailable = [
          { personId: "w1", from: "2022-05-16" },
          { from: "2022-05-16", reason: "who?" },
        ]),
    );
    expectIssue(error, ["unavailable", 1], "names neither a personId nor a vehicleId");
    expect(error.issues).toHaveLength(1);
  });

  it("an unknown person or vehicle, or an id of the other kind", () => {
    expectIssue(
      rejection((s) => (s.unavailable = [{ personId: "ghost", from: "2022-05-16" }])),
      ["unavailable", 0, "personId"],
      'unknown person "ghost"',
    );
    expectIssue(
      rejection(
        (s) =>
          (s.unavailable = [
            { personId: "w1", from: "2022-05-16" },
            { vehicleId: "v9", from: "2022-05-16" },
          ]),
      ),
      ["unavailable", 1, "vehicleId"],
      'unknown vehicle "v9"',
    );
    // A vehicle id given as a person, and a person as a vehicle.
    expectIssue(
      rejection((s) => (s.unavailable = [{ personId: "v1", from: "2022-05-16" }])),
      ["unavailable", 0, "personId"],
      'unknown person "v1"',
    );
    expectIssue(
      rejection((s) => (s.unavailable = [{ vehicleId: "k1", from: "2022-05-16" }])),
      ["unavailable", 0, "vehicleId"],
      'unknown vehicle "k1"',
    );
  });

  it("`from` after `to`", () => {
    const error = rejection(
      (s) => (s.unavailable = [{ vehicleId: "v1", from: "2022-05-18", to: "2022-05-17" }]),
    );
    expectIssue(
      error,
      ["unavailable", 0, "to"],
      "the period ends on 2022-05-17, before it starts on 2022-05-18",
    );
    expect(error.issues).toHaveLength(1);
  });

  it("a malformed date, without also calling it out of order", () => {
    expectIssue(
      rejection((s) => (s.unavailable = [{ personId: "w1", from: "2022-02-30" }])),
      ["unavailable", 0, "from"],
      '"2022-02-30"',
    );
    const error = rejection(
      (s) => (s.unavailable = [{ personId: "w1", from: "2022-05-18", to: "17 May" }]),
    );
    expectIssue(
      error,
      ["unavailable", 0, "to"],
      'expected a calendar date YYYY-MM-DD, got "17 May"',
    );
    expect(error.issues).toHaveLength(1);
    expectIssue(
      rejection((s) => (s.unavailable = [{ personId: "w1" }])),
      ["unavailable", 0, "from"],
      'missing required field "from"',
    );
  });

  it("a misspelt key, an empty id, and a list that is not a list", () => {
    expectIssue(
      rejection((s) => (s.unavailable = [{ person: "w1", personId: "w1", from: "2022-05-16" }])),
      ["unavailable", 0, "person"],
      'unknown key "person"',
    );
    expectIssue(
      rejection((s) => (s.unavailable = [{ personId: "", from: "2022-05-16" }])),
      ["unavailable", 0, "personId"],
      "an id must not be empty",
    );
    expectIssue(
      rejection((s) => (s.unavailable = { personId: "w1", from: "2022-05-16" })),
      ["unavailable"],
      "expected array, got an object",
    );
  });

  it("over the size cap", () => {
    const error = rejection((s) => (s.unavailable = new Array(1_000_001).fill(0)));
    expect(error.issues).toEqual([
      { path: ["unavailable"], message: "too many entries: 1000001 (the limit is 1000000)" },
    ]);
  });
});

describe("unavailable periods — property", () => {
  const subject = fc.constantFrom(
    { personId: "w1" },
    { personId: "k1" },
    { vehicleId: "v1" },
    { personId: "w1", vehicleId: "v1" },
    {},
  );
  test.prop(
    [
      fc.array(
        fc.record({
          subject,
          from: fc.integer({ min: -400, max: 400 }),
          length: fc.option(fc.integer({ min: -5, max: 30 }), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
    ],
    { numRuns: 100 },
  )(
    "parses exactly when each period has one subject and does not end before it starts",
    (drawn) => {
      const start = "2022-05-16";
      const periods = drawn.map(({ subject, from, length }) => ({
        ...subject,
        from: addDays(start, from),
        ...(length === undefined ? {} : { to: addDays(start, from + length) }),
      }));
      const result = safeParseScenario({ ...minimalScenario(), unavailable: periods });
      const expected = new Set<string>();
      drawn.forEach(({ subject, length }, i) => {
        if (Object.keys(subject).length !== 1) expected.add(JSON.stringify(["unavailable", i]));
        if (length !== undefined && length < 0)
          expected.add(JSON.stringify(["unavailable", i, "to"]));
      });
      if (result.success) {
        expect(expected.size).toBe(0);
        expect(result.data.unavailable).toEqual(periods);
      } else {
        expect(new Set(result.error.issues.map((issue) => JSON.stringify(issue.path)))).toEqual(
          expected,
        );
      }
    },
  );
});
