/**
 * fixed-route: each loop declares one real road path per direction (origin node to
 * destination node, with minutes and km the sums over its arcs); each trip follows its
 * loop's path for its direction and takes route minutes .. + tolerance. Guards the fixed
 * route (定線): no detour, no extra dwell.
 */
import { KM_TOLERANCE, type Route } from "../../roads/fastest-route.js";
import { roadArc } from "../../roads/road-graph.js";
import type { TripDirection } from "../../roster/schema.js";
import type { ValidationContext } from "../context.js";
import { minutesBetween } from "../context.js";
import type { Rule } from "../rule.js";

/** What is wrong with a declared route, or `undefined` if it is a real road path. */
function routeProblem(
  context: ValidationContext,
  route: Route,
  originSite: string,
  destinationSite: string,
): string | undefined {
  const origin = context.model.sites.get(originSite)?.node;
  const destination = context.model.sites.get(destinationSite)?.node;
  if (origin === undefined || destination === undefined) return undefined; // unknown-reference reports it
  const path = route.path;
  if (path[0] !== origin) return `starts at node ${path[0]}, not at ${originSite}'s node ${origin}`;
  if (path[path.length - 1] !== destination)
    return `ends at node ${path[path.length - 1]}, not at ${destinationSite}'s node ${destination}`;
  let minutes = 0;
  let km = 0;
  for (let k = 1; k < path.length; k++) {
    const arc = roadArc(context.roads, path[k - 1] as string, path[k] as string);
    if (arc === undefined) return `has no road from ${path[k - 1]} to ${path[k]}`;
    minutes += arc.minutes;
    km += arc.km;
  }
  if (route.minutes !== minutes)
    return `declares ${route.minutes} minutes, its roads take ${minutes}`;
  if (Math.abs(route.km - km) > KM_TOLERANCE)
    return `declares ${route.km} km, its roads measure ${Math.round(km * 1000) / 1000}`;
  return undefined;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

export const checkFixedRoute: Rule<"fixed-route"> = (context, emit) => {
  const { roster, policy } = context;
  roster.loops.forEach((loop, i) => {
    const directions: [TripDirection, "toPlant" | "toDormitory", string, string][] = [
      ["to-plant", "toPlant", loop.dormitoryId, loop.plantId],
      ["to-dormitory", "toDormitory", loop.plantId, loop.dormitoryId],
    ];
    for (const [direction, key, from, to] of directions) {
      const problem = routeProblem(context, loop[key], from, to);
      if (problem === undefined) continue;
      emit({
        code: "fixed-route",
        loopId: loop.id,
        direction,
        path: ["loops", i, key],
        reasons: ["not-a-road-path"],
        message: `loop ${loop.id}'s ${direction} route ${problem}`,
      });
    }
  });

  roster.trips.forEach((trip, i) => {
    const loop = context.loops.get(trip.loopId);
    if (loop === undefined) return;
    const route = trip.direction === "to-plant" ? loop.toPlant : loop.toDormitory;
    const reasons: string[] = [];
    const words: string[] = [];
    if (!samePath(trip.path, route.path)) {
      reasons.push("other-path");
      words.push(
        `follows ${trip.path.join(" → ")} instead of the loop's ${route.path.join(" → ")}`,
      );
    }
    const took = minutesBetween(context.departs[i] as number, context.arrives[i] as number);
    const longest = route.minutes + policy.routeToleranceMinutes;
    if (took < route.minutes || took > longest) {
      reasons.push("duration");
      words.push(`takes ${took} minutes; the route allows ${route.minutes}–${longest}`);
    }
    if (reasons.length === 0) return;
    emit({
      code: "fixed-route",
      tripId: trip.id,
      loopId: loop.id,
      vehicleId: trip.vehicleId,
      direction: trip.direction,
      date: context.tripDate(i),
      reasons,
      message: `${context.describeTrip(i)} ${words.join("; and ")}`,
    });
  });
};
