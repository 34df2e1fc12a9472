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
 */
import type { ScenarioInput } from "../scenario/schema.js";

type RoadEdgeInput = ScenarioInput["roads"]["edges"][number];

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
