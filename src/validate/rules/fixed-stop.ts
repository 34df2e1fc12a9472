/**
 * fixed-stop: a trip runs between its loop's two stops only — dormitory → plant to the
 * plant, plant → dormitory back. Guards the fixed stop (定點): two points, one line.
 */
import type { Rule } from "../rule.js";

export const checkFixedStop: Rule<"fixed-stop"> = (context, emit) => {
  context.roster.trips.forEach((trip, i) => {
    const loop = context.loops.get(trip.loopId);
    if (loop === undefined) return;
    const toPlant = trip.direction === "to-plant";
    const expected = toPlant
      ? { from: loop.dormitoryId, to: loop.plantId }
      : { from: loop.plantId, to: loop.dormitoryId };
    if (trip.from === expected.from && trip.to === expected.to) return;
    emit({
      code: "fixed-stop",
      tripId: trip.id,
      loopId: loop.id,
      vehicleId: trip.vehicleId,
      date: context.tripDate(i),
      expected,
      found: { from: trip.from, to: trip.to },
      message: `${context.describeTrip(i)} runs ${trip.from} → ${trip.to}; a ${trip.direction} trip of loop ${loop.id} runs ${expected.from} → ${expected.to}`,
    });
  });
};
