/**
 * Loops (SPEC §4): one per (enterprise, dormitory, plant) among the workers, or per
 * (dormitory, plant) when enterprises mix, each with its fixed route in both directions.
 */

import { fastestRoute, type Route } from "../roads/fastest-route.js";
import { buildRoadGraph, type RoadGraph } from "../roads/road-graph.js";
import { type ScenarioModel, scenarioModel } from "../scenario/model.js";
import type { ScenarioInput } from "../scenario/schema.js";
import { compareText } from "../util/order.js";

/** A loop with its workers and its fixed routes (`null` where no road joins the two sites). */
export interface Loop {
  id: string;
  /** `"*"` when the policy mixes enterprises. */
  enterpriseId: string;
  dormitoryId: string;
  plantId: string;
  /** Worker ids, sorted. */
  workerIds: string[];
  toPlant: Route | null;
  toDormitory: Route | null;
}

/** `"<enterpriseId>/<dormitoryId>/<plantId>"`, with `"*"` for mixed enterprises. */
export function loopId(enterpriseId: string, dormitoryId: string, plantId: string): string {
  return `${enterpriseId}/${dormitoryId}/${plantId}`;
}

const roadGraphs = new WeakMap<ScenarioModel, RoadGraph>();

/** The scenario's road graph, built once per scenario. */
export function roadGraphOf(model: ScenarioModel): RoadGraph {
  let graph = roadGraphs.get(model);
  if (graph === undefined) {
    graph = buildRoadGraph(model.scenario.roads.edges);
    roadGraphs.set(model, graph);
  }
  return graph;
}

const loopCache = new WeakMap<ScenarioModel, Loop[]>();

/** The loops of a parsed scenario's model, sorted by id (cached). */
export function loopsOf(model: ScenarioModel): Loop[] {
  const cached = loopCache.get(model);
  if (cached !== undefined) return cached;
  const mixed = model.scenario.policy.mixEnterprises;
  const members = new Map<
    string,
    { enterpriseId: string; dormitoryId: string; plantId: string; workerIds: string[] }
  >();
  for (const person of model.scenario.staff) {
    if (person.role !== "worker" || person.plantId === undefined) continue;
    const enterpriseId = mixed ? "*" : person.enterpriseId;
    const id = loopId(enterpriseId, person.dormitoryId, person.plantId);
    let loop = members.get(id);
    if (loop === undefined) {
      loop = {
        enterpriseId,
        dormitoryId: person.dormitoryId,
        plantId: person.plantId,
        workerIds: [],
      };
      members.set(id, loop);
    }
    loop.workerIds.push(person.id);
  }
  const graph = roadGraphOf(model);
  const nodeOf = (siteId: string) => model.sites.get(siteId)?.node ?? "";
  const loops = [...members.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([id, loop]): Loop => {
      const dormitoryNode = nodeOf(loop.dormitoryId);
      const plantNode = nodeOf(loop.plantId);
      return {
        id,
        ...loop,
        workerIds: loop.workerIds.sort(compareText),
        toPlant: fastestRoute(graph, dormitoryNode, plantNode) ?? null,
        toDormitory: fastestRoute(graph, plantNode, dormitoryNode) ?? null,
      };
    });
  loopCache.set(model, loops);
  return loops;
}

/**
 * The loops a scenario implies, with their fixed routes, sorted by id.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @returns one entry per loop; `toPlant`/`toDormitory` are `null` for an unroutable loop
 * @example
 * deriveLoops(jinshanScenario()).map((loop) => loop.id)
 * //=> ["jinshan-alloy/tinglin-apartments/alloy-plant", ...]
 */
export function deriveLoops(scenario: ScenarioInput): Loop[] {
  return structuredClone(loopsOf(scenarioModel(scenario)));
}
