/**
 * `plan [scenario.json] [--out DIR]`: plans the scenario (the built-in Jinshan one without a
 * file), checks the plan against every rule, and writes the roster and its files. Exit 1 if
 * the plan ever broke a rule (a bug: the planner promises a valid roster).
 */
import { jinshanScenario } from "../../jinshan/scenario.js";
import { planRoster } from "../../plan/plan-roster.js";
import { formatReport } from "../../validate/report.js";
import { validateRoster } from "../../validate/validate-roster.js";
import type { FileWriter } from "../formats.js";
import { readScenario } from "../inputs.js";
import { ensureFolder } from "../io/atomic-write.js";
import { jsonWriter, writeRosterFolder } from "../outputs.js";
import { formatRosterSummary } from "../roster-summary.js";
import { formatScenarioSummary } from "../scenario-summary.js";
import { type CommonOptions, print, progressFor } from "./output.js";

export interface PlanOptions extends CommonOptions {
  out: string;
  pretty?: boolean | undefined;
  bom: boolean;
}

export async function planCommand(file: string | undefined, options: PlanOptions): Promise<number> {
  const progress = progressFor(options);
  const scenario = await readScenario(file, progress);
  // After the input is read (bad input leaves no new folder behind), before the planning (a
  // bad --out costs no planning).
  await ensureFolder(options.out);
  progress.done();
  await print(`${formatScenarioSummary(scenario)}\n`);

  progress.stage("planning");
  const roster = planRoster(scenario, {
    onProgress: (step) => progress.stage(`planning: ${step}`),
  });
  progress.stage("validating the roster");
  const report = validateRoster(scenario, roster);
  // The built-in scenario is written too, so validate, trace and replan have a file to read.
  const extra: [string, FileWriter][] =
    file === undefined ? [["scenario.json", jsonWriter(jinshanScenario(), true)]] : [];
  const written = await writeRosterFolder(options.out, scenario, roster, report, extra, {
    pretty: options.pretty === true,
    bom: options.bom,
    progress,
  });
  progress.done();
  await print(formatRosterSummary(roster, report));
  if (!report.ok) await print(formatReport(report));
  await print(`\nWrote:\n${written.map((path) => `  ${path}`).join("\n")}`);
  return report.ok ? 0 : 1;
}
