/**
 * Every file the command line writes, as a function that streams it into an open output:
 * the roster as JSON, the three CSV lists, the GTFS feed (a folder or a zip), and the
 * single-string exports (report, timeline, calendar, schemas). Big files go out in pieces —
 * the CSV lists and GTFS files as the text chunks their exports make (csv-line.ts), the
 * roster through `jsonChunks` — so no whole-file string is ever built for a district-sized
 * roster.
 */
import { PassThrough, type Writable } from "node:stream";
import yazl from "yazl";
import { manifestCsvChunks } from "../export/csv/manifest.js";
import { staffListCsvChunks } from "../export/csv/staff-list.js";
import { testingCsvChunks } from "../export/csv/testing-list.js";
import { gtfsCsvChunks, gtfsFeed } from "../export/gtfs/gtfs.js";
import type { Roster } from "../roster/schema.js";
import type { Scenario } from "../scenario/schema.js";
import { writeChunks } from "./io/atomic-write.js";
import type { Progress } from "./progress.js";

/** Streams one file's content into `out` (which the caller opened and will close). */
export type FileWriter = (out: Writable) => Promise<void>;

/** The CSV lists of SPEC §7.3 by the command line's name for them. */
export const CSV_LISTS = {
  manifests: { chunks: manifestCsvChunks },
  staff: { chunks: staffListCsvChunks },
  testing: { chunks: testingCsvChunks },
} as const;

export type CsvList = keyof typeof CSV_LISTS;

/** A CSV list of the roster, with a byte order mark when `bom` (spreadsheets want it for Chinese names). */
export function csvListWriter(
  list: CsvList,
  scenario: Scenario,
  roster: Roster,
  bom: boolean,
  progress: Progress,
): FileWriter {
  const { chunks } = CSV_LISTS[list];
  return (out) => writeChunks(out, counted(chunks(scenario, roster, { bom }), progress));
}

/** The chunks as they are, reporting the bytes handed on so far. */
function* counted(chunks: Iterable<string>, progress: Progress): Generator<string> {
  let bytes = 0;
  for (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    progress.count(bytes, undefined, "bytes");
    yield chunk;
  }
}

/** A text that is small whatever the roster's size (the report summarises large rosters). */
export function textWriter(text: () => string): FileWriter {
  return (out) => writeChunks(out, [text()]);
}

/** Hands each GTFS file of the feed, by name, to `write`, one after the other. */
export async function writeGtfsFiles(
  scenario: Scenario,
  roster: Roster,
  write: (name: string, writer: FileWriter) => Promise<void>,
  progress: Progress,
): Promise<void> {
  const feed = gtfsFeed(scenario, roster);
  for (const file of feed.files) {
    progress.stage(`writing gtfs/${file}`);
    await write(file, (out) => writeChunks(out, counted(gtfsCsvChunks(feed, file), progress)));
  }
}

/** The GTFS feed as one zip archive (deflated), streamed into `out`. */
export function gtfsZipWriter(scenario: Scenario, roster: Roster, progress: Progress): FileWriter {
  return async (out) => {
    const zip = new yazl.ZipFile();
    const piped = new Promise<void>((resolve, reject) => {
      zip.outputStream.on("error", reject);
      zip.outputStream.on("end", resolve);
      zip.outputStream.pipe(out, { end: false });
    });
    // Each file is made in full (in pieces) before the next starts: yazl reads them in order.
    await writeGtfsFiles(
      scenario,
      roster,
      async (name, writer) => {
        const entry = new PassThrough();
        // A fixed local time (zip dates are local and start in 1980): the same feed, the same bytes.
        zip.addReadStream(entry, name, { mtime: new Date(2000, 0, 1) });
        await writer(entry);
        entry.end();
      },
      progress,
    );
    zip.end();
    await piped;
  };
}
