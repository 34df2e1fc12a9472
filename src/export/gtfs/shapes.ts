/**
 * The feed's shapes: one per road path that trips run, drawn through the positions of the
 * path's nodes in order (`roads.nodes`), with the km travelled along the roads at each
 * point. A loop's declared route in a direction is shape `<loopId>:<direction>`; a trip on
 * another path (a hand-edited roster) gets `<loopId>:<direction>:2`, `:3`, … in trip-id
 * order. A path with a node that has no position, or of one node, has no shape.
 */
import { roadGraphOf } from "../../facts/loops.js";
import { roadArc } from "../../roads/road-graph.js";
import type { RosterLoop, Trip } from "../../roster/schema.js";
import type { ScenarioModel } from "../../scenario/model.js";
import { compareText } from "../../util/order.js";
import type { Position } from "./positions.js";

/** One shape: its points in order and, when every step is a road, the km travelled at each. */
export interface GtfsShape {
  id: string;
  points: Position[];
  distances: number[] | undefined;
}

/** Shapes handed out to trips, each path once. */
export interface ShapeBook {
  /** The shape of a trip's path, made on first asking (ask in the order ids should run). */
  shapeOf(trip: Trip): GtfsShape | undefined;
  /** The shapes handed out so far, by id. */
  shapes(): GtfsShape[];
}

const SEPARATOR = "\u0000";

function pathKey(loopId: string, direction: string, path: readonly string[]): string {
  return [loopId, direction, ...path].join(SEPARATOR);
}

/** Km travelled at each node of a path, to the metre; undefined when a step is no road. */
function distancesAlong(model: ScenarioModel, path: readonly string[]): number[] | undefined {
  const graph = roadGraphOf(model);
  const distances = [0];
  let km = 0;
  for (let k = 1; k < path.length; k++) {
    const arc = roadArc(graph, path[k - 1] as string, path[k] as string);
    if (arc === undefined) return undefined;
    km += arc.km;
    distances.push(Math.round(km * 1000) / 1000);
  }
  return distances;
}

/**
 * A book of shapes for a roster's trips.
 *
 * @param model - the scenario's model (its road graph gives the km)
 * @param loops - the roster's loops, whose declared routes name the usual shapes
 * @param nodes - road node positions
 * @example
 * const book = shapeBook(model, roster.loops, nodePositions(model));
 * book.shapeOf(roster.trips[0])?.id //=> "jinshan-electric/zhujing-apartments/electric-plant:to-plant"
 */
export function shapeBook(
  model: ScenarioModel,
  loops: readonly RosterLoop[],
  nodes: ReadonlyMap<string, Position>,
): ShapeBook {
  const declared = new Map<string, string>();
  for (const loop of loops) {
    declared.set(pathKey(loop.id, "to-plant", loop.toPlant.path), `${loop.id}:to-plant`);
    declared.set(
      pathKey(loop.id, "to-dormitory", loop.toDormitory.path),
      `${loop.id}:to-dormitory`,
    );
  }
  const byKey = new Map<string, GtfsShape | undefined>();
  const others = new Map<string, number>();
  const made: GtfsShape[] = [];
  const make = (trip: Trip, key: string): GtfsShape | undefined => {
    if (trip.path.length < 2) return undefined;
    const points: Position[] = [];
    for (const nodeId of trip.path) {
      const position = nodes.get(nodeId);
      if (position === undefined) return undefined;
      points.push({ lat: position.lat, lon: position.lon });
    }
    let id = declared.get(key);
    if (id === undefined) {
      const base = `${trip.loopId}:${trip.direction}`;
      const count = (others.get(base) ?? 1) + 1;
      others.set(base, count);
      id = `${base}:${count}`;
    }
    const shape = { id, points, distances: distancesAlong(model, trip.path) };
    made.push(shape);
    return shape;
  };
  return {
    shapeOf(trip) {
      const key = pathKey(trip.loopId, trip.direction, trip.path);
      if (byKey.has(key)) return byKey.get(key);
      const shape = make(trip, key);
      byKey.set(key, shape);
      return shape;
    },
    shapes: () => [...made].sort((a, b) => compareText(a.id, b.id)),
  };
}
