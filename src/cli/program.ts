/**
 * The commands of SPEC §7.4 on commander: arguments, options, help with an example for each,
 * and the version. Commander reports unknown options, missing and extra arguments itself;
 * `main.ts` turns what it throws into exit codes.
 */
import { Argument, Command, InvalidArgumentError, Option } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { EXPORT_FORMATS, type ExportFormat, exportCommand } from "./commands/export.js";
import { planCommand } from "./commands/plan.js";
import { replanCommand } from "./commands/replan.js";
import { SCHEMA_KINDS, schemaCommand } from "./commands/schema.js";
import { traceCommand } from "./commands/trace.js";
import { validateCommand } from "./commands/validate.js";

function wholeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a whole number ≥ 0, got ${JSON.stringify(value)}`);
  return n;
}

function example(...lines: string[]): string {
  return `\nExample:\n${lines.map((line) => `  $ ${line}`).join("\n")}`;
}

const quiet = () => new Option("-q, --quiet", "no progress line on stderr");
const noBom = () =>
  new Option("--no-bom", "no byte order mark at the start of CSV files (spreadsheets want one)");

/**
 * The program; each command's action hands its exit code to `setExitCode`.
 *
 * @param setExitCode - receives 0 (ok) or 1 (violations) from the command that ran
 */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command("closed-loop-commute")
    .description(
      "Plan and check closed-loop commuting: staff shuttled between their dormitory and their plant under the five fixes.",
    )
    .version(packageJson.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "print help")
    .helpCommand(false)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .addHelpText(
      "after",
      `\nExit codes: 0 ok, 1 violations found, 2 bad input.${example(
        "closed-loop-commute plan --out out",
        "closed-loop-commute validate out/scenario.json out/roster.json",
      )}`,
    );

  program
    .command("plan")
    .summary("plan a scenario and write the roster and its files")
    .description(
      "plan a scenario (the built-in Jinshan one without a file) and write roster.json, report.html, manifests.csv, staff.csv, testing.csv and gtfs/",
    )
    .argument("[scenario.json]", "the scenario (SPEC §3); none: the built-in Jinshan scenario")
    .option("-o, --out <dir>", "the folder to write into", "out")
    .option("--pretty", "indented roster.json (compact by default)")
    .addOption(noBom())
    .addOption(quiet())
    .addHelpText(
      "after",
      example(
        "closed-loop-commute plan --out out",
        "closed-loop-commute plan district.json --out plans/may",
      ),
    )
    .action(async (file: string | undefined, options) =>
      setExitCode(await planCommand(file, options)),
    );

  program
    .command("validate")
    .description("check a roster against every rule; exit 1 if it breaks one")
    .argument("<scenario.json>", "the scenario the roster was planned for")
    .argument("<roster.json>", "the roster (SPEC §5)")
    .option("--json", "print the validation report as JSON")
    .addOption(quiet())
    .addHelpText(
      "after",
      example("closed-loop-commute validate out/scenario.json out/roster.json --json"),
    )
    .action(async (scenario: string, roster: string, options) =>
      setExitCode(await validateCommand(scenario, roster, options)),
    );

  program
    .command("trace")
    .summary("the contacts of a person who tested positive")
    .description(
      "the contacts of a person who tested positive (close, vehicle, testing, dormitory)",
    )
    .argument("<scenario.json>", "the scenario")
    .argument("<roster.json>", "the roster")
    .argument("<person>", "the id of the person who tested positive")
    .option("--from <date>", "first local date of the window (default: --to minus traceBackDays)")
    .option("--to <date>", "last local date of the window (default: the roster's last trip date)")
    .option("--rows <n>", "only passengers within this many rows are close", wholeNumber)
    .option("--json", "print the trace as JSON")
    .addOption(quiet())
    .addHelpText(
      "after",
      example(
        "closed-loop-commute trace out/scenario.json out/roster.json alloy-0001 --to 2022-05-20",
      ),
    )
    .action(async (scenario: string, roster: string, person: string, options) =>
      setExitCode(await traceCommand(scenario, roster, person, options)),
    );

  program
    .command("replan")
    .summary("re-plan a running roster after changes, moving as few people as possible")
    .description(
      "apply changes (positive cases, isolation, vehicles out, leavers, joiners) to a running roster, moving as few people as possible",
    )
    .argument("<scenario.json>", "the scenario the roster was planned for")
    .argument("<roster.json>", "the running roster")
    .argument("<changes.json>", "a JSON array of changes (SPEC §7.2)")
    .option("-o, --out <dir>", "the folder to write into", "out")
    .option("--pretty", "indented JSON (compact by default)")
    .addOption(noBom())
    .addOption(quiet())
    .addHelpText(
      "after",
      `${example("closed-loop-commute replan out/scenario.json out/roster.json changes.json --out out/replan")}
changes.json: [{ "kind": "positive-case", "personId": "alloy-0001", "date": "2022-05-20" }]`,
    )
    .action(async (scenario: string, roster: string, changes: string, options) =>
      setExitCode(await replanCommand(scenario, roster, changes, options)),
    );

  program
    .command("export")
    .summary("write one export: gtfs, csv, staff, testing, ics, svg or html")
    .description(
      "write one export of a roster: GTFS, a CSV list, a calendar, a timeline or the report",
    )
    .addArgument(
      new Argument("<format>", "gtfs, csv (manifests), staff, testing, ics, svg or html").choices(
        EXPORT_FORMATS,
      ),
    )
    .argument("<scenario.json>", "the scenario")
    .argument("<roster.json>", "the roster")
    .option("--person <id>", "ics: whose calendar")
    .option("--date <date>", "svg: the local date (default: the horizon's first day)")
    .option(
      "-o, --out <path>",
      "the file to write (gtfs: a folder, or a zip when it ends in .zip); default: stdout",
    )
    .addOption(noBom())
    .addOption(quiet())
    .addHelpText(
      "after",
      example(
        "closed-loop-commute export csv out/scenario.json out/roster.json --out manifests.csv",
        "closed-loop-commute export ics out/scenario.json out/roster.json --person alloy-0001 > alloy-0001.ics",
        "closed-loop-commute export gtfs out/scenario.json out/roster.json --out feed.zip",
      ),
    )
    .action(async (format: ExportFormat, scenario: string, roster: string, options) =>
      setExitCode(await exportCommand(format, scenario, roster, options)),
    );

  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of a scenario or a roster")
    .addArgument(new Argument("<kind>", "scenario or roster").choices(SCHEMA_KINDS))
    .addHelpText("after", example("closed-loop-commute schema roster > roster.schema.json"))
    .action(async (kind: (typeof SCHEMA_KINDS)[number]) => setExitCode(await schemaCommand(kind)));

  return program;
}
