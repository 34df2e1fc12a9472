/**
 * Availability (SPEC §3 `unavailable`): the periods in which a person may not board or
 * drive and a vehicle may not run, as day numbers per id, built once per scenario. The
 * planner, the validator and re-planning all ask it the same questions.
 */
import type { ScenarioModel } from "../scenario/model.js";
import type { UnavailablePeriod } from "../scenario/schema.js";
import { civilDay, type DayNumber } from "../time/civil-date.js";

/** One period as day numbers; `to` is `Infinity` for an open-ended period. */
export interface DayPeriod {
  from: DayNumber;
  to: DayNumber;
  period: UnavailablePeriod;
}

export interface AvailabilityIndex {
  /** The person's periods that contain `day` (empty when they are available). */
  personPeriodsOn(personId: string, day: DayNumber): readonly DayPeriod[];
  /** The vehicle's periods that contain `day` (empty when it may run). */
  vehiclePeriodsOn(vehicleId: string, day: DayNumber): readonly DayPeriod[];
  /** Whether the person may board or drive a trip departing on `day`. */
  personAvailable(personId: string, day: DayNumber): boolean;
  /** Whether the vehicle may run a trip departing on `day`. */
  vehicleAvailable(vehicleId: string, day: DayNumber): boolean;
  /**
   * Whether a worker may ride home on `homeDay` after a shift whose ride in left on
   * `shiftDay`: available that day, or every period they are in began after `shiftDay`
   * (the exception of SPEC §3: nobody is left at the plant).
   */
  rideHomeAllowed(personId: string, homeDay: DayNumber, shiftDay: DayNumber): boolean;
  /** Whether any person or vehicle has a period at all (lets callers skip the work). */
  readonly any: boolean;
}

const NONE: readonly DayPeriod[] = [];
const indexes = new WeakMap<ScenarioModel, AvailabilityIndex>();

function periodsOn(
  byId: ReadonlyMap<string, DayPeriod[]>,
  id: string,
  day: DayNumber,
): readonly DayPeriod[] {
  const periods = byId.get(id);
  if (periods === undefined) return NONE;
  const found = periods.filter((p) => p.from <= day && day <= p.to);
  return found.length === 0 ? NONE : found;
}

/** The availability index of a scenario (cached per scenario model). */
export function availabilityIndex(model: ScenarioModel): AvailabilityIndex {
  const cached = indexes.get(model);
  if (cached !== undefined) return cached;
  const people = new Map<string, DayPeriod[]>();
  const vehicles = new Map<string, DayPeriod[]>();
  for (const period of model.scenario.unavailable) {
    const entry: DayPeriod = {
      from: civilDay(period.from),
      to: period.to === undefined ? Number.POSITIVE_INFINITY : civilDay(period.to),
      period,
    };
    const [byId, id] =
      period.personId !== undefined
        ? [people, period.personId]
        : [vehicles, period.vehicleId as string];
    const list = byId.get(id);
    if (list === undefined) byId.set(id, [entry]);
    else list.push(entry);
  }
  const index: AvailabilityIndex = {
    personPeriodsOn: (personId, day) => periodsOn(people, personId, day),
    vehiclePeriodsOn: (vehicleId, day) => periodsOn(vehicles, vehicleId, day),
    personAvailable: (personId, day) => periodsOn(people, personId, day).length === 0,
    vehicleAvailable: (vehicleId, day) => periodsOn(vehicles, vehicleId, day).length === 0,
    rideHomeAllowed: (personId, homeDay, shiftDay) =>
      periodsOn(people, personId, homeDay).every((p) => p.from > shiftDay),
    any: people.size > 0 || vehicles.size > 0,
  };
  indexes.set(model, index);
  return index;
}
