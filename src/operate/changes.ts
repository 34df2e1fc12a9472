/**
 * The changes `replan` takes (SPEC §7.2), their shape in zod, and the checks that turn a bad
 * change into a `NotFoundError` (an id the scenario lacks) or an `InvalidArgumentError` (a
 * malformed change, a date outside the roster's dates), naming the change by its index.
 */
import { z } from "zod";
import type { ScenarioModel } from "../scenario/model.js";
import { type StaffInput, staffSchema } from "../scenario/schema.js";
import { type DayNumber, formatCivilDate, parseCivilDate } from "../time/civil-date.js";
import { InvalidArgumentError, NotFoundError } from "../util/errors.js";
import { formatIssues } from "../util/issues.js";

const date = z.string().refine((text) => parseCivilDate(text) !== undefined, {
  error: (issue) => `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
});
const id = z.string().min(1, "an id must not be empty");

export const changeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("positive-case"), personId: id, date }),
  z.strictObject({ kind: z.literal("isolate"), personId: id, from: date, to: date.optional() }),
  z.strictObject({
    kind: z.literal("vehicle-out"),
    vehicleId: id,
    from: date,
    to: date.optional(),
  }),
  z.strictObject({ kind: z.literal("leave"), personId: id, from: date }),
  z.strictObject({ kind: z.literal("join"), staff: staffSchema, from: date }),
  z.strictObject({ kind: z.literal("case-at"), enterpriseId: id, date }),
]);

/** One change to a running loop (SPEC §7.2). */
export type Change =
  | { kind: "positive-case"; personId: string; date: string }
  | { kind: "isolate"; personId: string; from: string; to?: string | undefined }
  | { kind: "vehicle-out"; vehicleId: string; from: string; to?: string | undefined }
  | { kind: "leave"; personId: string; from: string }
  | { kind: "join"; staff: StaffInput; from: string }
  | { kind: "case-at"; enterpriseId: string; date: string };

/** The first date a change takes effect on. */
export function changeStart(change: Change): string {
  return "date" in change ? change.date : change.from;
}

/**
 * Checks the changes against the scenario they apply to and the roster's dates
 * (`[firstDay, lastDay]`: the horizon and the day after it). Joiners are checked against
 * each other too (one id, one join).
 *
 * @throws {InvalidArgumentError} for a malformed change or a date outside the roster's dates
 * @throws {NotFoundError} for a person, vehicle or enterprise the scenario does not have
 */
export function checkChanges(
  model: ScenarioModel,
  input: unknown,
  firstDay: DayNumber,
  lastDay: DayNumber,
): Change[] {
  if (!Array.isArray(input))
    throw new InvalidArgumentError(`changes must be an array, got ${describe(input)}`);
  const joined = new Set<string>();
  return input.map((raw, index) => {
    const parsed = changeSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: [
          "changes",
          index,
          ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key)),
        ],
        message: issue.message,
      }));
      throw new InvalidArgumentError(`invalid change changes[${index}]:\n${formatIssues(issues)}`);
    }
    const change = parsed.data as Change;
    const where = `changes[${index}] (${change.kind})`;
    for (const [field, value] of datesOf(change)) {
      const day = parseCivilDate(value) as DayNumber;
      if (day < firstDay || day > lastDay) {
        throw new InvalidArgumentError(
          `${where}: ${field} ${value} is outside the roster's dates ${formatCivilDate(firstDay)} … ${formatCivilDate(lastDay)}`,
        );
      }
    }
    if (change.kind === "isolate" && change.to !== undefined && change.to < change.from)
      throw new InvalidArgumentError(`${where}: to ${change.to} is before from ${change.from}`);
    if (change.kind === "vehicle-out" && change.to !== undefined && change.to < change.from)
      throw new InvalidArgumentError(`${where}: to ${change.to} is before from ${change.from}`);
    if ("personId" in change && !model.staff.has(change.personId) && !joined.has(change.personId))
      throw new NotFoundError(`${where}: unknown person ${JSON.stringify(change.personId)}`);
    if (change.kind === "vehicle-out" && !model.vehicles.has(change.vehicleId))
      throw new NotFoundError(`${where}: unknown vehicle ${JSON.stringify(change.vehicleId)}`);
    if (change.kind === "case-at" && !model.enterprises.has(change.enterpriseId))
      throw new NotFoundError(
        `${where}: unknown enterprise ${JSON.stringify(change.enterpriseId)}`,
      );
    if (change.kind === "join") {
      const newId = change.staff.id;
      if (model.staff.has(newId) || joined.has(newId))
        throw new InvalidArgumentError(
          `${where}: staff id ${JSON.stringify(newId)} already exists`,
        );
      joined.add(newId);
    }
    return change;
  });
}

function datesOf(change: Change): [string, string][] {
  const out: [string, string][] = [];
  if ("date" in change) out.push(["date", change.date]);
  if ("from" in change) out.push(["from", change.from]);
  if ("to" in change && change.to !== undefined) out.push(["to", change.to]);
  return out;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}
