/**
 * The fixed route of SPEC §4: the fastest road path (minutes), ties broken by km, then by
 * the lexicographically smaller node-id sequence, so that plans never depend on edge order.
 *
 * Dijkstra runs backwards from the destination to get every node's best (minutes, km) to
 * it; the path is then walked forwards, taking at each node the smallest-id neighbour that
 * stays on a best path. Greedy smallest-next is exactly the lexicographic minimum among
 * the tied paths, because every tight arc leads on to the destination.
 * [Reference]: E. W. Dijkstra, "A note on two problems in connexion with graphs", 1959.
 */
import { BinaryHeap } from "./binary-heap.js";
import type { RoadGraph } from "./road-graph.js";

/** A frozen road path with its totals. */
export interface Route {
  path: string[];
  minutes: number;
  km: number;
}

/** Km sums are compared to the metre: floating-point sums of decimals are not exact. */
export const KM_TOLERANCE = 0.001;

interface Cost {
  minutes: number;
  km: number;
}

function better(a: Cost, b: Cost): boolean {
  return a.minutes < b.minutes || (a.minutes === b.minutes && a.km < b.km - KM_TOLERANCE / 10);
}

function sameCost(a: Cost, b: Cost): boolean {
  return a.minutes === b.minutes && Math.abs(a.km - b.km) <= KM_TOLERANCE / 10;
}

/** Rounds a km total to the metre for output. */
export function roundKm(km: number): number {
  return Math.round(km * 1000) / 1000;
}

function costsToDestination(graph: RoadGraph, destination: string): Map<string, Cost> {
  const settled = new Map<string, Cost>();
  const frontier = new BinaryHeap<{ node: string; cost: Cost }>((a, b) => better(a.cost, b.cost));
  frontier.push({ node: destination, cost: { minutes: 0, km: 0 } });
  while (frontier.size > 0) {
    const next = frontier.pop();
    if (next === undefined || settled.has(next.node)) continue;
    settled.set(next.node, next.cost);
    graph.forEachInEdge(next.node, (_edge, arc, source) => {
      if (settled.has(source)) return;
      frontier.push({
        node: source,
        cost: { minutes: next.cost.minutes + arc.minutes, km: next.cost.km + arc.km },
      });
    });
  }
  return settled;
}

/**
 * The fastest route from `origin` to `destination`, or `undefined` when no road joins them.
 * Same node: the one-node path of 0 minutes and 0 km.
 */
export function fastestRoute(
  graph: RoadGraph,
  origin: string,
  destination: string,
): Route | undefined {
  if (!graph.hasNode(origin) || !graph.hasNode(destination)) return undefined;
  const toDestination = costsToDestination(graph, destination);
  const total = toDestination.get(origin);
  if (total === undefined) return undefined;

  const path = [origin];
  let node = origin;
  let remaining = total;
  while (node !== destination) {
    let chosen: { node: string; rest: Cost } | undefined;
    graph.forEachOutEdge(node, (_edge, arc, _source, target) => {
      const rest = toDestination.get(target);
      if (rest === undefined) return;
      const via = { minutes: arc.minutes + rest.minutes, km: arc.km + rest.km };
      if (sameCost(via, remaining) && (chosen === undefined || target < chosen.node))
        chosen = { node: target, rest };
    });
    if (chosen === undefined) break; // unreachable with positive minutes; guards a float surprise
    path.push(chosen.node);
    node = chosen.node;
    remaining = chosen.rest;
  }
  return { path, minutes: total.minutes, km: roundKm(total.km) };
}
