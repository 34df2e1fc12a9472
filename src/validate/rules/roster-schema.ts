/**
 * roster-schema: the roster has the shape of SPEC §5 (and belongs to this scenario's zone
 * and horizon); if not, nothing else is checked. Guards everything after it: no rule runs
 * on data it cannot trust.
 */
import { safeParseRoster } from "../../roster/parse.js";
import type { ScenarioModel } from "../../scenario/model.js";
import { type IndexedRoster, readRoster } from "../read-roster.js";
import type { RosterSchemaViolation } from "../violations.js";

/** Words for whatever was thrown, even an object that cannot be turned into text. */
function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "an unreadable value";
  }
}

function unreadable(why: string): { violations: RosterSchemaViolation[] } {
  return {
    violations: [{ code: "roster-schema", path: [], message: `the roster cannot be read: ${why}` }],
  };
}

/**
 * The roster read and indexed, or the shape violations that stop validation. The fast
 * reader takes any ordinary roster; anything else goes through zod, whose issues carry
 * their paths, and whose clean copy the fast reader then always takes.
 */
export function checkRosterSchema(
  model: ScenarioModel,
  input: unknown,
): { roster: IndexedRoster } | { violations: RosterSchemaViolation[] } {
  let roster = readRoster(model, input);
  if (roster === undefined) {
    let parsed: ReturnType<typeof safeParseRoster>;
    try {
      parsed = safeParseRoster(input);
    } catch (error) {
      // A getter that throws, a revoked proxy: the value cannot even be read.
      return unreadable(describeThrown(error));
    }
    if (!parsed.success) {
      return {
        violations: parsed.error.issues.map((issue) => ({
          code: "roster-schema",
          path: [...issue.path],
          message: issue.message,
        })),
      };
    }
    roster = readRoster(model, parsed.data);
    // Unreachable while the reader accepts whatever zod accepts (a property test holds it).
    if (roster === undefined) return unreadable("its shape is accepted but it cannot be indexed");
  }
  const scenario = model.scenario;
  const violations: RosterSchemaViolation[] = [];
  if (roster.timeZone !== scenario.timeZone) {
    violations.push({
      code: "roster-schema",
      path: ["timeZone"],
      message: `the roster is for time zone ${roster.timeZone}, the scenario for ${scenario.timeZone}`,
    });
  }
  if (
    roster.horizon.start !== scenario.horizon.start ||
    roster.horizon.days !== scenario.horizon.days
  ) {
    violations.push({
      code: "roster-schema",
      path: ["horizon"],
      message: `the roster covers ${roster.horizon.days} days from ${roster.horizon.start}, the scenario ${scenario.horizon.days} from ${scenario.horizon.start}`,
    });
  }
  return violations.length > 0 ? { violations } : { roster };
}
