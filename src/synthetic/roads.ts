/**
 * The synthetic district's roads: a grid of towns (with a few diagonal shortcuts), minutes
 * 4–15 per road and km at 0.6–0.9 per minute, a few one-way roads that never cut a town off,
 * and a 2–5 minute access road from each site's gate to its town.
 */
import type { ScenarioInput } from "../scenario/schema.js";
import type { Draws } from "./random.js";

type RoadEdgeInput = ScenarioInput["roads"]["edges"][number];

/** The towns: node ids on a grid `cols` wide, row by row, and the roads between them. */
export interface TownMap {
  ids: string[];
  cols: number;
  edges: RoadEdgeInput[];
}

/** Share of grid roads tried as one-way streets. */
const ONE_WAY_SHARE = 0.05;
/** Chance of a diagonal shortcut across each grid square. */
const DIAGONAL_CHANCE = 0.15;

/** `minutes` of road with km at 0.6–0.9 per minute, to one decimal. */
function road(random: Draws, from: string, to: string, minutes: number): RoadEdgeInput {
  const km = Math.round(minutes * (0.6 + 0.3 * random.next()) * 10) / 10;
  return { from, to, minutes, km };
}

/** Whether every town reaches every other one along the roads' directions. */
function stronglyConnected(
  count: number,
  edges: readonly RoadEdgeInput[],
  index: Map<string, number>,
): boolean {
  const forward: number[][] = Array.from({ length: count }, () => []);
  const backward: number[][] = Array.from({ length: count }, () => []);
  for (const edge of edges) {
    const a = index.get(edge.from) as number;
    const b = index.get(edge.to) as number;
    (forward[a] as number[]).push(b);
    (backward[b] as number[]).push(a);
    if (edge.oneWay !== true) {
      (forward[b] as number[]).push(a);
      (backward[a] as number[]).push(b);
    }
  }
  const reachesAll = (adjacency: number[][]): boolean => {
    const seen = new Uint8Array(count);
    const stack = [0];
    seen[0] = 1;
    let reached = 1;
    while (stack.length > 0) {
      for (const next of adjacency[stack.pop() as number] as number[]) {
        if (seen[next] === 1) continue;
        seen[next] = 1;
        reached += 1;
        stack.push(next);
      }
    }
    return reached === count;
  };
  return reachesAll(forward) && reachesAll(backward);
}

/**
 * `count` towns (at least 4) on a grid: each joined to its right and lower neighbours, so the
 * whole grid is connected; some squares get a diagonal; a few roads become one-way, each only
 * if every town still reaches every other (so the reverse direction exists by another path).
 */
export function buildTowns(random: Draws, count: number): TownMap {
  const cols = Math.ceil(Math.sqrt(count));
  const width = Math.max(2, String(count).length);
  const ids = Array.from({ length: count }, (_, i) => `town-${String(i + 1).padStart(width, "0")}`);
  const edges: RoadEdgeInput[] = [];
  const gridRoads: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = ids[i] as string;
    if ((i + 1) % cols !== 0 && i + 1 < count) {
      gridRoads.push(edges.length);
      edges.push(road(random, id, ids[i + 1] as string, random.between(4, 15)));
    }
    if (i + cols < count) {
      gridRoads.push(edges.length);
      edges.push(road(random, id, ids[i + cols] as string, random.between(4, 15)));
    }
    if ((i + 1) % cols !== 0 && i + cols + 1 < count && random.chance(DIAGONAL_CHANCE)) {
      edges.push(road(random, id, ids[i + cols + 1] as string, random.between(8, 15)));
    }
  }
  const index = new Map(ids.map((id, i) => [id, i]));
  const tries = Math.max(1, Math.round(gridRoads.length * ONE_WAY_SHARE));
  for (const pick of random.sample(gridRoads.length, tries)) {
    const edge = edges[gridRoads[pick] as number] as RoadEdgeInput;
    const oneWay: RoadEdgeInput = random.chance(0.5)
      ? { ...edge, oneWay: true }
      : { ...edge, from: edge.to, to: edge.from, oneWay: true };
    const at = gridRoads[pick] as number;
    edges[at] = oneWay;
    if (!stronglyConnected(count, edges, index)) edges[at] = edge;
  }
  return { ids, cols, edges };
}

/** A town within `radius` grid steps of town `town` (itself included). */
export function nearbyTown(random: Draws, map: TownMap, town: number, radius: number): number {
  const count = map.ids.length;
  const rows = Math.ceil(count / map.cols);
  const col = Math.min(
    map.cols - 1,
    Math.max(0, (town % map.cols) + random.between(-radius, radius)),
  );
  const row = Math.min(
    rows - 1,
    Math.max(0, Math.floor(town / map.cols) + random.between(-radius, radius)),
  );
  const index = row * map.cols + col;
  return index < count ? index : index - map.cols;
}

/** A site's gate joined to its town by a 2–5 minute two-way access road. */
export function accessRoad(random: Draws, gate: string, town: string): RoadEdgeInput {
  return road(random, gate, town, random.between(2, 5));
}
