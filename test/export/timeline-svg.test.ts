/**
 * renderTimelineSvg (SPEC §7.3): the SVG is read back with fast-xml-parser, a consumer we
 * did not write, and held to the roster: one bar per trip departing on the date (local
 * dates worked out here with luxon), each bar's kind from its direction or emptiness, the
 * passengers/capacity text from the trip and `floor(seats × loadFactor)`, a row per
 * vehicle running that day, bars placed on the hour axis by local time, a disinfection gap
 * per trip. Ids and names full of markup characters come back intact from a well-formed
 * document; bad dates are refused; a property runs it over generated scenarios.
 */
import { fc, test } from "@fast-check/vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { renderTimelineSvg } from "../../src/export/timeline-svg.js";
import {
  InvalidArgumentError,
  jinshanScenario,
  parseScenario,
  planRoster,
  type Roster,
  RosterError,
  type Scenario,
  type ScenarioInput,
  type Trip,
} from "../../src/index.js";
import { addDays, scenarioArbitrary } from "../arbitraries/scenario.js";
import { oneLoopScenario } from "../fixtures/one-loop.js";

// ---------------------------------------------------------------------------------------
// Reading the SVG back: every element, flattened, with its attributes and its own text.

interface Element {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

type Node = Record<string, unknown>;

function elements(svg: string): Element[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    preserveOrder: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
  });
  const found: Element[] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((key) => key !== ":@" && key !== "#text");
      if (tag === undefined) continue;
      const children = node[tag] as Node[];
      const text = children
        .filter((child) => "#text" in child)
        .map((child) => String(child["#text"]))
        .join("");
      found.push({ tag, attrs: (node[":@"] ?? {}) as Record<string, string>, text });
      walk(children);
    }
  };
  walk(parser.parse(svg) as Node[]);
  return found;
}

const hasClass = (element: Element, name: string) =>
  (element.attrs.class ?? "").split(" ").includes(name);

/** The trips departing on a local date, by luxon rather than the code under test. */
function tripsOn(roster: Roster, zone: string, date: string): Trip[] {
  return roster.trips.filter(
    (trip) => DateTime.fromISO(trip.depart, { setZone: true }).setZone(zone).toISODate() === date,
  );
}

function capacityOf(scenario: Scenario, vehicleId: string): number {
  const vehicle = scenario.vehicles.find((v) => v.id === vehicleId);
  if (vehicle === undefined) throw new Error(`no vehicle ${vehicleId}`);
  return Math.floor(vehicle.seats * scenario.policy.loadFactor + 1e-9);
}

/** Everything the SVG must say about a roster's date, checked against the roster. */
function checkAgainstRoster(svg: string, scenario: Scenario, roster: Roster, date: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  const all = elements(svg);
  const root = all[0] as Element;
  expect(root.tag).toBe("svg");
  expect(root.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
  expect(root.attrs.width).toBe("1280");
  expect(root.attrs.viewBox).toMatch(/^0 0 1280 \d+(\.\d+)?$/);

  const expected = tripsOn(roster, scenario.timeZone, date);
  const bars = all.filter((e) => e.tag === "rect" && hasClass(e, "trip"));
  expect(bars.map((bar) => bar.attrs["data-trip"]).sort()).toEqual(
    expected.map((trip) => trip.id).sort(),
  );
  const byId = new Map(expected.map((trip) => [trip.id, trip]));
  for (const bar of bars) {
    const trip = byId.get(bar.attrs["data-trip"] as string) as Trip;
    const kind = trip.passengers.length === 0 ? "empty" : trip.direction;
    expect(bar.attrs["data-kind"]).toBe(kind);
    expect(hasClass(bar, kind)).toBe(true);
    expect(Number(bar.attrs.width)).toBeGreaterThan(0);
  }
  const loads = all.filter((e) => e.tag === "text" && hasClass(e, "load"));
  expect(loads).toHaveLength(expected.length);
  for (const load of loads) {
    const trip = byId.get(load.attrs["data-trip"] as string) as Trip;
    expect(load.text).toBe(`${trip.passengers.length}/${capacityOf(scenario, trip.vehicleId)}`);
  }
  const gaps = all.filter((e) => e.tag === "rect" && hasClass(e, "disinfection"));
  expect(gaps.map((gap) => gap.attrs["data-trip"]).sort()).toEqual(
    expected.map((trip) => trip.id).sort(),
  );
  const rows = all.filter((e) => e.tag === "g" && hasClass(e, "vehicle"));
  expect(rows.map((row) => row.attrs["data-vehicle"]).sort()).toEqual(
    [...new Set(expected.map((trip) => trip.vehicleId))].sort(),
  );
}

// ---------------------------------------------------------------------------------------

describe("renderTimelineSvg on the Jinshan roster", { timeout: 60_000 }, () => {
  const scenario = parseScenario(jinshanScenario());
  const roster = planRoster(scenario);
  const date = "2022-05-18";
  const svg = renderTimelineSvg(scenario, roster, date);
  const all = elements(svg);

  it("draws a bar, a load text and a gap per trip of the date, a row per vehicle running", () => {
    expect(tripsOn(roster, scenario.timeZone, date).length).toBeGreaterThan(20);
    checkAgainstRoster(svg, scenario, roster, date);
  });

  it("labels each row with the vehicle's id and plate", () => {
    const rows = all.filter((e) => e.tag === "g" && hasClass(e, "vehicle"));
    const texts = all.filter((e) => e.tag === "text");
    for (const row of rows) {
      const id = row.attrs["data-vehicle"] as string;
      const plate = scenario.vehicles.find((v) => v.id === id)?.plate;
      expect(texts.some((t) => hasClass(t, "vehicle-id") && t.text === id)).toBe(true);
      if (plate !== undefined)
        expect(texts.some((t) => hasClass(t, "plate") && t.text === plate)).toBe(true);
    }
  });

  it("tells the three kinds apart by fill and names each in the legend with the same fill", () => {
    const bars = all.filter((e) => e.tag === "rect" && hasClass(e, "trip"));
    const fillOf = new Map<string, Set<string>>();
    for (const bar of bars) {
      const kind = bar.attrs["data-kind"] as string;
      fillOf.set(kind, (fillOf.get(kind) ?? new Set()).add(bar.attrs.fill as string));
    }
    expect([...fillOf.keys()].sort()).toEqual(["empty", "to-dormitory", "to-plant"]);
    const fills = [...fillOf.values()].map((set) => [...set]);
    for (const list of fills) expect(list).toHaveLength(1);
    expect(new Set(fills.flat()).size).toBe(3);
    const legendIndex = all.findIndex((e) => e.tag === "g" && e.attrs["data-kind"] === "empty");
    expect(legendIndex).toBeGreaterThan(-1);
    for (const kind of ["to-plant", "to-dormitory", "empty"]) {
      const at = all.findIndex((e) => e.tag === "g" && e.attrs["data-kind"] === kind);
      const swatch = all[at + 1] as Element;
      const words = all[at + 2] as Element;
      expect(swatch.attrs.fill).toBe([...(fillOf.get(kind) as Set<string>)][0]);
      expect(words.text).toMatch(kind === "empty" ? /empty/ : new RegExp(kind.replace("-", " ")));
    }
  });

  it("places bars by local time on an hour axis labelled 00:00 onwards", () => {
    const hours = all.filter((e) => e.tag === "text" && hasClass(e, "hour"));
    expect(hours.slice(0, 3).map((h) => h.text)).toEqual(["00:00", "01:00", "02:00"]);
    expect(hours.length).toBeGreaterThanOrEqual(25);
    const x0 = Number((hours[0] as Element).attrs.x);
    const last = hours.length - 1; // one label an hour (a day of ≤ 30 hours)
    const perHour = (Number((hours[last] as Element).attrs.x) - x0) / last;
    const midnight = DateTime.fromISO(date, { zone: scenario.timeZone }).toMillis();
    for (const bar of all.filter((e) => e.tag === "rect" && hasClass(e, "trip"))) {
      const trip = roster.trips.find((t) => t.id === bar.attrs["data-trip"]) as Trip;
      const hoursIn = (DateTime.fromISO(trip.depart).toMillis() - midnight) / 3_600_000;
      expect(Math.abs(Number(bar.attrs.x) - (x0 + hoursIn * perHour))).toBeLessThan(0.2);
      const minutes = DateTime.fromISO(trip.arrive).diff(DateTime.fromISO(trip.depart)).as("hours");
      expect(Math.abs(Number(bar.attrs.width) - Math.max(2, minutes * perHour))).toBeLessThan(0.3);
    }
    const gap = all.find((e) => e.tag === "rect" && hasClass(e, "disinfection")) as Element;
    const minutes = scenario.policy.disinfectionMinutes;
    expect(Number(gap.attrs["data-minutes"])).toBe(minutes);
    expect(Math.abs(Number(gap.attrs.width) - (minutes / 60) * perHour)).toBeLessThan(0.3);
  });

  it("is the same text for the same arguments, and leaves them untouched", () => {
    const input = jinshanScenario();
    const before = JSON.stringify(roster);
    const inputBefore = JSON.stringify(input);
    const again = renderTimelineSvg(input, roster, date);
    expect(again).toBe(svg);
    expect(JSON.stringify(roster)).toBe(before);
    expect(JSON.stringify(input)).toBe(inputBefore);
  });

  it("draws the day after the horizon (rides home), and says so when a date has no trips", () => {
    const after = "2022-05-30";
    checkAgainstRoster(renderTimelineSvg(scenario, roster, after), scenario, roster, after);
    const none = { ...roster, trips: roster.trips.filter((t) => !t.depart.startsWith(date)) };
    const empty = renderTimelineSvg(scenario, none, date);
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(elements(empty).some((e) => e.tag === "rect" && hasClass(e, "trip"))).toBe(false);
    expect(empty).toContain("No trips depart on this date.");
  });

  it("refuses malformed dates and dates outside the roster's dates", () => {
    for (const bad of ["2022-5-18", "2022-02-30", "18/05/2022", "", "2022-05-15", "2022-05-31"])
      expect(() => renderTimelineSvg(scenario, roster, bad)).toThrow(InvalidArgumentError);
    expect(() => renderTimelineSvg(scenario, roster, 20220518 as unknown as string)).toThrow(
      InvalidArgumentError,
    );
    expect(() => renderTimelineSvg(scenario, { ...roster, version: 2 }, date)).toThrow(RosterError);
  });
});

describe("renderTimelineSvg with markup in ids and names", { timeout: 60_000 }, () => {
  const vehicleId = `v<1>&"'`;
  const plate = `沪A<&>"'\u0001`;
  const input: ScenarioInput = oneLoopScenario({
    workers: [1, 2, 3].map((n) => ({
      id: `w${n}<&>"'`,
      name: `<script>alert("${n}")</script> O'Brien & Li`,
      enterpriseId: "e1",
      dormitoryId: "d1",
      plantId: "p1",
      role: "worker" as const,
      schedule: { cycle: ["day"], anchor: "2022-05-16" },
    })),
    vehicles: [{ id: vehicleId, plate, seats: 19 }],
  });
  const scenario = parseScenario(input);
  const roster = planRoster(scenario);

  it("writes a well-formed document that reads back to the very ids", () => {
    expect(roster.trips.length).toBeGreaterThan(0);
    const svg = renderTimelineSvg(scenario, roster, "2022-05-16");
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain(vehicleId);
    checkAgainstRoster(svg, scenario, roster, "2022-05-16");
    const all = elements(svg);
    const row = all.find((e) => e.tag === "g" && hasClass(e, "vehicle")) as Element;
    expect(row.attrs["data-vehicle"]).toBe(vehicleId);
    const plateText = all.find((e) => e.tag === "text" && hasClass(e, "plate")) as Element;
    // The control character XML cannot hold is replaced; the rest comes back as written.
    expect(plateText.text).toBe(`沪A<&>"'\uFFFD`);
    const bar = all.find((e) => e.tag === "rect" && hasClass(e, "trip")) as Element;
    expect(roster.trips.map((t) => t.id)).toContain(bar.attrs["data-trip"]);
  });
});

describe("renderTimelineSvg over generated scenarios", { timeout: 60_000 }, () => {
  test.prop([scenarioArbitrary({ maxWorkers: 40, maxDays: 4 }), fc.nat({ max: 4 })], {
    numRuns: 20,
  })(
    "a bar per trip of a random roster date, each with its kind and passengers/capacity",
    (input, pick) => {
      const scenario = parseScenario(input);
      const roster = planRoster(scenario);
      const date = addDays(scenario.horizon.start, pick % (scenario.horizon.days + 1));
      checkAgainstRoster(renderTimelineSvg(scenario, roster, date), scenario, roster, date);
    },
    60_000,
  );
});
