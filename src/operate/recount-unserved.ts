/**
 * The unserved list after a re-plan, for the people a change reached: each of their shifts
 * from `from` on (a joiner's, all of them) is either served — a ride in arriving and a ride
 * home leaving inside the shift's windows — or listed with why not: unavailable, the
 * enterprise not eligible, or what the re-plan could not find (no vehicle, no driver, ...).
 */
import type { AvailabilityIndex } from "../facts/availability.js";
import { expandSchedule } from "../facts/shift-instances.js";
import type { UnservedEntry } from "../roster/schema.js";
import type { DayNumber } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";
import type { WorkingRoster } from "./working-roster.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

interface Ride {
  toPlant: boolean;
  depart: number;
  arrive: number;
}

/**
 * Rewrites the unserved entries of `people` from `from` on (for `joiners`, on every date).
 * `because` gives the reason for a shift that is neither served, nor unavailable, nor on an
 * ineligible day; without one, the previous roster's reason for that date stands, else
 * `"no-vehicle"`.
 */
export function recountUnserved(
  working: WorkingRoster,
  people: ReadonlySet<string>,
  joiners: ReadonlySet<string>,
  availability: AvailabilityIndex,
  isEligible: (enterpriseId: string, day: DayNumber) => boolean,
  because: ReadonlyMap<string, string>,
): void {
  const { model, fromDate } = working;
  const { policy } = model.scenario;
  const rides = ridesOf(working, people);
  const previousReason = new Map<string, string>();
  const kept: UnservedEntry[] = [];
  for (const entry of working.unserved) {
    const redo =
      people.has(entry.personId) && (joiners.has(entry.personId) || entry.date >= fromDate);
    if (redo) previousReason.set(`${entry.personId}|${entry.date}`, entry.reason);
    else kept.push(entry);
  }
  for (const personId of people) {
    const person = model.staff.get(personId);
    if (person?.role !== "worker" || person.schedule === undefined) continue;
    const instances = expandSchedule(
      person.schedule,
      model.shifts,
      model.firstDay,
      model.days,
      model.zone,
    );
    const mine = rides.get(personId) ?? [];
    for (const shift of instances) {
      if (!joiners.has(personId) && shift.date < fromDate) continue;
      const inLo = shift.start - policy.maxWaitMinutes * MS_PER_MINUTE;
      const inHi = shift.start - policy.arriveBeforeShiftMinutes * MS_PER_MINUTE;
      const homeLo = shift.end + policy.departAfterShiftMinutes * MS_PER_MINUTE;
      const homeHi = shift.end + policy.maxWaitMinutes * MS_PER_MINUTE;
      const served =
        mine.some((ride) => ride.toPlant && ride.arrive >= inLo && ride.arrive <= inHi) &&
        mine.some((ride) => !ride.toPlant && ride.depart >= homeLo && ride.depart <= homeHi);
      if (served) continue;
      const reason = !availability.personAvailable(personId, shift.day)
        ? "unavailable"
        : !isEligible(person.enterpriseId, shift.day)
          ? "enterprise-ineligible"
          : (because.get(personId) ??
            previousReason.get(`${personId}|${shift.date}`) ??
            "no-vehicle");
      kept.push({ personId, date: shift.date, reason });
    }
  }
  working.unserved = kept;
}

/** The rides of `people` from a day before `from` on (a shift's ride in may leave the day before). */
function ridesOf(working: WorkingRoster, people: ReadonlySet<string>): Map<string, Ride[]> {
  const out = new Map<string, Ride[]>();
  const add = (personId: string, ride: Ride) => {
    const list = out.get(personId);
    if (list === undefined) out.set(personId, [ride]);
    else list.push(ride);
  };
  const since = working.fromMs - 2 * MS_PER_DAY;
  working.before.forEach((trip, i) => {
    const depart = working.beforeDeparts[i] as number;
    if (depart < since) return;
    const ride = {
      toPlant: trip.direction === "to-plant",
      depart,
      arrive: parseInstant(trip.arrive) as number,
    };
    for (const p of trip.passengers) if (people.has(p.personId)) add(p.personId, ride);
  });
  for (const work of working.after) {
    if (work.removed) continue;
    const ride = {
      toPlant: work.trip.direction === "to-plant",
      depart: work.depart,
      arrive: work.arrive,
    };
    for (const p of work.trip.passengers) if (people.has(p.personId)) add(p.personId, ride);
  }
  return out;
}
