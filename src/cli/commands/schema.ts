/** `schema scenario|roster`: the JSON Schema (draft 2020-12) of a scenario or a roster, on stdout. */
import { rosterJsonSchema, scenarioJsonSchema } from "../../export/json-schema.js";
import { print } from "./output.js";

export const SCHEMA_KINDS = ["scenario", "roster"] as const;

export async function schemaCommand(kind: (typeof SCHEMA_KINDS)[number]): Promise<number> {
  const schema = kind === "scenario" ? scenarioJsonSchema() : rosterJsonSchema();
  await print(JSON.stringify(schema, null, 2));
  return 0;
}
