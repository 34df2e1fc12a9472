/**
 * The files a command reads — scenario, roster, changes — parsed into what the library takes,
 * with every problem named by its file: a missing or malformed file, a scenario that breaks
 * the schema (every issue with its path), a changes file that is not a list.
 */
import { jinshanScenario } from "../jinshan/scenario.js";
import { parseScenario } from "../scenario/parse.js";
import type { Scenario } from "../scenario/schema.js";
import { InvalidInputError } from "../util/errors.js";
import { readJsonFile } from "./io/read-json.js";
import type { Progress } from "./progress.js";

/** Bad input the command line found itself (an argument, a file's overall shape). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Reads a JSON file with a byte count on the progress line. */
export function readJson(path: string, progress: Progress): Promise<unknown> {
  progress.stage(`reading ${path}`);
  return readJsonFile(path, { onProgress: (read, total) => progress.count(read, total, "bytes") });
}

/**
 * The scenario of a file, or the built-in Jinshan scenario when there is none.
 *
 * @throws {ScenarioError} with the file's name before every issue
 */
export async function readScenario(
  path: string | undefined,
  progress: Progress,
): Promise<Scenario> {
  const input = path === undefined ? jinshanScenario() : await readJson(path, progress);
  progress.stage("checking the scenario");
  try {
    return parseScenario(input);
  } catch (error) {
    if (error instanceof InvalidInputError && path !== undefined)
      error.message = `${path}: ${error.message}`;
    throw error;
  }
}

/** A changes file for `replan`: a JSON array (each change is checked by `replan` itself). */
export async function readChanges(path: string, progress: Progress): Promise<unknown[]> {
  const input = await readJson(path, progress);
  if (!Array.isArray(input))
    throw new UsageError(
      `${path}: a changes file holds a JSON array of changes (SPEC §7.2), got ${input === null ? "null" : typeof input}`,
    );
  return input;
}
