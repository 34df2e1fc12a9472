/**
 * `replan` (SPEC §7.2): a running roster carried through incidents — a positive case, an
 * isolation, a vehicle out of service, a leaver, a joiner, a case outside the loop — moving
 * as few people as possible. The past (trips and tests before `from`) stays as it was;
 * untouched people keep their vehicle and seat, untouched vehicles their loop and driver;
 * only the loops a change reaches are re-planned, and what the fleet cannot cover is listed
 * as unserved with the reason.
 */
import { availabilityIndex } from "../facts/availability.js";
import { eligibilityIndex } from "../facts/eligibility.js";
import { isParsedRoster, markParsedRoster } from "../roster/parse.js";
import type { Roster } from "../roster/schema.js";
import { type ScenarioModel, scenarioModel } from "../scenario/model.js";
import { safeParseScenario } from "../scenario/parse.js";
import type { ScenarioInput } from "../scenario/schema.js";
import { civilDay } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";
import { InvalidArgumentError, RosterError } from "../util/errors.js";
import { validateRoster } from "../validate/validate-roster.js";
import { type AppliedChanges, applyChanges } from "./apply-changes.js";
import { type Change, checkChanges } from "./changes.js";
import { dropForbiddenRides, pruneEmptyRuns } from "./drop-rides.js";
import { keepVehiclesRunning } from "./keep-vehicles-running.js";
import { placeJoiners } from "./place-joiners.js";
import { recountUnserved } from "./recount-unserved.js";
import { type ReplanSummary, summarize } from "./summary.js";
import { TestBook } from "./test-book.js";
import { WorkingRoster } from "./working-roster.js";

/** Options of {@link replan}. */
export interface ReplanOptions {
  /** Called with a short line as each step starts (for progress output). */
  onProgress?: ((message: string) => void) | undefined;
}

/** What {@link replan} returns. */
export interface ReplanResult {
  /** The scenario with the changes applied (data, not parsed). */
  scenario: ScenarioInput;
  /** The new roster: valid against `scenario`. */
  roster: Roster;
  summary: ReplanSummary;
}

/** How many of the previous roster's violations an error names. */
const VIOLATIONS_NAMED = 5;

/**
 * Re-plans a running roster after changes, moving as few people as possible.
 *
 * @param scenario - the scenario the previous roster was planned for (input or parsed)
 * @param previous - that roster; it must validate against `scenario`
 * @param changes - what happened (SPEC §7.2), in any order
 * @returns the changed scenario, the new roster and a summary of what moved and why
 * @throws {RosterError} if `previous` is not a roster, or breaks a rule against `scenario`
 * @throws {NotFoundError} for an unknown person, vehicle or enterprise in a change
 * @throws {InvalidArgumentError} for a malformed change or a date outside the roster's dates
 * @example
 * const scenario = jinshanScenario();
 * const roster = planRoster(scenario);
 * const after = replan(scenario, roster, [{ kind: "positive-case", personId: "secco-0001", date: "2022-05-20" }]);
 * after.summary.moved.length //=> 0 (their seats wait for them)
 * validateRoster(after.scenario, after.roster).ok //=> true
 */
export function replan(
  scenario: ScenarioInput,
  previous: unknown,
  changes: readonly Change[],
  options?: ReplanOptions | undefined,
): ReplanResult {
  const progress = options?.onProgress ?? (() => {});
  const model = scenarioModel(scenario);
  progress("checking the previous roster");
  // One read: the validator checks the shape (roster-schema) before any rule, so a roster
  // it passes is a Roster as it stands; it is only read from here on, never changed.
  const report = validateRoster(model.scenario, previous, { maxViolations: VIOLATIONS_NAMED });
  if (!report.ok) {
    throw new RosterError(
      report.violations.map((violation) => ({
        path: violation.path ?? [],
        message: `${violation.code}: ${violation.message}`,
      })),
    );
  }
  const before = previous as Roster;
  // The new roster shares objects with `previous` (its loops, say): it is trusted as parsed
  // (exports skip its shape check) only when `previous` was, never when the caller built it.
  const parsed = (roster: Roster) => (isParsedRoster(previous) ? markParsedRoster(roster) : roster);
  const firstDay = model.firstDay;
  const changeList = checkChanges(model, changes, firstDay, firstDay + model.days);
  const applied = applyChanges(model, scenario, before, changeList);
  if (applied.from === null) {
    return {
      scenario: applied.scenario,
      roster: parsed(structuredClone(previous) as Roster),
      summary: summarize(before, before, null),
    };
  }
  const next = parseChanged(applied);
  progress(`re-planning from ${applied.from}`);
  const roster = parsed(patchRoster(model, next, before, applied));
  return {
    scenario: applied.scenario,
    roster,
    summary: summarize(before, roster, applied.from),
  };
}

/** The changed scenario, parsed; a joiner who does not fit it is a bad argument. */
function parseChanged(applied: AppliedChanges): ScenarioModel {
  const result = safeParseScenario(applied.scenario);
  if (!result.success)
    throw new InvalidArgumentError(
      `the changes do not make a valid scenario:\n${result.error.message}`,
    );
  const model = scenarioModel(result.data);
  // A joiner needs a bed: a dormitory over its beds is a fact no roster can mend.
  const residents = new Map<string, number>();
  for (const person of model.scenario.staff)
    residents.set(person.dormitoryId, (residents.get(person.dormitoryId) ?? 0) + 1);
  for (const joinerId of applied.joiners) {
    const dormitoryId = model.staff.get(joinerId)?.dormitoryId ?? "";
    const beds = model.sites.get(dormitoryId)?.beds;
    const count = residents.get(dormitoryId) ?? 0;
    if (beds !== undefined && count > beds)
      throw new InvalidArgumentError(
        `joiner ${joinerId} has no bed: dormitory ${dormitoryId} would house ${count} staff in ${beds} beds`,
      );
  }
  return model;
}

/** The new roster: the previous one, mended from `from` on. */
function patchRoster(
  oldModel: ScenarioModel,
  model: ScenarioModel,
  previous: Roster,
  applied: AppliedChanges,
): Roster {
  const fromDay = Math.max(civilDay(applied.from as string), model.firstDay);
  const working = new WorkingRoster(model, previous, fromDay);
  const availability = availabilityIndex(model);
  const isEligible = eligibilityIndex(model);

  // Who a change reaches: people made unavailable, every worker of an enterprise with a new case.
  const people = new Set(applied.madeUnavailable);
  const oldCases = new Map(
    oldModel.scenario.enterprises.map((e) => [e.id, e.positiveCases.join(",")]),
  );
  const newCaseAt = new Set(
    model.scenario.enterprises
      .filter((e) => oldCases.get(e.id) !== e.positiveCases.join(","))
      .map((e) => e.id),
  );
  for (const person of model.scenario.staff)
    if (person.role === "worker" && newCaseAt.has(person.enterpriseId)) people.add(person.id);

  const { lost, vehicles: lostRiders } = dropForbiddenRides(
    working,
    people,
    availability,
    isEligible,
  );
  const byVehicle = working.afterByVehicle();
  for (const vehicleId of lostRiders) pruneEmptyRuns(byVehicle.get(vehicleId) ?? []);

  const book = new TestBook(working);
  const kept = keepVehiclesRunning(working, availability, book);
  const joinerFailures = placeJoiners(working, applied.joiners, availability, isEligible, book);

  // Tests from `from` on only for people who still board something from `from` on.
  const boarding = new Set<string>();
  for (const work of working.after) {
    if (work.removed) continue;
    boarding.add(work.trip.driverId);
    for (const p of work.trip.passengers) boarding.add(p.personId);
  }
  working.tests = book.appointments();
  const fromMs = working.fromMs;
  working.tests = working.tests.filter(
    (test) => boarding.has(test.personId) || (parseInstant(test.at) as number) < fromMs,
  );

  const reasons = new Map<string, string>([...kept.stranded, ...joinerFailures]);
  const recount = new Set<string>([
    ...people,
    ...lost.keys(),
    ...kept.moved,
    ...kept.stranded.keys(),
    ...applied.joiners,
  ]);
  recountUnserved(working, recount, new Set(applied.joiners), availability, isEligible, reasons);
  return working.toRoster();
}
