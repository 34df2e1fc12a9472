/**
 * fixed-person's fast path: whether a boarding is the usual one, decided by comparing
 * numbers. Usual: the person rides the vehicle and seat of their assignment, on a known loop
 * whose enterprise (any, for a mixed "*" loop), dormitory and plant are theirs, and they are
 * a worker. fixed-person looks for words only where this says no. So "no" for a usual
 * boarding costs only time, and "yes" for any other would hide a violation: its tests hold
 * it to both, which the rule's own reports cannot show.
 */
import type { Assignment } from "../../roster/schema.js";
import type { ValidationContext } from "../context.js";
import { staffColumns } from "../staff-columns.js";

/** An id the scenario lacks: no staff column holds it (theirs hold -1 at most). */
const UNKNOWN = -2;
/** A mixed loop's enterprise: every enterprise. */
const ANY = -1;

/**
 * A test of one boarding: person (a staff index), trip index and seat.
 * @param assignmentOf - each staff index's first assignment
 */
export function usualBoardingTest(
  context: ValidationContext,
  assignmentOf: readonly (Assignment | undefined)[],
): (person: number, trip: number, seat: number) => boolean {
  const { model, roster, loops } = context;
  const staff = staffColumns(model);
  const vehicleIndex = new Map(
    model.scenario.vehicles.map((vehicle, index) => [vehicle.id, index]),
  );
  const vehicleOf = (vehicleId: string) => vehicleIndex.get(vehicleId) ?? UNKNOWN;
  const assignedVehicle = new Int32Array(assignmentOf.length).fill(UNKNOWN);
  const assignedSeat = new Float64Array(assignmentOf.length).fill(Number.NaN);
  assignmentOf.forEach((assignment, index) => {
    if (assignment === undefined) return;
    assignedVehicle[index] = vehicleOf(assignment.vehicleId);
    assignedSeat[index] = assignment.seat;
  });
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

  return (person, trip, seat) => {
    const home = trips[trip];
    return (
      home !== undefined &&
      home.vehicle !== UNKNOWN &&
      assignedVehicle[person] === home.vehicle &&
      assignedSeat[person] === seat &&
      staff.worker[person] === 1 &&
      (home.enterprise === ANY || staff.enterprise[person] === home.enterprise) &&
      staff.dormitory[person] === home.dormitory &&
      staff.plant[person] === home.plant
    );
  };
}
