/**
 * Arbitrary small road networks for the fastest-route properties: nodes "n0".."n7", edges
 * with whole minutes and km to one decimal, some one-way. Km are generated as whole tenths
 * (`tenths`) so that tests can sum them exactly; `km` is `tenths / 10`.
 *
 * The `nodeIds` option names the nodes otherwise: {@link PROTOTYPE_NODE_IDS} are
 * `Object.prototype` member names, which break code that keeps node ids as plain-object keys
 * (graphology's adjacency does); {@link prototypeRenaming} maps "n0".."n7" onto them in order.
 */
import { fc } from "@fast-check/vitest";
import type { RoadEdge } from "../../src/scenario/schema.js";

export const NODE_IDS = ["n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7"] as const;

export type NodeId = (typeof NODE_IDS)[number];

export const nodeIdArb: fc.Arbitrary<NodeId> = fc.constantFrom(...NODE_IDS);

/** Eight `Object.prototype` member names, sorted as strings (so renaming keeps id order). */
export const PROTOTYPE_NODE_IDS = [
  "__defineGetter__",
  "__lookupGetter__",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "toString",
  "valueOf",
] as const;

/**
 * "n<i>" → the i-th of {@link PROTOTYPE_NODE_IDS}: a renaming that keeps the order of ids,
 * so the node-sequence tie-break picks the same route under either set of names.
 */
export const prototypeRenaming: ReadonlyMap<string, string> = new Map(
  NODE_IDS.map((id, index) => [id, PROTOTYPE_NODE_IDS[index] as string]),
);

export interface RoadGraphArbOptions {
  /** Fewest edges this graph may have (default 0). */
  minEdges?: number;
  /** Most edges this graph may have (default 16). */
  maxEdges?: number;
  /**
   * Draw minutes and km from tiny ranges so that equal-minute and equal-km paths (the
   * tie-breaking rules) come up often.
   */
  tieHeavy?: boolean;
  /** The node ids edges are drawn between (default {@link NODE_IDS}). */
  nodeIds?: readonly string[];
}

function edgeEnds(nodeIds: readonly string[]): fc.Arbitrary<[string, string]> {
  const node = fc.constantFrom(...nodeIds);
  return fc.tuple(node, node).filter(([from, to]) => from !== to);
}

/** One road edge between two different nodes of `options.nodeIds` ({@link NODE_IDS}). */
export function roadEdgeArb(options: RoadGraphArbOptions = {}): fc.Arbitrary<RoadEdge> {
  const minutes =
    options.tieHeavy === true ? fc.integer({ min: 1, max: 3 }) : fc.integer({ min: 1, max: 20 });
  const tenths =
    options.tieHeavy === true ? fc.constantFrom(5, 10, 15, 20) : fc.integer({ min: 0, max: 150 });
  return fc
    .record({
      ends: edgeEnds(options.nodeIds ?? NODE_IDS),
      minutes,
      tenths,
      // About one edge in four is one-way; a few two-way edges say `oneWay: false` outright.
      direction: fc.constantFrom<"two" | "two-explicit" | "one">(
        "two",
        "two",
        "two-explicit",
        "one",
      ),
    })
    .map(({ ends: [from, to], minutes, tenths, direction }): RoadEdge => {
      const edge: RoadEdge = { from, to, minutes, km: tenths / 10 };
      if (direction === "one") edge.oneWay = true;
      if (direction === "two-explicit") edge.oneWay = false;
      return edge;
    });
}

/** A list of minEdges..maxEdges road edges on `options.nodeIds` (parallel edges allowed). */
export function roadEdgesArb(options: RoadGraphArbOptions = {}): fc.Arbitrary<RoadEdge[]> {
  return fc.array(roadEdgeArb(options), {
    minLength: options.minEdges ?? 0,
    maxLength: options.maxEdges ?? 16,
  });
}

/**
 * Sparse graphs (often disconnected), denser ones (long routes) and tie-heavy dense ones
 * (where the km and node-sequence tie-breaks decide).
 */
export const anyRoadEdgesArb: fc.Arbitrary<RoadEdge[]> = fc.oneof(
  { arbitrary: roadEdgesArb(), weight: 1 },
  { arbitrary: roadEdgesArb({ minEdges: 7 }), weight: 2 },
  { arbitrary: roadEdgesArb({ minEdges: 7, tieHeavy: true }), weight: 2 },
);

/** Edges plus the same edges in another order. */
export const edgesWithPermutationArb: fc.Arbitrary<{ edges: RoadEdge[]; shuffled: RoadEdge[] }> =
  anyRoadEdgesArb.chain((edges) =>
    fc
      .shuffledSubarray(edges, { minLength: edges.length, maxLength: edges.length })
      .map((shuffled) => ({ edges, shuffled })),
  );
