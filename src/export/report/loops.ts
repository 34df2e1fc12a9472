/**
 * The loops section: each loop (enterprise, dormitory, plant) with its fixed routes both
 * ways — road path, minutes, km — its vehicles and riders, and the map of the routes when
 * coordinates exist.
 */
import type { RosterLoop } from "../../roster/schema.js";
import type { ReportContext } from "./context.js";
import { count, esc, leftOut, openSection, table } from "./html.js";
import { LOOP_COLOURS, renderRouteMap } from "./route-map.js";

/** A route as text: `a → b → c · 12 min · 7.9 km`. */
function route(route: RosterLoop["toPlant"]): string {
  return `<span class="path">${route.path.map(esc).join(" → ")}</span><br><span class="muted">${route.minutes} min · ${route.km} km</span>`;
}

/** Pushes the loops table and map. */
export function renderLoops(context: ReportContext, out: string[]): void {
  const { roster, model, limits } = context;
  const vehicles = new Map<string, Set<string>>();
  for (const entry of roster.vehicles) {
    let set = vehicles.get(entry.loopId);
    if (set === undefined) {
      set = new Set();
      vehicles.set(entry.loopId, set);
    }
    set.add(entry.vehicleId);
  }
  const riders = new Map<string, Set<string>>();
  for (const entry of roster.assignments) {
    let set = riders.get(entry.loopId);
    if (set === undefined) {
      set = new Set();
      riders.set(entry.loopId, set);
    }
    set.add(entry.personId);
  }
  const colourOf = (k: number) => LOOP_COLOURS[k % LOOP_COLOURS.length] as string;
  const siteName = (id: string) => esc(model.sites.get(id)?.name ?? id);

  openSection(out, "loops", "Loops and their fixed routes");
  out.push(
    `<p>${count(roster.loops.length)} loops. Each direction of a loop has one frozen road path (定線); its trips follow it.</p>`,
  );
  renderRouteMap(model, roster.loops, colourOf, out);
  const shown = roster.loops.slice(0, limits.loops);
  table(
    out,
    ["", "loop", "dormitory → plant", "to plant", "to dormitory", "vehicles", "riders"],
    shown.map((loop, k) => [
      `<span class="swatch" style="background:${colourOf(k)}"></span>`,
      `<span class="id">${esc(loop.id)}</span>`,
      `${siteName(loop.dormitoryId)} → ${siteName(loop.plantId)}`,
      route(loop.toPlant),
      route(loop.toDormitory),
      count(vehicles.get(loop.id)?.size ?? 0),
      count(riders.get(loop.id)?.size ?? 0),
    ]),
    "loops",
  );
  if (roster.loops.length > shown.length)
    leftOut(
      out,
      `${count(roster.loops.length - shown.length)} more loops: the roster's <code>loops</code> list (roster.json) and the GTFS feed's routes (<code>closed-loop-commute export gtfs scenario.json roster.json --out gtfs</code>) hold them all.`,
    );
  out.push("</section>");
}
