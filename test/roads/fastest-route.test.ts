import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { fastestRoute, type Route } from "../../src/roads/fastest-route.js";
import { buildRoadGraph } from "../../src/roads/road-graph.js";
import type { RoadEdge } from "../../src/scenario/schema.js";
import {
  anyRoadEdgesArb,
  edgesWithPermutationArb,
  NODE_IDS,
  nodeIdArb,
  roadEdgesArb,
} from "../arbitraries/road-graph.js";

const NUM_RUNS = 200;

/** A directed arc as the brute force sees it; km kept as whole tenths so sums are exact. */
interface TestArc {
  from: string;
  to: string;
  minutes: number;
  tenths: number;
}

interface Candidate {
  path: string[];
  minutes: number;
  tenths: number;
}

function tenthsOf(km: number): number {
  const tenths = Math.round(km * 10);
  // The arbitraries only make km with one decimal; anything else would make the brute force inexact.
  expect(Math.abs(tenths / 10 - km)).toBeLessThan(1e-9);
  return tenths;
}

/** Every usable direction of every edge: both ways unless `oneWay`. */
function arcsOf(edges: readonly RoadEdge[]): TestArc[] {
  const arcs: TestArc[] = [];
  for (const edge of edges) {
    const tenths = tenthsOf(edge.km);
    arcs.push({ from: edge.from, to: edge.to, minutes: edge.minutes, tenths });
    if (edge.oneWay !== true)
      arcs.push({ from: edge.to, to: edge.from, minutes: edge.minutes, tenths });
  }
  return arcs;
}

/** Every simple path from origin to destination, one per choice of arc (parallel arcs count apart). */
function allSimplePaths(
  edges: readonly RoadEdge[],
  origin: string,
  destination: string,
): Candidate[] {
  const arcs = arcsOf(edges);
  const found: Candidate[] = [];
  const visit = (node: string, path: string[], minutes: number, tenths: number) => {
    if (node === destination) {
      found.push({ path: [...path], minutes, tenths });
      return;
    }
    for (const arc of arcs) {
      if (arc.from !== node || path.includes(arc.to)) continue;
      path.push(arc.to);
      visit(arc.to, path, minutes + arc.minutes, tenths + arc.tenths);
      path.pop();
    }
  };
  visit(origin, [origin], 0, 0);
  return found;
}

/** Element-by-element comparison of node-id sequences, with `<` on strings. */
function lexLess(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y;
  }
  return a.length < b.length;
}

/** The best candidate: fewest minutes, then fewest km, then the lexicographically smallest path. */
function bruteForceBest(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (
      best === undefined ||
      c.minutes < best.minutes ||
      (c.minutes === best.minutes && c.tenths < best.tenths) ||
      (c.minutes === best.minutes && c.tenths === best.tenths && lexLess(c.path, best.path))
    ) {
      best = c;
    }
  }
  return best;
}

function nodesOf(edges: readonly RoadEdge[]): Set<string> {
  return new Set(edges.flatMap((edge) => [edge.from, edge.to]));
}

function route(edges: readonly RoadEdge[], origin: string, destination: string): Route | undefined {
  return fastestRoute(buildRoadGraph(edges), origin, destination);
}

/** The cheapest arc (minutes, then km) the edges offer from `from` to `to`, if any. */
function bestHop(edges: readonly RoadEdge[], from: string, to: string): TestArc | undefined {
  let best: TestArc | undefined;
  for (const arc of arcsOf(edges)) {
    if (arc.from !== from || arc.to !== to) continue;
    if (
      best === undefined ||
      arc.minutes < best.minutes ||
      (arc.minutes === best.minutes && arc.tenths < best.tenths)
    ) {
      best = arc;
    }
  }
  return best;
}

/**
 * The best (minutes, tenths) from every node to `destination`, by Bellman-Ford: polynomial,
 * so it can check graphs too dense for the brute force (minutes are positive, so it settles).
 */
function bestCosts(
  edges: readonly RoadEdge[],
  destination: string,
): Map<string, { minutes: number; tenths: number }> {
  const arcs = arcsOf(edges);
  const best = new Map([[destination, { minutes: 0, tenths: 0 }]]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const arc of arcs) {
      const next = best.get(arc.to);
      if (next === undefined) continue;
      const minutes = next.minutes + arc.minutes;
      const tenths = next.tenths + arc.tenths;
      const known = best.get(arc.from);
      if (
        known === undefined ||
        minutes < known.minutes ||
        (minutes === known.minutes && tenths < known.tenths)
      ) {
        best.set(arc.from, { minutes, tenths });
        changed = true;
      }
    }
  }
  return best;
}

/** Every order of `items` (keep it short: n! of them). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("fastestRoute — properties", () => {
  test.prop([anyRoadEdgesArb, nodeIdArb, nodeIdArb], { numRuns: NUM_RUNS })(
    "equals the brute-force best simple path (minutes, then km, then node sequence)",
    (edges, origin, destination) => {
      const nodes = nodesOf(edges);
      const actual = route(edges, origin, destination);
      if (!nodes.has(origin) || !nodes.has(destination)) {
        // A node on no road: nothing joins it to anything else.
        if (origin !== destination) expect(actual).toBeUndefined();
        return;
      }
      const best = bruteForceBest(allSimplePaths(edges, origin, destination));
      if (best === undefined) {
        expect(actual).toBeUndefined();
        return;
      }
      expect(actual).toBeDefined();
      expect(actual?.path).toEqual(best.path);
      expect(actual?.minutes).toBe(best.minutes);
      expect(actual?.km).toBeCloseTo(best.tenths / 10, 9);
    },
  );

  test.prop([anyRoadEdgesArb, nodeIdArb, nodeIdArb], { numRuns: NUM_RUNS })(
    "reports the sums over its own arcs, and uses each one-way edge only forwards",
    (edges, origin, destination) => {
      const actual = route(edges, origin, destination);
      if (actual === undefined) return;
      expect(actual.path[0]).toBe(origin);
      expect(actual.path.at(-1)).toBe(destination);
      expect(new Set(actual.path).size).toBe(actual.path.length);
      let minutes = 0;
      let tenths = 0;
      for (let i = 1; i < actual.path.length; i++) {
        const from = actual.path[i - 1] as string;
        const to = actual.path[i] as string;
        // bestHop only offers a one-way edge in its own direction.
        const hop = bestHop(edges, from, to);
        expect(hop, `no road usable from ${from} to ${to}`).toBeDefined();
        minutes += hop?.minutes ?? Number.NaN;
        tenths += hop?.tenths ?? Number.NaN;
      }
      expect(actual.minutes).toBe(minutes);
      expect(actual.km).toBeCloseTo(tenths / 10, 9);
    },
  );

  test.prop([roadEdgesArb({ minEdges: 16, maxEdges: 40 }), nodeIdArb, nodeIdArb], {
    numRuns: NUM_RUNS,
  })(
    "has the best minutes and km on dense graphs too (Bellman-Ford oracle)",
    (edges, origin, destination) => {
      // Dense graphs give the search's queue more stale entries than the brute-force cases.
      const actual = route(edges, origin, destination);
      if (origin === destination) return;
      const best = bestCosts(edges, destination).get(origin);
      expect(actual === undefined).toBe(best === undefined);
      if (actual === undefined || best === undefined) return;
      expect(actual.minutes).toBe(best.minutes);
      expect(actual.km).toBeCloseTo(best.tenths / 10, 9);
    },
  );

  test.prop([edgesWithPermutationArb, nodeIdArb, nodeIdArb], { numRuns: NUM_RUNS })(
    "does not depend on the order of the edge list",
    ({ edges, shuffled }, origin, destination) => {
      expect(route(shuffled, origin, destination)).toEqual(route(edges, origin, destination));
    },
  );

  test.prop(
    [
      anyRoadEdgesArb.chain((edges) =>
        fc.tuple(
          fc.constant(edges),
          fc.array(fc.boolean(), { minLength: edges.length, maxLength: edges.length }),
        ),
      ),
      nodeIdArb,
      nodeIdArb,
    ],
    { numRuns: NUM_RUNS },
  )(
    "does not depend on how a two-way edge is written (from/to swapped)",
    ([edges, flips], origin, destination) => {
      const flipped = edges.map((edge, i) =>
        flips[i] === true && edge.oneWay !== true
          ? { ...edge, from: edge.to, to: edge.from }
          : edge,
      );
      expect(route(flipped, origin, destination)).toEqual(route(edges, origin, destination));
    },
  );

  test.prop(
    [anyRoadEdgesArb, fc.array(fc.tuple(nodeIdArb, nodeIdArb), { minLength: 2, maxLength: 12 })],
    { numRuns: NUM_RUNS },
  )(
    "gives each of many searches on one graph what a graph of its own gives (no state carried over)",
    (edges, pairs) => {
      // One graph keeps its search arrays between searches, as a district's loops share it.
      const shared = buildRoadGraph(edges);
      for (const [origin, destination] of pairs)
        expect(fastestRoute(shared, origin, destination)).toEqual(
          route(edges, origin, destination),
        );
    },
  );

  test.prop([anyRoadEdgesArb, nodeIdArb, nodeIdArb], { numRuns: NUM_RUNS })(
    "a one-way edge never carries traffic backwards: reversing every one-way edge mirrors the route",
    (edges, origin, destination) => {
      // Reverse each edge's direction (two-way edges stay as they are). The reversed network
      // is the mirror image, so a route b→a there has the same totals as a→b here.
      const mirrored = edges.map((edge) =>
        edge.oneWay === true ? { ...edge, from: edge.to, to: edge.from } : edge,
      );
      const forward = route(edges, origin, destination);
      const backward = route(mirrored, destination, origin);
      expect(backward === undefined).toBe(forward === undefined);
      if (forward !== undefined && backward !== undefined) {
        expect(backward.minutes).toBe(forward.minutes);
        expect(backward.km).toBeCloseTo(forward.km, 9);
      }
    },
  );
});

describe("fastestRoute — examples", () => {
  test("a faster detour beats a slower direct road", () => {
    const edges: RoadEdge[] = [
      { from: "dorm", to: "plant", minutes: 30, km: 10 },
      { from: "dorm", to: "junction", minutes: 10, km: 8 },
      { from: "junction", to: "plant", minutes: 12, km: 9 },
    ];
    expect(route(edges, "dorm", "plant")).toEqual({
      path: ["dorm", "junction", "plant"],
      minutes: 22,
      km: 17,
    });
    // Two-way: the way back takes the same detour.
    expect(route(edges, "plant", "dorm")).toEqual({
      path: ["plant", "junction", "dorm"],
      minutes: 22,
      km: 17,
    });
  });

  test("equal minutes: the shorter road wins", () => {
    const edges: RoadEdge[] = [
      { from: "a", to: "b", minutes: 20, km: 12.5 },
      { from: "a", to: "c", minutes: 10, km: 5 },
      { from: "c", to: "b", minutes: 10, km: 5.1 },
    ];
    expect(route(edges, "a", "b")).toEqual({ path: ["a", "c", "b"], minutes: 20, km: 10.1 });
  });

  test("equal minutes and km: the lexicographically smaller node sequence wins", () => {
    const edges: RoadEdge[] = [
      { from: "a", to: "z", minutes: 5, km: 2 },
      { from: "z", to: "d", minutes: 5, km: 2 },
      { from: "a", to: "m", minutes: 5, km: 2 },
      { from: "m", to: "d", minutes: 5, km: 2 },
    ];
    expect(route(edges, "a", "d")?.path).toEqual(["a", "m", "d"]);
    expect(route([...edges].reverse(), "a", "d")?.path).toEqual(["a", "m", "d"]);
  });

  test("a node whose cost drops while it waits in the queue is still searched in cost order", () => {
    // Found by the edge-order property. Searching back from "plant", "b" waits in the queue
    // at 4 minutes, then drops to 2 via "a"; the queue compared entries by the live cost
    // array, so the old entry changed key in place, broke the heap order, and "dorm" (4)
    // was popped before "b" (2): the direct 4-minute road instead of the 3-minute detour.
    const edges: RoadEdge[] = [
      { from: "plant", to: "a", minutes: 1, km: 1 },
      { from: "plant", to: "b", minutes: 4, km: 1 },
      { from: "plant", to: "c", minutes: 4, km: 1 },
      { from: "plant", to: "dorm", minutes: 4, km: 1 },
      { from: "a", to: "b", minutes: 1, km: 1 },
      { from: "b", to: "dorm", minutes: 1, km: 1 },
    ];
    const detour = { path: ["dorm", "b", "a", "plant"], minutes: 3, km: 3 };
    expect(route(edges, "dorm", "plant")).toEqual(detour);
    expect(route([...edges].reverse(), "dorm", "plant")).toEqual(detour);
  });

  test("km equal as decimals tie even when their floating-point sums differ", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point, 0.15 + 0.15 is 0.3: a tie all the same.
    const edges: RoadEdge[] = [
      { from: "a", to: "b", minutes: 5, km: 0.1 },
      { from: "b", to: "d", minutes: 5, km: 0.2 },
      { from: "a", to: "c", minutes: 5, km: 0.15 },
      { from: "c", to: "d", minutes: 5, km: 0.15 },
    ];
    for (const order of permutations(edges)) {
      expect(route(order, "a", "d")).toEqual({ path: ["a", "b", "d"], minutes: 10, km: 0.3 });
    }
  });

  test("near-equal km do not chain into ties: the shortest route wins in every edge order", () => {
    // Totals 10.00016, 10.00008 and 10 km. Under a 0.1 m tolerance x~y and y~z but not x~z,
    // so which route won depended on the order the search met them.
    const edges: RoadEdge[] = [
      { from: "o", to: "x", minutes: 5, km: 5 },
      { from: "x", to: "d", minutes: 5, km: 5.00016 },
      { from: "o", to: "y", minutes: 5, km: 5 },
      { from: "y", to: "d", minutes: 5, km: 5.00008 },
      { from: "o", to: "z", minutes: 5, km: 5 },
      { from: "z", to: "d", minutes: 5, km: 5 },
    ];
    for (const order of permutations(edges)) {
      expect(route(order, "o", "d")).toEqual({ path: ["o", "z", "d"], minutes: 10, km: 10 });
    }
  });

  test("km sums of decimals are reported to the metre", () => {
    const edges: RoadEdge[] = [
      { from: "a", to: "b", minutes: 1, km: 0.1 },
      { from: "b", to: "c", minutes: 1, km: 0.2 },
    ];
    expect(route(edges, "a", "c")).toEqual({ path: ["a", "b", "c"], minutes: 2, km: 0.3 });
  });

  test("a one-way road is not driven backwards", () => {
    const edges: RoadEdge[] = [
      { from: "a", to: "b", minutes: 5, km: 1, oneWay: true },
      { from: "b", to: "c", minutes: 5, km: 1, oneWay: true },
    ];
    expect(route(edges, "a", "c")).toEqual({ path: ["a", "b", "c"], minutes: 10, km: 2 });
    expect(route(edges, "c", "a")).toBeUndefined();
    expect(route(edges, "b", "a")).toBeUndefined();
    // With a slow two-way road added, the way back has to use it.
    const withReturn: RoadEdge[] = [...edges, { from: "a", to: "c", minutes: 40, km: 30 }];
    expect(route(withReturn, "c", "a")).toEqual({ path: ["c", "a"], minutes: 40, km: 30 });
    expect(route(withReturn, "a", "c")).toEqual({ path: ["a", "b", "c"], minutes: 10, km: 2 });
  });

  test("of parallel roads between two nodes the fastest counts", () => {
    const edges: RoadEdge[] = [
      { from: "a", to: "b", minutes: 9, km: 3 },
      { from: "b", to: "a", minutes: 7, km: 4 },
      { from: "a", to: "b", minutes: 7, km: 5 },
    ];
    expect(route(edges, "a", "b")).toEqual({ path: ["a", "b"], minutes: 7, km: 4 });
  });

  test("unreachable and unknown nodes give undefined; the same node is a 0-minute route", () => {
    const edges: RoadEdge[] = [
      { from: "a", to: "b", minutes: 5, km: 1 },
      { from: "c", to: "d", minutes: 5, km: 1 },
    ];
    expect(route(edges, "a", "d")).toBeUndefined();
    expect(route(edges, "a", "nowhere")).toBeUndefined();
    expect(route(edges, "nowhere", "a")).toBeUndefined();
    expect(route(edges, "c", "c")).toEqual({ path: ["c"], minutes: 0, km: 0 });
  });

  test("the brute force itself sees all five simple paths across a 4-clique", () => {
    // Guards the oracle: on K4 there are 1 + 2 + 2 = 5 simple paths between two nodes.
    const edges: RoadEdge[] = [];
    for (let i = 0; i < 4; i++) {
      for (let j = i + 1; j < 4; j++)
        edges.push({ from: NODE_IDS[i] as string, to: NODE_IDS[j] as string, minutes: 1, km: 1 });
    }
    expect(allSimplePaths(edges, "n0", "n3")).toHaveLength(5);
    expect(bruteForceBest(allSimplePaths(edges, "n0", "n3"))?.path).toEqual(["n0", "n3"]);
  });
});
