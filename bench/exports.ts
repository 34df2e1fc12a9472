/**
 * The exports benchmark (issue #12): `npm run bench:exports` (100k staff × 14 days) or
 * `npm run bench:exports -- --staff 20000`. Plans a synthetic district, then times every
 * export of SPEC §7.3 against `JSON.stringify(roster)` of the same roster in the same run:
 * writing the whole roster out as JSON is a native walk over everything an export reads, so
 * an export's time is reported as a multiple of it (target: ≤ 2 ×), a figure that carries
 * across machines, and across the load of a shared one, better than seconds do. Options:
 * `--runs N` (default 3); `--only a,b` times only the exports whose names contain a or b
 * (for `node --cpu-prof`) and writes no results; `--streamed` also times the pieces the
 * command line writes the CSV and GTFS files from (`manifestCsvChunks`, …) beside the
 * whole strings.
 *
 * Each figure is the median of `--runs` calls, each after a full collection (so that a call
 * does not pay for the garbage of the one before), in wall-clock and in CPU time (this
 * process, all its threads; it leaves out the time other processes held the cores). Sizes
 * are UTF-8 bytes of the text the export returns (GTFS: all files together; JSON Schemas:
 * `JSON.stringify` of the object). An export whose one string would pass V8's longest string
 * (about 512 MiB) throws `RangeError: Invalid string length`; it is then timed as those
 * pieces, each counted and dropped, and the table says so. The exports are given the
 * planned roster, which is parsed by construction (as one read from a file is once
 * `parseRoster` has returned it), so they skip the shape check; the `parseRoster` row shows
 * what a roster not parsed before adds. Prints a markdown table and writes it under "## Exports (issue #12)" in
 * bench/results.md (a subsection per staff count, replacing an earlier run at that count).
 * Targets are reported, never asserted.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { manifestCsvChunks, toManifestCsv } from "../src/export/csv/manifest.js";
import { staffListCsvChunks, toStaffListCsv } from "../src/export/csv/staff-list.js";
import { testingCsvChunks, toTestingCsv } from "../src/export/csv/testing-list.js";
import { type GtfsFiles, gtfsCsvChunks, gtfsFeed, toGtfs } from "../src/export/gtfs/gtfs.js";
import { toICalendar } from "../src/export/icalendar.js";
import { rosterJsonSchema, scenarioJsonSchema } from "../src/export/json-schema.js";
import { renderReport } from "../src/export/report.js";
import { renderTimelineSvg } from "../src/export/timeline-svg.js";
import { planRoster } from "../src/plan/plan-roster.js";
import { parseRoster } from "../src/roster/parse.js";
import { parseScenario } from "../src/scenario/parse.js";
import { generateScenario } from "../src/synthetic/index.js";
import { validateRoster } from "../src/validate/validate-roster.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const staff = option("staff", 100_000);
const runs = Math.round(option("runs", 3));
const seed = 1;
const days = 14;
const TARGET = 2;
const MIB = 1_048_576;
const alsoStreamed = process.argv.includes("--streamed");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt === -1 ? [] : (process.argv[onlyAt + 1] ?? "").split(",").filter(Boolean);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined)
  process.stderr.write("· no --expose-gc: calls are not separated by full collections\n");

const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const bytesOf = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * One call, after `prepare` (untimed) and a full collection: wall-clock and CPU milliseconds,
 * and the output's bytes.
 */
async function once(
  run: (input: unknown) => unknown,
  size: (value: never) => number,
  prepare?: () => unknown,
) {
  const input = prepare?.();
  gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await run(input);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, bytes: size(value as never) };
}

interface Timing {
  ms: number;
  cpuMs: number;
  bytes: number;
  /** Wall-clock milliseconds of the first call (for exports that cache on it). */
  firstMs: number;
  all: number[];
}

/** `runs` calls of `run`; medians of the wall-clock and of the CPU times. */
async function measure<T>(
  run: (input: never) => T | Promise<T>,
  size: (value: T) => number,
  prepare?: () => unknown,
): Promise<Timing> {
  const samples: { ms: number; cpuMs: number; bytes: number }[] = [];
  for (let r = 0; r < runs; r++)
    samples.push(await once(run as (input: unknown) => unknown, size as never, prepare));
  return {
    ms: median(samples.map((s) => s.ms)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    bytes: (samples[0] as { bytes: number }).bytes,
    firstMs: (samples[0] as { ms: number }).ms,
    all: samples.map((s) => s.ms),
  };
}

/** The UTF-8 bytes of a text made in pieces, each piece dropped once counted. */
function chunkBytes(chunks: Iterable<string>): number {
  let bytes = 0;
  for (const chunk of chunks) bytes += bytesOf(chunk);
  return bytes;
}

const tooLong = (error: unknown) =>
  error instanceof RangeError && error.message.includes("Invalid string length");

// ---------------------------------------------------------------------------------------------

process.stderr.write(`· generating and planning ${fmt(staff)} staff × ${days} days …\n`);
const loadBefore = loadavg()[0] as number;
const planStarted = performance.now();
const scenario = parseScenario(generateScenario({ seed, staff, days }));
const roster = planRoster(scenario);
const planMs = performance.now() - planStarted;

const baseline = await measure(
  () => JSON.stringify(roster),
  (json) => bytesOf(json),
);
process.stderr.write(
  `· JSON.stringify(roster): ${fmt(baseline.ms)} ms, ${fmt(baseline.bytes / MIB, 1)} MiB\n`,
);

// The people and the date the small exports are asked about.
const worker = roster.assignments[0]?.personId;
const driver = roster.vehicles[0]?.driverId;
if (worker === undefined || driver === undefined) throw new Error("the roster has no staff");
const tripsByDate = new Map<string, number>();
for (const trip of roster.trips) {
  const date = trip.depart.slice(0, 10); // the local date: instants carry the zone's offset
  tripsByDate.set(date, (tripsByDate.get(date) ?? 0) + 1);
}
const [busiest, busiestTrips] = [...tripsByDate].sort(
  (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
)[0] as [string, number];

interface Row {
  name: string;
  how: string;
  timing: Timing;
  /** No target: shown for what it adds to another row. */
  info?: boolean;
}
const rows: Row[] = [];

async function row(
  name: string,
  how: string,
  run: (input: never) => unknown,
  size: (value: never) => number,
  info = false,
  prepare?: () => unknown,
): Promise<void> {
  if (only.length > 0 && !only.some((part) => name.includes(part))) return;
  process.stderr.write(`· ${name} …\n`);
  const timing = await measure(run, size as (value: unknown) => number, prepare);
  rows.push({ name, how, timing, ...(info ? { info } : {}) });
}

/** A whole-text export; if its string would be too long, its streamed variant instead. */
async function wholeOrStreamed(
  name: string,
  how: string,
  whole: () => number,
  streamedHow: string,
  streamed: () => Promise<number>,
): Promise<void> {
  if (only.length > 0 && !only.some((part) => name.includes(part))) return;
  try {
    await row(name, how, whole, (bytes: number) => bytes);
    if (alsoStreamed) await row(name, streamedHow, streamed, (bytes: number) => bytes);
  } catch (error) {
    if (!tooLong(error)) throw error;
    process.stderr.write(`· ${name} threw RangeError (Invalid string length): streaming\n`);
    await row(
      name,
      `${streamedHow} (\`${how}\` throws RangeError: Invalid string length)`,
      streamed,
      (bytes: number) => bytes,
    );
  }
}

const sumFiles = (files: GtfsFiles) =>
  Object.values(files).reduce((sum, text: string) => sum + bytesOf(text), 0);

await row(
  "parseRoster",
  "the shape check (a checked copy) of a roster not parsed before (a `structuredClone`, made untimed); the planned roster the exports below are given is parsed by construction, so they skip it",
  (copy: unknown) => parseRoster(copy),
  () => 0,
  true,
  () => structuredClone(roster),
);
await wholeOrStreamed(
  "toManifestCsv",
  "whole string",
  () => bytesOf(toManifestCsv(scenario, roster)),
  "`manifestCsvChunks` (the command line's pieces)",
  async () => chunkBytes(manifestCsvChunks(scenario, parseRoster(roster))),
);
await wholeOrStreamed(
  "toStaffListCsv",
  "whole string",
  () => bytesOf(toStaffListCsv(scenario, roster)),
  "`staffListCsvChunks` (the command line's pieces)",
  async () => chunkBytes(staffListCsvChunks(scenario, parseRoster(roster))),
);
await wholeOrStreamed(
  "toTestingCsv",
  "whole string",
  () => bytesOf(toTestingCsv(scenario, roster)),
  "`testingCsvChunks` (the command line's pieces)",
  async () => chunkBytes(testingCsvChunks(scenario, parseRoster(roster))),
);
await wholeOrStreamed(
  "toGtfs",
  "all files, whole strings",
  () => sumFiles(toGtfs(scenario, roster)),
  "`gtfsCsvChunks` per file (the command line's pieces)",
  async () => {
    const feed = gtfsFeed(scenario, roster);
    let bytes = 0;
    for (const file of feed.files) bytes += chunkBytes(gtfsCsvChunks(feed, file));
    return bytes;
  },
);
await row(
  "toICalendar (worker)",
  `one call, ${worker}`,
  () => toICalendar(scenario, roster, worker),
  (text: string) => bytesOf(text),
);
await row(
  "toICalendar (driver)",
  `one call, ${driver}`,
  () => toICalendar(scenario, roster, driver),
  (text: string) => bytesOf(text),
);
await row(
  "renderTimelineSvg",
  `${busiest} (busiest date, ${fmt(busiestTrips)} trips)`,
  () => renderTimelineSvg(scenario, roster, busiest),
  (text: string) => bytesOf(text),
);
await row(
  "renderReport",
  "validates inside (`renderReport(scenario, roster)`)",
  () => renderReport(scenario, roster),
  (text: string) => bytesOf(text),
);
let report: ReturnType<typeof validateRoster> | undefined;
await row(
  "validateRoster",
  "the part of the row above that validates",
  () => {
    report = validateRoster(scenario, roster);
    return report;
  },
  () => 0,
  true,
);
if (only.length === 0 || only.some((part) => "renderReport".includes(part))) {
  const given = report ?? validateRoster(scenario, roster);
  await row(
    "renderReport",
    "report passed in (`renderReport(scenario, roster, report)`)",
    () => renderReport(scenario, roster, given),
    (text: string) => bytesOf(text),
  );
}
await row(
  "rosterJsonSchema",
  "one call",
  () => rosterJsonSchema(),
  (schema: object) => bytesOf(JSON.stringify(schema)),
);
await row(
  "scenarioJsonSchema",
  "one call",
  () => scenarioJsonSchema(),
  (schema: object) => bytesOf(JSON.stringify(schema)),
);
const loadAfter = loadavg()[0] as number;

// ---------------------------------------------------------------------------------------------

function verdict(timing: Timing): string {
  const wall = timing.ms / baseline.ms <= TARGET;
  const cpu = timing.cpuMs / baseline.cpuMs <= TARGET;
  const word = (met: boolean) => (met ? "PASS" : "**FAIL**");
  return wall === cpu ? word(wall) : `${word(wall)} (CPU: ${cpu ? "PASS" : "FAIL"})`;
}
const size = (bytes: number) =>
  bytes === 0
    ? "–"
    : bytes >= 10_000
      ? fmt(bytes / MIB, 2)
      : `${fmt(bytes / MIB, 4)} (${fmt(bytes)} B)`;

const lines: string[] = [];
lines.push(`### ${fmt(staff)} staff`, "");
lines.push(
  `Machine: ${availableParallelism()} cores, Node ${process.version}, load average ${fmt(loadBefore, 1)} before, ${fmt(loadAfter, 1)} after (1 min). Seed ${seed}, ${fmt(staff)} staff × ${days} days: ${fmt(roster.trips.length)} trips, ${fmt(roster.stats.boardings)} boardings, ${fmt(roster.tests.length)} tests, ${fmt(roster.assignments.length)} assignments (generated and planned in ${fmt(planMs / 1000, 1)} s). ${runs} calls per row, medians.`,
  "",
  `Baseline \`JSON.stringify(roster)\`: **${fmt(baseline.ms)} ms** wall (calls ${baseline.all.map((ms) => fmt(ms)).join(", ")}), ${fmt(baseline.cpuMs)} ms CPU, ${fmt(baseline.bytes / MIB, 2)} MiB.`,
  "",
  "| export | measured as | ms | CPU ms | ÷ stringify | ÷ stringify (CPU) | MiB | ≤ 2 × stringify |",
  "|---|---|---|---|---|---|---|---|",
);
for (const { name, how, timing, info } of rows) {
  const first =
    name.endsWith("JsonSchema") && runs > 1
      ? `; first call ${fmt(timing.firstMs, 1)} ms (fills a cache)`
      : "";
  const digits = timing.ms < 10 ? 2 : 0;
  lines.push(
    `| ${name} | ${how}${first} | ${fmt(timing.ms, digits)} | ${fmt(timing.cpuMs, digits)} | ${fmt(timing.ms / baseline.ms, 3)} | ${fmt(timing.cpuMs / baseline.cpuMs, 3)} | ${size(timing.bytes)} | ${info ? "–" : verdict(timing)} |`,
  );
}
lines.push(
  "",
  "Every export takes the roster as `unknown` and checks its shape (`parseRoster`) unless it is a roster `parseRoster` returned or `planRoster` built, as here: a roster read from a file is parsed once (the first row) and then given to every export. A verdict in the wall-clock ratio is followed by the CPU ratio's when the two disagree.",
  "",
);
const subsection = lines.join("\n");
process.stdout.write(`${subsection}\n`);

// Replace this staff count's subsection of "## Exports (issue #12)", keeping the others.
if (only.length === 0) {
  const heading = "## Exports (issue #12)";
  const intro = [
    heading,
    "",
    "`npm run bench:exports` (100k staff) or `npm run bench:exports -- --staff 20000`: each export of SPEC §7.3 timed against `JSON.stringify(roster)` of the same roster in the same run (target ≤ 2 ×). See bench/exports.ts for how.",
    "",
  ].join("\n");
  const path = fileURLToPath(new URL("./results.md", import.meta.url));
  const results = readFileSync(path, "utf8");
  const start = results.indexOf(heading);
  let end = results.length;
  if (start !== -1)
    for (const next of ["\n## ", "\n<!-- "]) {
      const at = results.indexOf(next, start + heading.length);
      if (at !== -1) end = Math.min(end, at + 1);
    }
  const old = start === -1 ? "" : results.slice(start, end);
  const parts = new Map<number, string>();
  for (const part of old.split(/\n(?=### )/).slice(1)) {
    const count = Number(/^### ([\d,]+) staff/.exec(part)?.[1]?.replaceAll(",", ""));
    if (Number.isFinite(count)) parts.set(count, part.trimEnd());
  }
  parts.set(staff, subsection.trimEnd());
  const section = [intro, ...[...parts].sort((a, b) => a[0] - b[0]).map(([, p]) => `${p}\n`)].join(
    "\n",
  );
  const updated =
    start === -1
      ? `${results.trimEnd()}\n\n${section}`
      : `${results.slice(0, start)}${section}${end < results.length ? `\n${results.slice(end)}` : ""}`;
  writeFileSync(path, updated);
}
