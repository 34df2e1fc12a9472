import { test } from "@fast-check/vitest";
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

  it("says not-sure for each field broken in turn, exactly where zod rejects", () => {
    // Every leaf of the fixture, replaced by a value of the wrong kind or range.
    const broken: [string, (roster: any) => void][] = [
      ["version", (r) => (r.version = 2)],
      ["timeZone", (r) => (r.timeZone = 8)],
      ["horizon.start", (r) => (r.horizon.start = "2022-02-30")],
      ["horizon.days 0", (r) => (r.horizon.days = 0)],
      ["horizon.days 367", (r) => (r.horizon.days = 367)],
      ["horizon extra key", (r) => (r.horizon.extra = 1)],
      ["loop id", (r) => (r.loops[0].id = "")],
      ["loop route path empty", (r) => (r.loops[0].toPlant.path = [])],
      ["loop route minutes", (r) => (r.loops[0].toDormitory.minutes = -1)],
      ["loop route km", (r) => (r.loops[0].toPlant.km = Number.POSITIVE_INFINITY)],
      ["loop route extra key", (r) => (r.loops[0].toPlant.extra = 1)],
      ["vehicle entry driver", (r) => (r.vehicles[0].driverId = 1)],
      ["assignment seat", (r) => (r.assignments[0].seat = 1.5)],
      ["assignment missing key", (r) => delete r.assignments[0].loopId],
      ["trip direction", (r) => (r.trips[0].direction = "sideways")],
      ["trip depart", (r) => (r.trips[0].depart = "2022-05-16T07:20:00")],
      ["trip arrive", (r) => (r.trips[0].arrive = "2022-02-30T07:30:00+08:00")],
      ["trip path element", (r) => (r.trips[0].path[1] = "")],
      ["trip passenger seat", (r) => (r.trips[0].passengers[0].seat = "1")],
      ["trip passenger extra key", (r) => (r.trips[0].passengers[0].extra = 1)],
      ["trip passengers hole", (r) => (r.trips[0].passengers = new Array(2))],
      ["test kind", (r) => (r.tests[0].kind = "")],
      ["test at", (r) => (r.tests[0].at = "noon")],
      [
        "unserved date",
        (r) => r.unserved.push({ personId: "w1", date: "2022-13-01", reason: "x" }),
      ],
      [
        "unserved reason",
        (r) => r.unserved.push({ personId: "w1", date: "2022-05-16", reason: "" }),
      ],
      ["stats count", (r) => (r.stats.trips = -1)],
      ["stats unsafe integer", (r) => (r.stats.boardings = 2 ** 60)],
      ["root extra key", (r) => (r.extra = 1)],
      ["trips not an array", (r) => (r.trips = { length: 0 })],
    ];
    for (const [what, breakIt] of broken) {
      const roster: any = validRoster();
      breakIt(roster);
      expect(fastParseRoster(roster), what).toBeUndefined();
      expect(zodVerdict(roster), what).toBe("rejected");
    }
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
