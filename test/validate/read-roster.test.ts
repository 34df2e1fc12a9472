/**
 * The validator's reader on chosen rosters: its columns say exactly what the roster says
 * (read back into roster form, they equal the roster), unknown ids get their own indexes,
 * and what it leaves to zod gets the same report. (read-roster.property.test.ts holds it
 * to zod on generated rosters.)
 */
import { describe, expect, it } from "vitest";
import { planRoster } from "../../src/index.js";
import type { Roster } from "../../src/roster/schema.js";
import { scenarioModel } from "../../src/scenario/model.js";
import { readRoster } from "../../src/validate/read-roster.js";
import { validateRoster } from "../../src/validate/validate-roster.js";
import { minimalScenario } from "../fixtures/minimal-scenario.js";
import { fixtureScenario, validRoster } from "../fixtures/valid-roster.js";
import { expected, readBack } from "./read-back.js";

const model = scenarioModel(fixtureScenario());

describe("readRoster", () => {
  it("reads the valid fixture exactly, and copies rather than shares its objects", () => {
    const roster = validRoster();
    const read = readRoster(model, roster);
    if (read === undefined) throw new Error("the reader refused the valid fixture");
    expect(readBack(read)).toEqual(expected(roster));
    expect(read.trips[0]).not.toBe(roster.trips[0]);
    expect(read.loops[0]).not.toBe(roster.loops[0]);
  });

  it("reads a planned roster and the same roster through JSON alike", () => {
    const scenario = minimalScenario();
    const roster = planRoster(scenario);
    const viaJson = JSON.parse(JSON.stringify(roster));
    const planned = readRoster(scenarioModel(scenario), roster);
    const parsed = readRoster(scenarioModel(scenario), viaJson);
    if (planned === undefined || parsed === undefined) throw new Error("reader refused");
    expect(readBack(planned)).toEqual(expected(roster));
    expect(readBack(parsed)).toEqual(readBack(planned));
  });

  it("gives unknown ids their own indexes past the scenario's, and keeps seat sharers apart", () => {
    const roster = validRoster();
    const trip = roster.trips.find((t) => t.passengers.length > 0);
    if (trip === undefined) throw new Error("fixture has no passengers");
    const seat = trip.passengers[0]?.seat ?? 1;
    // The same seat taken by three different people on three trips of one vehicle, then the
    // first again: the seat memory must not hand out a stale index.
    const names = ["ghost-a", "ghost-b", "ghost-c", "ghost-a"];
    for (const [k, name] of names.entries())
      roster.trips.push({
        ...trip,
        id: `${trip.id}-x${k}`,
        passengers: [{ personId: name, seat }],
      });
    roster.tests.push({ personId: "ghost-b", siteId: "nowhere", kind: "saliva", at: trip.depart });
    const read = readRoster(model, roster);
    if (read === undefined) throw new Error("reader refused");
    expect(readBack(read)).toEqual(expected(roster));
    const ghosts = names.map((name) => read.people.indexOf(name));
    expect(ghosts.every((index) => !read.people.isKnown(index))).toBe(true);
    expect(new Set(ghosts).size).toBe(3);
    expect(read.tests.sites.isKnown(read.tests.site[read.tests.length - 1] as number)).toBe(false);
    expect(read.tests.kinds.isKnown(read.tests.kind[read.tests.length - 1] as number)).toBe(false);
  });

  it("keeps a seat number beyond 32 bits exact, and the capacity rule names it", () => {
    const roster = validRoster();
    const trip = roster.trips.find((t) => t.passengers.length > 1);
    if (trip === undefined) throw new Error("fixture has no full trip");
    (trip.passengers[1] as { seat: number }).seat = 2 ** 40 + 1;
    const read = readRoster(model, roster);
    if (read === undefined) throw new Error("reader refused");
    expect(readBack(read)).toEqual(expected(roster));
    const report = validateRoster(fixtureScenario(), roster);
    expect(report.violations.some((v) => v.message.includes(`seat ${2 ** 40 + 1}`))).toBe(true);
  });

  it("leaves a repeated trip or loop id to zod, which reports where", () => {
    const trips = validRoster();
    trips.trips.push({ ...(trips.trips[0] as Roster["trips"][number]) });
    expect(readRoster(model, trips)).toBeUndefined();
    const loops = validRoster();
    loops.loops.push({ ...(loops.loops[0] as Roster["loops"][number]) });
    expect(readRoster(model, loops)).toBeUndefined();
  });

  it("validateRoster reports the same through zod's path as through the fast reader", () => {
    const roster = validRoster();
    const trip = roster.trips.find((t) => t.passengers.length > 1);
    if (trip === undefined) throw new Error("fixture has no full trip");
    (trip.passengers[0] as { seat: number }).seat = 99;
    (trip.passengers[1] as { personId: string }).personId = "stranger";
    // Null-prototype objects: the fast reader says "not sure", zod accepts them.
    const nullPrototype = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(nullPrototype)
        : typeof value === "object" && value !== null
          ? Object.assign(
              Object.create(null),
              Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nullPrototype(v)])),
            )
          : value;
    const odd = nullPrototype(roster);
    expect(readRoster(model, odd)).toBeUndefined();
    const report = validateRoster(fixtureScenario(), roster);
    expect(report.counts.capacity).toBeGreaterThan(0);
    expect(report.counts["unknown-reference"]).toBeGreaterThan(0);
    expect(validateRoster(fixtureScenario(), odd)).toEqual(report);
  });
});
