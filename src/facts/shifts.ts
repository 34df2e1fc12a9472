/** Workers' shift instances over the horizon, as dated instants (SPEC §2). */

import { scenarioModel } from "../scenario/model.js";
import type { ScenarioInput } from "../scenario/schema.js";
import { formatInstant } from "../time/local-time.js";
import { NotFoundError } from "../util/errors.js";
import { expandSchedule } from "./shift-instances.js";

/** One shift one worker works. */
export interface WorkerShift {
  personId: string;
  shiftId: string;
  /** The local date the shift starts on. */
  date: string;
  /** ISO 8601 with offset. */
  start: string;
  end: string;
}

/**
 * Every worker's shift instances whose start date lies in the horizon, in date order per
 * worker (workers in scenario order). Pass `personId` for one worker.
 *
 * @example
 * shiftInstances(jinshanScenario(), "secco-0001")[0]
 * //=> { personId: "secco-0001", shiftId: "day", date: "2022-05-16",
 * //     start: "2022-05-16T08:00:00+08:00", end: "2022-05-16T17:00:00+08:00" }
 */
export function shiftInstances(
  scenario: ScenarioInput,
  personId?: string | undefined,
): WorkerShift[] {
  const model = scenarioModel(scenario);
  const people = personId === undefined ? model.scenario.staff : [model.staff.get(personId)];
  if (people[0] === undefined && personId !== undefined) {
    throw new NotFoundError(`unknown person ${JSON.stringify(personId)}`);
  }
  const out: WorkerShift[] = [];
  for (const person of people) {
    if (person?.schedule === undefined || person.role !== "worker") continue;
    for (const instance of expandSchedule(
      person.schedule,
      model.shifts,
      model.firstDay,
      model.days,
      model.zone,
    )) {
      out.push({
        personId: person.id,
        shiftId: instance.shiftId,
        date: instance.date,
        start: formatInstant(instance.start, model.zone),
        end: formatInstant(instance.end, model.zone),
      });
    }
  }
  return out;
}
