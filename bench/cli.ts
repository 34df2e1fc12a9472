/**
 * The command line end to end (issue #13): `npm run bench -- --cli` (100k, 200k and 500k
 * staff × 14 days) or `npm run bench -- --cli --sizes 20000` (any sizes, comma-separated).
 *
 * For each size, in a temporary folder deleted afterwards: the synthetic district written as
 * a scenario file; the BUILT command line's `plan scenario.json --out DIR --quiet` and then
 * `validate scenario.json roster.json --json --quiet`, each under `/usr/bin/time` for wall
 * time and peak RSS; the size of every file `plan` wrote; and, in a fresh process, the floor
 * `validate` is held against (bench/cli-run.ts): reading and parsing the same roster file by
 * the fastest means, plus the in-process `validateRoster`.
 *
 * The command line re-launches itself with a larger heap (src/cli/heap.ts), and `/usr/bin/time`
 * does not count a child's memory; so it is run as the re-launched child would be —
 * `CLOSED_LOOP_COMMUTE_RELAUNCHED=1 node <largeHeapFlags> dist/cli.js …`, with the V8 flags
 * heap.ts gives its child for the same files — one process whose peak RSS is the command's.
 * `--plain-heap` gives only the heap limit instead, to compare (written to results-quick.md).
 *
 * Results go to standard output and to the `cli` section of bench/results.md (of
 * bench/results-quick.md when `--sizes` is given). Targets are reported, never asserted.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { availableParallelism, loadavg, tmpdir, totalmem } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { fileBytes, largeHeapFlags } from "../src/cli/heap.js";
import { STRING_READ_LIMIT } from "../src/cli/io/read-json.js";
import type { FloorResult } from "./cli-run.js";
import { writeSection } from "./sections.js";

const seed = 1;
const HEAP_MIB = 16_384;
const plainHeap = process.argv.includes("--plain-heap");
const sizesAt = process.argv.indexOf("--sizes");
const sizesArg = sizesAt === -1 ? undefined : process.argv[sizesAt + 1];
const sizes =
  sizesArg === undefined
    ? [100_000, 200_000, 500_000]
    : sizesArg.split(",").map((s) => Number(s.replaceAll("_", "")));
if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
  throw new Error(`--sizes takes staff counts, comma-separated: got ${sizesArg}`);

const root = fileURLToPath(new URL("..", import.meta.url));
const cliJs = join(root, "dist", "cli.js");
const runner = fileURLToPath(new URL("./cli-run.ts", import.meta.url));

/** The latest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

// The built command line, as a user runs it: rebuilt when any source is newer.
if (!existsSync(cliJs) || statSync(cliJs).mtimeMs < newest(join(root, "src"))) {
  process.stderr.write("· dist/cli.js is older than src/: npm run build …\n");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", 2, 2] });
}

/** Every file under `dir` and its size in bytes, by path relative to `dir`. */
function fileSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else sizes.set(relative(dir, path), statSync(path).size);
    }
  };
  if (existsSync(dir)) walk(dir);
  return sizes;
}

interface CommandRun {
  /** The command's exit code, or undefined when a signal ended it. */
  code: number | undefined;
  signal: string | undefined;
  wallS: number;
  peakRssKiB: number;
  cpuS: number;
  /** The last lines of its standard error. */
  stderrTail: string;
}

/** The V8 flags the command line's re-launched child gets for `args` (or only the limit). */
function heapFlags(args: readonly string[]): string[] {
  return plainHeap
    ? [`--max-old-space-size=${HEAP_MIB}`]
    : largeHeapFlags(HEAP_MIB, args[0] ?? "", fileBytes(args));
}

/** Runs the built CLI under /usr/bin/time, its standard output to `stdoutFile`. */
function runCli(args: string[], work: string, stdoutFile: string): CommandRun {
  const timeFile = join(work, "time.txt");
  const out = openSync(stdoutFile, "w");
  try {
    const run = spawnSync(
      "/usr/bin/time",
      ["-o", timeFile, "-f", "%e %M %U %S", process.execPath, ...heapFlags(args), cliJs, ...args],
      {
        cwd: work,
        env: { ...process.env, CLOSED_LOOP_COMMUTE_RELAUNCHED: "1" },
        stdio: ["ignore", out, "pipe"],
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    const lines = readFileSync(timeFile, "utf8").trim().split("\n");
    const [wall, rss, user, system] = (lines.at(-1) ?? "").split(" ").map(Number);
    const signalLine = lines.find((line) => line.startsWith("Command terminated by signal"));
    const statusLine = lines.find((line) => line.startsWith("Command exited with non-zero"));
    return {
      code:
        signalLine !== undefined
          ? undefined
          : statusLine !== undefined
            ? Number(statusLine.split(" ").at(-1))
            : 0,
      signal: signalLine?.replace("Command terminated by ", ""),
      wallS: wall ?? Number.NaN,
      peakRssKiB: rss ?? Number.NaN,
      cpuS: (user ?? Number.NaN) + (system ?? Number.NaN),
      stderrTail: (run.stderr ?? "").trim().split("\n").slice(-8).join("\n"),
    };
  } finally {
    closeSync(out);
  }
}

/** Runs a mode of bench/cli-run.ts in a fresh Node and returns its JSON line. */
function runChild<T>(args: string[]): T {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "--expose-gc", `--max-old-space-size=${HEAP_MIB}`, runner, ...args],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as T;
}

interface CliPoint {
  /** The staff asked for: the most entries the scenario's `staff` list may have. */
  staff: number;
  /** The scenario's `staff` entries: workers and drivers. */
  staffEntries: number;
  /** The workers among them (the generator's `staff` option). */
  workers: number;
  scenarioBytes: number;
  plan: CommandRun;
  validate?: CommandRun | undefined;
  /** Whether `validate --json` reported the roster valid. */
  validateOk?: boolean | undefined;
  floor?: FloorResult | undefined;
  files: [path: string, bytes: number][];
}

function measure(staff: number): CliPoint {
  const work = mkdtempSync(join(tmpdir(), `clc-bench-cli-${staff}-`));
  const label = staff.toLocaleString("en");
  try {
    const scenarioFile = join(work, "scenario.json");
    const outDir = join(work, "out");
    const rosterFile = join(outDir, "roster.json");
    process.stderr.write(`· ${label} staff: writing the scenario …\n`);
    const {
      bytes: scenarioBytes,
      staffEntries,
      workers,
    } = runChild<{
      bytes: number;
      staffEntries: number;
      workers: number;
    }>(["scenario", String(staff), String(seed), scenarioFile]);
    process.stderr.write(`· ${label} staff: plan …\n`);
    const plan = runCli(
      ["plan", scenarioFile, "--out", outDir, "--quiet"],
      work,
      join(work, "plan.out"),
    );
    process.stderr.write(
      `  plan: exit ${plan.code ?? plan.signal}, ${plan.wallS} s, ${(plan.peakRssKiB / 2 ** 20).toFixed(2)} GiB\n`,
    );
    const files = [...fileSizes(outDir)].sort(([a], [b]) => a.localeCompare(b));
    const point: CliPoint = { staff, staffEntries, workers, scenarioBytes, plan, files };
    if (!existsSync(rosterFile)) return point;

    process.stderr.write(`· ${label} staff: validate …\n`);
    const reportFile = join(work, "validate.json");
    point.validate = runCli(
      ["validate", scenarioFile, rosterFile, "--json", "--quiet"],
      work,
      reportFile,
    );
    try {
      point.validateOk = (JSON.parse(readFileSync(reportFile, "utf8")) as { ok: boolean }).ok;
    } catch {
      point.validateOk = undefined;
    }
    process.stderr.write(
      `  validate: exit ${point.validate.code ?? point.validate.signal}, ${point.validate.wallS} s\n`,
    );
    process.stderr.write(`· ${label} staff: the floor (read + parse + validateRoster) …\n`);
    point.floor = runChild<FloorResult>(["floor", scenarioFile, rosterFile]);
    return point;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const loadBefore = loadavg()[0] ?? 0;
const points = sizes.map(measure);
const loadAfter = loadavg()[0] ?? 0;

const fmt = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "n/a";
const mib = (bytes: number | undefined) => (bytes === undefined ? "–" : fmt(bytes / 2 ** 20, 1));
const gb = (kib: number) => fmt((kib * 1024) / 1e9, 2);
const s = (ms: number) => fmt(ms / 1000, 2);
const completed = (p: CliPoint) =>
  p.plan.code === 0 && p.validate?.code === 0 && p.validateOk === true;
/** How a command ended: `exit N`, a signal, or `not run`. */
const exitOf = (run: CommandRun | undefined) =>
  run === undefined
    ? "not run"
    : run.code === undefined
      ? (run.signal ?? "a signal")
      : `exit ${run.code}`;
const codeOf = (run: CommandRun | undefined) => exitOf(run).replace("exit ", "");

/** The faster of the two reads measured (`readFileSync` + `JSON.parse`, the command line's reader). */
const fastestRead = (f: FloorResult) =>
  f.cliReader !== undefined && f.cliReader.ms < f.rosterRead.ms ? f.cliReader : f.rosterRead;
/** The floor: reading and parsing the roster plus the in-process validation (and with the scenario). */
const floorMs = (f: FloorResult) => fastestRead(f).ms + f.validate.ms;
const floorCpuMs = (f: FloorResult) => fastestRead(f).cpuMs + f.validate.cpuMs;
const withScenarioMs = (f: FloorResult) => floorMs(f) + f.scenarioRead.ms + f.parseScenario.ms;
const validateRatio = (p: CliPoint) =>
  p.validate && p.floor ? (1000 * p.validate.wallS) / floorMs(p.floor) : Number.NaN;
const validateRatioWithScenario = (p: CliPoint) =>
  p.validate && p.floor ? (1000 * p.validate.wallS) / withScenarioMs(p.floor) : Number.NaN;

const lines: string[] = [];
lines.push(
  "## Command line end to end (issue #13)",
  "",
  `\`npm run bench -- --cli${sizesArg === undefined ? "" : ` --sizes ${sizesArg}`}${plainHeap ? " --plain-heap" : ""}\`. Machine: ${availableParallelism()} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}; load average ${fmt(loadBefore, 1)} before, ${fmt(loadAfter, 1)} after (1 min; the machine is shared). Seed 1, 14 days. ` +
    `Each command is the built \`dist/cli.js\` run as its re-launched child runs (\`CLOSED_LOOP_COMMUTE_RELAUNCHED=1 node ${plainHeap ? `--max-old-space-size=${HEAP_MIB}` : `--max-old-space-size=${HEAP_MIB}\` and the young and old generation sizes \`largeHeapFlags\` (src/cli/heap.ts) gives for the command's files`}${plainHeap ? "`" : ""}), so that \`/usr/bin/time\` measures the one process that does the work: wall time, peak RSS (GB = 10⁹ bytes) and CPU time. ` +
    "`plan scenario.json --out DIR --quiet` reads the scenario, plans, validates the plan and writes every file; `validate scenario.json roster.json --json --quiet` reads both files and reports. " +
    "The floor, measured in a fresh process right after `validate`: reading and parsing the same roster file by the fastest means measured (when the file fits in one V8 string, the faster of `readFileSync` + `JSON.parse` and the command line's own `readJsonFile`; beyond it, `readJsonFile`, which gives it to `JSON.parse` in pieces) plus the in-process `validateRoster`, each phase after a full garbage collection. " +
    "The scenario's read and `parseScenario`, which `validate` pays too, are not in the floor (the issue's floor is the roster's read and the validation); the second ratio adds them. " +
    "Staff are the scenario's `staff` entries, drivers included, as the scenario's cap of 500,000 counts them: the synthetic district's workers are cut until the list fits (the generator adds some 5 % drivers to the workers it is asked for).",
  "",
  "| staff | staff entries (workers) | plan s | plan CPU s | plan peak RSS GB | validate s | validate CPU s | validate peak RSS GB | floor s | validate ÷ floor | validate ÷ floor (CPU) | floor + scenario s | validate ÷ (floor + scenario) | exit plan / validate |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
);
for (const p of points) {
  const v = p.validate;
  const f = p.floor;
  lines.push(
    `| ${fmt(p.staff)} | ${fmt(p.staffEntries)} (${fmt(p.workers)}) | ${fmt(p.plan.wallS, 2)} | ${fmt(p.plan.cpuS, 2)} | ${gb(p.plan.peakRssKiB)} | ${v ? fmt(v.wallS, 2) : "–"} | ${v ? fmt(v.cpuS, 2) : "–"} | ${v ? gb(v.peakRssKiB) : "–"} | ${f ? s(floorMs(f)) : "–"} | ${fmt(validateRatio(p), 3)} | ${v && f ? fmt((1000 * v.cpuS) / floorCpuMs(f), 3) : "–"} | ${f ? s(withScenarioMs(f)) : "–"} | ${fmt(validateRatioWithScenario(p), 3)} | ${codeOf(p.plan)} / ${codeOf(v)}${p.validateOk === false ? " (roster invalid)" : ""} |`,
  );
}

lines.push(
  "",
  `The floor's parts (seconds, wall): how the roster was read, its read and parse, \`validateRoster\`; the scenario's read and parse and \`parseScenario\` (not in the floor); and the command line's own reader, \`readJsonFile\`, on the same roster where the floor read it another way (it reads a file in pieces beyond ${fmt(STRING_READ_LIMIT / 2 ** 20)} MiB).`,
  "",
  "| staff | roster MiB | roster read by | roster read + parse s | validateRoster s | scenario read + parse s | parseScenario s | readJsonFile on the roster s | floor process peak RSS GB |",
  "|---|---|---|---|---|---|---|---|---|",
);
for (const p of points) {
  const f = p.floor;
  if (f === undefined) {
    lines.push(`| ${fmt(p.staff)} | – | not run | – | – | – | – | – | – |`);
    continue;
  }
  lines.push(
    `| ${fmt(p.staff)} | ${mib(f.rosterBytes)} | ${f.rosterMethod} | ${s(f.rosterRead.ms)} | ${s(f.validate.ms)} | ${s(f.scenarioRead.ms)} | ${s(f.parseScenario.ms)} | ${f.cliReader ? s(f.cliReader.ms) : "– (the floor's own)"} | ${fmt((f.peakRssMb * 2 ** 20) / 1e9, 2)} |`,
  );
}

// Where the command line's reader is not the fastest means: what that costs.
for (const p of points) {
  const f = p.floor;
  if (f?.cliReader === undefined || p.validate === undefined) continue;
  if (f.rosterBytes <= STRING_READ_LIMIT) continue;
  lines.push(
    "",
    `At ${fmt(p.staff)} staff the roster file (${mib(f.rosterBytes)} MiB) is above the ${fmt(STRING_READ_LIMIT / 2 ** 20)} MiB up to which the command line reads a file whole, so \`validate\` reads it in pieces: \`readJsonFile\` takes ${s(f.cliReader.ms)} s where \`readFileSync\` + \`JSON.parse\` take ${s(f.rosterRead.ms)} s (${fmt(f.cliReader.ms / f.rosterRead.ms, 2)} ×). ` +
      `Against that reader plus \`validateRoster\` and the scenario's read, \`validate\` takes ${fmt((1000 * p.validate.wallS) / (f.cliReader.ms + f.validate.ms + f.scenarioRead.ms + f.parseScenario.ms), 3)} ×.`,
  );
}

// The files, one column each (gtfs/ as one folder).
const size = (p: CliPoint, name: string) => p.files.find(([path]) => path === name)?.[1];
const gtfs = (p: CliPoint) => p.files.filter(([path]) => path.startsWith("gtfs"));
const fileColumns = ["roster.json", "report.html", "manifests.csv", "staff.csv", "testing.csv"];
lines.push(
  "",
  "File sizes (MiB): the scenario `plan` read, and every file it wrote.",
  "",
  `| staff | scenario.json | ${fileColumns.join(" | ")} | gtfs/ (files) | all outputs |`,
  `|---|---|${fileColumns.map(() => "---|").join("")}---|---|`,
);
for (const p of points) {
  const feed = gtfs(p);
  const total = p.files.reduce((sum, [, bytes]) => sum + bytes, 0);
  const others = p.files.filter(
    ([path]) => !path.startsWith("gtfs") && !fileColumns.includes(path),
  );
  lines.push(
    `| ${fmt(p.staff)} | ${mib(p.scenarioBytes)} | ${fileColumns.map((name) => mib(size(p, name))).join(" | ")} | ${feed.length === 0 ? "–" : `${mib(feed.reduce((sum, [, b]) => sum + b, 0))} (${feed.length})`} | ${mib(total)}${others.length > 0 ? ` (also ${others.map(([path]) => path).join(", ")})` : ""} |`,
  );
}

const failed = points.flatMap((p) =>
  (
    [
      ["plan", p.plan],
      ["validate", p.validate],
    ] as const
  ).flatMap(([name, run]) =>
    run !== undefined && run.code !== 0 && !(name === "validate" && run.code === 1)
      ? [
          `${name} at ${fmt(p.staff)} staff ended with ${exitOf(run)} after ${fmt(run.wallS, 1)} s at ${gb(run.peakRssKiB)} GB peak RSS: \`${run.stderrTail.replaceAll("\n", " ⏎ ") || "(nothing on stderr)"}\``,
        ]
      : [],
  ),
);
if (failed.length > 0) lines.push("", "Failed:", "", ...failed.map((f) => `- ${f}`));

const at = (staff: number) => points.find((p) => p.staff === staff);
const p100 = at(100_000);
const p200 = at(200_000);
const p500 = at(500_000);
const withFloor = points.filter((p) => p.validate !== undefined && p.floor !== undefined);
const targets: [string, boolean | undefined, string][] = [
  [
    "200k and 500k both complete (plan exit 0, validate exit 0 and valid)",
    p200 && p500 ? completed(p200) && completed(p500) : undefined,
    [p200, p500]
      .map((p, k) =>
        p === undefined
          ? `${k === 0 ? "200k" : "500k"} not run`
          : `${fmt(p.staff)}: ${completed(p) ? "complete" : `plan ${exitOf(p.plan)}, validate ${exitOf(p.validate)}`}`,
      )
      .join("; "),
  ],
  [
    "CLI validate ≤ 1.5 × (roster read + parse + validateRoster)",
    withFloor.length === 0 ? undefined : withFloor.every((p) => validateRatio(p) <= 1.5),
    withFloor
      .map(
        (p) =>
          `${fmt(p.staff)}: ${fmt(validateRatio(p), 3)} (${fmt(validateRatioWithScenario(p), 3)} with the scenario's read)`,
      )
      .join("; "),
  ],
  [
    "plan peak RSS at 500k ≤ 8 GB",
    // A 500k plan that failed meets neither this target nor the next.
    p500 && (p500.plan.code === 0 ? p500.plan.peakRssKiB * 1024 <= 8e9 : false),
    p500 === undefined
      ? "not run"
      : p500.plan.code === 0
        ? `${gb(p500.plan.peakRssKiB)} GB`
        : `plan failed (${exitOf(p500.plan)}) after ${gb(p500.plan.peakRssKiB)} GB`,
  ],
  [
    "plan time(500k) ÷ time(100k) ≤ 5.5",
    p100 && p500
      ? p100.plan.code === 0 && p500.plan.code === 0 && p500.plan.wallS / p100.plan.wallS <= 5.5
      : undefined,
    p100 && p500 && p100.plan.code === 0 && p500.plan.code === 0
      ? `${fmt(p500.plan.wallS / p100.plan.wallS, 3)} (CPU ${fmt(p500.plan.cpuS / p100.plan.cpuS, 3)}; validate ${p500.validate && p100.validate ? fmt(p500.validate.wallS / p100.validate.wallS, 3) : "n/a"})`
      : p500 === undefined
        ? "not run"
        : `plan failed at 500k (${exitOf(p500.plan)})`,
  ],
];
const done = points.filter(completed);
const largest = done.at(-1);
const first = done[0];
if (largest !== undefined && first !== undefined)
  lines.push(
    "",
    `Largest size that completed: ${fmt(largest.staff)} staff (${fmt(largest.staffEntries)} staff entries), plan ${fmt(largest.plan.wallS, 1)} s at ${gb(largest.plan.peakRssKiB)} GB peak RSS, validate ${fmt(largest.validate?.wallS ?? Number.NaN, 1)} s.` +
      (done.length > 1
        ? ` Plan time against ${fmt(first.staff)} staff: ${done
            .slice(1)
            .map(
              (p) =>
                `${fmt(p.staff)} ÷ ${fmt(first.staff)} = ${fmt(p.plan.wallS / first.plan.wallS, 3)} for ${fmt(p.staff / first.staff, 2)} × the staff`,
            )
            .join("; ")}.`
        : ""),
  );
lines.push("", "| target | met | measured |", "|---|---|---|");
for (const [name, met, measured] of targets)
  lines.push(
    `| ${name} | ${met === undefined ? "not run" : met ? "yes" : "**no**"} | ${measured} |`,
  );
lines.push("");

const section = lines.join("\n");
console.log(section);
writeSection(
  fileURLToPath(
    new URL(
      sizesArg === undefined && !plainHeap ? "./results.md" : "./results-quick.md",
      import.meta.url,
    ),
  ),
  "cli",
  section,
);
