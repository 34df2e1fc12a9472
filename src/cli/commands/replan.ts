/**
 * `replan scenario.json roster.json changes.json [--out DIR]`: applies what happened (SPEC
 * §7.2) to a running roster and writes the changed scenario, the new roster and its files,
 * and `summary.json`; prints who moved and what is unserved.
 */
import type { Change } from "../../operate/changes.js";
import { replan } from "../../operate/replan.js";
import { parseScenario } from "../../scenario/parse.js";
import { validateRoster } from "../../validate/validate-roster.js";
import { readChanges, readJson, readScenario } from "../inputs.js";
import { ensureFolder } from "../io/atomic-write.js";
import { jsonWriter, writeRosterFolder } from "../outputs.js";
import { formatReplanSummary } from "../replan-summary.js";
import { type CommonOptions, print, progressFor } from "./output.js";

export interface ReplanCommandOptions extends CommonOptions {
  out: string;
  pretty?: boolean | undefined;
  bom: boolean;
}

export async function replanCommand(
  scenarioFile: string,
  rosterFile: string,
  changesFile: string,
  options: ReplanCommandOptions,
): Promise<number> {
  const progress = progressFor(options);
  const scenario = await readScenario(scenarioFile, progress);
  const previous = await readJson(rosterFile, progress);
  const changes = await readChanges(changesFile, progress);
  // After the inputs are read (bad input leaves no new folder behind), before the re-planning
  // (a bad --out costs no planning).
  await ensureFolder(options.out);
  progress.stage("re-planning");
  // replan checks each change and names the bad ones (changes[i] and the path inside).
  const result = replan(scenario, previous, changes as Change[], {
    onProgress: (step) => progress.stage(`re-planning: ${step}`),
  });
  const changed = parseScenario(result.scenario);
  progress.stage("validating the new roster");
  const report = validateRoster(changed, result.roster);
  const pretty = options.pretty === true;
  const written = await writeRosterFolder(
    options.out,
    changed,
    result.roster,
    report,
    [
      ["scenario.json", jsonWriter(result.scenario, pretty)],
      ["summary.json", jsonWriter(result.summary, true)],
    ],
    { pretty, bom: options.bom, progress },
  );
  progress.done();
  await print(formatReplanSummary(result.summary));
  await print(`\nWrote:\n${written.map((path) => `  ${path}`).join("\n")}`);
  return report.ok ? 0 : 1;
}
