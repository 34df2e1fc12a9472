/**
 * Where road nodes stand, given the roads' km: a spring layout that pulls each road's ends
 * to about {@link STRAIGHT_SHARE} of its km apart (roads wind: a detour index of about 1.25),
 * then never lets a straight line exceed {@link MAX_SHARE} of its road's km, so that a road
 * is never shorter than the straight line between its ends, rounding included.
 * [Reference]: the projection of position-based dynamics, M. Müller et al., "Position Based
 * Dynamics", VRIPHYS 2006; repeated projection onto convex sets converges to a point of all.
 */
import { haversineKm, type LatLon, type PlanePoint, toLatLon } from "./geo.js";

/** A road as the layout sees it: its ends and its length. */
export interface LayoutEdge {
  from: string;
  to: string;
  km: number;
}

/** The straight-line share of a road's km that the layout aims at. */
export const STRAIGHT_SHARE = 0.8;
/** The most a straight line may be of its road's km (room for rounding to 6 decimals). */
export const MAX_SHARE = 0.95;

/** Sweeps of the spring phase: a district of a few dozen towns settles in far fewer. */
const SPRING_SWEEPS = 200;
/** Sweeps of the cap phase before the whole layout is shrunk instead. */
const CAP_SWEEPS = 500;

/** Moves `a` and `b` along their line so that they stand `target` apart (each half the way). */
function pullTo(a: PlanePoint, b: PlanePoint, target: number, share: number): void {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const distance = Math.hypot(dx, dy);
  // Two ends on one spot: part them eastwards, the same way every time.
  const ux = distance > 1e-12 ? dx / distance : 1;
  const uy = distance > 1e-12 ? dy / distance : 0;
  const move = ((distance - target) / 2) * share;
  a.x += ux * move;
  a.y += uy * move;
  b.x -= ux * move;
  b.y -= uy * move;
}

/**
 * Relaxes a layout: plane points (fresh copies of `initial`) where every edge's ends stand
 * at most `MAX_SHARE × km` apart and, as far as the roads agree, near `STRAIGHT_SHARE × km`.
 * Every node an edge names must be in `initial`. Deterministic: no draws.
 *
 * @example
 * const points = relaxLayout(
 *   new Map([["a", { x: 0, y: 0 }], ["b", { x: 9, y: 0 }]]),
 *   [{ from: "a", to: "b", km: 5 }],
 * );
 * Math.hypot((points.get("b")?.x ?? 0) - (points.get("a")?.x ?? 0), 0) //=> about 4
 */
export function relaxLayout(
  initial: ReadonlyMap<string, PlanePoint>,
  edges: readonly LayoutEdge[],
): Map<string, PlanePoint> {
  const points = new Map<string, PlanePoint>();
  for (const [id, point] of initial) points.set(id, { x: point.x, y: point.y });
  const ends = edges.map((edge) => {
    const a = points.get(edge.from);
    const b = points.get(edge.to);
    if (a === undefined || b === undefined)
      throw new RangeError(`relaxLayout: no initial point for ${edge.from} or ${edge.to}`);
    return { a, b, km: edge.km };
  });
  for (let sweep = 0; sweep < SPRING_SWEEPS; sweep++)
    for (const { a, b, km } of ends) pullTo(a, b, STRAIGHT_SHARE * km, 0.5);
  let over = true;
  for (let sweep = 0; sweep < CAP_SWEEPS && over; sweep++) {
    over = false;
    for (const { a, b, km } of ends) {
      if (Math.hypot(b.x - a.x, b.y - a.y) <= MAX_SHARE * km) continue;
      pullTo(a, b, MAX_SHARE * km * 0.999, 1);
      over = true;
    }
  }
  return points;
}

/**
 * Road nodes with WGS84 positions around `centre`, from a relaxed plane layout: each edge's
 * great-circle length is checked against its km after rounding, and the whole layout shrunk
 * about the centre until every one is at most `MAX_SHARE × km` (a rare fallback). Listed in
 * the order of `points`; edges of 0 km are left to the layout (the generators make none).
 *
 * @example
 * placeNodes({ lat: 30.74, lon: 121.34 }, new Map([["a", { x: 0, y: 0 }]]), [])
 * //=> [{ id: "a", lat: 30.74, lon: 121.34 }]
 */
export function placeNodes(
  centre: LatLon,
  points: ReadonlyMap<string, PlanePoint>,
  edges: readonly LayoutEdge[],
): { id: string; lat: number; lon: number }[] {
  const measured = edges.filter((edge) => edge.km > 0);
  let scale = 1;
  for (;;) {
    const placed = new Map<string, LatLon>();
    for (const [id, point] of points)
      placed.set(id, toLatLon(centre, { x: point.x * scale, y: point.y * scale }));
    let worst = 0;
    for (const edge of measured) {
      const straight = haversineKm(placed.get(edge.from) as LatLon, placed.get(edge.to) as LatLon);
      worst = Math.max(worst, straight / edge.km);
    }
    if (worst <= MAX_SHARE) return [...placed].map(([id, position]) => ({ id, ...position }));
    scale *= (MAX_SHARE / worst) * 0.999;
  }
}
