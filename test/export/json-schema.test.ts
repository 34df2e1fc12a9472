/**
 * scenarioJsonSchema / rosterJsonSchema (SPEC §7.3): the schemas are compiled by Ajv (draft
 * 2020-12, strict mode), a consumer we did not write, and held to the library's own parsers:
 * what the library writes or accepts passes (the Jinshan scenario, generated scenarios,
 * planned and re-planned rosters), broken variants fail at the same path as
 * `safeParseScenario` / `safeParseRoster` report, the defaults are those `parseScenario`
 * fills in, and — over random corruptions of generated files — whatever Ajv rejects the
 * parsers reject too (the schemas are never stricter than the library).
 */
import { fc, test } from "@fast-check/vitest";
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { rosterJsonSchema, scenarioJsonSchema } from "../../src/export/json-schema.js";
import {
  jinshanScenario,
  parseScenario,
  planRoster,
  replan,
  rosterSchema,
  safeParseRoster,
  safeParseScenario,
} from "../../src/index.js";
import { scenarioArbitrary } from "../arbitraries/scenario.js";
import { minimalScenario } from "../fixtures/minimal-scenario.js";

// ajv is CommonJS: its module object is the class, and `.default` is the class too.
const Ajv2020 = Ajv2020Module.default;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** As a program in another language would see it: JSON text, parsed. */
function asJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

const ajv = new Ajv2020({ allErrors: true });
const validateScenarioJson = ajv.compile(scenarioJsonSchema());
const validateRosterJson = ajv.compile(rosterJsonSchema());

/** JSON pointer → path, with array indexes as numbers where the data has an array. */
function pointerPath(data: Json, pointer: string): Path {
  const path: Path = [];
  let node: Json | undefined = data;
  for (const raw of pointer === "" ? [] : pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) {
      path.push(Number(key));
      node = node[Number(key)];
    } else {
      path.push(key);
      node = node !== null && typeof node === "object" ? node[key] : undefined;
    }
  }
  return path;
}

/** Where Ajv says the data is wrong: a missing or extra key is the key's own path, as the library reports it. */
function ajvPaths(validate: typeof validateScenarioJson, data: Json): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => {
    const path = pointerPath(data, error.instancePath);
    const params = error.params as { missingProperty?: string; additionalProperty?: string };
    if (error.keyword === "required" && params.missingProperty !== undefined)
      path.push(params.missingProperty);
    if (error.keyword === "additionalProperties" && params.additionalProperty !== undefined)
      path.push(params.additionalProperty);
    return JSON.stringify(path);
  });
}

function libraryPaths(result: ReturnType<typeof safeParseScenario | typeof safeParseRoster>) {
  return result.success ? [] : result.error.issues.map((issue) => JSON.stringify(issue.path));
}

/** A deep copy of `data` with `edit` applied to the parent of `path` (a JSON copy, so the original is untouched). */
function edited(
  data: Json,
  path: Path,
  edit: (parent: Json[] | Record<string, Json>, key: string | number) => void,
): Json {
  const copy = asJson(data);
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key] as Json;
  edit(parent as Record<string, Json>, path[path.length - 1] as string | number);
  return copy;
}

const setAt = (data: Json, path: Path, value: Json) =>
  edited(data, path, (parent, key) => {
    (parent as Record<string, Json>)[key] = value;
  });

const deleteAt = (data: Json, path: Path) =>
  edited(data, path, (parent, key) => {
    delete (parent as Record<string, Json>)[key];
  });

/** Every path to a value inside `data` (not the root). */
function allPaths(data: Json, prefix: Path = []): Path[] {
  if (data === null || typeof data !== "object") return [];
  const keys: (string | number)[] = Array.isArray(data) ? data.map((_, i) => i) : Object.keys(data);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...allPaths((data as Record<string, Json>)[key] as Json, path)];
  });
}

// ---------------------------------------------------------------------------------------

describe("the schemas as documents", () => {
  it("are draft 2020-12 and compile in Ajv's strict mode", () => {
    for (const schema of [scenarioJsonSchema(), rosterJsonSchema()]) {
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.type).toBe("object");
      expect(() => new Ajv2020({ strict: true }).compile(schema)).not.toThrow();
    }
  });

  it("are a new object each call: changing one leaves the next untouched", () => {
    const first = scenarioJsonSchema();
    const pristine = JSON.stringify(first);
    (first.properties as Record<string, unknown>).timeZone = { type: "number" };
    (first.required as string[]).length = 0;
    expect(JSON.stringify(scenarioJsonSchema())).toBe(pristine);
    const roster = rosterJsonSchema();
    delete roster.properties;
    expect(rosterJsonSchema().properties).toBeDefined();
  });

  it("give every policy field the default parseScenario fills in, and require none of them", () => {
    const schema = scenarioJsonSchema() as {
      properties: { policy: { default: Json; properties: Record<string, { default?: Json }> } };
      required: string[];
    };
    const filled = asJson(parseScenario(minimalScenario()).policy) as Record<string, Json>;
    const policy = schema.properties.policy;
    expect(policy.default).toEqual(filled);
    for (const [key, value] of Object.entries(filled))
      expect(policy.properties[key]?.default, key).toEqual(value);
    expect(schema.required).not.toContain("policy");
    expect(schema.required).not.toContain("unavailable");
    expect([...schema.required].sort()).toEqual(
      [
        "enterprises",
        "horizon",
        "roads",
        "shifts",
        "sites",
        "staff",
        "timeZone",
        "vehicles",
      ].sort(),
    );
  });

  it("describe the roster by the output side, which is the input side too (no defaults, no transforms)", () => {
    const side = (io: "input" | "output") =>
      z.toJSONSchema(rosterSchema, { io, unrepresentable: "any" });
    expect(side("input")).toEqual(side("output"));
    const schema = rosterJsonSchema() as { required: string[] };
    expect(schema.required).toEqual([
      "version",
      "timeZone",
      "horizon",
      "loops",
      "vehicles",
      "assignments",
      "trips",
      "tests",
      "unserved",
      "stats",
    ]);
  });
});

describe("the Jinshan scenario and its rosters", () => {
  const input = jinshanScenario();
  const scenario = parseScenario(input);
  const roster = planRoster(scenario);
  const personId = roster.assignments[0]?.personId as string;
  const replanned = replan(scenario, roster, [
    { kind: "isolate", personId, from: "2022-05-19", to: "2022-05-21" },
  ]);

  it("the scenario input, the parsed scenario and the re-planned scenario pass", () => {
    for (const data of [input, scenario, replanned.scenario]) {
      expect(ajvPaths(validateScenarioJson, asJson(data))).toEqual([]);
      expect(safeParseScenario(asJson(data)).success).toBe(true);
    }
  });

  it("a planned and a re-planned roster pass", () => {
    expect(replanned.roster.trips).not.toEqual(roster.trips);
    for (const data of [roster, replanned.roster]) {
      expect(ajvPaths(validateRosterJson, asJson(data))).toEqual([]);
      expect(safeParseRoster(asJson(data)).success).toBe(true);
    }
  });

  const json = asJson(input);
  const scenarioCases: [string, Json, Path][] = [
    ["a missing time zone", deleteAt(json, ["timeZone"]), ["timeZone"]],
    ["a missing staff list", deleteAt(json, ["staff"]), ["staff"]],
    ["a missing site kind", deleteAt(json, ["sites", 2, "kind"]), ["sites", 2, "kind"]],
    ["a horizon length as text", setAt(json, ["horizon", "days"], "14"), ["horizon", "days"]],
    ["a horizon of 0 days", setAt(json, ["horizon", "days"], 0), ["horizon", "days"]],
    ["a horizon of 367 days", setAt(json, ["horizon", "days"], 367), ["horizon", "days"]],
    [
      "a horizon before 1970",
      setAt(json, ["horizon", "start"], "1969-12-31"),
      ["horizon", "start"],
    ],
    [
      "a date without leading zeros",
      setAt(json, ["horizon", "start"], "2022-5-16"),
      ["horizon", "start"],
    ],
    ["a site kind 'office'", setAt(json, ["sites", 0, "kind"], "office"), ["sites", 0, "kind"]],
    ["a role 'manager'", setAt(json, ["staff", 3, "role"], "manager"), ["staff", 3, "role"]],
    ["a shift start 7:30", setAt(json, ["shifts", 0, "start"], "7:30"), ["shifts", 0, "start"]],
    ["a shift end 24:00", setAt(json, ["shifts", 0, "end"], "24:00"), ["shifts", 0, "end"]],
    ["a vehicle of 0 seats", setAt(json, ["vehicles", 1, "seats"], 0), ["vehicles", 1, "seats"]],
    [
      "half a seat per row",
      setAt(json, ["vehicles", 1, "seatsPerRow"], 2.5),
      ["vehicles", 1, "seatsPerRow"],
    ],
    ["a load factor of 1.5", setAt(json, ["policy", "loadFactor"], 1.5), ["policy", "loadFactor"]],
    ["a misspelt policy key", setAt(json, ["policy", "loadfactor"], 0.5), ["policy", "loadfactor"]],
    ["an unknown top-level key", setAt(json, ["fleet"], []), ["fleet"]],
    ["enterprises as an object", setAt(json, ["enterprises"], {}), ["enterprises"]],
    [
      "closed housing as text",
      setAt(json, ["enterprises", 0, "closedHousing"], "yes"),
      ["enterprises", 0, "closedHousing"],
    ],
    ["a latitude of 91", setAt(json, ["sites", 0, "lat"], 91), ["sites", 0, "lat"]],
    ["an empty id", setAt(json, ["vehicles", 0, "id"], ""), ["vehicles", 0, "id"]],
    [
      "an empty cycle",
      setAt(json, ["staff", 0, "schedule"], { cycle: [], anchor: "2022-05-16" }),
      ["staff", 0, "schedule"],
    ],
    [
      "a schedule of neither form",
      setAt(json, ["staff", 0, "schedule"], { days: [] }),
      ["staff", 0, "schedule"],
    ],
  ];

  it.each(scenarioCases)(
    "a scenario with %s fails in Ajv and in safeParseScenario, at that place",
    (_, data, path) => {
      const where = JSON.stringify(path);
      const ajvSays = ajvPaths(validateScenarioJson, data);
      expect(ajvSays.length).toBeGreaterThan(0);
      // A schedule's union: Ajv names the place or a field inside it.
      expect(ajvSays.some((p) => p === where || p.startsWith(where.slice(0, -1)))).toBe(true);
      const librarySays = libraryPaths(safeParseScenario(data));
      expect(librarySays.some((p) => p === where || p.startsWith(where.slice(0, -1)))).toBe(true);
    },
  );

  const rosterJson = asJson(roster);
  const rosterCases: [string, Json, Path][] = [
    [
      "direction 'sideways'",
      setAt(rosterJson, ["trips", 4, "direction"], "sideways"),
      ["trips", 4, "direction"],
    ],
    ["version 2", setAt(rosterJson, ["version"], 2), ["version"]],
    ["a missing arrival", deleteAt(rosterJson, ["trips", 1, "arrive"]), ["trips", 1, "arrive"]],
    ["missing stats", deleteAt(rosterJson, ["stats"]), ["stats"]],
    [
      "a seat as text",
      setAt(rosterJson, ["trips", 0, "passengers", 0, "seat"], "3"),
      ["trips", 0, "passengers", 0, "seat"],
    ],
    [
      "a fractional seat",
      setAt(rosterJson, ["assignments", 2, "seat"], 1.5),
      ["assignments", 2, "seat"],
    ],
    [
      "a departure without offset",
      setAt(rosterJson, ["trips", 3, "depart"], "2022-05-16T07:30:00"),
      ["trips", 3, "depart"],
    ],
    [
      "a test at 25:00",
      setAt(rosterJson, ["tests", 0, "at"], "2022-05-16T25:00:00+08:00"),
      ["tests", 0, "at"],
    ],
    [
      "an empty route path",
      setAt(rosterJson, ["loops", 0, "toPlant", "path"], []),
      ["loops", 0, "toPlant", "path"],
    ],
    [
      "negative route minutes",
      setAt(rosterJson, ["loops", 0, "toDormitory", "minutes"], -1),
      ["loops", 0, "toDormitory", "minutes"],
    ],
    ["an unknown key in a trip", setAt(rosterJson, ["trips", 0, "bus"], "x"), ["trips", 0, "bus"]],
    ["an unknown stats key", setAt(rosterJson, ["stats", "cost"], 3), ["stats", "cost"]],
    ["trips as an object", setAt(rosterJson, ["trips"], {}), ["trips"]],
    [
      "passengers as null",
      setAt(rosterJson, ["trips", 2, "passengers"], null),
      ["trips", 2, "passengers"],
    ],
    [
      "an unserved date 16/05/2022",
      setAt(rosterJson, ["unserved"], [{ personId, date: "16/05/2022", reason: "no-vehicle" }]),
      ["unserved", 0, "date"],
    ],
    [
      "an empty unserved reason",
      setAt(rosterJson, ["unserved"], [{ personId, date: "2022-05-16", reason: "" }]),
      ["unserved", 0, "reason"],
    ],
    [
      "a vehicle period from 2022-13-01",
      setAt(rosterJson, ["vehicles", 0, "from"], "2022-13-01"),
      ["vehicles", 0, "from"],
    ],
    ["a negative trip count", setAt(rosterJson, ["stats", "trips"], -1), ["stats", "trips"]],
  ];

  it.each(rosterCases)(
    "a roster with %s fails in Ajv and in safeParseRoster, at that place",
    (_, data, path) => {
      const where = JSON.stringify(path);
      expect(ajvPaths(validateRosterJson, data)).toContain(where);
      expect(libraryPaths(safeParseRoster(data))).toContain(where);
    },
  );

  it("leaves to the library what JSON Schema cannot say: real dates, known zones, references", () => {
    // Each passes the schema (a shape) and fails the parser (a meaning); the module's header lists them.
    const shapeOnly: [Json, typeof validateScenarioJson, (data: Json) => { success: boolean }][] = [
      [setAt(json, ["horizon", "start"], "2022-02-30"), validateScenarioJson, safeParseScenario],
      [setAt(json, ["timeZone"], "Mars/Olympus_Mons"), validateScenarioJson, safeParseScenario],
      [
        setAt(json, ["staff", 0, "dormitoryId"], "no-such-dormitory"),
        validateScenarioJson,
        safeParseScenario,
      ],
      [
        setAt(rosterJson, ["trips", 1, "id"], roster.trips[0]?.id as string),
        validateRosterJson,
        safeParseRoster,
      ],
    ];
    for (const [data, validate, parse] of shapeOnly) {
      expect(validate(data)).toBe(true);
      expect(parse(data).success).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------

/** A corruption of a JSON document: a value replaced, a key deleted, or a key added. */
interface Corruption {
  pick: number;
  kind: "replace" | "delete" | "add";
  value: Json;
  key: string;
}

const corruption: fc.Arbitrary<Corruption> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom("replace" as const, "delete" as const, "add" as const),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  key: fc.string({ maxLength: 8 }),
});

function valueAt(data: Json, path: Path): Json | undefined {
  let node: Json | undefined = data;
  for (const key of path) node = (node as Record<string, Json>)[key];
  return node;
}

/** A key is added to an object (the root included), a value replaced or deleted anywhere. */
function corrupt(data: Json, c: Corruption): Json {
  const everywhere = allPaths(data);
  const paths =
    c.kind === "add"
      ? [[], ...everywhere].filter((p) => {
          const node = valueAt(data, p);
          return node !== null && typeof node === "object" && !Array.isArray(node);
        })
      : everywhere;
  const path = paths[c.pick % paths.length] as Path;
  if (c.kind === "delete") return deleteAt(data, path);
  if (c.kind === "add") return setAt(data, [...path, c.key], c.value);
  return setAt(data, path, c.value);
}

describe("over generated scenarios", () => {
  test.prop([scenarioArbitrary({ maxWorkers: 40, maxDays: 4 })], { numRuns: 15 })(
    "the scenario and its planned roster pass both schemas and both parsers",
    (input) => {
      const json = asJson(input);
      expect(ajvPaths(validateScenarioJson, json)).toEqual([]);
      expect(safeParseScenario(json).success).toBe(true);
      const roster = asJson(planRoster(parseScenario(input)));
      expect(ajvPaths(validateRosterJson, roster)).toEqual([]);
      expect(safeParseRoster(roster).success).toBe(true);
    },
    60_000,
  );

  test.prop([scenarioArbitrary({ maxWorkers: 40, maxDays: 4 }), corruption, corruption], {
    numRuns: 15,
  })(
    "whatever Ajv rejects the parsers reject: the schemas are never stricter than the library",
    (input, onScenario, onRoster) => {
      const scenario = asJson(input);
      const badScenario = corrupt(scenario, onScenario);
      if (!validateScenarioJson(badScenario))
        expect(safeParseScenario(badScenario).success).toBe(false);
      const roster = asJson(planRoster(parseScenario(input)));
      const badRoster = corrupt(roster, onRoster);
      if (!validateRosterJson(badRoster)) expect(safeParseRoster(badRoster).success).toBe(false);
    },
    60_000,
  );
});
