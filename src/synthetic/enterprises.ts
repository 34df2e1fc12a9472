/**
 * The synthetic district's enterprises: their sizes (a heavy-tailed, Pareto-like draw scaled
 * to the requested staff exactly), names, and where their staff stations and plants stand.
 * Enterprises of 1,000 workers or more run two staff stations and two plants; a small one
 * now and then lodges its workers in a neighbouring small enterprise's station.
 */
import { apportion, type Draws } from "./random.js";
import { nearbyTown, type TownMap } from "./roads.js";

/** From this many workers an enterprise has two staff stations and two plants. */
export const LARGE_ENTERPRISE = 1000;
/** Below this many workers an enterprise may share its staff station with another. */
const SMALL_ENTERPRISE = 200;
/** Chance that a small enterprise lodges in the previous small enterprise's station. */
const SHARE_STATION_CHANCE = 0.1;
/** Pareto tail index of the size draw: a few enterprises of thousands, most of 30–200. */
const PARETO_ALPHA = 1.5;
/** Largest weight of one draw (relative to the smallest), so no single enterprise swamps a district. */
const MAX_WEIGHT = 150;

/** A site to be: its id, gate node and town. */
export interface SitePlan {
  id: string;
  name: string;
  node: string;
  town: number;
}

/** A loop to be: one of the enterprise's (station, plant) pairs and its share of the workers. */
export interface LoopPlan {
  dormitory: SitePlan;
  plant: SitePlan;
  weight: number;
}

/** One enterprise: its size and sites. */
export interface EnterprisePlan {
  index: number;
  id: string;
  name: string;
  size: number;
  /** Staff stations it runs (none when it lodges in another's). */
  dormitories: SitePlan[];
  plants: SitePlan[];
  loops: LoopPlan[];
}

/**
 * Sizes of `count` enterprises summing to `staff` exactly, each at least 1: one worker each,
 * the rest shared out in proportion to Pareto draws (largest remainder).
 */
export function enterpriseSizes(random: Draws, staff: number, count: number): number[] {
  const weights = Array.from({ length: count }, () =>
    Math.min(MAX_WEIGHT, (1 - random.next()) ** (-1 / PARETO_ALPHA)),
  );
  return apportion(staff - count, weights).map((share) => share + 1);
}

const BRANDS = (
  "Huaxin Jinfeng Hengtai Dongsheng Xinda Ruifeng Haotian Zhongcheng Baolong Yongxing " +
  "Tianrun Fuhai Kaida Longteng Mingyang Shengda Hongyuan Jiahe Lianfa Weiye Xingguang " +
  "Chenhui Anxin Boyuan Guanghua Taihe Jinyu Huilong Sanlian Yuanfeng"
).split(" ");

const INDUSTRIES = [
  "Precision Machinery",
  "Chemical Materials",
  "Auto Parts",
  "Food Processing",
  "Electronics",
  "Pharmaceutical",
  "Plastics",
  "Textile",
  "Logistics",
  "New Materials",
  "Electrical Equipment",
  "Metal Products",
  "Packaging",
  "Medical Devices",
  "Paper Products",
];

/** A plausible company name such as "Hengtai Auto Parts Co.". */
export function enterpriseName(random: Draws): string {
  return `${random.pick(BRANDS)} ${random.pick(INDUSTRIES)} Co.`;
}

function site(id: string, name: string, town: number): SitePlan {
  return { id, name, node: `${id}-gate`, town };
}

/**
 * Every enterprise with its sites: plants mostly in a few industrial towns, staff stations
 * within two grid steps of their enterprise's first plant.
 */
export function planEnterprises(
  random: Draws,
  sizes: readonly number[],
  towns: TownMap,
): EnterprisePlan[] {
  const townCount = towns.ids.length;
  const industrial = random.sample(townCount, Math.max(1, Math.round(townCount / 6)));
  const width = Math.max(4, String(sizes.length).length);
  const plans: EnterprisePlan[] = [];
  /** The last small enterprise's station, while nobody shares it yet. */
  let lodging: SitePlan | undefined;
  sizes.forEach((size, index) => {
    const id = `e${String(index + 1).padStart(width, "0")}`;
    const name = enterpriseName(random);
    const large = size >= LARGE_ENTERPRISE;
    const plantTown = random.chance(0.6) ? random.pick(industrial) : random.below(townCount);
    const plants = [site(`${id}-plant-1`, `${name} plant 1`, plantTown)];
    if (large)
      plants.push(
        site(`${id}-plant-2`, `${name} plant 2`, nearbyTown(random, towns, plantTown, 1)),
      );
    const dormitories: SitePlan[] = [];
    let stations: SitePlan[];
    if (size < SMALL_ENTERPRISE && lodging !== undefined && random.chance(SHARE_STATION_CHANCE)) {
      stations = [lodging];
      lodging = undefined;
    } else {
      for (let n = 1; n <= (large ? 2 : 1); n++) {
        const town = nearbyTown(random, towns, plantTown, 2);
        dormitories.push(site(`${id}-dorm-${n}`, `${name} staff station ${n}`, town));
      }
      stations = dormitories;
      if (size < SMALL_ENTERPRISE) lodging = dormitories[0];
    }
    const [dormitoryA, dormitoryB = dormitoryA] = stations as [SitePlan, ...SitePlan[]];
    const [plantA, plantB = plantA] = plants as [SitePlan, ...SitePlan[]];
    const loops: LoopPlan[] = large
      ? [
          { dormitory: dormitoryA, plant: plantA, weight: 0.45 },
          { dormitory: dormitoryB, plant: plantB, weight: 0.4 },
          { dormitory: dormitoryA, plant: plantB, weight: 0.15 },
        ]
      : [{ dormitory: dormitoryA, plant: plantA, weight: 1 }];
    plans.push({ index, id, name, size, dormitories, plants, loops });
  });
  return plans;
}
