/**
 * The child processes of the command-line benchmark (bench/cli.ts), each in a fresh Node:
 *
 * - `scenario N seed file`: writes the synthetic district of N staff to `file` as compact
 *   JSON, streamed (`jsonChunks` via `writeJson`, byte for byte `JSON.stringify`), so that a
 *   scenario of any size can be written.
 * - `floor scenario.json roster.json`: what `validate` cannot do without, in one process:
 *   reading and parsing the roster file by the fastest means (`readFileSync` + `JSON.parse`
 *   when the text fits in one V8 string, else `readJsonFile`, which gives it to `JSON.parse` in pieces), then
 *   `validateRoster` on it; also the scenario's read and `parseScenario`, which the command
 *   pays too, and — when the fast road was open — the command line's own reader
 *   (`readJsonFile`) on the same roster, to show what choosing it costs.
 *
 * Each timed phase starts after a full garbage collection (run with --expose-gc), so none
 * pays for the garbage of the one before: a floor, not a typical run. Prints one JSON line.
 */
import { constants } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { writeFileAtomically } from "../src/cli/io/atomic-write.js";
import { writeJson } from "../src/cli/io/json-stream.js";
import { readJsonFile } from "../src/cli/io/read-json.js";
import { parseScenario } from "../src/scenario/parse.js";
import { generateScenario } from "../src/synthetic/index.js";
import { validateRoster } from "../src/validate/validate-roster.js";

export interface Timed {
  ms: number;
  cpuMs: number;
}

export interface FloorResult {
  /** How the roster was read: `JSON.parse` of one string, or `readJsonFile` (in pieces). */
  rosterMethod: "readFileSync + JSON.parse" | "readJsonFile (in pieces)";
  rosterBytes: number;
  rosterRead: Timed;
  validate: Timed;
  ok: boolean;
  scenarioMethod: FloorResult["rosterMethod"];
  scenarioRead: Timed;
  parseScenario: Timed;
  /** The command line's reader on the same roster, when the floor read it another way. */
  cliReader?: Timed | undefined;
  peakRssMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function time<T>(run: () => T | Promise<T>): Promise<{ value: T } & Timed> {
  gc();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Whether the file's text fits in one V8 string (bytes ≥ characters in UTF-8). */
const fitsInString = (path: string) => statSync(path).size < constants.MAX_STRING_LENGTH;

/** The fastest means of turning the file into values, and which it was. */
function fastestRead(path: string): [FloorResult["rosterMethod"], () => unknown] {
  return fitsInString(path)
    ? ["readFileSync + JSON.parse", () => JSON.parse(readFileSync(path, "utf8"))]
    : ["readJsonFile (in pieces)", () => readJsonFile(path)];
}

/**
 * A district of at most `staff` staff entries, drivers included (the generator's `staff` counts
 * workers and adds some 5 % drivers; the scenario's cap, 500,000, counts both): the workers
 * are cut until the whole list fits, so that "500k staff" is a scenario the library accepts.
 */
function districtOf(staff: number, seed: number) {
  let workers = Math.round(staff / 1.05);
  for (;;) {
    const scenario = generateScenario({ seed, staff: workers });
    const over = scenario.staff.length - staff;
    if (over <= 0) return { scenario, workers };
    workers -= Math.ceil(over / 1.04);
  }
}

const [mode, ...args] = process.argv.slice(2);

if (mode === "scenario") {
  const [staff, seed, file] = args;
  if (file === undefined) throw new Error("usage: scenario N seed file");
  const { scenario, workers } = districtOf(Number(staff), Number(seed));
  await writeFileAtomically(file, (out) => writeJson(out, scenario, false));
  console.log(
    JSON.stringify({ bytes: statSync(file).size, staffEntries: scenario.staff.length, workers }),
  );
} else if (mode === "floor") {
  const [scenarioFile, rosterFile] = args;
  if (rosterFile === undefined || scenarioFile === undefined)
    throw new Error("usage: floor scenario.json roster.json");
  const [scenarioMethod, readScenarioFile] = fastestRead(scenarioFile);
  const scenarioRead = await time(readScenarioFile);
  const parsedScenario = await time(() => parseScenario(scenarioRead.value));
  scenarioRead.value = undefined; // the command keeps only the parsed scenario too
  const scenario = parsedScenario.value;

  const [rosterMethod, readRosterFile] = fastestRead(rosterFile);
  const rosterRead = await time(readRosterFile);
  const validated = await time(() => validateRoster(scenario, rosterRead.value));
  rosterRead.value = undefined;
  const cliReader =
    rosterMethod === "readFileSync + JSON.parse"
      ? await time(async () => {
          await readJsonFile(rosterFile);
          return undefined;
        })
      : undefined;

  const timed = (t: Timed): Timed => ({ ms: t.ms, cpuMs: t.cpuMs });
  const result: FloorResult = {
    rosterMethod,
    rosterBytes: statSync(rosterFile).size,
    rosterRead: timed(rosterRead),
    validate: timed(validated),
    ok: validated.value.ok,
    scenarioMethod,
    scenarioRead: timed(scenarioRead),
    parseScenario: timed(parsedScenario),
    cliReader: cliReader && timed(cliReader),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(result));
} else {
  throw new Error(`unknown mode ${mode ?? "(none)"}: scenario | floor`);
}
