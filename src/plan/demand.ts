/**
 * Demand: each worker's shift instances over the horizon, each turned into the two trips
 * that serve it, or into an `unserved` entry saying why not (the worker unavailable, the
 * enterprise ineligible, no road). A worker unavailable on the day a shift starts, or on the
 * day its ride in leaves, is not carried to that shift; a ride home is never refused for
 * unavailability, as the ride in of its shift left on a day the worker was available (SPEC
 * §3: a ride home completing a shift begun before the period is carried).
 * Trip times are fixed per shift: to the plant arriving `arriveBeforeShiftMinutes` before the
 * start (as late as allowed), home leaving `departAfterShiftMinutes` after the end (as early
 * as allowed), so that a vehicle has the most room to chain between them.
 */
import { availabilityIndex } from "../facts/availability.js";
import type { Loop } from "../facts/loops.js";
import { expandSchedule, type ShiftInstance } from "../facts/shift-instances.js";
import type { ScenarioModel } from "../scenario/model.js";
import type { ZoneClock } from "../time/zone-clock.js";
import { type TripKey, tripKey } from "./trip-key.js";

const MS_PER_MINUTE = 60_000;

/** A worker to carry: the trips they need, and the shift dates those trips serve. */
export interface Rider {
  personId: string;
  /** Sorted, unique. */
  keys: TripKey[];
  /**
   * The trips at the edges of their windows, as demand put them, one per key and in the
   * same order; absent when `keys` are those (a retimed rider rides elsewhere in the windows).
   */
  edges?: TripKey[];
  /** The start dates of the shifts served, for `unserved` entries if they cannot be. */
  dates: string[];
}

export interface UnservedShift {
  personId: string;
  date: string;
  reason: string;
}

export interface LoopDemand {
  loop: Loop;
  riders: Rider[];
}

/** Riders per routable loop, and the shifts nobody may or can serve. */
export function buildDemand(
  model: ScenarioModel,
  loops: readonly Loop[],
  clock: ZoneClock,
  isEligible: (enterpriseId: string, day: number) => boolean,
): { demands: LoopDemand[]; unserved: UnservedShift[] } {
  const { policy } = model.scenario;
  const availability = availabilityIndex(model);
  const unserved: UnservedShift[] = [];
  const demands: LoopDemand[] = [];
  for (const loop of loops) {
    const riders: Rider[] = [];
    for (const personId of loop.workerIds) {
      const person = model.staff.get(personId);
      if (person?.schedule === undefined) continue;
      const instances = expandSchedule(
        person.schedule,
        model.shifts,
        model.firstDay,
        model.days,
        model.zone,
      );
      // In time order: each ride in leaves after the last ride home (checked below) and each
      // ride home after its ride in, and a ride in and a ride home never share a key (its
      // last bit is the direction), so the keys come strictly ascending as they are pushed.
      const keys: TripKey[] = [];
      const dates: string[] = [];
      let homeAt = Number.NEGATIVE_INFINITY; // when the ride home from the last served shift arrives
      let homeKey = Number.NEGATIVE_INFINITY; // and its trip key
      const available = (day: number) => availability.personAvailable(personId, day);
      for (const shift of instances) {
        const arriveBefore = policy.arriveBeforeShiftMinutes;
        const reason = whyNot(shift, person.enterpriseId, loop, clock, {
          isEligible,
          available,
          arriveBefore,
        });
        if (reason !== undefined) {
          unserved.push({ personId, date: shift.date, reason });
          continue;
        }
        const toPlant = loop.toPlant as NonNullable<Loop["toPlant"]>;
        const toDormitory = loop.toDormitory as NonNullable<Loop["toDormitory"]>;
        const inDepart = shift.start - (arriveBefore + toPlant.minutes) * MS_PER_MINUTE;
        const homeDepart = shift.end + policy.departAfterShiftMinutes * MS_PER_MINUTE;
        const inKey = tripKey(inDepart, true);
        if (inDepart < homeAt || inKey < homeKey) {
          // Back-to-back or overlapping shifts: the worker is not home yet when this ride in
          // would leave, and rides must go in and home in turn. On a zero-minute route the
          // ride home arrives the minute it leaves, and this ride in may leave that minute
          // too; but a ride in sorts before a ride home of the same minute (trip-key.ts), so
          // the rider's keys would read in, in, home, home.
          unserved.push({ personId, date: shift.date, reason: "overlapping-shifts" });
          continue;
        }
        homeKey = tripKey(homeDepart, false);
        keys.push(inKey, homeKey);
        homeAt = homeDepart + toDormitory.minutes * MS_PER_MINUTE;
        dates.push(shift.date);
      }
      if (dates.length > 0) riders.push({ personId, keys, dates });
    }
    if (riders.length > 0) demands.push({ loop, riders });
  }
  return { demands, unserved };
}

/** What decides whether a shift may be served, besides the shift and its loop. */
interface ServeRules {
  isEligible: (enterpriseId: string, day: number) => boolean;
  /** Whether the worker may board on a local day. */
  available: (day: number) => boolean;
  arriveBefore: number;
}

/**
 * Why a shift cannot be served, or undefined. The worker's own unavailability comes first
 * (it is about the person; the others are about their enterprise and loop).
 */
function whyNot(
  shift: ShiftInstance,
  enterpriseId: string,
  loop: Loop,
  clock: ZoneClock,
  { isEligible, available, arriveBefore }: ServeRules,
): string | undefined {
  if (!available(shift.day)) return "unavailable";
  if (!isEligible(enterpriseId, shift.day)) return "enterprise-ineligible";
  if (loop.toPlant === null || loop.toDormitory === null) return "no-route";
  // The ride in may leave the day before the shift (a shift starting just after midnight);
  // the worker must be available and the enterprise eligible on that day too.
  const departDay = clock.dayOf(
    shift.start - (arriveBefore + loop.toPlant.minutes) * MS_PER_MINUTE,
  );
  if (departDay !== shift.day && !available(departDay)) return "unavailable";
  if (departDay !== shift.day && !isEligible(enterpriseId, departDay))
    return "enterprise-ineligible";
  return undefined;
}
