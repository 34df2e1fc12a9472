/**
 * `trace scenario.json roster.json PERSON [--from D] [--to D] [--rows N] [--json]`: the
 * contacts of a person who tested positive (SPEC §7.1), as text or as JSON.
 */
import { traceContacts } from "../../operate/trace-contacts.js";
import { readJson, readScenario } from "../inputs.js";
import { formatTrace } from "../trace-summary.js";
import { type CommonOptions, print, progressFor } from "./output.js";

export interface TraceOptions extends CommonOptions {
  from?: string | undefined;
  to?: string | undefined;
  rows?: number | undefined;
  json?: boolean | undefined;
}

export async function traceCommand(
  scenarioFile: string,
  rosterFile: string,
  personId: string,
  options: TraceOptions,
): Promise<number> {
  const progress = progressFor(options);
  const scenario = await readScenario(scenarioFile, progress);
  const roster = await readJson(rosterFile, progress);
  progress.stage(`tracing ${personId}`);
  const trace = traceContacts(scenario, roster, personId, {
    from: options.from,
    to: options.to,
    rows: options.rows,
  });
  progress.done();
  await print(options.json === true ? JSON.stringify(trace, null, 2) : formatTrace(trace));
  return 0;
}
