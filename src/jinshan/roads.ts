/**
 * The road graph of the built-in Jinshan scenario: the towns of Jinshan district, Shanghai,
 * a stretch of the S4 expressway, and a short access road from each site's gate to its town.
 *
 * The figures are invented but plausible, modelled on Jinshan district in May 2022: they are
 * not survey data. Minutes are a shuttle bus's driving time; km run at about 1.2–2 minutes
 * per km on town and country roads and a little faster on the expressway.
 *
 * Two details make route choice matter:
 * - the Zhujing–industrial-park country road is direct but slow (21 min, 10.5 km), so the
 *   fastest route from Zhujing to the Jinshan Industrial Park takes the S4 detour
 *   (17 min, 14 km) instead;
 * - the alloy plant's gate road is one-way: buses enter from the park ring road and leave by
 *   the north exit towards Tinglin, so its loop runs a different path each way.
 *
 * Every node has a WGS84 position (`roads.nodes`), for maps and GTFS shapes. The towns keep
 * their places in the district (Fengjing in the west, Caojing in the east, Shihua and
 * Jinshanwei on the coast), drawn in closer so that each road's straight line is 70–90 % of
 * its km (roads wind), and never more: the invented km above stay as they were.
 */
import type { ScenarioInput } from "../scenario/schema.js";

type RoadEdgeInput = ScenarioInput["roads"]["edges"][number];
type RoadNodeInput = NonNullable<ScenarioInput["roads"]["nodes"]>[number];

/** [from, to, minutes, km]: a two-way road. */
type Road = readonly [from: string, to: string, minutes: number, km: number];

/** Roads between towns (and the industrial park), both ways. */
const TOWN_ROADS: readonly Road[] = [
  ["fengjing", "langxia", 15, 10.4],
  ["fengjing", "lvxiang", 16, 10.8],
  ["lvxiang", "langxia", 15, 9.6],
  ["lvxiang", "zhangyan", 10, 6.5],
  ["zhangyan", "tinglin", 12, 8.2],
  ["zhangyan", "zhujing", 14, 9.0],
  ["langxia", "zhujing", 12, 8.6],
  ["langxia", "shanyang", 18, 11.8],
  ["tinglin", "zhujing", 13, 9.4],
  ["tinglin", "jinshan-industrial-park", 6, 5.0],
  // The direct country road: shorter, but slower than the S4 detour below.
  ["zhujing", "jinshan-industrial-park", 21, 10.5],
  ["zhujing", "shanyang", 12, 9.2],
  ["shanyang", "jinshanwei", 9, 6.3],
  ["jinshanwei", "shihua", 9, 6.2],
  ["shihua", "caojing", 12, 8.4],
  ["caojing", "jinshan-industrial-park", 24, 15.6],
];

/** The S4 expressway through the district, with its slip roads. */
const EXPRESSWAY: readonly Road[] = [
  ["tinglin", "s4-tinglin-interchange", 4, 2.5],
  ["jinshan-industrial-park", "s4-tinglin-interchange", 3, 2.4],
  ["s4-tinglin-interchange", "s4-zhujing-interchange", 10, 9.0],
  ["zhujing", "s4-zhujing-interchange", 4, 2.6],
  ["s4-zhujing-interchange", "s4-jinshanwei-interchange", 11, 10.0],
  ["jinshanwei", "s4-jinshanwei-interchange", 3, 2.0],
];

/** Each site's gate joined to its town by a short access road, both ways. */
const ACCESS_ROADS: readonly Road[] = [
  ["shihua-apartments-gate", "shihua", 5, 1.6],
  ["jinshanwei-apartments-gate", "jinshanwei", 3, 1.2],
  ["caojing-apartments-gate", "caojing", 4, 1.8],
  ["zhujing-apartments-gate", "zhujing", 3, 1.1],
  ["tinglin-apartments-gate", "tinglin", 3, 1.3],
  ["shanyang-apartments-gate", "shanyang", 4, 1.9],
  ["lvxiang-dormitory-gate", "lvxiang", 3, 1.2],
  ["petrochem-refinery-gate", "shihua", 5, 1.5],
  ["petrochem-aromatics-gate", "shihua", 6, 3.2],
  ["secco-plant-gate", "caojing", 6, 3.4],
  ["electric-plant-gate", "jinshan-industrial-park", 3, 1.5],
  ["precision-plant-gate", "zhangyan", 4, 2.2],
  ["foods-plant-gate", "lvxiang", 4, 2.0],
];

/** One-way roads: the alloy plant is entered from the park and left towards Tinglin. */
const ONE_WAY_ROADS: readonly Road[] = [
  ["jinshan-industrial-park", "alloy-plant-gate", 3, 1.6],
  ["alloy-plant-gate", "tinglin", 6, 3.9],
];

/** [id, lat, lon]: a road node's WGS84 position. */
type Place = readonly [id: string, lat: number, lon: number];

/** The towns and the industrial park. */
const TOWN_PLACES: readonly Place[] = [
  ["fengjing", 30.85459, 121.14023],
  ["langxia", 30.79127, 121.18087],
  ["lvxiang", 30.83706, 121.23673],
  ["zhangyan", 30.793, 121.25159],
  ["zhujing", 30.84833, 121.21385],
  ["tinglin", 30.83719, 121.29193],
  ["jinshan-industrial-park", 30.86715, 121.30065],
  ["shanyang", 30.80123, 121.28036],
  ["jinshanwei", 30.75901, 121.26295],
  ["shihua", 30.74539, 121.30958],
  ["caojing", 30.77792, 121.36773],
];

/** The S4's interchanges. */
const EXPRESSWAY_PLACES: readonly Place[] = [
  ["s4-tinglin-interchange", 30.85257, 121.2857],
  ["s4-zhujing-interchange", 30.82922, 121.21278],
  ["s4-jinshanwei-interchange", 30.77184, 121.26806],
];

/** Each site's gate (the sites take their positions from these). */
const GATE_PLACES: readonly Place[] = [
  ["shihua-apartments-gate", 30.75536, 121.30288],
  ["jinshanwei-apartments-gate", 30.76332, 121.25424],
  ["caojing-apartments-gate", 30.78784, 121.35804],
  ["zhujing-apartments-gate", 30.85577, 121.217],
  ["tinglin-apartments-gate", 30.84187, 121.2825],
  ["shanyang-apartments-gate", 30.80806, 121.29415],
  ["lvxiang-dormitory-gate", 30.82895, 121.23329],
  ["petrochem-refinery-gate", 30.73604, 121.31586],
  ["petrochem-aromatics-gate", 30.74139, 121.33598],
  ["secco-plant-gate", 30.76955, 121.39449],
  ["electric-plant-gate", 30.87084, 121.31245],
  ["alloy-plant-gate", 30.86044, 121.31141],
  ["precision-plant-gate", 30.77812, 121.25789],
  ["foods-plant-gate", 30.82987, 121.25123],
];

/** The district's road edges (a fresh array on every call). */
export function jinshanRoadEdges(): RoadEdgeInput[] {
  const twoWay = [...TOWN_ROADS, ...EXPRESSWAY, ...ACCESS_ROADS].map(
    ([from, to, minutes, km]): RoadEdgeInput => ({ from, to, minutes, km }),
  );
  const oneWay = ONE_WAY_ROADS.map(
    ([from, to, minutes, km]): RoadEdgeInput => ({ from, to, minutes, km, oneWay: true }),
  );
  return [...twoWay, ...oneWay];
}

/** The positions of every road node (a fresh array on every call). */
export function jinshanRoadNodes(): RoadNodeInput[] {
  return [...TOWN_PLACES, ...EXPRESSWAY_PLACES, ...GATE_PLACES].map(
    ([id, lat, lon]): RoadNodeInput => ({ id, lat, lon }),
  );
}
