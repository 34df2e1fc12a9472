/**
 * The command line:
 *   closed-loop-commute plan [scenario.json] [--out DIR]   (no file: the built-in Jinshan scenario)
 *   closed-loop-commute validate scenario.json roster.json
 * `plan` validates what it planned and exits 1 if that ever breaks a rule; `validate`
 * prints the report and exits 1 if the roster breaks any rule.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { jinshanScenario } from "../jinshan/scenario.js";
import { planRoster } from "../plan/plan-roster.js";
import { parseScenario } from "../scenario/parse.js";
import { InvalidInputError } from "../util/errors.js";
import { formatReport } from "../validate/report.js";
import { validateRoster } from "../validate/validate-roster.js";
import { formatRosterSummary } from "./roster-summary.js";
import { formatScenarioSummary } from "./scenario-summary.js";

const USAGE = `usage:
  closed-loop-commute plan [scenario.json] [--out DIR]
  closed-loop-commute validate scenario.json roster.json`;

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Prints a step with its elapsed time once it has run for over a second. */
function timer(): (message: string) => void {
  const started = performance.now();
  let last = started;
  return (message) => {
    const now = performance.now();
    if (now - last > 1000) process.stderr.write(`  … ${((now - started) / 1000).toFixed(1)} s\n`);
    process.stderr.write(`· ${message}\n`);
    last = now;
  };
}

function plan(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: "string", default: "out" } },
    allowPositionals: true,
  });
  const file = positionals[0];
  const scenario = parseScenario(file === undefined ? jinshanScenario() : readJson(file));
  console.log(formatScenarioSummary(scenario));
  console.log("");
  const progress = timer();
  const roster = planRoster(scenario, { onProgress: progress });
  progress("validating the roster");
  const report = validateRoster(scenario, roster);
  const out = values.out;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "roster.json"), `${JSON.stringify(roster, null, 2)}\n`);
  progress(`wrote ${join(out, "roster.json")}`);
  console.log(formatRosterSummary(roster, report));
  if (!report.ok) console.log(formatReport(report));
  return report.ok ? 0 : 1;
}

function validate(args: string[]): number {
  const [scenarioFile, rosterFile] = args;
  if (scenarioFile === undefined || rosterFile === undefined) {
    console.error(USAGE);
    return 2;
  }
  const report = validateRoster(parseScenario(readJson(scenarioFile)), readJson(rosterFile));
  console.log(formatReport(report));
  return report.ok ? 0 : 1;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === "plan") return plan(rest);
    if (command === "validate") return validate(rest);
    console.error(USAGE);
    return 2;
  } catch (error) {
    // Bad input is reported by its message (every issue with its path), not a stack trace.
    if (
      error instanceof InvalidInputError ||
      (error instanceof Error && error.message.startsWith("cannot read"))
    ) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
