/**
 * renderReport (SPEC §7.3) read as text in Node (the DOM checks are in
 * report.browser.test.ts): self-contained (no script, no http(s) reference, links only to
 * the page itself or `data:`), figures in `data-*` attributes equal to the roster and the
 * validation report, a timeline per day and a manifest per vehicle and day, markup in names
 * escaped, a map only for routes with coordinates, and a large roster summarised with
 * the page saying what it left out. The exposure figures are held to a brute-force oracle
 * that compares every pair of trips of a vehicle.
 */
import { fc, test } from "@fast-check/vitest";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeExposure } from "../../src/export/report/exposure.js";
import { renderReport } from "../../src/export/report.js";
import {
  InvalidArgumentError,
  jinshanScenario,
  parseScenario,
  planRoster,
  type Roster,
  RosterError,
  type ScenarioInput,
  type Trip,
  type ValidationReport,
  validateRoster,
} from "../../src/index.js";
import { generateScenario } from "../../src/synthetic/index.js";
import { scenarioArbitrary } from "../arbitraries/scenario.js";
import { oneLoopScenario } from "../fixtures/one-loop.js";

/** The value of every element with `data-<name>="key"`, by key. */
function dataValues(html: string, name: string, value = "data-value"): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = new RegExp(`${name}="([^"]*)"(?: ${value}="([^"]*)")?`, "g");
  for (const match of html.matchAll(pattern)) found.set(match[1] as string, match[2] ?? "");
  return found;
}

/** Text of the first element carrying `data-<name>="key"`. */
function textOf(html: string, attribute: string): string | undefined {
  const match = new RegExp(`${attribute}[^>]*>([^<]*)<`).exec(html);
  return match?.[1];
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Every href and src value of the page. */
function references(html: string): string[] {
  return [...html.matchAll(/\b(?:href|src|xlink:href|action|srcset)\s*=\s*"([^"]*)"/gi)].map(
    (m) => m[1] as string,
  );
}

function localDate(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone).toISODate() as string;
}

/** Exposure by brute force: every pair of trips of the same vehicle, every pair of people. */
function exposureOracle(trips: readonly Trip[]): Map<string, number> {
  const people = (trip: Trip) => [trip.driverId, ...trip.passengers.map((p) => p.personId)];
  const companions = new Map<string, Set<string>>();
  for (const a of trips)
    for (const b of trips) {
      if (a.vehicleId !== b.vehicleId) continue;
      for (const x of people(a)) {
        const set = companions.get(x) ?? new Set<string>();
        companions.set(x, set);
        for (const y of people(b)) if (y !== x) set.add(y);
      }
    }
  return new Map([...companions].map(([id, set]) => [id, set.size]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return 0;
  return n % 2 === 1
    ? (sorted[(n - 1) / 2] as number)
    : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
}

// ---------------------------------------------------------------------------------------

describe("renderReport on the Jinshan roster", { timeout: 60_000 }, () => {
  const input = jinshanScenario();
  const scenario = parseScenario(input);
  const roster = planRoster(scenario);
  const html = renderReport(input, roster);

  it("is one page that needs no script and no network", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    for (const reference of references(html)) expect(reference).toMatch(/^(#|data:)/);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*break-before: page[\s\S]*<\/style>/);
  });

  it("writes the totals the roster's stats and the scenario give", () => {
    const totals = dataValues(html, "data-total");
    const workers = scenario.staff.filter((p) => p.role === "worker").length;
    const expected: Record<string, number> = {
      staff: scenario.staff.length,
      workers,
      drivers: scenario.staff.length - workers,
      "vehicles-used": roster.stats.vehiclesUsed,
      "fleet-lower-bound": roster.stats.fleetLowerBound,
      trips: roster.trips.length,
      "empty-trips": roster.trips.filter((t) => t.passengers.length === 0).length,
      boardings: roster.trips.reduce((n, t) => n + t.passengers.length, 0),
      "unserved-shifts": roster.unserved.length,
    };
    for (const [key, value] of Object.entries(expected)) {
      expect(totals.get(key), key).toBe(String(value));
      expect(textOf(html, `data-total="${key}"`), key).toBe(String(value));
    }
    expect(html).not.toContain("disagree with its lists");
  });

  it("gives the verdict and every code's count of validateRoster", () => {
    const report = validateRoster(scenario, roster);
    expect(html).toContain(`data-verdict="${report.ok ? "ok" : "violations"}"`);
    expect(html).not.toContain(`data-verdict="${report.ok ? "violations" : "ok"}"`);
    const counts = dataValues(html, "data-count");
    for (const [code, n] of Object.entries(report.counts))
      expect(textOf(html, `data-count="${code}"`), code).toBe(String(n));
    expect(counts.size).toBe(Object.keys(report.counts).length);
  });

  it("counts the unserved by reason", () => {
    const byReason = new Map<string, number>();
    for (const entry of roster.unserved)
      byReason.set(entry.reason, (byReason.get(entry.reason) ?? 0) + 1);
    expect(byReason.size).toBeGreaterThan(0);
    for (const [reason, n] of byReason)
      expect(textOf(html, `data-unserved-reason="${reason}"`)).toBe(String(n));
  });

  it("draws one timeline per date with departures, without a namespace inside HTML", () => {
    const dates = new Set(roster.trips.map((t) => localDate(t.depart, scenario.timeZone)));
    expect(occurrences(html, '<svg class="timeline"')).toBe(dates.size);
    for (const date of dates) expect(html).toContain(`data-date="${date}"`);
    expect(occurrences(html, '<rect class="trip ')).toBe(roster.trips.length);
  });

  it("prints a manifest per vehicle and day listing every boarding", () => {
    const vehicleDays = new Set(
      roster.trips.map((t) => `${t.vehicleId} ${localDate(t.depart, scenario.timeZone)}`),
    );
    expect(occurrences(html, '<section class="manifest"')).toBe(vehicleDays.size);
    const manifests = html.slice(html.indexOf('<section id="manifests"'));
    expect(occurrences(manifests, '<tbody class="trip"')).toBe(roster.trips.length);
    const boardings = roster.trips.reduce((n, t) => n + t.passengers.length, 0);
    expect(occurrences(manifests, '<tr><td class="num">')).toBe(boardings);
    // The first trip's manifest names its local times and passengers.
    const trip = roster.trips[0] as Trip;
    const start = manifests.indexOf(`<tbody class="trip" data-trip="${trip.id}"`);
    const body = manifests.slice(start, manifests.indexOf("</tbody>", start));
    const depart = DateTime.fromISO(trip.depart, { setZone: true }).setZone(scenario.timeZone);
    expect(body).toContain(`depart <time>${depart.toFormat("HH:mm")}</time>`);
    for (const passenger of trip.passengers)
      expect(body).toContain(`<td>${passenger.personId}</td>`);
  });

  it("shows exposure figures equal to the brute-force ones", () => {
    const oracle = exposureOracle(roster.trips);
    const values = [...oracle.values()];
    const max = Math.max(...values);
    expect(html).toContain(`data-exposure-median="${median(values)}"`);
    expect(html).toContain(`data-exposure-max="${max}"`);
    const first = [...oracle]
      .filter(([, n]) => n === max)
      .map(([id]) => id)
      .sort()[0] as string;
    expect(html).toContain(`<span class="person">${first}</span>`);
  });

  it("draws a map of exactly the loops whose route nodes all have coordinates", () => {
    const known = new Set((scenario.roads.nodes ?? []).map((n) => n.id));
    for (const site of scenario.sites)
      if (site.lat !== undefined && site.lon !== undefined) known.add(site.node);
    const drawable = roster.loops.filter((loop) =>
      [...loop.toPlant.path, ...loop.toDormitory.path].every((node) => known.has(node)),
    );
    expect(occurrences(html, '<g class="loop-route"')).toBe(drawable.length);
    if (drawable.length === 0) expect(html).toContain("No map:");
  });

  it("is the same text for the same arguments, and leaves them untouched", () => {
    const before = JSON.stringify(roster);
    const inputBefore = JSON.stringify(input);
    expect(renderReport(input, roster)).toBe(html);
    expect(JSON.stringify(roster)).toBe(before);
    expect(JSON.stringify(input)).toBe(inputBefore);
  });

  it("refuses a roster of another shape", () => {
    expect(() => renderReport(input, { ...roster, trips: "none" })).toThrow(RosterError);
  });
});

describe("renderReport on a broken roster", { timeout: 60_000 }, () => {
  const scenario = parseScenario(jinshanScenario());
  const planned = planRoster(scenario);
  const broken: Roster = structuredClone(planned);
  const trip = broken.trips.find((t) => t.passengers.length >= 2) as Trip;
  (trip.passengers[1] as { seat: number }).seat = (trip.passengers[0] as { seat: number }).seat;
  broken.stats.trips += 1;

  it("shows the violations, counted per code, and the stats that disagree", () => {
    const report = validateRoster(scenario, broken);
    expect(report.ok).toBe(false);
    const html = renderReport(scenario, broken);
    expect(html).toContain('data-verdict="violations"');
    expect(html).not.toContain('data-verdict="ok"');
    expect(textOf(html, 'data-count="capacity"')).toBe(String(report.counts.capacity));
    expect(html).toContain(`data-trip="${trip.id}"`);
    expect(html).toContain(
      `stats.trips says ${(planned.stats.trips + 1).toLocaleString("en-US")},`,
    );
  });

  it("uses the report it is given instead of validating, and refuses what is not one", () => {
    const html = renderReport(scenario, planned, validateRoster(scenario, broken));
    expect(html).toContain('data-verdict="violations"');
    const notReport = { ok: true } as unknown as ValidationReport;
    expect(() => renderReport(scenario, planned, notReport)).toThrow(InvalidArgumentError);
  });

  it("draws a vehicle the scenario lacks with an unknown capacity", () => {
    const stranger: Roster = structuredClone(planned);
    const moved = stranger.trips[0] as Trip;
    moved.vehicleId = "ghost-bus";
    const html = renderReport(scenario, stranger);
    expect(html).toContain('data-vehicle="ghost-bus"');
    expect(html).toContain("(not in scenario)");
    expect(html).toContain(`data-trip="${moved.id}" x=`);
    expect(html).toContain('data-verdict="violations"');
  });
});

describe("renderReport with markup in names and ids", { timeout: 60_000 }, () => {
  const input: ScenarioInput = oneLoopScenario({
    enterprises: [{ id: "e1", name: `E<1> & "Sons"`, closedHousing: true, positiveCases: [] }],
    workers: [1, 2].map((n) => ({
      id: `w${n}<&>`,
      name: `<script>alert("${n}")</script> O'Brien & Li`,
      enterpriseId: "e1",
      dormitoryId: "d1",
      plantId: "p1",
      role: "worker" as const,
      schedule: { cycle: ["day"], anchor: "2022-05-16" },
    })),
    vehicles: [{ id: `v<1>&"'`, plate: `<b>A&1</b>`, seats: 19 }],
  });
  const roster = planRoster(input);
  const html = renderReport(input, roster);

  it("escapes every piece of data", () => {
    expect(roster.trips.length).toBeGreaterThan(0);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("<b>");
    expect(html).not.toContain(`v<1>`);
    expect(html).not.toContain(`w1<&>`);
    expect(html).toContain(
      "&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; O&apos;Brien &amp; Li",
    );
    expect(html).toContain("E&lt;1&gt; &amp; &quot;Sons&quot;");
    expect(html).toContain(`v&lt;1&gt;&amp;&quot;&apos;`);
  });

  it("draws the map from road nodes, or from the sites' own coordinates", () => {
    const nodes = [
      { id: "a", lat: 30.72, lon: 121.31 },
      { id: "b", lat: 30.75, lon: 121.36 },
    ];
    const withNodes = { ...input, roads: { ...input.roads, nodes } };
    const mapped = renderReport(withNodes, roster);
    expect(occurrences(mapped, '<g class="loop-route"')).toBe(roster.loops.length);
    expect(occurrences(mapped, "<polyline")).toBe(2 * roster.loops.length);

    const plantOnly = {
      ...input,
      roads: { ...input.roads, nodes: [nodes[0] as (typeof nodes)[number]] },
    };
    expect(renderReport(plantOnly, roster)).toContain("No map:");
    const fromSite = {
      ...plantOnly,
      sites: (input.sites ?? []).map((site) =>
        site.id === "p1" ? { ...site, lat: 30.75, lon: 121.36 } : site,
      ),
    };
    expect(occurrences(renderReport(fromSite, roster), '<g class="loop-route"')).toBe(
      roster.loops.length,
    );
  });
});

describe("renderReport on a large roster", { timeout: 60_000 }, () => {
  const scenario = parseScenario(generateScenario({ seed: 3, staff: 2_000, days: 14 }));
  const roster = planRoster(scenario);
  const html = renderReport(scenario, roster);

  it("summarises timelines and manifests and says how to get the rest", () => {
    expect(roster.trips.length).toBeGreaterThan(2_000);
    expect(html).toContain("export svg scenario.json roster.json --date");
    expect(html).toContain("manifests.csv");
    const manifests = occurrences(html, '<section class="manifest"');
    expect(manifests).toBeGreaterThan(0);
    expect(manifests).toBeLessThanOrEqual(20);
    const timelines = html.split('<svg class="timeline"').slice(1);
    expect(timelines.length).toBeGreaterThan(0);
    for (const svg of timelines)
      expect(
        occurrences(svg.slice(0, svg.indexOf("</svg>")), '<g class="vehicle"'),
      ).toBeLessThanOrEqual(12);
    expect(html).toMatch(/more vehicles? run on \d{4}-\d{2}-\d{2}, not drawn here/);
    expect(html.length).toBeLessThan(3_000_000);
  });

  it("still gives every total and the per-day counts", () => {
    expect(textOf(html, 'data-total="boardings"')).toBe(String(roster.stats.boardings));
    expect(textOf(html, 'data-total="trips"')).toBe(String(roster.stats.trips));
    const first = scenario.horizon.start;
    const day = roster.trips.filter((t) => localDate(t.depart, scenario.timeZone) === first);
    const boardings = day.reduce((n, t) => n + t.passengers.length, 0);
    const formatted = boardings.toLocaleString("en-US");
    expect(html).toMatch(
      new RegExp(`<td>${first} [A-Z][a-z]{2}</td>(<td>[\\d,]+</td>){3}<td>${formatted}</td>`),
    );
  });
});

describe("computeExposure", { timeout: 60_000 }, () => {
  const trip = (id: string, vehicleId: string, driverId: string, riders: string[]): Trip => ({
    id,
    loopId: "l",
    vehicleId,
    driverId,
    direction: "to-plant",
    from: "d",
    to: "p",
    path: ["a", "b"],
    depart: "2022-05-16T07:00:00+08:00",
    arrive: "2022-05-16T07:10:00+08:00",
    passengers: riders.map((personId, k) => ({ personId, seat: k + 1 })),
  });

  it("counts everyone on any trip of any vehicle a person used, once", () => {
    const exposure = computeExposure([
      trip("t1", "v1", "k1", ["a", "b"]),
      trip("t2", "v1", "k1", ["c"]),
      trip("t3", "v2", "k2", ["a", "d", "d"]),
      trip("t4", "v3", "k3", []),
    ]);
    expect(Object.fromEntries(exposure.byPerson)).toEqual({
      k1: 3, // a, b, c
      a: 5, // k1, b, c on v1; k2, d on v2
      b: 3,
      c: 3,
      k2: 2,
      d: 2,
      k3: 0,
    });
    expect(exposure.max).toBe(5);
    expect(exposure.atMax).toEqual(["a"]);
    expect(exposure.median).toBe(3);
    expect(exposure.people).toBe(7);
  });

  it("gives zeros for no trips", () => {
    expect(computeExposure([])).toMatchObject({ people: 0, median: 0, max: 0, atMax: [] });
  });

  test.prop([scenarioArbitrary({ maxWorkers: 40, maxDays: 3 }), fc.boolean()], { numRuns: 20 })(
    "equals the pairwise count on planned rosters, some with riders moved to other vehicles",
    (input, shuffle) => {
      const roster = planRoster(input);
      const trips = roster.trips.map((t, k) =>
        shuffle && k % 3 === 0
          ? { ...t, vehicleId: (roster.trips[(k * 7) % roster.trips.length] as Trip).vehicleId }
          : t,
      );
      const oracle = exposureOracle(trips);
      const exposure = computeExposure(trips);
      expect(new Map([...exposure.byPerson].sort())).toEqual(new Map([...oracle].sort()));
      const values = [...oracle.values()];
      expect(exposure.median).toBe(median(values));
      const max = values.length === 0 ? 0 : Math.max(...values);
      expect(exposure.max).toBe(max);
      expect(exposure.atMax).toEqual(
        [...oracle]
          .filter(([, n]) => n === max && values.length > 0)
          .map(([id]) => id)
          .sort(),
      );
    },
    60_000,
  );
});
