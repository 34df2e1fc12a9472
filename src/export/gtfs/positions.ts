/**
 * Where the feed's stops and shape points are: a road node's position from `roads.nodes`,
 * a site's own `lat`/`lon` or else its node's (SPEC §3). A stop needs one; a site without
 * is a caller's mistake, named in the error.
 */
import type { ScenarioModel } from "../../scenario/model.js";
import type { Site } from "../../scenario/schema.js";
import { InvalidArgumentError } from "../../util/errors.js";

/** A WGS84 position in degrees. */
export interface Position {
  lat: number;
  lon: number;
}

/** The positions of the road nodes `roads.nodes` gives, by node id. */
export function nodePositions(model: ScenarioModel): Map<string, Position> {
  return new Map((model.scenario.roads.nodes ?? []).map((node) => [node.id, node]));
}

/** A site's own `lat`/`lon`, else its road node's; undefined when it has neither. */
export function positionOf(site: Site, nodes: ReadonlyMap<string, Position>): Position | undefined {
  if (site.lat !== undefined && site.lon !== undefined) return { lat: site.lat, lon: site.lon };
  const node = nodes.get(site.node);
  return node === undefined ? undefined : { lat: node.lat, lon: node.lon };
}

/**
 * A site's position: its own `lat`/`lon`, else its road node's.
 *
 * @throws {InvalidArgumentError} when it has neither, naming the site and its node
 * @example
 * sitePosition({ id: "d1", node: "a", lat: 30.7, lon: 121.3, … }, new Map()) //=> { lat: 30.7, lon: 121.3 }
 */
export function sitePosition(site: Site, nodes: ReadonlyMap<string, Position>): Position {
  const position = positionOf(site, nodes);
  if (position !== undefined) return position;
  throw new InvalidArgumentError(
    `site ${JSON.stringify(site.id)} has no coordinates: a GTFS stop needs its lat/lon or a position for its node ${JSON.stringify(site.node)} in roads.nodes`,
  );
}
