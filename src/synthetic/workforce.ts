/**
 * The synthetic district's workers: the shifts, each enterprise's crews and their rotas,
 * one worker record per person, and each loop's busiest shift (the riders a fleet must carry
 * at once), counted crew by crew so the cost stays linear in the staff.
 *
 * Rotas: day 6-on-1-off; nights 5-on-2-off; four-on/four-off crews on days (and nights in
 * large plants) anchored at the horizon start and four days later, so that counterpart crews
 * interleave; an early/late two-shift rotation (a week of each); and about 1 % of workers on
 * explicit dated rotas, which never put a day or early shift right after a night.
 */
import type { ScenarioInput } from "../scenario/schema.js";
import { type DayNumber, formatCivilDate } from "../time/civil-date.js";
import { type EnterprisePlan, LARGE_ENTERPRISE, type LoopPlan } from "./enterprises.js";
import { apportion, type Draws } from "./random.js";

type ShiftInput = ScenarioInput["shifts"][number];
type StaffInput = ScenarioInput["staff"][number];

/** The district's shifts; the night shift ends the next morning. */
export const SHIFTS: readonly ShiftInput[] = [
  { id: "day", start: "08:00", end: "17:00" },
  { id: "early", start: "06:00", end: "14:00" },
  { id: "late", start: "14:00", end: "22:00" },
  { id: "night", start: "20:00", end: "05:00" },
];

const SHIFT_INDEX = new Map(SHIFTS.map((shift, index) => [shift.id, index]));
const DAY = 0;
const EARLY = 1;
const NIGHT = 3;
/** Share of workers on an explicit dated rota. */
const DATED_SHARE = 0.01;

/** A crew: workers of one loop on one rota. */
interface Crew {
  cycle: readonly string[];
  anchorDay: DayNumber;
  weight: number;
}

/** A loop plan with its riders at the busiest shift. */
export interface StaffedLoop extends LoopPlan {
  enterprise: EnterprisePlan;
  workers: number;
  /** Most workers of this loop on one shift on one day of the horizon. */
  peak: number;
}

function repeat(shift: string, times: number): string[] {
  return Array.from({ length: times }, () => shift);
}

/** The crews of one loop, by the enterprise's size; weekly days off fall on a random weekday. */
function crewsFor(random: Draws, size: number, startDay: DayNumber): Crew[] {
  const dayOff = startDay - random.below(7);
  const sixOnOneOff: Crew = { cycle: [...repeat("day", 6), "off"], anchorDay: dayOff, weight: 1 };
  const nights: Crew = {
    cycle: [...repeat("night", 5), "off", "off"],
    anchorDay: startDay - random.below(7),
    weight: 1,
  };
  const fourOn = (shift: string, anchorDay: DayNumber, weight: number): Crew => ({
    cycle: [...repeat(shift, 4), ...repeat("off", 4)],
    anchorDay,
    weight,
  });
  const earlyLate = (anchorDay: DayNumber, weight: number): Crew => ({
    cycle: [...repeat("early", 5), "off", "off", ...repeat("late", 5), "off", "off"],
    anchorDay,
    weight,
  });
  const roll = random.next();
  if (size >= LARGE_ENTERPRISE) {
    // A continuous process: four crews on four-on/four-off, an office day crew, two shifts.
    return [
      fourOn("day", startDay, 0.2),
      fourOn("day", startDay + 4, 0.2),
      fourOn("night", startDay, 0.15),
      fourOn("night", startDay + 4, 0.15),
      { ...sixOnOneOff, weight: 0.2 },
      earlyLate(startDay, 0.05),
      earlyLate(startDay + 7, 0.05),
    ];
  }
  if (size >= 200) {
    if (roll < 0.4)
      return [
        { ...sixOnOneOff, weight: 0.5 },
        earlyLate(startDay, 0.25),
        earlyLate(startDay + 7, 0.25),
      ];
    if (roll < 0.7)
      return [
        { ...sixOnOneOff, weight: 0.7 },
        { ...nights, weight: 0.3 },
      ];
    return [fourOn("day", startDay, 0.5), fourOn("day", startDay + 4, 0.5)];
  }
  if (roll < 0.6) return [sixOnOneOff];
  if (roll < 0.85)
    return [
      { ...sixOnOneOff, weight: 0.6 },
      earlyLate(startDay, 0.2),
      earlyLate(startDay + 7, 0.2),
    ];
  return [fourOn("day", startDay, 0.5), fourOn("day", startDay + 4, 0.5)];
}

/**
 * A dated rota over the horizon: about half the days on some shift (at least one), never a
 * day or early shift right after a night. Counts each shift worked into `perShift`.
 */
function datedRota(
  random: Draws,
  startDay: DayNumber,
  days: number,
  perShift: Int32Array,
): Record<string, string> {
  const dates: Record<string, string> = {};
  let previous = -1;
  let worked = 0;
  for (let d = 0; d < days; d++) {
    let shift = random.chance(0.5) ? random.below(SHIFTS.length) : -1;
    if (previous === NIGHT && (shift === DAY || shift === EARLY)) shift = -1;
    if (d === days - 1 && worked === 0 && shift === -1) shift = DAY;
    if (shift !== -1) {
      dates[formatCivilDate(startDay + d)] = (SHIFTS[shift] as ShiftInput).id;
      const at = d * SHIFTS.length + shift;
      perShift[at] = (perShift[at] as number) + 1;
      worked += 1;
    }
    previous = shift;
  }
  return dates;
}

function idWidth(largest: number): number {
  return Math.max(5, String(largest).length);
}

/** Every worker, enterprise by enterprise, loop by loop, crew by crew; and each loop's peak. */
export function buildWorkers(
  random: Draws,
  enterprises: readonly EnterprisePlan[],
  startDay: DayNumber,
  days: number,
): { workers: StaffInput[]; loops: StaffedLoop[] } {
  const width = idWidth(enterprises.reduce((max, enterprise) => Math.max(max, enterprise.size), 0));
  const workers: StaffInput[] = [];
  const loops: StaffedLoop[] = [];
  const perShift = new Int32Array(days * SHIFTS.length);
  for (const enterprise of enterprises) {
    let n = 0;
    const loopSizes = apportion(
      enterprise.size,
      enterprise.loops.map((loop) => loop.weight),
    );
    enterprise.loops.forEach((loop, loopIndex) => {
      const size = loopSizes[loopIndex] as number;
      if (size === 0) return;
      perShift.fill(0);
      const crews = crewsFor(random, enterprise.size, startDay);
      const crewSizes = apportion(
        size,
        crews.map((crew) => crew.weight),
      );
      crews.forEach((crew, crewIndex) => {
        const count = crewSizes[crewIndex] as number;
        const anchor = formatCivilDate(crew.anchorDay);
        let onCycle = 0;
        for (let i = 0; i < count; i++) {
          n += 1;
          let schedule: StaffInput["schedule"];
          if (random.chance(DATED_SHARE)) {
            schedule = { dates: datedRota(random, startDay, days, perShift) };
          } else {
            onCycle += 1;
            schedule = { cycle: crew.cycle.slice(), anchor };
          }
          workers.push({
            id: `${enterprise.id}-w${String(n).padStart(width, "0")}`,
            enterpriseId: enterprise.id,
            dormitoryId: loop.dormitory.id,
            plantId: loop.plant.id,
            role: "worker",
            schedule,
          });
        }
        const length = crew.cycle.length;
        for (let d = 0; d < days; d++) {
          const shift = crew.cycle[(((startDay + d - crew.anchorDay) % length) + length) % length];
          if (shift === undefined || shift === "off") continue;
          const at = d * SHIFTS.length + (SHIFT_INDEX.get(shift) as number);
          perShift[at] = (perShift[at] as number) + onCycle;
        }
      });
      loops.push({ ...loop, enterprise, workers: size, peak: Math.max(0, ...perShift) });
    });
  }
  return { workers, loops };
}
