/**
 * `export gtfs|csv|staff|testing|ics|svg|html scenario.json roster.json [--person ID]
 * [--date D] [--out PATH]`: one of the SPEC §7.3 files, to PATH or (without `--out`) to
 * stdout. GTFS goes to a folder, or to a zip when PATH ends in `.zip` or when it goes to
 * stdout (a feed is several files; a zip is the one file that carries them).
 */
import { join } from "node:path";
import type { Writable } from "node:stream";
import { toICalendar } from "../../export/icalendar.js";
import { renderReport } from "../../export/report.js";
import { renderTimelineSvg } from "../../export/timeline-svg.js";
import { parseRoster } from "../../roster/parse.js";
import type { Roster } from "../../roster/schema.js";
import type { Scenario } from "../../scenario/schema.js";
import {
  csvListWriter,
  type FileWriter,
  gtfsZipWriter,
  textWriter,
  writeGtfsFiles,
} from "../formats.js";
import { readJson, readScenario, UsageError } from "../inputs.js";
import { writeChunks, writeFileAtomically, writeFolderAtomically } from "../io/atomic-write.js";
import type { Progress } from "../progress.js";
import { type CommonOptions, print, progressFor } from "./output.js";

export const EXPORT_FORMATS = ["gtfs", "csv", "staff", "testing", "ics", "svg", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends CommonOptions {
  person?: string | undefined;
  date?: string | undefined;
  out?: string | undefined;
  bom: boolean;
}

/** Streams into stdout, waiting for a slow reader; stdout is never closed. */
async function toStdout(writer: FileWriter): Promise<void> {
  await writer(process.stdout as unknown as Writable);
  await writeChunks(process.stdout, []);
}

export async function exportCommand(
  format: ExportFormat,
  scenarioFile: string,
  rosterFile: string,
  options: ExportOptions,
): Promise<number> {
  const progress = progressFor(options);
  const scenario = await readScenario(scenarioFile, progress);
  const roster = parseRoster(await readJson(rosterFile, progress));
  const out = options.out;
  progress.stage(`writing ${format}${out === undefined ? " to stdout" : ` to ${out}`}`);

  if (format === "gtfs" && out !== undefined && !out.endsWith(".zip")) {
    await writeFolderAtomically(out, (temp) =>
      writeGtfsFiles(
        scenario,
        roster,
        (name, writer) => writeFileAtomically(join(temp, name), writer),
        progress,
      ),
    );
  } else {
    if (format === "gtfs" && out === undefined && process.stdout.isTTY === true)
      throw new UsageError(
        "a GTFS feed is a zip archive on stdout: give --out FOLDER or --out feed.zip, or redirect stdout to a file",
      );
    const writer = writerFor(format, scenario, roster, options, progress);
    if (out === undefined) await toStdout(writer);
    else await writeFileAtomically(out, writer);
  }
  progress.done();
  if (out !== undefined) await print(`Wrote ${out}`);
  return 0;
}

function writerFor(
  format: ExportFormat,
  scenario: Scenario,
  roster: Roster,
  options: ExportOptions,
  progress: Progress,
): FileWriter {
  switch (format) {
    case "csv":
      return csvListWriter("manifests", scenario, roster, options.bom, progress);
    case "staff":
      return csvListWriter("staff", scenario, roster, options.bom, progress);
    case "testing":
      return csvListWriter("testing", scenario, roster, options.bom, progress);
    case "gtfs":
      return gtfsZipWriter(scenario, roster, progress);
    case "html":
      return textWriter(() => renderReport(scenario, roster));
    case "svg": {
      const date = options.date ?? roster.horizon.start;
      return textWriter(() => renderTimelineSvg(scenario, roster, date));
    }
    case "ics": {
      const person = options.person;
      if (person === undefined)
        throw new UsageError("export ics needs --person ID: whose calendar to write");
      return textWriter(() => toICalendar(scenario, roster, person));
    }
  }
}
