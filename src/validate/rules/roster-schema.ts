/**
 * roster-schema: the roster has the shape of SPEC §5, stays within the scenario's size
 * limits, and belongs to this scenario's zone and horizon; if not, nothing else is checked.
 * Guards everything after it: no rule runs on data it cannot trust.
 */
import { duplicateIdIssue, type IdList } from "../../roster/parse.js";
import { walkRosterShape } from "../../roster/walk-shape.js";
import type { ScenarioModel } from "../../scenario/model.js";
import type { InputIssue } from "../../util/issues.js";
import { checkRosterLimits } from "../limits.js";
import { type IndexedRoster, readRosterOrRepeats } from "../read-roster.js";
import type { ViolationKey } from "../report.js";
import type { Emit } from "../rule.js";
import type { RosterSchemaViolation } from "../violations.js";

/** Words for whatever was thrown, even an object that cannot be turned into text. */
function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "an unreadable value";
  }
}

function unreadable(why: string): RosterSchemaViolation {
  return { code: "roster-schema", path: [], message: `the roster cannot be read: ${why}` };
}

/** The key of a repeated id's violation, reused from repeat to repeat (there may be millions). */
class RepeatKey implements ViolationKey {
  list: IdList = "trips";
  index = 0;
  get path(): (string | number)[] {
    return [this.list, this.index, "id"];
  }
}

/** Emits a shape issue, building nothing when the report will not list it. */
function emitIssue(emit: Emit<"roster-schema">, issue: InputIssue): void {
  if (!emit.unlisted({ path: issue.path }))
    emit({ code: "roster-schema", path: issue.path, message: issue.message });
}

/**
 * The roster read: within the size limits (lengths checked before anything is read), or else
 * one violation per limit at once; then the fast reader's one pass, or, for anything it does
 * not take, a walk item by item in which zod judges only the items the fast readers refuse;
 * repeated loop and trip ids are found by the read. May throw what a getter or proxy throws.
 */
function readChecked(
  model: ScenarioModel,
  input: unknown,
  emit: Emit<"roster-schema">,
): IndexedRoster | undefined {
  const over = checkRosterLimits(model.scenario, input);
  if (over.length > 0) {
    for (const violation of over) emit(violation);
    return undefined;
  }
  let read = readRosterOrRepeats(model, input);
  if (read === undefined) {
    const checked = walkRosterShape(input, (issue) => emitIssue(emit, issue));
    if (checked === undefined) return undefined;
    read = readRosterOrRepeats(model, checked);
    // Unreachable while the reader accepts whatever zod accepts (a property test holds it).
    if (read === undefined) {
      emit(unreadable("its shape is accepted but it cannot be indexed"));
      return undefined;
    }
  }
  if ("roster" in read) return read.roster;
  const repeats = read.repeats;
  const key = new RepeatKey();
  for (let r = 0; r < repeats.count; r++) {
    key.list = repeats.listOf(r);
    key.index = repeats.index.at(r);
    if (emit.unlisted(key)) continue;
    const issue = duplicateIdIssue(key.list, key.index, repeats.first.at(r), repeats.idOf(r));
    emit({ code: "roster-schema", ...issue });
  }
  return undefined;
}

/**
 * The roster read and indexed, or `undefined` once the shape violations that stop
 * validation have been emitted. Never throws: a roster that throws when read is one
 * violation at its root.
 *
 * @example
 * const roster = screenRoster(model, input, collector.emitter("roster-schema"));
 * if (roster === undefined) return collector.report(); // roster-schema violations only
 */
export function screenRoster(
  model: ScenarioModel,
  input: unknown,
  emit: Emit<"roster-schema">,
): IndexedRoster | undefined {
  let roster: IndexedRoster | undefined;
  try {
    roster = readChecked(model, input, emit);
  } catch (error) {
    // A getter that throws, a revoked proxy: the value cannot even be read.
    emit(unreadable(describeThrown(error)));
    return undefined;
  }
  if (roster === undefined) return undefined;
  const scenario = model.scenario;
  let fits = true;
  if (roster.timeZone !== scenario.timeZone) {
    fits = false;
    emit({
      code: "roster-schema",
      path: ["timeZone"],
      message: `the roster is for time zone ${roster.timeZone}, the scenario for ${scenario.timeZone}`,
    });
  }
  if (
    roster.horizon.start !== scenario.horizon.start ||
    roster.horizon.days !== scenario.horizon.days
  ) {
    fits = false;
    emit({
      code: "roster-schema",
      path: ["horizon"],
      message: `the roster covers ${roster.horizon.days} days from ${roster.horizon.start}, the scenario ${scenario.horizon.days} from ${scenario.horizon.start}`,
    });
  }
  return fits ? roster : undefined;
}

/**
 * {@link screenRoster} with every violation gathered: the roster indexed, or the violations
 * that stop validation (all of them, however many: for small rosters and tests).
 *
 * @example
 * const shape = checkRosterSchema(scenarioModel(scenario), roster);
 * if ("violations" in shape) console.log(shape.violations.length);
 */
export function checkRosterSchema(
  model: ScenarioModel,
  input: unknown,
): { roster: IndexedRoster } | { violations: RosterSchemaViolation[] } {
  const violations: RosterSchemaViolation[] = [];
  const emit = Object.assign((violation: RosterSchemaViolation) => violations.push(violation), {
    unlisted: () => false,
  });
  const roster = screenRoster(model, input, emit);
  return roster === undefined ? { violations } : { roster };
}
