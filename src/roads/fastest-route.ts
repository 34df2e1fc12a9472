/**
 * The fixed route of SPEC §4: the fastest road path (minutes), ties broken by km, then by
 * the lexicographically smaller node-id sequence, so that plans never depend on edge order.
 *
 * Km are compared as whole millimetres per road (see {@link MM_PER_KM}), so sums are exact
 * integers: two routes tie on km when their roads add up to the same millimetres, whatever
 * order the additions happen in. The reported km is the plain sum along the path, to the metre.
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
import { type RoadGraph, roadNodeId } from "./road-graph.js";

/** A frozen road path with its totals. */
export interface Route {
  path: string[];
  minutes: number;
  km: number;
}

/** Km sums are compared to the metre: floating-point sums of decimals are not exact. */
export const KM_TOLERANCE = 0.001;

/**
 * Route km are ranked in whole millimetres, each road rounded on its own: integer sums are
 * exact (below 2^53 mm, some 9 billion km), so ties do not hang on floating-point rounding,
 * and equality is transitive, unlike a tolerance, which chains near-ties and lets the edge
 * order pick among them.
 */
const MM_PER_KM = 1_000_000;

/** Rounds a km total to the metre for output. */
export function roundKm(km: number): number {
  return Math.round(km * 1000) / 1000;
}

/** The road graph as flat arrays: node ids, and arcs in and out of each node (CSR). */
interface FlatRoads {
  /** Road node ids (not graph keys), by node index. */
  ids: string[];
  /** Node index by road node id. */
  index: Map<string, number>;
  inStart: Int32Array;
  inFrom: Int32Array;
  outStart: Int32Array;
  outTo: Int32Array;
  inMinutes: Float64Array;
  inMm: Float64Array;
  outMinutes: Float64Array;
  outMm: Float64Array;
  /** The arc's own km, summed along the chosen path for the reported total. */
  outKm: Float64Array;
  /** The searches' working arrays, made once per graph (see {@link Scratch}). */
  scratch: Scratch;
}

/**
 * Per-node search state, kept between searches: a district routes thousands of loops over
 * one road graph, and arrays made afresh (and filled) for each search cost O(nodes) per loop,
 * which grows with the square of the district. A node's entries count only when its stamp
 * is the current search's `epoch`: nothing is cleared between searches.
 */
interface Scratch {
  epoch: number;
  /** The search that last set the node's `minutes` and `mm`. */
  stamp: Int32Array;
  /** The search that settled the node. */
  settled: Int32Array;
  minutes: Float64Array;
  mm: Float64Array;
}

/** Starts a search: a new epoch (the arrays cleared once every 2^31 − 1 searches). */
function nextEpoch(scratch: Scratch): number {
  if (scratch.epoch === 0x7fffffff) {
    scratch.stamp.fill(0);
    scratch.settled.fill(0);
    scratch.epoch = 0;
  }
  scratch.epoch++;
  return scratch.epoch;
}

const flattened = new WeakMap<RoadGraph, FlatRoads>();

function flatten(graph: RoadGraph): FlatRoads {
  const cached = flattened.get(graph);
  if (cached !== undefined) return cached;
  const keys = graph.nodes();
  const ids = keys.map(roadNodeId);
  const index = new Map(ids.map((id, i) => [id, i]));
  const keyIndex = new Map(keys.map((key, i) => [key, i]));
  const n = ids.length;
  const m = graph.size;
  const inStart = new Int32Array(n + 1);
  const outStart = new Int32Array(n + 1);
  graph.forEachEdge((_edge, _arc, source, target) => {
    const s = (keyIndex.get(source) as number) + 1;
    const t = (keyIndex.get(target) as number) + 1;
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
    inMm: new Float64Array(m),
    outMinutes: new Float64Array(m),
    outMm: new Float64Array(m),
    outKm: new Float64Array(m),
    scratch: {
      epoch: 0,
      stamp: new Int32Array(n),
      settled: new Int32Array(n),
      minutes: new Float64Array(n),
      mm: new Float64Array(n),
    },
  };
  graph.forEachEdge((_edge, arc, source, target) => {
    const s = keyIndex.get(source) as number;
    const t = keyIndex.get(target) as number;
    const mm = Math.round(arc.km * MM_PER_KM);
    const o = (outFill[s] as number) + 0;
    outFill[s] = o + 1;
    flat.outTo[o] = t;
    flat.outMinutes[o] = arc.minutes;
    flat.outMm[o] = mm;
    flat.outKm[o] = arc.km;
    const k = (inFill[t] as number) + 0;
    inFill[t] = k + 1;
    flat.inFrom[k] = s;
    flat.inMinutes[k] = arc.minutes;
    flat.inMm[k] = mm;
  });
  flattened.set(graph, flat);
  return flat;
}

/**
 * A binary heap of node indexes keyed by (minutes, mm). Each entry keeps the key it was
 * pushed with: a node pushed again with a better cost leaves its old entry behind, and that
 * entry must keep its old key, or the heap order breaks under it and a node can be popped
 * before a cheaper one.
 */
class CostHeap {
  private readonly nodes: number[] = [];
  private readonly minutes: number[] = [];
  private readonly mm: number[] = [];
  get size(): number {
    return this.nodes.length;
  }
  private less(i: number, j: number): boolean {
    const mi = this.minutes[i] as number;
    const mj = this.minutes[j] as number;
    return mi < mj || (mi === mj && (this.mm[i] as number) < (this.mm[j] as number));
  }
  private swap(i: number, j: number): void {
    const { nodes, minutes, mm } = this;
    [nodes[i], nodes[j]] = [nodes[j] as number, nodes[i] as number];
    [minutes[i], minutes[j]] = [minutes[j] as number, minutes[i] as number];
    [mm[i], mm[j]] = [mm[j] as number, mm[i] as number];
  }
  push(node: number, minutes: number, mm: number): void {
    this.nodes.push(node);
    this.minutes.push(minutes);
    this.mm.push(mm);
    let i = this.nodes.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): number {
    const top = this.nodes[0] as number;
    const last = this.nodes.length - 1;
    this.swap(0, last);
    this.nodes.pop();
    this.minutes.pop();
    this.mm.pop();
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < last && this.less(left, smallest)) smallest = left;
      if (right < last && this.less(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
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
  // Best known (minutes, mm) to the destination (none for a node not stamped in this
  // search); settled once popped. Stale heap entries are skipped (lazy deletion), since a
  // node may be pushed again with a better cost.
  const { scratch } = roads;
  const epoch = nextEpoch(scratch);
  const { stamp, settled, minutes, mm } = scratch;
  const heap = new CostHeap();
  stamp[to] = epoch;
  minutes[to] = 0;
  mm[to] = 0;
  heap.push(to, 0, 0);
  while (heap.size > 0) {
    const node = heap.pop();
    if (settled[node] === epoch) continue;
    settled[node] = epoch;
    if (node === from) break;
    for (let a = roads.inStart[node] as number; a < (roads.inStart[node + 1] as number); a++) {
      const source = roads.inFrom[a] as number;
      if (settled[source] === epoch) continue;
      const viaMinutes = (minutes[node] as number) + (roads.inMinutes[a] as number);
      const viaMm = (mm[node] as number) + (roads.inMm[a] as number);
      const seen = stamp[source] === epoch;
      const known = seen ? (minutes[source] as number) : Number.POSITIVE_INFINITY;
      const knownMm = seen ? (mm[source] as number) : Number.POSITIVE_INFINITY;
      if (viaMinutes < known || (viaMinutes === known && viaMm < knownMm)) {
        stamp[source] = epoch;
        minutes[source] = viaMinutes;
        mm[source] = viaMm;
        heap.push(source, viaMinutes, viaMm);
      }
    }
  }
  if (settled[from] !== epoch) return undefined;

  const path = [origin];
  // Summed from the origin, as the validator sums a declared route.
  let km = 0;
  let node = from;
  while (node !== to) {
    let chosen = -1;
    for (let a = roads.outStart[node] as number; a < (roads.outStart[node + 1] as number); a++) {
      const target = roads.outTo[a] as number;
      if (settled[target] !== epoch) continue;
      const tight =
        (roads.outMinutes[a] as number) + (minutes[target] as number) === minutes[node] &&
        (roads.outMm[a] as number) + (mm[target] as number) === mm[node];
      if (
        tight &&
        (chosen === -1 ||
          (roads.ids[target] as string) < (roads.ids[roads.outTo[chosen] as number] as string))
      )
        chosen = a;
    }
    if (chosen === -1) return undefined; // cannot happen: every settled node but `to` has a tight arc
    node = roads.outTo[chosen] as number;
    km += roads.outKm[chosen] as number;
    path.push(roads.ids[node] as string);
  }
  return { path, minutes: minutes[from] as number, km: roundKm(km) };
}
