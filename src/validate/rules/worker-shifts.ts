/**
 * Workers' shift instances for `shift-coverage`, read as columns. A district has a hundred
 * thousand workers but a handful of rotations, and a crew's workers come one after another:
 * a worker on the same rotation as the one before gets the same shifts without another
 * `expandSchedule` (a weak-map probe at best, a JSON key the first time).
 */

import { expandSchedule, type ShiftInstance } from "../../facts/shift-instances.js";
import type { ScenarioModel } from "../../scenario/model.js";
import type { Schedule } from "../../scenario/schema.js";

/** Shift s of a worker: `instances[s]`, its start and end (epoch ms) and horizon day. */
export interface WorkerShifts {
  instances: readonly ShiftInstance[];
  start: Float64Array;
  end: Float64Array;
  /** The day the shift starts on, counted from the horizon's first day (it lies in the horizon). */
  day: Int32Array;
}

/** Whether two schedules are one rotation, and so expand to the same shifts. */
export function sameRotation(a: Schedule, b: Schedule): boolean {
  if (!("cycle" in a) || !("cycle" in b) || a.anchor !== b.anchor) return false;
  if (a.cycle.length !== b.cycle.length) return false;
  for (let i = 0; i < a.cycle.length; i++) if (a.cycle[i] !== b.cycle[i]) return false;
  return true;
}

/** A reader of schedules' shifts over the model's horizon, reusing the last one's. */
export function workerShifts(model: ScenarioModel): (schedule: Schedule) => WorkerShifts {
  let last: { schedule: Schedule; shifts: WorkerShifts } | undefined;
  return (schedule) => {
    if (last !== undefined && sameRotation(schedule, last.schedule)) return last.shifts;
    const instances = expandSchedule(
      schedule,
      model.shifts,
      model.firstDay,
      model.days,
      model.zone,
    );
    const shifts: WorkerShifts = {
      instances,
      start: Float64Array.from(instances, (shift) => shift.start),
      end: Float64Array.from(instances, (shift) => shift.end),
      day: Int32Array.from(instances, (shift) => shift.day - model.firstDay),
    };
    last = { schedule, shifts };
    return shifts;
  };
}
