/**
 * Re-planning's working copy of a roster: the trips before `from` as they were (never
 * touched), the trips from `from` on as records that the steps may change, and the entries,
 * tests and unserved list, all belonging to this copy (the previous roster is never changed).
 */
import { vehicleCapacity } from "../facts/capacity.js";
import type {
  Assignment,
  Roster,
  RosterLoop,
  RosterVehicle,
  TestAppointment,
  Trip,
  UnservedEntry,
} from "../roster/schema.js";
import type { ScenarioModel } from "../scenario/model.js";
import { type DayNumber, formatCivilDate } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";
import { localInstant } from "../time/local-time.js";
import { ZoneClock } from "../time/zone-clock.js";
import { compareText } from "../util/order.js";
import { cutAt } from "./periods.js";

/** A trip from `from` on, with its times as numbers. */
export interface WorkTrip {
  trip: Trip;
  depart: number;
  arrive: number;
  day: DayNumber;
  removed: boolean;
}

export class WorkingRoster {
  readonly clock: ZoneClock;
  readonly fromDay: DayNumber;
  readonly fromDate: string;
  readonly dayBefore: string;
  /** The first instant of `from` (local midnight, or what the zone has instead). */
  readonly fromMs: number;
  /** Trips departing before `from`: kept as they are. */
  readonly before: Trip[] = [];
  readonly beforeDeparts: number[] = [];
  /** Trips departing on or after `from`, in departure order. */
  after: WorkTrip[] = [];
  /** Vehicle entries and assignments as they were; changes go through the methods below. */
  readonly vehicles: readonly RosterVehicle[];
  readonly assignments: readonly Assignment[];
  /** Vehicles whose entries end the day before `from`, and the entries that start on it. */
  private readonly endedVehicles = new Set<string>();
  private readonly startedVehicles: RosterVehicle[] = [];
  /** People whose assignments end the day before `from`, with the one that starts on it. */
  private readonly movedPeople = new Map<string, Assignment>();
  tests: TestAppointment[];
  unserved: UnservedEntry[];
  readonly loops: ReadonlyMap<string, RosterLoop>;
  private readonly tripIds = new Set<string>();
  private unsorted = false;

  constructor(
    readonly model: ScenarioModel,
    readonly previous: Roster,
    fromDay: DayNumber,
  ) {
    this.clock = new ZoneClock(model.zone);
    this.fromDay = fromDay;
    this.fromDate = formatCivilDate(fromDay);
    this.dayBefore = formatCivilDate(fromDay - 1);
    this.fromMs = localInstant(fromDay, 0, model.zone);
    for (const trip of previous.trips) {
      this.tripIds.add(trip.id);
      const depart = parseInstant(trip.depart) as number;
      const day = this.clock.dayOf(depart);
      if (day < fromDay) {
        this.before.push(trip);
        this.beforeDeparts.push(depart);
      } else {
        const arrive = parseInstant(trip.arrive) as number;
        this.after.push({
          trip: { ...trip, passengers: [...trip.passengers] },
          depart,
          arrive,
          day,
          removed: false,
        });
      }
    }
    this.after.sort(byDeparture);
    this.vehicles = previous.vehicles;
    this.assignments = previous.assignments;
    this.tests = [...previous.tests];
    this.unserved = [...previous.unserved];
    this.loops = new Map(previous.loops.map((loop) => [loop.id, loop]));
  }

  /** A trip id no trip has yet, from a readable base. */
  newTripId(base: string): string {
    let id = base;
    for (let n = 2; this.tripIds.has(id); n++) id = `${base}~${n}`;
    this.tripIds.add(id);
    return id;
  }

  /** The trips from `from` on that still run, per vehicle, in departure order. */
  afterByVehicle(): Map<string, WorkTrip[]> {
    this.ensureSorted();
    const byVehicle = new Map<string, WorkTrip[]>();
    for (const work of this.after) {
      if (work.removed) continue;
      const list = byVehicle.get(work.trip.vehicleId);
      if (list === undefined) byVehicle.set(work.trip.vehicleId, [work]);
      else list.push(work);
    }
    return byVehicle;
  }

  /**
   * For each ride home among `trips` (to-dormitory, with riders), the latest day on which
   * one of its riders' shifts began — the day their previous ride, to the plant, left. A
   * driver or vehicle whose periods all start after that day may still bring the shift home
   * (SPEC §3), and so may the empty run to the plant just before it. `trips` are one
   * vehicle's, in time order. Trips that are no such ride are absent.
   */
  shiftDaysOf(trips: readonly WorkTrip[]): Map<WorkTrip, DayNumber> {
    const homes = trips.filter(
      (work) => work.trip.direction === "to-dormitory" && work.trip.passengers.length > 0,
    );
    const riders = new Set(homes.flatMap((work) => work.trip.passengers.map((p) => p.personId)));
    const rides = new Map<string, { depart: number; toPlant: boolean; work?: WorkTrip }[]>();
    const add = (personId: string, ride: { depart: number; toPlant: boolean; work?: WorkTrip }) => {
      const list = rides.get(personId);
      if (list === undefined) rides.set(personId, [ride]);
      else list.push(ride);
    };
    const since = this.fromMs - 2 * 86_400_000; // a shift's ride in leaves at most a day before
    this.before.forEach((trip, i) => {
      if ((this.beforeDeparts[i] as number) < since) return;
      for (const p of trip.passengers) {
        if (riders.has(p.personId))
          add(p.personId, {
            depart: this.beforeDeparts[i] as number,
            toPlant: trip.direction === "to-plant",
          });
      }
    });
    for (const work of this.after) {
      if (work.removed) continue;
      for (const p of work.trip.passengers)
        if (riders.has(p.personId))
          add(p.personId, {
            depart: work.depart,
            toPlant: work.trip.direction === "to-plant",
            work,
          });
    }
    for (const list of rides.values()) list.sort((a, b) => a.depart - b.depart);
    const out = new Map<WorkTrip, DayNumber>();
    for (const home of homes) {
      let latest = Number.NEGATIVE_INFINITY;
      for (const p of home.trip.passengers) {
        const list = rides.get(p.personId) ?? [];
        const at = list.findIndex((ride) => ride.work === home);
        const previous = list[at - 1];
        if (previous === undefined || !previous.toPlant) {
          latest = Number.NaN;
          break;
        }
        latest = Math.max(latest, this.clock.dayOf(previous.depart));
      }
      if (!Number.isNaN(latest)) out.set(home, latest);
    }
    // An empty run that takes the vehicle, same driver, to such a ride home counts with it.
    for (let k = trips.length - 2; k >= 0; k--) {
      const run = trips[k] as WorkTrip;
      const next = trips[k + 1] as WorkTrip;
      const shiftDay = out.get(next);
      if (
        shiftDay !== undefined &&
        run.trip.direction === "to-plant" &&
        run.trip.passengers.length === 0 &&
        run.trip.driverId === next.trip.driverId
      )
        out.set(run, shiftDay);
    }
    return out;
  }

  /**
   * Ends a vehicle's entries the day before `from` (SPEC §5 periods) and, with `next`, starts
   * a new entry (of it or of a vehicle taking its place) on `from`.
   */
  endVehicleEntry(vehicleId: string, next?: Omit<RosterVehicle, "from" | "to">): void {
    this.endedVehicles.add(vehicleId);
    if (next !== undefined) this.startedVehicles.push({ ...next, from: this.fromDate });
  }

  /** Ends a person's assignments the day before `from` and starts `next` on it. */
  reassign(next: Omit<Assignment, "from" | "to">): void {
    this.movedPeople.set(next.personId, { ...next, from: this.fromDate });
  }

  /** A vehicle's passenger capacity under the scenario's load factor. */
  capacityOf(vehicleId: string): number {
    const vehicle = this.model.vehicles.get(vehicleId);
    return vehicle === undefined
      ? 0
      : vehicleCapacity(vehicle.seats, this.model.scenario.policy.loadFactor);
  }

  /** Adds a trip from `from` on, keeping departure order. */
  addTrip(work: WorkTrip): void {
    this.after.push(work);
    this.unsorted = true;
  }

  /** Puts added trips in departure order (sorting once, not on every addition). */
  private ensureSorted(): void {
    if (!this.unsorted) return;
    this.after.sort(byDeparture);
    this.unsorted = false;
  }

  /** The roster: trips in departure order, entries and lists sorted as the planner sorts them. */
  toRoster(): Roster {
    this.ensureSorted();
    const after = this.after.filter((work) => !work.removed);
    const trips = [
      ...this.before.map((trip, i) => ({ trip, depart: this.beforeDeparts[i] as number })),
      ...after,
    ]
      .sort((a, b) => a.depart - b.depart || compareText(a.trip.id, b.trip.id))
      .map((entry) => entry.trip);
    for (const work of after)
      work.trip.passengers.sort((a, b) => a.seat - b.seat || compareText(a.personId, b.personId));
    const byFrom = (a: { from?: string | undefined }, b: { from?: string | undefined }) =>
      compareText(a.from ?? "", b.from ?? "");
    const vehicles = [
      ...cutAt(
        this.vehicles,
        (e) => this.endedVehicles.has(e.vehicleId),
        this.fromDate,
        this.dayBefore,
      ),
      ...this.startedVehicles,
    ].sort((a, b) => compareText(a.vehicleId, b.vehicleId) || byFrom(a, b));
    const assignments = [
      ...cutAt(
        this.assignments,
        (a) => this.movedPeople.has(a.personId),
        this.fromDate,
        this.dayBefore,
      ),
      ...this.movedPeople.values(),
    ].sort((a, b) => compareText(a.personId, b.personId) || byFrom(a, b));
    const tests = [...this.tests];
    const unserved = [...this.unserved].sort(
      (a, b) => compareText(a.personId, b.personId) || compareText(a.date, b.date),
    );
    const boardings = trips.reduce((sum, trip) => sum + trip.passengers.length, 0);
    return {
      version: 1,
      timeZone: this.previous.timeZone,
      horizon: { ...this.previous.horizon },
      loops: this.previous.loops,
      vehicles,
      assignments,
      trips,
      tests,
      unserved,
      stats: {
        vehiclesUsed: new Set(trips.map((trip) => trip.vehicleId)).size,
        fleetLowerBound: this.previous.stats.fleetLowerBound,
        trips: trips.length,
        emptyTrips: trips.filter((trip) => trip.passengers.length === 0).length,
        boardings,
        unservedShifts: unserved.length,
      },
    };
  }
}

function byDeparture(a: WorkTrip, b: WorkTrip): number {
  return a.depart - b.depart || compareText(a.trip.id, b.trip.id);
}
