/**
 * The roster's trips by local date of departure, for the timeline and the report: each
 * trip's instants read once, its local day in the scenario's zone, and each day's trips
 * ordered by vehicle id, departure and trip id (the order they are drawn and listed in).
 */

import type { Roster, Trip } from "../roster/schema.js";
import type { ScenarioModel } from "../scenario/model.js";
import { type DayNumber, formatCivilDate, parseCivilDate } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";
import { ZoneClock } from "../time/zone-clock.js";
import { InvalidArgumentError } from "../util/errors.js";
import { compareText } from "../util/order.js";

/** A roster's trips indexed by local date of departure. */
export interface RosterDays {
  readonly trips: readonly Trip[];
  readonly clock: ZoneClock;
  /** The roster's dates: its horizon's first day to the day after its last (inclusive). */
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
  readonly departMs: Float64Array;
  readonly arriveMs: Float64Array;
  /** Local date of departure of each trip. */
  readonly tripDay: Int32Array;
  /** The trips (indexes) departing on a day, by vehicle id, departure, trip id. */
  tripsOn(day: DayNumber): readonly number[];
  /** The days with at least one departure, ascending. */
  readonly daysWithTrips: readonly DayNumber[];
}

/**
 * Indexes a parsed roster's trips by local date of departure in the scenario's zone.
 *
 * @example
 * const days = rosterDays(scenarioModel(scenario), parseRoster(roster));
 * days.tripsOn(days.firstDay).length //=> the trips leaving on the horizon's first day
 */
export function rosterDays(model: ScenarioModel, roster: Roster): RosterDays {
  const { trips } = roster;
  const clock = new ZoneClock(model.zone);
  const departMs = new Float64Array(trips.length);
  const arriveMs = new Float64Array(trips.length);
  const tripDay = new Int32Array(trips.length);
  const byDay = new Map<DayNumber, number[]>();
  for (let t = 0; t < trips.length; t++) {
    const trip = trips[t] as Trip;
    // A roster of the §5 shape has parseable instants.
    const depart = parseInstant(trip.depart) ?? 0;
    departMs[t] = depart;
    arriveMs[t] = parseInstant(trip.arrive) ?? depart;
    const day = clock.dayOf(depart);
    tripDay[t] = day;
    const list = byDay.get(day);
    if (list === undefined) byDay.set(day, [t]);
    else list.push(t);
  }
  const order = (a: number, b: number) => {
    const x = trips[a] as Trip;
    const y = trips[b] as Trip;
    return (
      compareText(x.vehicleId, y.vehicleId) ||
      (departMs[a] as number) - (departMs[b] as number) ||
      compareText(x.id, y.id) ||
      a - b
    );
  };
  for (const list of byDay.values()) list.sort(order);
  const firstDay = parseCivilDate(roster.horizon.start) ?? 0;
  return {
    trips,
    clock,
    firstDay,
    lastDay: firstDay + roster.horizon.days,
    departMs,
    arriveMs,
    tripDay,
    tripsOn: (day) => byDay.get(day) ?? [],
    daysWithTrips: [...byDay.keys()].sort((a, b) => a - b),
  };
}

/** A value for a message: strings quoted, anything else by type. */
function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : `a value of type ${typeof value}`;
}

/**
 * A `date` argument: a real `YYYY-MM-DD` among the roster's dates (the horizon and the day
 * after it), as a day number.
 *
 * @throws {InvalidArgumentError} for anything else, naming the date and the allowed range
 * @example
 * rosterDate("2022-05-30", days) //=> the day number of 2022-05-30 (the day after a 14-day horizon)
 */
export function rosterDate(
  value: unknown,
  days: Pick<RosterDays, "firstDay" | "lastDay">,
): DayNumber {
  const day = typeof value === "string" ? parseCivilDate(value) : undefined;
  if (day === undefined)
    throw new InvalidArgumentError(
      `date must be a calendar date YYYY-MM-DD, got ${describe(value)}`,
    );
  if (day < days.firstDay || day > days.lastDay)
    throw new InvalidArgumentError(
      `date ${value as string} is outside the roster's dates ${formatCivilDate(days.firstDay)} to ${formatCivilDate(days.lastDay)} (the horizon and the day after it)`,
    );
  return day;
}
