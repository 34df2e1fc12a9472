/**
 * The loops' map: an inline SVG of each loop's fixed routes drawn over the road nodes'
 * coordinates (`roads.nodes`, or a site's own `lat`/`lon` for its node), dormitories as
 * squares and plants as circles. A route is drawn only when every node of its path has
 * coordinates; the page says how many were not. No tiles, no network: lines on white.
 */
import type { RosterLoop } from "../../roster/schema.js";
import type { ScenarioModel } from "../../scenario/model.js";
import { esc, plural } from "./html.js";

/** Ten colours told apart in print and by most colour-blind readers (Tableau 10). */
export const LOOP_COLOURS = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
] as const;

/** Each road node's position, from `roads.nodes`, then from the sites standing on it. */
export function nodePositions(model: ScenarioModel): Map<string, { lat: number; lon: number }> {
  const positions = new Map<string, { lat: number; lon: number }>();
  for (const node of model.scenario.roads.nodes ?? [])
    positions.set(node.id, { lat: node.lat, lon: node.lon });
  for (const site of model.scenario.sites)
    if (site.lat !== undefined && site.lon !== undefined && !positions.has(site.node))
      positions.set(site.node, { lat: site.lat, lon: site.lon });
  return positions;
}

const WIDTH = 1200;
const MAX_HEIGHT = 720;
const PAD = 24;
const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Pushes the map of the loops whose routes have coordinates throughout, and a sentence on
 * those left off. `colourOf` gives each loop's colour (the loops table shows the same).
 */
export function renderRouteMap(
  model: ScenarioModel,
  loops: readonly RosterLoop[],
  colourOf: (loopIndex: number) => string,
  out: string[],
): void {
  const positions = nodePositions(model);
  const drawable = (path: readonly string[]) => path.every((node) => positions.has(node));
  const drawn: number[] = [];
  loops.forEach((loop, k) => {
    if (drawable(loop.toPlant.path) && drawable(loop.toDormitory.path)) drawn.push(k);
  });
  if (drawn.length === 0) {
    out.push(
      `<p class="no-map">No map: ${loops.length === 0 ? "the roster has no loops" : "no loop's route has coordinates for every road node (give <code>roads.nodes</code> or the sites' <code>lat</code>/<code>lon</code>)"}.</p>`,
    );
    return;
  }

  // An equirectangular projection, fitted to the drawn routes.
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  for (const k of drawn) {
    const loop = loops[k] as RosterLoop;
    for (const node of [...loop.toPlant.path, ...loop.toDormitory.path]) {
      const { lat, lon } = positions.get(node) as { lat: number; lon: number };
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
    }
  }
  const squeeze = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * squeeze, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (MAX_HEIGHT - 2 * PAD) / spanY);
  const height = Math.ceil(Math.min(MAX_HEIGHT, spanY * scale + 2 * PAD));
  const xy = (node: string) => {
    const { lat, lon } = positions.get(node) as { lat: number; lon: number };
    return `${round(PAD + (lon - minLon) * squeeze * scale)},${round(PAD + (maxLat - lat) * scale)}`;
  };

  out.push(
    `<svg class="route-map" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Map of the loops' fixed routes"><rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
  );
  for (const k of drawn) {
    const loop = loops[k] as RosterLoop;
    const colour = colourOf(k);
    out.push(
      `<g class="loop-route" data-loop="${esc(loop.id)}"><title>${esc(loop.id)}</title>`,
      `<polyline points="${loop.toPlant.path.map(xy).join(" ")}" fill="none" stroke="${colour}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"/>`,
      `<polyline points="${loop.toDormitory.path.map(xy).join(" ")}" fill="none" stroke="${colour}" stroke-width="1.5" stroke-dasharray="5 3" stroke-linejoin="round"/>`,
      "</g>",
    );
  }
  // The loops' stops, once each, labelled when there are few.
  const stops = new Set<string>();
  for (const k of drawn) {
    const loop = loops[k] as RosterLoop;
    stops.add(loop.dormitoryId);
    stops.add(loop.plantId);
  }
  const label = stops.size <= 40;
  for (const siteId of [...stops].sort()) {
    const site = model.sites.get(siteId);
    if (site === undefined || !positions.has(site.node)) continue;
    const [x, y] = xy(site.node).split(",").map(Number) as [number, number];
    const name = `${site.name} (${site.kind})`;
    out.push(
      site.kind === "dormitory"
        ? `<rect class="stop dormitory" x="${round(x - 5)}" y="${round(y - 5)}" width="10" height="10" fill="#111827"><title>${esc(name)}</title></rect>`
        : `<circle class="stop plant" cx="${x}" cy="${y}" r="6" fill="#ffffff" stroke="#111827" stroke-width="2"><title>${esc(name)}</title></circle>`,
    );
    if (label)
      out.push(
        `<text x="${round(x + 8)}" y="${round(y - 6)}" font-size="11" fill="#111827">${esc(site.name)}</text>`,
      );
  }
  out.push("</svg>");
  out.push(
    `<p class="map-key">■ dormitory · ○ plant · thick line: to plant · dashed: to dormitory. ${plural(drawn.length, "loop")} drawn${drawn.length < loops.length ? `; ${plural(loops.length - drawn.length, "loop")} not drawn: a node of its route has no coordinates` : ""}.</p>`,
  );
}
