/**
 * Shifts and workers of the built-in Jinshan scenario: about 1,500 returning workers of six
 * enterprises, each living in one or two staff stations and working at their enterprise's
 * plant(s), generated from a small crew table (no huge literal).
 *
 * The figures are invented but plausible, modelled on Jinshan district, Shanghai, in
 * May 2022. Names are generated pinyin-style from a fixed seed; they belong to nobody.
 *
 * Rotas: continuous-process plants (petrochemicals, chemical materials) run four crews on
 * four-on/four-off, two on days and two on nights, the second pair anchored four days later
 * so that their days off interleave; the others work six-on/one-off (Sundays off, the
 * horizon starting on Monday 2022-05-16), some on an early shift. A maintenance crew and a
 * commissioning crew follow explicit dated rotas.
 */
import type { ScenarioInput } from "../scenario/schema.js";
import { seededRandom } from "../util/seeded-random.js";

type ShiftInput = ScenarioInput["shifts"][number];
type StaffInput = ScenarioInput["staff"][number];
type ScheduleInput = NonNullable<StaffInput["schedule"]>;

/** The first day of the horizon and of the rotas (a Monday). */
export const ROTA_ANCHOR = "2022-05-16";
/** The counterpart crews' anchor: four days later, so off-days interleave. */
const COUNTERPART_ANCHOR = "2022-05-20";
/** Seed of the name generator. */
const NAME_SEED = 20220516;

/** The shifts (a fresh array on every call). */
export function jinshanShifts(): ShiftInput[] {
  return [
    { id: "early", start: "06:00", end: "14:00" },
    { id: "day", start: "08:00", end: "17:00" },
    { id: "night", start: "20:00", end: "05:00" },
  ];
}

function fourOnFourOff(shift: string, anchor: string): ScheduleInput {
  return { cycle: [shift, shift, shift, shift, "off", "off", "off", "off"], anchor };
}

function sixOnOneOff(shift: string): ScheduleInput {
  return { cycle: [shift, shift, shift, shift, shift, shift, "off"], anchor: ROTA_ANCHOR };
}

/** Turnaround maintenance at the refinery: days in the first week, nights in the second. */
const MAINTENANCE_ROTA: Record<string, string> = {
  "2022-05-17": "day",
  "2022-05-18": "day",
  "2022-05-19": "day",
  "2022-05-20": "day",
  "2022-05-21": "day",
  "2022-05-24": "night",
  "2022-05-25": "night",
  "2022-05-26": "night",
};

/** Commissioning a new furnace line: Sundays (when the rest are off) and two early shifts. */
const COMMISSIONING_ROTA: Record<string, string> = {
  "2022-05-18": "early",
  "2022-05-22": "day",
  "2022-05-25": "early",
  "2022-05-29": "day",
};

/** A crew: `count` workers of one enterprise sharing a dormitory, a plant and a rota. */
interface Crew {
  dormitoryId: string;
  plantId: string;
  count: number;
  schedule: () => ScheduleInput;
}

/** One enterprise's workforce; worker ids are `<prefix>-0001`, `<prefix>-0002`, … */
export interface Workforce {
  enterpriseId: string;
  prefix: string;
  crews: Crew[];
}

function crew(
  dormitoryId: string,
  plantId: string,
  count: number,
  schedule: () => ScheduleInput,
): Crew {
  return { dormitoryId, plantId, count, schedule };
}

/** Four crews on four-on/four-off: A (days) and C (nights) together, B and D four days on. */
function fourCrews(dormitoryId: string, plantId: string, perCrew: number): Crew[] {
  return [
    crew(dormitoryId, plantId, perCrew, () => fourOnFourOff("day", ROTA_ANCHOR)),
    crew(dormitoryId, plantId, perCrew, () => fourOnFourOff("day", COUNTERPART_ANCHOR)),
    crew(dormitoryId, plantId, perCrew, () => fourOnFourOff("night", ROTA_ANCHOR)),
    crew(dormitoryId, plantId, perCrew, () => fourOnFourOff("night", COUNTERPART_ANCHOR)),
  ];
}

const SHIHUA = "shihua-apartments";
const TINGLIN = "tinglin-apartments";
const ZHUJING = "zhujing-apartments";
const SHANYANG = "shanyang-apartments";
const LVXIANG = "lvxiang-dormitory";

/** Who works where, enterprise by enterprise (1,510 workers in all). */
export const WORKFORCE: readonly Workforce[] = [
  {
    // 620 workers: 360 at the Shihua apartments (a ten-minute ride to the refinery), 260 at
    // Jinshanwei; a maintenance crew of 12 on a dated rota.
    enterpriseId: "shanghai-petrochem",
    prefix: "petrochem",
    crews: [
      ...fourCrews(SHIHUA, "petrochem-refinery", 52),
      crew(SHIHUA, "petrochem-refinery", 12, () => ({ dates: { ...MAINTENANCE_ROTA } })),
      ...fourCrews(SHIHUA, "petrochem-aromatics", 35),
      ...fourCrews("jinshanwei-apartments", "petrochem-aromatics", 65),
    ],
  },
  {
    // 280 workers; the first crew (secco-0001…) is on days from 2022-05-16.
    enterpriseId: "secco",
    prefix: "secco",
    crews: fourCrews("caojing-apartments", "secco-plant", 70),
  },
  {
    // 210 workers.
    enterpriseId: "jinshan-electric",
    prefix: "electric",
    crews: [
      crew(ZHUJING, "electric-plant", 130, () => sixOnOneOff("day")),
      crew(ZHUJING, "electric-plant", 40, () => sixOnOneOff("early")),
      crew(ZHUJING, "electric-plant", 40, () => sixOnOneOff("night")),
    ],
  },
  {
    // Exactly 170 returning workers, all from the Tinglin apartments; 8 commissioning.
    enterpriseId: "jinshan-alloy",
    prefix: "alloy",
    crews: [
      crew(TINGLIN, "alloy-plant", 96, () => sixOnOneOff("day")),
      crew(TINGLIN, "alloy-plant", 66, () => sixOnOneOff("night")),
      crew(TINGLIN, "alloy-plant", 8, () => ({ dates: { ...COMMISSIONING_ROTA } })),
    ],
  },
  {
    // 140 workers, half an hour from their plant in Zhangyan; a case on 2022-05-10.
    enterpriseId: "shanyang-precision",
    prefix: "precision",
    crews: [
      crew(SHANYANG, "precision-plant", 95, () => sixOnOneOff("day")),
      crew(SHANYANG, "precision-plant", 45, () => sixOnOneOff("early")),
    ],
  },
  {
    // 90 workers in an open (not closed) dormitory.
    enterpriseId: "lvxiang-foods",
    prefix: "foods",
    crews: [
      crew(LVXIANG, "foods-plant", 50, () => sixOnOneOff("early")),
      crew(LVXIANG, "foods-plant", 40, () => sixOnOneOff("day")),
    ],
  },
];

const SURNAMES = (
  "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu " +
  "Guo He Gao Lin Luo Zheng Shen Gu Lu Qian Jiang Cai Tang Xie Fan"
).split(" ");

const GIVEN_SYLLABLES = (
  "wei fang min jing li qiang lei jun yang yong yan jie tao ming chao hua hui ping gang bin " +
  "hong xia lan ting hao yu xin peng dong kai rui feng lin yun qing jian guo zhi wen jia"
).split(" ");

/** A pinyin-style name such as "Chen Jianguo" or "Xu Ting". */
export function personName(random: ReturnType<typeof seededRandom>): string {
  const syllables = random.below(3) === 0 ? 1 : 2;
  let given = "";
  for (let i = 0; i < syllables; i++) given += random.pick(GIVEN_SYLLABLES);
  return `${random.pick(SURNAMES)} ${given.charAt(0).toUpperCase()}${given.slice(1)}`;
}

/** `<prefix>-0001`-style ids. */
export function numberedId(prefix: string, n: number, width: number): string {
  return `${prefix}-${String(n).padStart(width, "0")}`;
}

/** Every worker, enterprise by enterprise, crew by crew (a fresh array on every call). */
export function jinshanWorkers(): StaffInput[] {
  const random = seededRandom(NAME_SEED);
  const workers: StaffInput[] = [];
  for (const workforce of WORKFORCE) {
    let n = 0;
    for (const crew of workforce.crews) {
      for (let i = 0; i < crew.count; i++) {
        n += 1;
        workers.push({
          id: numberedId(workforce.prefix, n, 4),
          name: personName(random),
          enterpriseId: workforce.enterpriseId,
          dormitoryId: crew.dormitoryId,
          plantId: crew.plantId,
          role: "worker",
          schedule: crew.schedule(),
        });
      }
    }
  }
  return workers;
}
