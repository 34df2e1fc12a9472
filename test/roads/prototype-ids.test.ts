/**
 * Ids that are `Object.prototype` member names (`constructor`, `__proto__`, `toString`, …)
 * in every id space: they parse, route, plan and validate like any other id. graphology
 * keeps a node's neighbours in plain objects, so the road graph is keyed by safe graph keys.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  deriveLoops,
  formatReport,
  parseScenario,
  planRoster,
  type ScenarioInput,
  safeParseScenario,
  validateRoster,
} from "../../src/index.js";
import { fastestRoute } from "../../src/roads/fastest-route.js";
import { buildRoadGraph, roadArc } from "../../src/roads/road-graph.js";
import type { RoadEdge } from "../../src/scenario/schema.js";
import {
  anyRoadEdgesArb,
  NODE_IDS,
  nodeIdArb,
  PROTOTYPE_NODE_IDS,
  prototypeRenaming,
  roadEdgesArb,
} from "../arbitraries/road-graph.js";
import { PROTOTYPE_NAMES, scenarioArbitrary } from "../arbitraries/scenario.js";

const FIVE = ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"] as const;

function renamed(edges: readonly RoadEdge[]): RoadEdge[] {
  return edges.map((edge) => ({
    ...edge,
    from: prototypeRenaming.get(edge.from) as string,
    to: prototypeRenaming.get(edge.to) as string,
  }));
}

/**
 * A scenario whose every id (enterprise, sites, road nodes, shift, staff, vehicles, testing
 * kinds) is one of the five names, rotated by `turn`; two workers, two vehicles (one of them
 * restricted), periods of unavailability for a person and a vehicle, coordinates on a node.
 */
function prototypeScenario(turn: number): ScenarioInput {
  const [a, b, c, d, e] = FIVE.map((_, i) => FIVE[(i + turn) % FIVE.length] as string) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    timeZone: "Asia/Shanghai",
    horizon: { start: "2022-05-16", days: 3 },
    policy: {
      testing: [
        { kind: a, validHours: 24, resultMinutes: 30 },
        { kind: b, validHours: 48, resultMinutes: 0 },
      ],
    },
    enterprises: [{ id: a, name: "E", closedHousing: true, positiveCases: [] }],
    sites: [
      { id: b, name: "Dormitory", kind: "dormitory", node: c },
      { id: d, name: "Plant", kind: "plant", node: e },
    ],
    roads: {
      edges: [
        { from: c, to: a, minutes: 10, km: 3 },
        { from: a, to: e, minutes: 5, km: 1 },
        { from: c, to: b, minutes: 8, km: 2 },
        { from: b, to: e, minutes: 7, km: 2 },
        { from: d, to: e, minutes: 3, km: 1, oneWay: true },
      ],
      nodes: [
        { id: c, lat: 30.7, lon: 121.3 },
        { id: e, lat: 30.8, lon: 121.4 },
      ],
    },
    shifts: [{ id: e, start: "08:00", end: "17:00" }],
    unavailable: [
      { personId: a, from: "2022-05-18" },
      { vehicleId: c, from: "2022-05-17", to: "2022-05-17" },
    ],
    staff: [
      {
        id: a,
        enterpriseId: a,
        dormitoryId: b,
        plantId: d,
        role: "worker",
        schedule: { cycle: [e], anchor: "2022-05-16" },
      },
      {
        id: b,
        enterpriseId: a,
        dormitoryId: b,
        plantId: d,
        role: "worker",
        schedule: { dates: { "2022-05-16": e, "2022-05-17": e } },
      },
      { id: c, enterpriseId: a, dormitoryId: b, role: "driver" },
      { id: d, enterpriseId: a, dormitoryId: b, role: "driver" },
    ],
    vehicles: [
      { id: c, seats: 7, enterpriseId: a, dormitoryId: b },
      { id: d, seats: 19 },
    ],
  };
}

describe("prototype-named ids", () => {
  it.each([0, 1, 2, 3, 4])(
    "in every id space (rotation %i) parse, plan and validate with no violation",
    (turn) => {
      // JSON round trip: ids arrive as they would from a file.
      const input = JSON.parse(JSON.stringify(prototypeScenario(turn)));
      const scenario = parseScenario(input);
      const roster = planRoster(scenario);
      const report = validateRoster(scenario, roster);
      expect(report.ok, formatReport(report)).toBe(true);
      const reread = validateRoster(scenario, JSON.parse(JSON.stringify(roster)));
      expect(reread.ok, formatReport(reread)).toBe(true);

      const [loop] = deriveLoops(scenario);
      const [site, plant] = scenario.sites;
      expect(loop?.id).toBe(`${scenario.enterprises[0]?.id}/${site?.id}/${plant?.id}`);
      expect(loop?.toPlant?.path[0]).toBe(site?.node);
      expect(loop?.toPlant?.path.at(-1)).toBe(plant?.node);
      expect(roster.trips.length).toBeGreaterThan(0);
      expect(roster.trips.flatMap((trip) => trip.passengers).length).toBeGreaterThan(0);
    },
  );

  it("as a JSON __proto__ value is a string like any other; as a key of dates, an error", () => {
    const text = JSON.stringify(prototypeScenario(3));
    expect(JSON.parse(text).enterprises[0].id).toBe("__proto__");
    expect(safeParseScenario(JSON.parse(text)).success).toBe(true);
    // A `__proto__` key made by JSON.parse is an own property: read as a date, it is not one.
    const input = JSON.parse(text.replace('"dates":{', '"dates":{"__proto__":"hasOwnProperty",'));
    const result = safeParseScenario(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const issue = result.error.issues.find(
      (candidate) =>
        JSON.stringify(candidate.path) ===
        JSON.stringify(["staff", 1, "schedule", "dates", "__proto__"]),
    );
    expect(issue?.message, result.error.message).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).valueOf).toBe(Object.prototype.valueOf);
  });

  test.prop([scenarioArbitrary({ maxWorkers: 60, maxDays: 5, prototypeIds: "always" })], {
    numRuns: 40,
  })("generated scenarios named after prototype members plan with no violation", (input) => {
    const names = new Set<string>(PROTOTYPE_NAMES);
    const scenario = parseScenario(input);
    expect(scenario.enterprises.some((enterprise) => names.has(enterprise.id))).toBe(true);
    expect(scenario.sites.every((site) => names.has(site.id))).toBe(true);
    expect(scenario.sites.some((site) => names.has(site.node))).toBe(true);
    const roster = planRoster(scenario);
    const report = validateRoster(scenario, roster);
    expect(report.ok, formatReport(report)).toBe(true);
  });
});

describe("the road graph with prototype-named nodes", () => {
  test.prop([anyRoadEdgesArb, nodeIdArb, nodeIdArb], { numRuns: 200 })(
    "routes as the same graph under ordinary names (the renaming keeps id order)",
    (edges, origin, destination) => {
      const expected = fastestRoute(buildRoadGraph(edges), origin, destination);
      const actual = fastestRoute(
        buildRoadGraph(renamed(edges)),
        prototypeRenaming.get(origin) as string,
        prototypeRenaming.get(destination) as string,
      );
      expect(actual).toEqual(
        expected === undefined
          ? undefined
          : { ...expected, path: expected.path.map((node) => prototypeRenaming.get(node)) },
      );
    },
  );

  test.prop(
    [
      roadEdgesArb({ minEdges: 7, nodeIds: PROTOTYPE_NODE_IDS }),
      fc.constantFrom(...PROTOTYPE_NODE_IDS),
      fc.constantFrom(...PROTOTYPE_NODE_IDS),
    ],
    { numRuns: 200 },
  )(
    "gives routes along its own arcs, from the origin to the destination",
    (edges, origin, destination) => {
      const graph = buildRoadGraph(edges);
      const found = fastestRoute(graph, origin, destination);
      if (found === undefined) return;
      expect(found.path[0]).toBe(origin);
      expect(found.path.at(-1)).toBe(destination);
      let minutes = 0;
      for (let k = 1; k < found.path.length; k++) {
        const arc = roadArc(graph, found.path[k - 1] as string, found.path[k] as string);
        expect(arc).toBeDefined();
        minutes += arc?.minutes ?? Number.NaN;
      }
      expect(found.minutes).toBe(minutes);
    },
  );

  it("has no arc between nodes it does not join, whatever their names", () => {
    const graph = buildRoadGraph([{ from: "constructor", to: "__proto__", minutes: 4, km: 1 }]);
    expect(roadArc(graph, "constructor", "__proto__")).toEqual({ minutes: 4, km: 1 });
    expect(roadArc(graph, "constructor", "toString")).toBeUndefined();
    expect(roadArc(graph, "toString", "valueOf")).toBeUndefined();
    expect(fastestRoute(graph, "__proto__", "hasOwnProperty")).toBeUndefined();
    expect(fastestRoute(graph, "__proto__", "constructor")?.path).toEqual([
      "__proto__",
      "constructor",
    ]);
    expect(NODE_IDS.map((id) => prototypeRenaming.get(id))).toEqual([...PROTOTYPE_NODE_IDS]);
  });
});
