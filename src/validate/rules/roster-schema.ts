/**
 * roster-schema: the roster has the shape of SPEC §5 (and belongs to this scenario's zone
 * and horizon); if not, nothing else is checked. Guards everything after it: no rule runs
 * on data it cannot trust.
 */
import { safeParseRoster } from "../../roster/parse.js";
import type { Roster } from "../../roster/schema.js";
import type { Scenario } from "../../scenario/schema.js";
import type { RosterSchemaViolation } from "../violations.js";

/** Words for whatever was thrown, even an object that cannot be turned into text. */
function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "an unreadable value";
  }
}

/** The parsed roster, or the shape violations that stop validation. */
export function checkRosterSchema(
  scenario: Scenario,
  input: unknown,
): { roster: Roster } | { violations: RosterSchemaViolation[] } {
  let parsed: ReturnType<typeof safeParseRoster>;
  try {
    parsed = safeParseRoster(input);
  } catch (error) {
    // A getter that throws, a revoked proxy: the value cannot even be read.
    return {
      violations: [
        {
          code: "roster-schema",
          path: [],
          message: `the roster cannot be read: ${describeThrown(error)}`,
        },
      ],
    };
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
  const roster = parsed.data;
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
