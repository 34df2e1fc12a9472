/**
 * fixed-person's fast path: whether a boarding is the usual one, decided by comparing
 * numbers. Usual: the person rides the vehicle and seat of their assignment covering the
 * trip's date, on a known loop whose enterprise (any, for a mixed "*" loop), dormitory and
 * plant are theirs, and they are a worker. fixed-person looks for words only where this says
 * no. So "no" for a usual boarding costs only time, and "yes" for any other would hide a
 * violation: its tests hold it to both, which the rule's own reports cannot show. Only a
 * person whose assignments have dates (or are several) costs a date and a search.
 */
import type { Assignment } from "../../roster/schema.js";
import type { PersonAssignments } from "../assignments.js";
import type { ValidationContext } from "../context.js";
import type { Coverage } from "../periods.js";
import { staffColumns } from "../staff-columns.js";

/** An id the scenario lacks: no staff column holds it (theirs hold -1 at most). */
const UNKNOWN = -2;
/** A mixed loop's enterprise: every enterprise. */
const ANY = -1;
/** A person whose assignment depends on the date: looked up per boarding. */
const DATED = -3;

/**
 * A test of one boarding: person (a staff index), trip index and seat.
 * @param assignments - each staff index's assignments
 * @example
 * const isUsual = usualBoardingTest(context, personAssignments(model, roster.assignments));
 * isUsual(w1, 0, 1) //=> true: w1 rides trip 0 in their fixed seat 1
 */
export function usualBoardingTest(
  context: ValidationContext,
  assignments: PersonAssignments,
): (person: number, trip: number, seat: number) => boolean {
  const { model, roster, loops } = context;
  const staff = staffColumns(model);
  const vehicleIndex = new Map(
    model.scenario.vehicles.map((vehicle, index) => [vehicle.id, index]),
  );
  const vehicleOf = (vehicleId: string) => vehicleIndex.get(vehicleId) ?? UNKNOWN;
  const { always, dated } = assignments;
  const assignedVehicle = new Int32Array(always.length).fill(UNKNOWN);
  const assignedSeat = new Float64Array(always.length).fill(Number.NaN);
  always.forEach((assignment, index) => {
    if (assignment === undefined) return;
    assignedVehicle[index] = vehicleOf(assignment.vehicleId);
    assignedSeat[index] = assignment.seat;
  });
  // A dated person's assignments, and each assignment's vehicle as a number (by list index).
  const periodsOf: (Coverage<Assignment> | undefined)[] = new Array(always.length);
  const vehicleOfAssignment = new Int32Array(roster.assignments.length).fill(UNKNOWN);
  for (const [index, coverage] of dated) {
    if (coverage.always !== undefined) continue;
    assignedVehicle[index] = DATED;
    periodsOf[index] = coverage;
    for (const { entry, index: k } of coverage.entries)
      vehicleOfAssignment[k] = vehicleOf(entry.vehicleId);
  }
  const mixed = context.policy.mixEnterprises;
  const siteOf = (siteId: string) => model.siteIndex.get(siteId) ?? UNKNOWN;
  // Per trip, its vehicle and its loop as numbers.
  const trips = roster.trips.map((trip) => {
    const loop = loops.get(trip.loopId);
    return {
      vehicle: vehicleOf(trip.vehicleId),
      enterprise:
        loop === undefined
          ? UNKNOWN
          : mixed && loop.enterpriseId === "*"
            ? ANY
            : (staff.enterpriseIndex.get(loop.enterpriseId) ?? UNKNOWN),
      dormitory: loop === undefined ? UNKNOWN : siteOf(loop.dormitoryId),
      plant: loop === undefined ? UNKNOWN : siteOf(loop.plantId),
    };
  });

  /** Whether a dated person's assignment covering the trip's date names this vehicle and seat. */
  const onDate = (person: number, trip: number, seat: number, vehicle: number) => {
    const assignment = periodsOf[person]?.on(context.tripDay(trip));
    return (
      assignment !== undefined &&
      vehicleOfAssignment[assignment.index] === vehicle &&
      assignment.entry.seat === seat
    );
  };

  return (person, trip, seat) => {
    const home = trips[trip];
    if (home === undefined || home.vehicle === UNKNOWN) return false;
    const assigned = assignedVehicle[person];
    return (
      (assigned === DATED
        ? onDate(person, trip, seat, home.vehicle)
        : assigned === home.vehicle && assignedSeat[person] === seat) &&
      staff.worker[person] === 1 &&
      (home.enterprise === ANY || staff.enterprise[person] === home.enterprise) &&
      staff.dormitory[person] === home.dormitory &&
      staff.plant[person] === home.plant
    );
  };
}
