/**
 * The command line's files read back by consumers someone else wrote, as a user's tools
 * would read them: csv-parse for the CSV lists and GTFS files, yauzl for a zipped feed, and
 * the temporary folders the child-process tests write into.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import yauzl from "yauzl";

/** The GTFS files a feed of the Jinshan scenario holds (every site has a position). */
export const GTFS_FILES = [
  "agency.txt",
  "calendar_dates.txt",
  "feed_info.txt",
  "routes.txt",
  "shapes.txt",
  "stop_times.txt",
  "stops.txt",
  "trips.txt",
] as const;

/** The files `plan` writes for the built-in scenario, in the folder's sorted order. */
export const PLAN_FILES = [
  "gtfs",
  "manifests.csv",
  "report.html",
  "roster.json",
  "scenario.json",
  "staff.csv",
  "testing.csv",
] as const;

/** A new empty folder in the system's temporary folder; remove it with {@link removeFolder}. */
export function tempFolder(name: string): string {
  return mkdtempSync(join(tmpdir(), `clc-${name}-`));
}

export function removeFolder(dir: string | undefined): void {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}

/** The entries of a folder, sorted (hidden temporary entries included). */
export function entries(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** CSV text (or a CSV file's bytes) as records keyed by the header's column names. */
export function readCsv(text: string | Buffer): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, skip_empty_lines: true });
}

/** A CSV file as records keyed by the header's column names. */
export function readCsvFile(path: string): Record<string, string>[] {
  return readCsv(readFileSync(path));
}

/** The column names of CSV text. */
export function csvHeader(text: string | Buffer): string[] {
  const [header] = parse(text, { bom: true, to_line: 1 }) as string[][];
  return header ?? [];
}

/** Every file of a zip archive (a path, or the archive's bytes) by name, read with yauzl. */
export function unzip(source: string | Buffer): Promise<Map<string, Buffer>> {
  return new Promise((done, fail) => {
    const read = (error: Error | null, zip: yauzl.ZipFile | undefined) => {
      if (error !== null || zip === undefined) {
        fail(error ?? new Error("no zip file"));
        return;
      }
      const files = new Map<string, Buffer>();
      zip.on("error", fail);
      zip.on("end", () => done(files));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError !== null || stream === undefined) {
            fail(streamError ?? new Error(`cannot read ${entry.fileName}`));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", fail);
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    };
    if (typeof source === "string") yauzl.open(source, { lazyEntries: true }, read);
    else yauzl.fromBuffer(source, { lazyEntries: true }, read);
  });
}
