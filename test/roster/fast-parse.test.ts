import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { planRoster, rosterSchema } from "../../src/index.js";
import { fastParseRoster } from "../../src/roster/fast-parse.js";
import { mutatedRoster } from "../arbitraries/roster-mutations.js";
import { minimalScenario } from "../fixtures/minimal-scenario.js";
import { validRoster } from "../fixtures/valid-roster.js";

/** zod's verdict on a value, as plain data (or "rejected"). */
function zodVerdict(value: unknown): unknown {
  try {
    const result = rosterSchema.safeParse(value);
    return result.success ? result.data : "rejected";
  } catch {
    return "rejected";
  }
}

describe("fastParseRoster", () => {
  it("accepts a valid roster and returns a copy equal to zod's", () => {
    const roster = validRoster();
    const fast = fastParseRoster(roster);
    expect(fast).toEqual(zodVerdict(roster));
    expect(fast).not.toBe(roster);
    expect(fast?.trips[0]).not.toBe(roster.trips[0]);
  });

  it("accepts a planned roster", () => {
    const roster = planRoster(minimalScenario());
    expect(fastParseRoster(roster)).toEqual(zodVerdict(roster));
  });

  it("leaves anything unusual to zod", () => {
    const roster: any = validRoster();
    roster.extra = 1;
    expect(fastParseRoster(roster)).toBeUndefined();
    expect(fastParseRoster({ ...validRoster(), version: 2 })).toBeUndefined();
    expect(fastParseRoster(Object.assign(Object.create(null), validRoster()))).toBeUndefined();
  });

  // The fast path may say "not sure" more often than zod rejects, never "yes" where zod says no.
  test.prop([mutatedRoster({ minEdits: 1, maxEdits: 2 })], { numRuns: 1000 })(
    "never accepts what zod rejects, and agrees with zod on what it accepts",
    ({ roster }) => {
      const fast = fastParseRoster(roster);
      if (fast === undefined) return;
      expect(fast).toEqual(zodVerdict(roster));
    },
  );
});
