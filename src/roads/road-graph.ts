/**
 * The road network as a directed graphology graph. A two-way edge becomes two arcs; where
 * several edges join the same ordered pair of nodes, the fastest (then shortest) is kept,
 * since a path is named by its nodes alone.
 *
 * Node ids are free strings (SPEC §3), but graphology keeps each node's neighbours in plain
 * objects, so a node named `constructor` or `__proto__` would find an inherited "neighbour"
 * that is not there. The graph is therefore keyed by {@link roadGraphKey} (the id behind a
 * `#`, which no `Object.prototype` name starts with); {@link roadNodeId} reads an id back.
 */
import { DirectedGraph } from "graphology";
import type { RoadEdge } from "../scenario/schema.js";

/** What an arc of the road graph carries. */
export interface RoadArc {
  minutes: number;
  km: number;
}

/** A road graph whose node keys are {@link roadGraphKey}s, never raw node ids. */
export type RoadGraph = DirectedGraph<Record<string, never>, RoadArc>;

/**
 * The graph key of a road node id: safe as a plain-object key whatever the id.
 *
 * @example
 * roadGraphKey("constructor") //=> "#constructor"
 */
export function roadGraphKey(nodeId: string): string {
  return `#${nodeId}`;
}

/**
 * The road node id behind a graph key (the inverse of {@link roadGraphKey}).
 *
 * @example
 * roadNodeId("#constructor") //=> "constructor"
 */
export function roadNodeId(key: string): string {
  return key.slice(1);
}

function addArc(graph: RoadGraph, from: string, to: string, arc: RoadArc): void {
  graph.mergeNode(from);
  graph.mergeNode(to);
  const existing = graph.edge(from, to);
  if (existing === undefined) {
    graph.addDirectedEdge(from, to, arc);
    return;
  }
  const kept = graph.getEdgeAttributes(existing);
  if (arc.minutes < kept.minutes || (arc.minutes === kept.minutes && arc.km < kept.km)) {
    graph.replaceEdgeAttributes(existing, arc);
  }
}

/** Builds the road graph from the scenario's edge list. */
export function buildRoadGraph(edges: readonly RoadEdge[]): RoadGraph {
  const graph: RoadGraph = new DirectedGraph({ allowSelfLoops: false });
  for (const edge of edges) {
    const arc = { minutes: edge.minutes, km: edge.km };
    const from = roadGraphKey(edge.from);
    const to = roadGraphKey(edge.to);
    addArc(graph, from, to, arc);
    if (edge.oneWay !== true) addArc(graph, to, from, arc);
  }
  return graph;
}

/** The arc from node `from` to node `to` (road node ids), if the road graph has one. */
export function roadArc(graph: RoadGraph, from: string, to: string): RoadArc | undefined {
  const source = roadGraphKey(from);
  const target = roadGraphKey(to);
  if (!graph.hasNode(source) || !graph.hasNode(target)) return undefined;
  const edge = graph.edge(source, target);
  return edge === undefined ? undefined : graph.getEdgeAttributes(edge);
}
