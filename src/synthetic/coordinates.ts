/**
 * Positions for the synthetic district's road nodes (`roads.nodes`, WGS84): the towns start
 * on their grid and settle to their roads' km (`layout.ts`); each gate stands off its town
 * at 80 % of its access road, in a direction drawn from a stream of its own, so the rest of
 * the scenario is drawn exactly as it was before coordinates existed.
 */
import type { ScenarioInput } from "../scenario/schema.js";
import type { LatLon, PlanePoint } from "./geo.js";
import { placeNodes, relaxLayout, STRAIGHT_SHARE } from "./layout.js";
import type { Draws } from "./random.js";
import type { TownMap } from "./roads.js";

type RoadEdgeInput = ScenarioInput["roads"]["edges"][number];
type RoadNodeInput = NonNullable<ScenarioInput["roads"]["nodes"]>[number];

/**
 * The district's centre: inland of Hangzhou Bay in the south-west of Shanghai, near the
 * built-in Jinshan district, so that even a 1,000,000-staff grid stays on land.
 */
export const DISTRICT_CENTRE: LatLon = { lat: 30.9, lon: 121.25 };

/** The middle value of a non-empty list of numbers. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The towns on their grid, centred on the origin, one typical road's straight line apart. */
function gridPoints(towns: TownMap): Map<string, PlanePoint> {
  const spacing = STRAIGHT_SHARE * median(towns.edges.map((edge) => edge.km));
  const rows = Math.ceil(towns.ids.length / towns.cols);
  const points = new Map<string, PlanePoint>();
  towns.ids.forEach((id, index) => {
    const col = index % towns.cols;
    const row = Math.floor(index / towns.cols);
    points.set(id, {
      x: (col - (towns.cols - 1) / 2) * spacing,
      y: ((rows - 1) / 2 - row) * spacing,
    });
  });
  return points;
}

/**
 * Every road node's position: the towns (in id order), then each gate (in the order of its
 * access road). Every road's km is at least the great-circle distance between its ends.
 *
 * @param random - the `coordinates` stream, used for nothing else
 * @param towns - the town grid and its roads
 * @param access - the gates' access roads, `from` the gate `to` its town
 * @example
 * roadNodes(draws(seed, STREAMS.coordinates), towns, access)[0] //=> { id: "town-01", lat: …, lon: … }
 */
export function roadNodes(
  random: Draws,
  towns: TownMap,
  access: readonly RoadEdgeInput[],
): RoadNodeInput[] {
  const points = relaxLayout(gridPoints(towns), towns.edges);
  for (const road of access) {
    const town = points.get(road.to) as PlanePoint;
    const angle = 2 * Math.PI * random.next();
    const reach = STRAIGHT_SHARE * road.km;
    points.set(road.from, {
      x: town.x + reach * Math.cos(angle),
      y: town.y + reach * Math.sin(angle),
    });
  }
  return placeNodes(DISTRICT_CENTRE, points, [...towns.edges, ...access]);
}
