/**
 * The road network as a directed graphology graph. A two-way edge becomes two arcs; where
 * several edges join the same ordered pair of nodes, the fastest (then shortest) is kept,
 * since a path is named by its nodes alone.
 */
import { DirectedGraph } from "graphology";
import type { RoadEdge } from "../scenario/schema.js";

/** What an arc of the road graph carries. */
export interface RoadArc {
  minutes: number;
  km: number;
}

export type RoadGraph = DirectedGraph<Record<string, never>, RoadArc>;

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
    addArc(graph, edge.from, edge.to, arc);
    if (edge.oneWay !== true) addArc(graph, edge.to, edge.from, arc);
  }
  return graph;
}

/** The arc from `from` to `to`, if the road graph has one. */
export function roadArc(graph: RoadGraph, from: string, to: string): RoadArc | undefined {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return undefined;
  const edge = graph.edge(from, to);
  return edge === undefined ? undefined : graph.getEdgeAttributes(edge);
}
