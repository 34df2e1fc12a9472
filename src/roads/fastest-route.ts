/**
 * The fixed route of SPEC §4: the fastest road path (minutes), ties broken by km, then by
 * the lexicographically smaller node-id sequence, so that plans never depend on edge order.
 *
 * Dijkstra runs backwards from the destination until the origin is settled, giving each
 * node it settles its best (minutes, km) to the destination; the path is then walked
 * forwards, taking at each node the smallest-id neighbour that stays on a best path. Greedy
 * smallest-next is exactly the lexicographic minimum among the tied paths, because every
 * tight arc leads on to the destination; and every node a tight arc can reach costs strictly
 * less than the origin (minutes are positive), so it was settled before the search stopped.
 * The graph is read once into flat arrays (a district has thousands of loops to route).
 * [Reference]: E. W. Dijkstra, "A note on two problems in connexion with graphs", 1959.
 */
import type { RoadGraph } from "./road-graph.js";

/** A frozen road path with its totals. */
export interface Route {
  path: string[];
  minutes: number;
  km: number;
}

/** Km sums are compared to the metre: floating-point sums of decimals are not exact. */
export const KM_TOLERANCE = 0.001;
const KM_EPSILON = KM_TOLERANCE / 10;

/** Rounds a km total to the metre for output. */
export function roundKm(km: number): number {
  return Math.round(km * 1000) / 1000;
}

/** The road graph as flat arrays: node ids, and arcs in and out of each node (CSR). */
interface FlatRoads {
  ids: string[];
  index: Map<string, number>;
  inStart: Int32Array;
  inFrom: Int32Array;
  outStart: Int32Array;
  outTo: Int32Array;
  inMinutes: Float64Array;
  inKm: Float64Array;
  outMinutes: Float64Array;
  outKm: Float64Array;
}

const flattened = new WeakMap<RoadGraph, FlatRoads>();

function flatten(graph: RoadGraph): FlatRoads {
  const cached = flattened.get(graph);
  if (cached !== undefined) return cached;
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const m = graph.size;
  const inStart = new Int32Array(n + 1);
  const outStart = new Int32Array(n + 1);
  graph.forEachEdge((_edge, _arc, source, target) => {
    const s = (index.get(source) as number) + 1;
    const t = (index.get(target) as number) + 1;
    outStart[s] = (outStart[s] as number) + 1;
    inStart[t] = (inStart[t] as number) + 1;
  });
  for (let i = 0; i < n; i++) {
    outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number);
    inStart[i + 1] = (inStart[i + 1] as number) + (inStart[i] as number);
  }
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  const flat: FlatRoads = {
    ids,
    index,
    inStart,
    outStart,
    inFrom: new Int32Array(m),
    outTo: new Int32Array(m),
    inMinutes: new Float64Array(m),
    inKm: new Float64Array(m),
    outMinutes: new Float64Array(m),
    outKm: new Float64Array(m),
  };
  graph.forEachEdge((_edge, arc, source, target) => {
    const s = index.get(source) as number;
    const t = index.get(target) as number;
    const o = (outFill[s] as number) + 0;
    outFill[s] = o + 1;
    flat.outTo[o] = t;
    flat.outMinutes[o] = arc.minutes;
    flat.outKm[o] = arc.km;
    const k = (inFill[t] as number) + 0;
    inFill[t] = k + 1;
    flat.inFrom[k] = s;
    flat.inMinutes[k] = arc.minutes;
    flat.inKm[k] = arc.km;
  });
  flattened.set(graph, flat);
  return flat;
}

/** A binary heap of node indexes keyed by (minutes, km), over flat arrays. */
class CostHeap {
  private nodes: number[] = [];
  constructor(
    private readonly minutes: Float64Array,
    private readonly km: Float64Array,
  ) {}
  get size(): number {
    return this.nodes.length;
  }
  private less(a: number, b: number): boolean {
    const ma = this.minutes[a] as number;
    const mb = this.minutes[b] as number;
    return ma < mb || (ma === mb && (this.km[a] as number) < (this.km[b] as number) - KM_EPSILON);
  }
  push(node: number): void {
    const nodes = this.nodes;
    nodes.push(node);
    let i = nodes.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(nodes[i] as number, nodes[parent] as number)) break;
      [nodes[i], nodes[parent]] = [nodes[parent] as number, nodes[i] as number];
      i = parent;
    }
  }
  pop(): number {
    const nodes = this.nodes;
    const top = nodes[0] as number;
    const last = nodes.pop() as number;
    if (nodes.length === 0) return top;
    nodes[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < nodes.length && this.less(nodes[left] as number, nodes[smallest] as number))
        smallest = left;
      if (right < nodes.length && this.less(nodes[right] as number, nodes[smallest] as number))
        smallest = right;
      if (smallest === i) break;
      [nodes[i], nodes[smallest]] = [nodes[smallest] as number, nodes[i] as number];
      i = smallest;
    }
    return top;
  }
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
  const roads = flatten(graph);
  const from = roads.index.get(origin);
  const to = roads.index.get(destination);
  if (from === undefined || to === undefined) return undefined;
  const n = roads.ids.length;
  // Best known (minutes, km) to the destination; settled once popped. Stale heap entries
  // are skipped (lazy deletion), since a node may be pushed again with a better cost.
  const minutes = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const km = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const settled = new Uint8Array(n);
  const heap = new CostHeap(minutes, km);
  minutes[to] = 0;
  km[to] = 0;
  heap.push(to);
  while (heap.size > 0) {
    const node = heap.pop();
    if (settled[node] === 1) continue;
    settled[node] = 1;
    if (node === from) break;
    for (let a = roads.inStart[node] as number; a < (roads.inStart[node + 1] as number); a++) {
      const source = roads.inFrom[a] as number;
      if (settled[source] === 1) continue;
      const viaMinutes = (minutes[node] as number) + (roads.inMinutes[a] as number);
      const viaKm = (km[node] as number) + (roads.inKm[a] as number);
      const known = minutes[source] as number;
      if (
        viaMinutes < known ||
        (viaMinutes === known && viaKm < (km[source] as number) - KM_EPSILON)
      ) {
        minutes[source] = viaMinutes;
        km[source] = viaKm;
        heap.push(source);
      }
    }
  }
  if (settled[from] !== 1) return undefined;

  const path = [origin];
  let node = from;
  while (node !== to) {
    let chosen = -1;
    for (let a = roads.outStart[node] as number; a < (roads.outStart[node + 1] as number); a++) {
      const target = roads.outTo[a] as number;
      if (settled[target] !== 1) continue;
      const viaMinutes = (roads.outMinutes[a] as number) + (minutes[target] as number);
      const viaKm = (roads.outKm[a] as number) + (km[target] as number);
      const tight =
        viaMinutes === minutes[node] && Math.abs(viaKm - (km[node] as number)) <= KM_EPSILON;
      if (tight && (chosen === -1 || (roads.ids[target] as string) < (roads.ids[chosen] as string)))
        chosen = target;
    }
    if (chosen === -1) return undefined; // cannot happen with positive minutes; guards a float surprise
    path.push(roads.ids[chosen] as string);
    node = chosen;
  }
  return { path, minutes: minutes[from] as number, km: roundKm(km[from] as number) };
}
