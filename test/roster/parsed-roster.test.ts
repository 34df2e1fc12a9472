/**
 * A roster `parseRoster` returned (or `planRoster` built, or `replan` built from one) is not
 * parsed again: passing it back returns the same object at once, and every export takes it
 * as it is. A copy, however equal, is checked in full; and the exports write the same bytes
 * for a parsed roster as for the same roster fresh from JSON.
 */
import { describe, expect, it } from "vitest";
import {
  jinshanScenario,
  parseRoster,
  parseScenario,
  planRoster,
  type Roster,
  RosterError,
  renderReport,
  renderTimelineSvg,
  replan,
  safeParseRoster,
  toGtfs,
  toICalendar,
  toManifestCsv,
  toStaffListCsv,
  toTestingCsv,
} from "../../src/index.js";
import { isParsedRoster } from "../../src/roster/parse.js";
import { minimalScenario } from "../fixtures/minimal-scenario.js";

/** The roster as a reader of its JSON file has it: plain objects nobody has parsed. */
const fresh = (roster: Roster): unknown => JSON.parse(JSON.stringify(roster));

describe("a parsed roster is not parsed again", () => {
  it("parseRoster and safeParseRoster return a roster they returned before as it is", () => {
    const parsed = parseRoster(fresh(planRoster(minimalScenario())));

    expect(isParsedRoster(parsed)).toBe(true);
    expect(parseRoster(parsed)).toBe(parsed);
    const again = safeParseRoster(parsed);
    expect(again.success && again.data).toBe(parsed);
  });

  it("takes planRoster's roster as parsed (the same JSON parseRoster would return)", () => {
    const planned = planRoster(minimalScenario());

    expect(isParsedRoster(planned)).toBe(true);
    expect(parseRoster(planned)).toBe(planned);
    expect(JSON.stringify(parseRoster(fresh(planned)))).toBe(JSON.stringify(planned));
  });

  it("takes replan's roster as parsed only when the previous roster was", () => {
    const input = minimalScenario();
    const planned = planRoster(input);
    const change = { kind: "isolate", personId: "w1", from: "2022-05-17" } as const;

    expect(isParsedRoster(replan(input, planned, [change]).roster)).toBe(true);
    expect(isParsedRoster(replan(input, planned, []).roster)).toBe(true);
    expect(isParsedRoster(replan(input, fresh(planned), [change]).roster)).toBe(false);
    expect(isParsedRoster(replan(input, fresh(planned), []).roster)).toBe(false);
  });

  it("checks a structurally equal copy in full", () => {
    const parsed = parseRoster(fresh(planRoster(minimalScenario())));
    const copy = structuredClone(parsed);

    expect(isParsedRoster(copy)).toBe(false);
    const checked = parseRoster(copy);
    expect(checked).not.toBe(copy);
    expect(checked).toEqual(parsed);

    const broken = structuredClone(parsed);
    (broken.trips[0] as Roster["trips"][number]).depart = "07:00";
    expect(() => parseRoster(broken)).toThrow(RosterError);
    expect(safeParseRoster({ ...parsed, version: 2 }).success).toBe(false);
    expect(() => toManifestCsv(minimalScenario(), { ...parsed, trips: 1 })).toThrow(RosterError);
  });

  it("says no to anything that is not a roster it returned", () => {
    for (const value of [undefined, null, 42, "roster", {}, [], planRoster])
      expect(isParsedRoster(value)).toBe(false);
  });
});

describe("exports of a parsed roster", () => {
  const scenario = parseScenario(jinshanScenario());
  const planned = planRoster(scenario);
  const worker = planned.assignments[0]?.personId as string;
  const driver = planned.vehicles[0]?.driverId as string;
  const date = planned.horizon.start;
  const exports: [string, (roster: unknown) => unknown][] = [
    ["toManifestCsv", (r) => toManifestCsv(scenario, r, { bom: true })],
    ["toStaffListCsv", (r) => toStaffListCsv(scenario, r)],
    ["toTestingCsv", (r) => toTestingCsv(scenario, r)],
    ["toGtfs", (r) => toGtfs(scenario, r)],
    ["toICalendar (worker)", (r) => toICalendar(scenario, r, worker)],
    ["toICalendar (driver)", (r) => toICalendar(scenario, r, driver)],
    ["renderTimelineSvg", (r) => renderTimelineSvg(scenario, r, date)],
    ["renderReport", (r) => renderReport(scenario, r)],
  ];

  it.each(exports)("%s writes the same text for a parsed and a fresh roster", (_, write) => {
    const parsed = parseRoster(fresh(planned));

    const fromParsed = write(parsed);
    const fromPlanned = write(planned);
    const fromFresh = write(fresh(planned));

    expect(fromParsed).toEqual(fromFresh);
    expect(fromPlanned).toEqual(fromFresh);
  });
});
