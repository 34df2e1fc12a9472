/**
 * `generateScenario`: a seeded, district-like scenario input for tests, benchmarks and
 * experiments (SPEC §7), from the subpath `closed-loop-commute/synthetic`.
 *
 * The district: a grid of towns joined by roads, every road node with a WGS84 position;
 * enterprises of very different sizes (a few of thousands, most of 30–200), each with its
 * staff station(s) and plant(s) on their own gate nodes; workers on day, night,
 * four-on/four-off, early/late and dated rotas; a fleet sized from each loop's busiest shift;
 * drivers living in the stations; a few enterprises with a recent positive case (eligible
 * only later in the horizon) or open housing.
 *
 * Every draw comes from mulberry32 streams seeded by `seed`: no `Math.random`, no clock, no
 * dependence on the host's time zone. The work is linear in the staff (200,000 workers take
 * a fraction of a second).
 */
import type { ScenarioInput } from "../scenario/schema.js";
import { formatCivilDate } from "../time/civil-date.js";
import { roadNodes } from "./coordinates.js";
import {
  type EnterprisePlan,
  enterpriseSizes,
  planEnterprises,
  type SitePlan,
} from "./enterprises.js";
import { buildFleet, LOAD_FACTOR } from "./fleet.js";
import { type GenerateScenarioOptions, type ResolvedOptions, resolveOptions } from "./options.js";
import { type Draws, draws, STREAMS } from "./random.js";
import { accessRoad, buildTowns } from "./roads.js";
import { buildWorkers, SHIFTS } from "./workforce.js";

type EnterpriseInput = ScenarioInput["enterprises"][number];
type SiteInput = ScenarioInput["sites"][number];
type RoadEdgeInput = ScenarioInput["roads"]["edges"][number];

const OPENS = ["05:00", "05:30", "06:00"] as const;
const CLOSES = ["21:00", "21:30", "22:00"] as const;
const SLOT_MINUTES = 15;
/** Test slots a station offers per day, per resident. */
const SLOTS_PER_RESIDENT = 3;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * The enterprises' records: a share with a positive case between 14 days before the start
 * and 2 days before the horizon's end (ineligible on the first day, eligible later), and a
 * share, apart from those, without closed housing.
 */
function enterpriseRecords(
  random: Draws,
  plans: readonly EnterprisePlan[],
  options: ResolvedOptions,
): EnterpriseInput[] {
  const count = plans.length;
  const recent = Math.min(count, Math.round(options.recentCaseShare * count));
  const open = Math.min(count - recent, Math.round(options.openHousingShare * count));
  const picked = random.sample(count, recent + open);
  const caseDay = new Map<number, number>();
  for (const index of picked.slice(0, recent)) {
    // A case on start - 14 + k keeps the enterprise out up to start + k, in from start + k + 1.
    caseDay.set(index, options.startDay - 14 + random.between(0, Math.max(0, options.days - 2)));
  }
  const openHousing = new Set(picked.slice(recent));
  return plans.map((plan, index) => {
    const day = caseDay.get(index);
    return {
      id: plan.id,
      name: plan.name,
      closedHousing: !openHousing.has(index),
      positiveCases: day === undefined ? [] : [formatCivilDate(day)],
    };
  });
}

/** The sites, enterprise by enterprise (stations, then plants), and their access roads. */
function siteRecords(
  random: Draws,
  plans: readonly EnterprisePlan[],
  residents: ReadonlyMap<string, number>,
  towns: readonly string[],
): { sites: SiteInput[]; access: RoadEdgeInput[] } {
  const sites: SiteInput[] = [];
  const access: RoadEdgeInput[] = [];
  const gate = (site: SitePlan) =>
    access.push(accessRoad(random, site.node, towns[site.town] as string));
  for (const plan of plans) {
    for (const station of plan.dormitories) {
      const living = residents.get(station.id) ?? 0;
      const opens = random.pick(OPENS);
      const closes = random.pick(CLOSES);
      const slots = Math.floor((minutesOf(closes) - minutesOf(opens)) / SLOT_MINUTES);
      sites.push({
        id: station.id,
        name: station.name,
        kind: "dormitory",
        node: station.node,
        beds: Math.ceil(living * (1.1 + 0.25 * random.next())),
        testing: {
          opens,
          closes,
          slotMinutes: SLOT_MINUTES,
          perSlot: Math.max(1, Math.ceil((SLOTS_PER_RESIDENT * living) / slots)),
        },
      });
      gate(station);
    }
    for (const plant of plan.plants) {
      sites.push({ id: plant.id, name: plant.name, kind: "plant", node: plant.node });
      gate(plant);
    }
  }
  return { sites, access };
}

/**
 * Generates a seeded, district-like scenario input: the same options give a deep-equal
 * scenario on every call and every host; another seed gives another district.
 *
 * @param options - `seed` and `staff` (workers) are required; the rest have defaults
 *   (about one enterprise per 121 workers, 14 days from 2022-05-16 in Asia/Shanghai, 1.3×
 *   the vehicles the busiest shifts need, 5 % of enterprises with a recent case, 2 % with
 *   open housing)
 * @returns a scenario input for `parseScenario`, `planRoster` and the rest (plain JSON data)
 * @throws {InvalidArgumentError} for an option out of range (staff below 1, more enterprises
 *   than staff, an unknown time zone, …)
 * @example
 * import { generateScenario } from "closed-loop-commute/synthetic";
 * import { parseScenario, planRoster } from "closed-loop-commute";
 *
 * const input = generateScenario({ seed: 7, staff: 2_000 });
 * input.staff.filter((person) => person.role === "worker").length //=> 2000
 * input.enterprises.length //=> 16
 * const roster = planRoster(parseScenario(input));
 */
export function generateScenario(options: GenerateScenarioOptions): ScenarioInput {
  const resolved = resolveOptions(options);
  const { seed, staff, enterprises: count, startDay, days } = resolved;

  const towns = buildTowns(
    draws(seed, STREAMS.roads),
    Math.max(4, Math.round(Math.sqrt(count)) + 4),
  );
  const sizes = enterpriseSizes(draws(seed, STREAMS.enterprises), staff, count);
  const plans = planEnterprises(draws(seed, STREAMS.layout), sizes, towns);
  const { workers, loops } = buildWorkers(draws(seed, STREAMS.workers), plans, startDay, days);
  const { vehicles, drivers } = buildFleet(
    draws(seed, STREAMS.fleet),
    loops,
    resolved.vehicleSlack,
  );

  const staffList = workers;
  for (const driver of drivers) staffList.push(driver);
  const residents = new Map<string, number>();
  for (const person of staffList)
    residents.set(person.dormitoryId, (residents.get(person.dormitoryId) ?? 0) + 1);
  const { sites, access } = siteRecords(draws(seed, STREAMS.sites), plans, residents, towns.ids);

  return {
    name: `synthetic district (seed ${seed}, ${staff} staff)`,
    timeZone: resolved.timeZone,
    horizon: { start: resolved.start, days },
    policy: {
      loadFactor: LOAD_FACTOR,
      testing: [
        { kind: "antigen", validHours: 24, resultMinutes: 30 },
        { kind: "pcr", validHours: 48, resultMinutes: 360 },
      ],
    },
    enterprises: enterpriseRecords(draws(seed, STREAMS.cases), plans, resolved),
    sites,
    roads: {
      edges: [...towns.edges, ...access],
      nodes: roadNodes(draws(seed, STREAMS.coordinates), towns, access),
    },
    shifts: SHIFTS.map((shift) => ({ ...shift })),
    staff: staffList,
    vehicles,
  };
}
