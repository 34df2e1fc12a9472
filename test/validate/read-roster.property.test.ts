/**
 * The validator's reader against zod, the reference, on generated rosters: it accepts only
 * what zod accepts, it takes whatever zod's own output is, and its columns equal zod's
 * parse. (Kept out of mutation testing, like never-throws: 1,000 runs per mutant.)
 */
import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { scenarioModel } from "../../src/scenario/model.js";
import { readRoster } from "../../src/validate/read-roster.js";
import { mutatedRoster } from "../arbitraries/roster-mutations.js";
import { fixtureScenario } from "../fixtures/valid-roster.js";
import { expected, readBack, zodVerdict } from "./read-back.js";

const model = scenarioModel(fixtureScenario());

describe("readRoster against zod", () => {
  test.prop([mutatedRoster({ minEdits: 1, maxEdits: 2 })], { numRuns: 1000 })(
    "accepts only what zod accepts, reads it exactly, and takes zod's own output",
    ({ roster }) => {
      const verdict = zodVerdict(roster);
      const read = readRoster(model, roster);
      if (verdict === "rejected") {
        expect(read).toBeUndefined();
        return;
      }
      // Repeated trip or loop ids are a shape error zod's path reports (safeParseRoster).
      const unique = [verdict.trips, verdict.loops].every(
        (items) => new Set(items.map((item) => item.id)).size === items.length,
      );
      const fromZod = readRoster(model, verdict);
      if (!unique) {
        expect(fromZod).toBeUndefined();
        return;
      }
      if (fromZod === undefined) throw new Error("the reader refused zod's own output");
      expect(readBack(fromZod)).toEqual(expected(verdict));
      if (read !== undefined) expect(readBack(read)).toEqual(expected(verdict));
    },
  );
});
