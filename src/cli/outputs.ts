/**
 * The folder `plan` and `replan` fill (SPEC §7.4): the roster, the report page, the three
 * CSV lists, the GTFS feed when every site has a position, and what a command adds (the
 * scenario, the re-plan's summary). Each file is written whole or not at all; the roster
 * goes first, so a failure later still leaves the plan itself on disk.
 */
import { join } from "node:path";
import { nodePositions, positionOf } from "../export/gtfs/positions.js";
import { renderReport } from "../export/report.js";
import type { Roster } from "../roster/schema.js";
import { scenarioModel } from "../scenario/model.js";
import type { Scenario } from "../scenario/schema.js";
import type { ValidationReport } from "../validate/report.js";
import { csvListWriter, type FileWriter, textWriter, writeGtfsFiles } from "./formats.js";
import { ensureFolder, writeFileAtomically, writeFolderAtomically } from "./io/atomic-write.js";
import { writeJson } from "./io/json-stream.js";
import type { Progress } from "./progress.js";

export interface OutputOptions {
  /** Indented JSON instead of compact. */
  pretty: boolean;
  /** A byte order mark at the start of each CSV file. */
  bom: boolean;
  progress: Progress;
}

/** A JSON value, streamed (never one string): compact, or indented with `pretty`. */
export function jsonWriter(value: unknown, pretty: boolean): FileWriter {
  return async (out) => {
    await writeJson(out, value, pretty);
    out.write("\n");
  };
}

/** Whether every site has a position of its own or through its road node (GTFS needs one). */
export function sitesHavePositions(scenario: Scenario): boolean {
  const nodes = nodePositions(scenarioModel(scenario));
  return scenario.sites.every((site) => positionOf(site, nodes) !== undefined);
}

/** Writes one file of the folder, announcing it on the progress line; returns its path. */
async function writeOne(path: string, writer: FileWriter, progress: Progress): Promise<string> {
  progress.stage(`writing ${path}`);
  await writeFileAtomically(path, writer);
  return path;
}

/**
 * Writes the roster's files into `dir` (created when missing), after the `extra` files
 * (name and writer) a command puts first; returns the paths written, in order.
 */
export async function writeRosterFolder(
  dir: string,
  scenario: Scenario,
  roster: Roster,
  report: ValidationReport,
  extra: readonly [name: string, writer: FileWriter][],
  options: OutputOptions,
): Promise<string[]> {
  const { progress, pretty, bom } = options;
  await ensureFolder(dir);
  const files: [string, FileWriter][] = [
    ["roster.json", jsonWriter(roster, pretty)],
    ...extra,
    ["report.html", textWriter(() => renderReport(scenario, roster, report))],
    ["manifests.csv", csvListWriter("manifests", scenario, roster, bom, progress)],
    ["staff.csv", csvListWriter("staff", scenario, roster, bom, progress)],
    ["testing.csv", csvListWriter("testing", scenario, roster, bom, progress)],
  ];
  const written: string[] = [];
  for (const [name, writer] of files)
    written.push(await writeOne(join(dir, name), writer, progress));
  if (sitesHavePositions(scenario)) {
    const folder = join(dir, "gtfs");
    await writeFolderAtomically(folder, (temp) =>
      writeGtfsFiles(
        scenario,
        roster,
        (name, writer) => writeFileAtomically(join(temp, name), writer),
        progress,
      ),
    );
    written.push(`${folder}/`);
  }
  return written;
}
