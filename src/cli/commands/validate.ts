/**
 * `validate scenario.json roster.json [--json]`: checks a roster against every rule. Exit 0
 * when it keeps them all, 1 when it breaks one, 2 when the file is not a roster at all
 * (`roster-schema`: bad input, reported with every issue's path).
 */
import { formatReport } from "../../validate/report.js";
import { validateRoster } from "../../validate/validate-roster.js";
import { readJson, readScenario } from "../inputs.js";
import { type CommonOptions, print, progressFor } from "./output.js";

export interface ValidateOptions extends CommonOptions {
  json?: boolean | undefined;
}

export async function validateCommand(
  scenarioFile: string,
  rosterFile: string,
  options: ValidateOptions,
): Promise<number> {
  const progress = progressFor(options);
  const scenario = await readScenario(scenarioFile, progress);
  const roster = await readJson(rosterFile, progress);
  progress.stage("validating the roster");
  const report = validateRoster(scenario, roster);
  progress.done();
  const notARoster = report.counts["roster-schema"] > 0;
  if (options.json === true) await print(JSON.stringify(report, null, 2));
  else {
    if (notARoster) await print(`${rosterFile} is not a roster of the SPEC §5 shape:`);
    await print(formatReport(report));
  }
  if (notARoster) return 2;
  return report.ok ? 0 : 1;
}
