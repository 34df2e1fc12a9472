/**
 * `scenarioJsonSchema` / `rosterJsonSchema` (SPEC §7.3): JSON Schema (draft 2020-12) of the
 * scenario input and of the roster, generated from the zod schemas the library parses with,
 * so that programs in other languages check their files against the same shape.
 *
 * What JSON Schema cannot say is lost, and the library's parsers stay the judge: zod's
 * refinements have no JSON Schema form, so a refined string is described by a `pattern`
 * where one exists — a date `YYYY-MM-DD` (not whether 2022-02-30 is a real day), a horizon
 * start in 1970–2100, a time of day `HH:mm`, an instant with its offset — and a time zone
 * only in words (whether luxon knows it is not checked). Cross-references (unknown or
 * repeated ids, a dormitory id naming a plant, unique trip ids) are not in the schemas.
 *
 * [Reference]: https://json-schema.org/draft/2020-12/json-schema-core
 */
import { z } from "zod";
import { rosterSchema } from "../roster/schema.js";
import { scenarioSchema } from "../scenario/schema.js";

/** A JSON Schema document (draft 2020-12), as plain JSON data. */
export type JsonSchema = Record<string, unknown>;

const DATE = "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])";
const TIME = "([01]\\d|2[0-3]):[0-5]\\d";

/**
 * The refined strings of the two schemas, each told apart by what it accepts and rejects
 * (so a refinement added later is described when it is one of these, and left a plain
 * string otherwise), with what JSON Schema can say of it. First match wins.
 */
const REFINED_STRINGS: readonly {
  accepts: readonly string[];
  rejects: readonly string[];
  json: JsonSchema;
}[] = [
  {
    accepts: ["2022-05-16"],
    rejects: ["1969-12-31", "2101-01-01"],
    json: {
      pattern: `^(19[7-9]\\d|20\\d\\d|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$`,
      description: "a calendar date YYYY-MM-DD between 1970 and 2100",
    },
  },
  {
    accepts: ["2022-05-16", "1969-12-31"],
    rejects: ["2022-5-16"],
    json: { pattern: `^${DATE}$`, description: "a calendar date YYYY-MM-DD" },
  },
  {
    accepts: ["07:30", "23:59"],
    rejects: ["24:00", "7:30"],
    json: { pattern: `^${TIME}$`, description: "a time of day HH:mm (00:00–23:59)" },
  },
  {
    accepts: ["2022-05-16T07:30:00+08:00", "2022-05-16T07:30Z"],
    rejects: ["2022-05-16T07:30:00"],
    json: {
      pattern: `^${DATE}T${TIME}(:[0-5]\\d(\\.\\d{1,3})?)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$`,
      description: "an ISO 8601 instant with its offset, 2022-05-16T07:30:00+08:00",
    },
  },
  {
    accepts: ["Asia/Shanghai", "UTC"],
    rejects: ["Mars/Olympus_Mons"],
    json: { description: "an IANA time zone, Asia/Shanghai" },
  },
];

function isRefinedString(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as { type: string; checks?: z.core.$ZodCheck[] };
  return (
    def.type === "string" && (def.checks ?? []).some((check) => check._zod.def.check === "custom")
  );
}

/** Adds what JSON Schema can say of a refinement to the string schema that carries it. */
function describeRefinement(ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  if (!isRefinedString(ctx.zodSchema)) return;
  const passes = (text: string) => z.safeParse(ctx.zodSchema, text).success;
  const form = REFINED_STRINGS.find(
    (candidate) => candidate.accepts.every(passes) && !candidate.rejects.some(passes),
  );
  if (form !== undefined) Object.assign(ctx.jsonSchema, form.json);
}

function generate(
  schema: z.core.$ZodType,
  io: "input" | "output",
  title: string,
  description: string,
): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    // Nothing in either schema is unrepresentable today (no transforms, no functions);
    // should something be, it becomes `{}` (anything) rather than an exception.
    unrepresentable: "any",
    override: describeRefinement,
  }) as JsonSchema;
  const { $schema, ...rest } = json;
  return { $schema, title, description, ...rest };
}

let scenarioCache: JsonSchema | undefined;
let rosterCache: JsonSchema | undefined;

/**
 * The JSON Schema (draft 2020-12) of a scenario as a user writes it (SPEC §3): the input
 * side of the zod schema, so fields with defaults (the policy's, `unavailable`,
 * `positiveCases`, a vehicle's `seatsPerRow`…) are optional and carry their `default`.
 * Objects allow no other keys. A file that fails it fails `parseScenario`; one that passes
 * may still fail on what a schema cannot say (see the module's header).
 *
 * @returns a new object each call (change it freely)
 * @example
 * const schema = scenarioJsonSchema();
 * schema.$schema //=> "https://json-schema.org/draft/2020-12/schema"
 */
export function scenarioJsonSchema(): JsonSchema {
  scenarioCache ??= generate(
    scenarioSchema,
    "input",
    "closed-loop-commute scenario",
    "A scenario: enterprises, sites, roads, shifts, staff, vehicles and policy (SPEC §3).",
  );
  return structuredClone(scenarioCache);
}

/**
 * The JSON Schema (draft 2020-12) of a roster (SPEC §5), as `planRoster` and `replan` write
 * it and `validateRoster` reads it. Generated from the output side of the zod schema, which
 * marks required every field the library always writes; the roster schema has no defaults
 * or transforms, so its input side is the same schema. Objects allow no other keys.
 *
 * @returns a new object each call (change it freely)
 * @example
 * const schema = rosterJsonSchema();
 * schema.required //=> ["version", "timeZone", "horizon", "loops", "vehicles", "assignments", "trips", "tests", "unserved", "stats"]
 */
export function rosterJsonSchema(): JsonSchema {
  rosterCache ??= generate(
    rosterSchema,
    "output",
    "closed-loop-commute roster",
    "A roster: loops with fixed routes, vehicle and seat assignments, dated trips with manifests, test appointments (SPEC §5).",
  );
  return structuredClone(rosterCache);
}
