/**
 * Vehicles that may not run as planned from `from` on: one out of service takes a spare
 * vehicle in its place (its riders in the same seats, its driver if still available, an
 * empty run first if the day starts at the plant); one that lost its driver takes a spare
 * driver living in the loop's dormitory. Where neither can be found, the riders go to
 * other vehicles of the loop with room, and whoever is left is unserved with the reason.
 */
import type { AvailabilityIndex, DayPeriod } from "../facts/availability.js";
import { expandSchedule } from "../facts/shift-instances.js";
import type { RosterLoop } from "../roster/schema.js";
import type { Staff, Vehicle } from "../scenario/schema.js";
import type { DayNumber } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";
import { compareText } from "../util/order.js";
import { pruneEmptyRuns } from "./drop-rides.js";
import { reachesInto } from "./periods.js";
import {
  applyPlacement,
  findPlacement,
  placementDeparts,
  type RideNeed,
  type ShiftNeed,
} from "./place-riders.js";
import type { TestBook } from "./test-book.js";
import type { WorkingRoster, WorkTrip } from "./working-roster.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** What keeping the vehicles running did to people. */
export interface KeepRunningResult {
  /** Riders given another vehicle or seat, by id. */
  moved: Set<string>;
  /** Riders who lost rides for want of a vehicle or driver, with the reason. */
  stranded: Map<string, string>;
  /** Drivers who stopped driving a vehicle from `from` on. */
  relievedDrivers: Set<string>;
}

interface Context {
  working: WorkingRoster;
  availability: AvailabilityIndex;
  book: TestBook;
  usedVehicles: Set<string>;
  usedDrivers: Set<string>;
  result: KeepRunningResult;
}

/** Mends every vehicle whose trips from `from` on break a vehicle's or a driver's period. */
export function keepVehiclesRunning(
  working: WorkingRoster,
  availability: AvailabilityIndex,
  book: TestBook,
): KeepRunningResult {
  const result: KeepRunningResult = {
    moved: new Set(),
    stranded: new Map(),
    relievedDrivers: new Set(),
  };
  const byVehicle = working.afterByVehicle();
  const usedVehicles = new Set<string>(byVehicle.keys());
  const usedDrivers = new Set<string>();
  for (const entry of working.vehicles) {
    if (!reachesInto(entry, working.fromDate)) continue;
    usedVehicles.add(entry.vehicleId);
    usedDrivers.add(entry.driverId);
  }
  for (const trips of byVehicle.values())
    for (const work of trips) usedDrivers.add(work.trip.driverId);
  const context: Context = { working, availability, book, usedVehicles, usedDrivers, result };

  for (const vehicleId of [...byVehicle.keys()].sort(compareText)) {
    const trips = byVehicle.get(vehicleId) ?? [];
    const free = (work: WorkTrip) =>
      availability.vehicleAvailable(vehicleId, work.day) &&
      availability.personAvailable(work.trip.driverId, work.day);
    if (trips.every(free)) continue; // the common case: nothing to look into
    const shiftDays = working.shiftDaysOf(trips);
    // A trip is excused inside a period when it brings home shifts begun before it.
    const excused = (work: WorkTrip, periods: readonly DayPeriod[]) => {
      if (periods.length === 0) return true;
      const shiftDay = shiftDays.get(work);
      return shiftDay !== undefined && periods.every((period) => period.from > shiftDay);
    };
    const vehicleFine = (work: WorkTrip) =>
      excused(work, availability.vehiclePeriodsOn(vehicleId, work.day));
    const driverFine = (work: WorkTrip) =>
      excused(work, availability.personPeriodsOn(work.trip.driverId, work.day));
    const vehicleOk = trips.every(vehicleFine);
    if (vehicleOk && trips.every(driverFine)) continue;
    const loop = working.loops.get(trips[0]?.trip.loopId ?? "");
    if (loop === undefined) continue;
    // Should nothing else be found, only the trips inside the periods stop.
    const forbidden = new Set(trips.filter((work) => !vehicleFine(work) || !driverFine(work)));
    if (vehicleOk) {
      if (!giveNewDriver(context, vehicleId, loop, trips))
        strand(context, vehicleId, loop, trips, forbidden, "no-driver");
    } else if (!replaceVehicle(context, vehicleId, loop, trips)) {
      strand(context, vehicleId, loop, trips, forbidden, "no-vehicle");
    }
  }
  return result;
}

/**
 * Who can drive `trips` instead: spare drivers of the loop's dormitory first, then drivers
 * of its other vehicles whose own trips leave room (no overlap, disinfection between, the
 * daily limit kept) — a driver may stand in on a second vehicle between their own runs.
 */
function standInDrivers(context: Context, loop: RosterLoop, trips: readonly WorkTrip[]): Staff[] {
  const { working } = context;
  const own = new Set(trips.map((work) => work.trip.driverId));
  const busy = working.model.scenario.staff
    .filter(
      (person) =>
        person.role === "driver" &&
        person.dormitoryId === loop.dormitoryId &&
        context.usedDrivers.has(person.id) &&
        !own.has(person.id) &&
        fitsBetween(working, person.id, trips),
    )
    .sort((a, b) => compareText(a.id, b.id));
  return [...spareDrivers(context, loop), ...busy];
}

/** Whether a driver's own trips leave room for `trips` (time, disinfection, daily limit). */
function fitsBetween(
  working: WorkingRoster,
  driverId: string,
  trips: readonly WorkTrip[],
): boolean {
  const policy = working.model.scenario.policy;
  const gap = policy.disinfectionMinutes * MS_PER_MINUTE;
  const theirs = driverIntervals(working, driverId, working.fromMs - MS_PER_DAY);
  for (const work of trips) {
    for (const [depart, arrive] of theirs) {
      if (work.depart < arrive + gap && depart < work.arrive + gap) return false;
    }
  }
  for (const day of new Set(trips.map((work) => work.day))) {
    const added = minutesOn(trips, day);
    if (drivingMinutes(working, driverId, day) + added > policy.maxDriverMinutesPerDay)
      return false;
  }
  return true;
}

/** A driver's trips departing from `since` on, as `[depart, arrive]`. */
function driverIntervals(
  working: WorkingRoster,
  driverId: string,
  since: number,
): [number, number][] {
  const out: [number, number][] = [];
  for (const [i, trip] of working.before.entries()) {
    const depart = working.beforeDeparts[i] as number;
    if (trip.driverId === driverId && depart >= since)
      out.push([depart, parseInstant(trip.arrive) as number]);
  }
  for (const work of working.after) {
    if (!work.removed && work.trip.driverId === driverId) out.push([work.depart, work.arrive]);
  }
  return out;
}

/** Drivers who live in the loop's dormitory and drive nothing from `from` on, by id. */
function spareDrivers(context: Context, loop: RosterLoop): Staff[] {
  return context.working.model.scenario.staff
    .filter(
      (person) =>
        person.role === "driver" &&
        person.dormitoryId === loop.dormitoryId &&
        !context.usedDrivers.has(person.id),
    )
    .sort((a, b) => compareText(a.id, b.id));
}

function availableOnAll(context: Context, personId: string, days: Iterable<DayNumber>): boolean {
  for (const day of days) if (!context.availability.personAvailable(personId, day)) return false;
  return true;
}

/** A stand-in driver for a vehicle that keeps running: same vehicle, same riders and seats. */
function giveNewDriver(
  context: Context,
  vehicleId: string,
  loop: RosterLoop,
  trips: readonly WorkTrip[],
): boolean {
  const { working, book } = context;
  const days = new Set(trips.map((work) => work.day));
  const departs = trips.map((work) => work.depart);
  for (const driver of standInDrivers(context, loop, trips)) {
    if (!availableOnAll(context, driver.id, days)) continue;
    const own = [...departs, ...otherDeparts(working, driver.id, vehicleId)].sort((a, b) => a - b);
    if (!book.ensure(driver.id, own)) continue;
    for (const work of trips) context.result.relievedDrivers.add(work.trip.driverId);
    for (const work of trips) work.trip.driverId = driver.id;
    working.endVehicleEntry(vehicleId, { vehicleId, loopId: loop.id, driverId: driver.id });
    context.usedDrivers.add(driver.id);
    return true;
  }
  return false;
}

/**
 * When an empty run must leave to arrive the disinfection time before a trip leaving at
 * `next`. On a zero-minute road with no disinfection time it would coincide with the trip;
 * a minute earlier keeps it first in time order, whatever the trip ids.
 */
function leadTimes(
  next: number,
  routeMinutes: number,
  policy: { disinfectionMinutes: number },
): { depart: number; arrive: number } {
  const early = routeMinutes + policy.disinfectionMinutes === 0 ? MS_PER_MINUTE : 0;
  const arrive = next - policy.disinfectionMinutes * MS_PER_MINUTE - early;
  return { depart: arrive - routeMinutes * MS_PER_MINUTE, arrive };
}

/** Whether a vehicle may serve a loop: its enterprise and dormitory restrictions. */
function mayServe(vehicle: Vehicle, loop: RosterLoop): boolean {
  return (
    (vehicle.enterpriseId === undefined || vehicle.enterpriseId === loop.enterpriseId) &&
    (vehicle.dormitoryId === undefined || vehicle.dormitoryId === loop.dormitoryId)
  );
}

/** Minutes a driver drives on a local day, over the whole working roster. */
function drivingMinutes(working: WorkingRoster, driverId: string, day: DayNumber): number {
  let minutes = 0;
  for (const [depart, arrive] of driverIntervals(working, driverId, working.fromMs - MS_PER_DAY)) {
    if (working.clock.dayOf(depart) === day) minutes += (arrive - depart) / MS_PER_MINUTE;
  }
  return minutes;
}

/** A spare vehicle in place of one out of service, carrying the same riders in the same seats. */
function replaceVehicle(
  context: Context,
  vehicleId: string,
  loop: RosterLoop,
  trips: readonly WorkTrip[],
): boolean {
  const { working, availability, book } = context;
  const { model, clock } = working;
  const policy = model.scenario.policy;
  const first = trips[0] as WorkTrip;
  let lead: { depart: number; arrive: number; day: DayNumber } | undefined;
  if (first.trip.direction === "to-dormitory") {
    // The vehicle starts its service at the dormitory: an empty run takes it to the plant.
    const { depart, arrive } = leadTimes(first.depart, loop.toPlant.minutes, policy);
    if (clock.dayOf(depart) < working.fromDay) return false; // it would change the past
    lead = { depart, arrive, day: clock.dayOf(depart) };
  }
  const days = new Set(trips.map((work) => work.day));
  if (lead !== undefined) days.add(lead.day);
  let maxSeat = 0;
  let maxLoad = 0;
  for (const work of trips) {
    maxLoad = Math.max(maxLoad, work.trip.passengers.length);
    for (const p of work.trip.passengers) maxSeat = Math.max(maxSeat, p.seat);
  }
  const vehicles = model.scenario.vehicles
    .filter(
      (vehicle) =>
        !context.usedVehicles.has(vehicle.id) &&
        mayServe(vehicle, loop) &&
        vehicle.seats >= maxSeat &&
        working.capacityOf(vehicle.id) >= maxLoad &&
        [...days].every((day) => availability.vehicleAvailable(vehicle.id, day)),
    )
    .sort((a, b) => a.seats - b.seats || compareText(a.id, b.id));
  const replacement = vehicles[0];
  if (replacement === undefined) return false;

  const oldDriver = first.trip.driverId;
  const candidates = [
    ...(availableOnAll(context, oldDriver, days) ? [oldDriver] : []),
    ...standInDrivers(context, loop, trips).map((driver) => driver.id),
  ];
  const departs = [...(lead ? [lead.depart] : []), ...trips.map((work) => work.depart)];
  const leadMinutes = lead === undefined ? 0 : loop.toPlant.minutes;
  const driverId = candidates.find((candidate) => {
    if (!availableOnAll(context, candidate, days)) return false;
    if (lead !== undefined) {
      const already = drivingMinutes(working, candidate, lead.day);
      const theirs = candidate === oldDriver ? 0 : minutesOn(trips, lead.day);
      if (already + theirs + leadMinutes > policy.maxDriverMinutesPerDay) return false;
    }
    const ownDeparts = [...departs, ...otherDeparts(working, candidate, vehicleId)].sort(
      (a, b) => a - b,
    );
    return book.ensure(candidate, ownDeparts);
  });
  if (driverId === undefined) return false;

  if (lead !== undefined) {
    working.addTrip({
      trip: {
        id: working.newTripId(`${replacement.id}-lead-${working.fromDate}`),
        loopId: loop.id,
        vehicleId: replacement.id,
        driverId,
        direction: "to-plant",
        from: loop.dormitoryId,
        to: loop.plantId,
        path: [...loop.toPlant.path],
        depart: clock.formatISO(lead.depart),
        arrive: clock.formatISO(lead.arrive),
        passengers: [],
      },
      depart: lead.depart,
      arrive: lead.arrive,
      day: lead.day,
      removed: false,
    });
  }
  const seatOf = new Map<string, number>();
  for (const work of trips) {
    work.removed = true;
    for (const p of work.trip.passengers)
      if (!seatOf.has(p.personId)) seatOf.set(p.personId, p.seat);
    working.addTrip({
      ...work,
      trip: {
        ...work.trip,
        id: working.newTripId(`${work.trip.id}>${replacement.id}`),
        vehicleId: replacement.id,
        driverId,
        passengers: [...work.trip.passengers],
      },
      removed: false,
    });
  }
  working.endVehicleEntry(vehicleId, { vehicleId: replacement.id, loopId: loop.id, driverId });
  for (const [personId, seat] of seatOf) {
    working.reassign({ personId, loopId: loop.id, vehicleId: replacement.id, seat });
    context.result.moved.add(personId);
  }
  if (driverId !== oldDriver) context.result.relievedDrivers.add(oldDriver);
  context.usedVehicles.add(replacement.id);
  context.usedDrivers.add(driverId);
  return true;
}

function minutesOn(trips: readonly WorkTrip[], day: DayNumber): number {
  let minutes = 0;
  for (const work of trips)
    if (work.day === day) minutes += (work.arrive - work.depart) / MS_PER_MINUTE;
  return minutes;
}

/** Departures from `from` on that a driver drives on vehicles other than `vehicleId`. */
function otherDeparts(working: WorkingRoster, driverId: string, vehicleId: string): number[] {
  return working.after
    .filter(
      (work) =>
        !work.removed && work.trip.driverId === driverId && work.trip.vehicleId !== vehicleId,
    )
    .map((work) => work.depart);
}

/**
 * No vehicle or driver for this one: the trips inside its periods stop. Their riders, with
 * the rides that pair with them on this vehicle, go to the loop's other vehicles where there
 * is room at the same times; whoever is left loses those rides. The vehicle keeps running
 * outside the periods, its remaining trips chained again (see {@link rechain}).
 */
function strand(
  context: Context,
  vehicleId: string,
  loop: RosterLoop,
  trips: readonly WorkTrip[],
  forbidden: ReadonlySet<WorkTrip>,
  reason: string,
): void {
  const { working } = context;
  // Each rider's rides on this vehicle, in order, to find the ride paired with a stopped one.
  const ridesOn = new Map<string, WorkTrip[]>();
  for (const work of trips) {
    for (const p of work.trip.passengers) {
      const list = ridesOn.get(p.personId);
      if (list === undefined) ridesOn.set(p.personId, [work]);
      else list.push(work);
    }
  }
  const ridesOf = new Map<string, Set<WorkTrip>>();
  const lose = (personId: string, work: WorkTrip) => {
    const set = ridesOf.get(personId);
    if (set === undefined) ridesOf.set(personId, new Set([work]));
    else set.add(work);
  };
  for (const work of forbidden) {
    for (const p of work.trip.passengers) {
      lose(p.personId, work);
      const own = ridesOn.get(p.personId) ?? [];
      const next = own[own.indexOf(work) + 1];
      // A ride in that stops takes its ride home with it, wherever that falls.
      if (work.trip.direction === "to-plant" && next?.trip.direction === "to-dormitory")
        lose(p.personId, next);
    }
  }
  for (const [personId, lost] of ridesOf)
    for (const work of lost)
      work.trip.passengers = work.trip.passengers.filter((p) => p.personId !== personId);
  for (const work of forbidden) work.removed = true;

  for (const personId of [...ridesOf.keys()].sort(compareText)) {
    const lost = ridesOf.get(personId) ?? new Set<WorkTrip>();
    const all = ridesOn.get(personId) ?? [];
    const staying = all.filter((work) => !lost.has(work));
    // Moving takes all their rides to one other vehicle (one fixed vehicle from `from` on);
    // it is worth it only when it serves more shifts than staying does.
    const { needs, leadingHome } = shiftNeeds(working, personId, all);
    const placement = findPlacement(
      working,
      loop.id,
      needs,
      new Set([vehicleId]),
      undefined,
      leadingHome,
    );
    const better =
      placement !== undefined &&
      placement.served > shiftNeeds(working, personId, staying).needs.length &&
      // Their tests must cover the new times too (one fixed time of day: it may not).
      context.book.ensure(personId, placementDeparts(placement));
    if (better) {
      for (const work of staying)
        work.trip.passengers = work.trip.passengers.filter((p) => p.personId !== personId);
      applyPlacement(working, personId, placement);
      context.result.moved.add(personId);
    }
    if (!better || placement.served < needs.length) context.result.stranded.set(personId, reason);
  }
  rechain(context, vehicleId, loop, trips);
}

/**
 * With trips taken out, a vehicle's next trip may leave from where it is not: an empty run
 * that is out of place goes; a trip with riders gets an empty run before it (its driver,
 * ending the disinfection time before it) when the day allows, else it stops too. Empty runs
 * left with nothing to fetch then go (pruneEmptyRuns).
 */
function rechain(
  context: Context,
  vehicleId: string,
  loop: RosterLoop,
  trips: readonly WorkTrip[],
): void {
  const { working } = context;
  const gap = working.model.scenario.policy.disinfectionMinutes * MS_PER_MINUTE;
  let at: string = loop.dormitoryId;
  let free = Number.NEGATIVE_INFINITY;
  working.before.forEach((trip) => {
    if (trip.vehicleId !== vehicleId) return;
    at = trip.to;
    free = Math.max(free, (parseInstant(trip.arrive) as number) + gap);
  });
  for (const work of trips) {
    if (work.removed) continue;
    if (work.trip.from !== at) {
      if (work.trip.passengers.length === 0 || !addLead(context, loop, work, free)) {
        work.removed = true;
        continue;
      }
    }
    at = work.trip.to;
    free = work.arrive + gap;
  }
  pruneEmptyRuns(working.afterByVehicle().get(vehicleId) ?? []);
}

/** An empty run that takes the vehicle to where `work` leaves from, if one fits. */
function addLead(context: Context, loop: RosterLoop, work: WorkTrip, free: number): boolean {
  const { working, availability, book } = context;
  const { policy } = working.model.scenario;
  const toPlant = work.trip.direction === "to-dormitory";
  const route = toPlant ? loop.toPlant : loop.toDormitory;
  const { depart, arrive } = leadTimes(work.depart, route.minutes, policy);
  const day = working.clock.dayOf(depart);
  if (depart < free || day < working.fromDay) return false;
  const { driverId, vehicleId } = work.trip;
  // Inside a period only the run that fetches a ride home of shifts begun before it may go.
  const shiftDay = toPlant ? working.shiftDaysOf([work]).get(work) : undefined;
  const allows = (periods: readonly DayPeriod[]) =>
    periods.every((period) => shiftDay !== undefined && period.from > shiftDay);
  if (
    !allows(availability.vehiclePeriodsOn(vehicleId, day)) ||
    !allows(availability.personPeriodsOn(driverId, day))
  )
    return false;
  const minutes = drivingMinutes(working, driverId, day) + route.minutes;
  if (minutes > policy.maxDriverMinutesPerDay) return false;
  const own = driverIntervals(working, driverId, working.fromMs).map(([start]) => start);
  if (
    !book.ensure(
      driverId,
      [...own, depart].sort((a, b) => a - b),
    )
  )
    return false;
  working.addTrip({
    trip: {
      id: working.newTripId(`${work.trip.id}-lead`),
      loopId: loop.id,
      vehicleId,
      driverId,
      direction: toPlant ? "to-plant" : "to-dormitory",
      from: toPlant ? loop.dormitoryId : loop.plantId,
      to: toPlant ? loop.plantId : loop.dormitoryId,
      path: [...route.path],
      depart: working.clock.formatISO(depart),
      arrive: working.clock.formatISO(arrive),
      passengers: [],
    },
    depart,
    arrive,
    day,
    removed: false,
  });
  return true;
}

/** A worker's rides (in time order) as shift needs: a leading ride home alone, then pairs. */
function shiftNeeds(
  working: WorkingRoster,
  personId: string,
  rides: readonly WorkTrip[],
): { needs: ShiftNeed[]; leadingHome: boolean } {
  const windowOf = rideWindows(working, personId);
  const needs: ShiftNeed[] = [];
  const leadingHome = rides[0]?.trip.direction === "to-dormitory";
  let i = 0;
  if (leadingHome) {
    needs.push([windowOf(rides[0] as WorkTrip)]);
    i = 1;
  }
  for (; i < rides.length; i += 2) needs.push(rides.slice(i, i + 2).map(windowOf));
  return { needs, leadingHome };
}

/**
 * The window each of a worker's rides had to fall in: the shift's arrival or departure
 * window when the ride matches one of their shifts, else the ride's own time.
 */
function rideWindows(working: WorkingRoster, personId: string): (work: WorkTrip) => RideNeed {
  const { model } = working;
  const { policy } = model.scenario;
  const person = model.staff.get(personId);
  const shifts =
    person?.schedule === undefined
      ? []
      : expandSchedule(person.schedule, model.shifts, model.firstDay, model.days, model.zone);
  return (work) => {
    const toPlant = work.trip.direction === "to-plant";
    const time = toPlant ? work.arrive : work.depart;
    for (const shift of shifts) {
      const lo = toPlant
        ? shift.start - policy.maxWaitMinutes * MS_PER_MINUTE
        : shift.end + policy.departAfterShiftMinutes * MS_PER_MINUTE;
      const hi = toPlant
        ? shift.start - policy.arriveBeforeShiftMinutes * MS_PER_MINUTE
        : shift.end + policy.maxWaitMinutes * MS_PER_MINUTE;
      if (time >= lo && time <= hi) return { toPlant, lo, hi };
    }
    return { toPlant, lo: time, hi: time };
  };
}
