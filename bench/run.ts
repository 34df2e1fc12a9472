/**
 * The district-scale benchmark: `npm run bench` (10k, 50k, 100k and 200k staff over 14 days,
 * 20 small exact-MILP instances) or `npm run bench -- --quick` (10k staff, 5 instances).
 * `npm run bench -- --adversarial` runs bench/adversarial.ts instead.
 * Figures are ratios against baselines measured in the same run; the results go to
 * standard output and to bench/results.md. Targets are reported, never asserted.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { compareFleets } from "./milp/compare.js";

// `npm run bench -- --adversarial`: the adversarial rosters instead (bench/adversarial.ts).
if (process.argv.includes("--adversarial")) {
  await import("./adversarial.js");
  process.exit(0);
}

interface ScalePoint {
  staff: number;
  enterprises: number;
  vehicles: number;
  parseMs: number;
  planMs: number;
  validateMs: number;
  sortMs: number;
  /** The validator's read of the roster alone, and a bare walk over the same objects. */
  readMs: number;
  walkMs: number;
  boardings: number;
  trips: number;
  tests: number;
  vehiclesUsed: number;
  fleetLowerBound: number;
  handFleet: number;
  unservedShifts: number;
  violations: number;
  peakRssMb: number;
  /** Each repeat's plan time, in run order (the median is `planMs`). */
  planRunsMs?: number[];
}

const quick = process.argv.includes("--quick");
const sizes = quick ? [10_000] : [10_000, 50_000, 100_000, 200_000];
const milpInstances = quick ? 5 : 20;
const seed = 1;

function runScale(staff: number): ScalePoint {
  const script = fileURLToPath(new URL("./scale-run.ts", import.meta.url));
  process.stderr.write(`· ${staff.toLocaleString("en")} staff …\n`);
  const out = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--expose-gc",
      "--max-old-space-size=4096",
      script,
      String(staff),
      String(seed),
    ],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as ScalePoint;
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number, b: number) => (b === 0 ? "n/a" : fmt(a / b, 3));

/**
 * Each point is run `repeats` times (in fresh processes): timings are the median of the
 * runs, peak RSS the largest. On a shared 2-core machine one run's timings move by ±30 %,
 * enough to flip a ratio target either way.
 */
const repeats = quick ? 1 : 3;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
function runScaleRepeated(staff: number): ScalePoint {
  const runs = Array.from({ length: repeats }, () => runScale(staff));
  const first = runs[0] as ScalePoint;
  const timing = (field: keyof ScalePoint) => median(runs.map((run) => run[field] as number));
  return {
    ...first,
    parseMs: timing("parseMs"),
    planMs: timing("planMs"),
    validateMs: timing("validateMs"),
    sortMs: timing("sortMs"),
    readMs: timing("readMs"),
    walkMs: timing("walkMs"),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
    planRunsMs: runs.map((run) => run.planMs),
  };
}

const points = sizes.map(runScaleRepeated);
process.stderr.write(`· ${milpInstances} small instances against the exact MILP …\n`);
const fleets = await compareFleets(milpInstances, seed);

const lines: string[] = [];
lines.push(`# Benchmark results`, "");
lines.push(
  `Machine: ${availableParallelism()} cores, Node ${process.version}. Seed ${seed}. ${quick ? "Quick run." : "Full run."} Each scale point runs in its own process${repeats > 1 ? `, ${repeats} times: timings are medians, peak RSS the largest` : ""}; each timed phase starts after a full garbage collection, so that it does not pay for the garbage of the phase before.`,
  "",
);
lines.push("## District scale (14 days)", "");
lines.push(
  "| staff | enterprises | boardings | plan s | validate s | validator boardings/s | validate ÷ sort floor | peak RSS MB | vehicles used | lower bound | used ÷ bound | hand method | saving vs hand | violations |",
);
lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const p of points) {
  lines.push(
    `| ${fmt(p.staff)} | ${fmt(p.enterprises)} | ${fmt(p.boardings)} | ${fmt(p.planMs / 1000, 2)} | ${fmt(p.validateMs / 1000, 2)} | ${fmt(p.boardings / (p.validateMs / 1000))} | ${ratio(p.validateMs, p.sortMs)} | ${fmt(p.peakRssMb)} | ${fmt(p.vehiclesUsed)} | ${fmt(p.fleetLowerBound)} | ${ratio(p.vehiclesUsed, p.fleetLowerBound)} | ${fmt(p.handFleet)} | ${fmt(100 * (1 - p.vehiclesUsed / p.handFleet), 1)} % | ${p.violations} |`,
  );
}
lines.push(
  "",
  "Where validation time goes, each as a multiple of the sort floor: the validator's read of the roster (shape check of every field, ids to indexes), everything after it (indexing and the rules), and a bare walk that copies each boarding's and test's fields into typed arrays and checks nothing.",
  "",
  "| staff | tests | read ÷ floor | indexing and rules ÷ floor | bare walk ÷ floor |",
  "|---|---|---|---|---|",
);
for (const p of points) {
  lines.push(
    `| ${fmt(p.staff)} | ${fmt(p.tests)} | ${ratio(p.readMs, p.sortMs)} | ${ratio(p.validateMs - p.readMs, p.sortMs)} | ${ratio(p.walkMs, p.sortMs)} |`,
  );
}
const at = (staff: number) => points.find((p) => p.staff === staff);
const p100 = at(100_000);
const p200 = at(200_000);
if (p100 !== undefined && p200 !== undefined) {
  lines.push(
    "",
    `Scaling: plan time(200k) ÷ time(100k) = ${ratio(p200.planMs, p100.planMs)}; validate time(200k) ÷ time(100k) = ${ratio(p200.validateMs, p100.validateMs)}.`,
  );
}
const s = fleets.summary;
lines.push("", "## Fleet against the exact optimum (small single-loop instances)", "");
lines.push(
  `${s.instances} instances (≤ 60 workers, ≤ 5 days), trips free inside their windows; ${s.optimal} solved to optimality by HiGHS${s.notOptimal > 0 ? `, **${s.notOptimal} not** (time limit or other status: left out of the ratios, never counted as equal)` : ""}.`,
  "",
);
lines.push("| measure | value |", "|---|---|");
lines.push(
  `| planner ÷ optimum (min / median / max) | ${fmt(s.ratio.min, 3)} / ${fmt(s.ratio.median, 3)} / ${fmt(s.ratio.max, 3)} |`,
);
lines.push(
  `| planner equal to the optimum | ${s.equal} of ${s.instances} (${fmt(100 * s.shareEqual, 1)} %) |`,
);
lines.push(`| worst excess | ${s.maxExcess} vehicle(s) |`);
if (s.invalidOptimum > 0)
  lines.push(`| **optimum rosters failing validation** | ${s.invalidOptimum} instance(s) |`);
if (s.anomalies > 0)
  lines.push(`| **planner below the optimum or bound above it** | ${s.anomalies} instance(s) |`);
lines.push(
  `| hand method ÷ optimum (min / median / max) | ${fmt(s.handRatio.min, 3)} / ${fmt(s.handRatio.median, 3)} / ${fmt(s.handRatio.max, 3)} |`,
);
lines.push(
  `| planner time ÷ MILP time | ${fmt(s.timeRatio, 3)} (${fmt(s.plannerMsTotal)} ms vs ${fmt(s.milpMsTotal)} ms) |`,
);
lines.push("", "## Targets", "");
const rateMet = points.every((p) => p.boardings / (p.validateMs / 1000) >= 2e6);
const floorMet = points.every((p) => p.validateMs <= 4 * p.sortMs);
const targets: [string, boolean | undefined, string][] = [
  [
    "100k staff planned in ≤ 5 s",
    p100 && p100.planMs <= 5000,
    p100 ? `${fmt(p100.planMs / 1000, 2)} s` : "not run",
  ],
  [
    "time(200k) ÷ time(100k) ≤ 2.2",
    p100 && p200 && p200.planMs / p100.planMs <= 2.2,
    p100 && p200 ? ratio(p200.planMs, p100.planMs) : "not run",
  ],
  [
    "validation ≥ 2 M boardings/s",
    rateMet,
    points.map((p) => fmt(p.boardings / (p.validateMs / 1000))).join(", "),
  ],
  [
    "validation ≤ 4 × the sort floor",
    floorMet,
    points.map((p) => ratio(p.validateMs, p.sortMs)).join(", "),
  ],
  [
    "peak RSS ≤ 1 GB at 100k",
    p100 && p100.peakRssMb <= 1024,
    p100 ? `${fmt(p100.peakRssMb)} MB` : "not run",
  ],
  [
    "fleet = MILP optimum on ≥ 95 %, never > +1",
    s.notOptimal === 0 &&
      s.invalidOptimum === 0 &&
      s.anomalies === 0 &&
      s.shareEqual >= 0.95 &&
      s.maxExcess <= 1,
    `${fmt(100 * s.shareEqual, 1)} %, worst +${s.maxExcess}${s.notOptimal > 0 ? `, ${s.notOptimal} not solved` : ""}`,
  ],
  [
    "≤ 1.05 × lower bound at district scale",
    points.every((p) => p.vehiclesUsed <= 1.05 * p.fleetLowerBound),
    points.map((p) => ratio(p.vehiclesUsed, p.fleetLowerBound)).join(", "),
  ],
];
lines.push("| target | met | measured |", "|---|---|---|");
for (const [name, met, measured] of targets)
  lines.push(
    `| ${name} | ${met === undefined ? "not run" : met ? "yes" : "**no**"} | ${measured} |`,
  );

// Where a validation target is missed: by how much, and where the time goes.
const slowest = points.reduce<ScalePoint | undefined>(
  (worst, p) =>
    worst === undefined || p.validateMs / p.sortMs > worst.validateMs / worst.sortMs ? p : worst,
  undefined,
);
const slowestRate = points.reduce<ScalePoint | undefined>(
  (worst, p) =>
    worst === undefined || p.boardings / p.validateMs < worst.boardings / worst.validateMs
      ? p
      : worst,
  undefined,
);
if (slowest !== undefined && slowestRate !== undefined && !(rateMet && floorMet)) {
  const rate = slowestRate.boardings / (slowestRate.validateMs / 1000);
  lines.push(
    "",
    "Why validation misses its targets: at its worst (" +
      `${fmt(slowestRate.staff)} staff) it runs at ${fmt(rate)} boardings/s, ${ratio(2e6, rate)} × short of 2 M; ` +
      `at ${fmt(slowest.staff)} staff it takes ${ratio(slowest.validateMs, slowest.sortMs)} × the sort floor, ` +
      `${ratio(slowest.validateMs, 4 * slowest.sortMs)} × over 4 ×. ` +
      `A bare walk over the same roster objects that checks nothing already costs ${ratio(slowest.walkMs, slowest.sortMs)} × the floor ` +
      "there: the roster is small objects scattered over the caller's heap (one per boarding and per test), and reaching each is a cache miss, " +
      "where the sort streams through one compact array. " +
      `Reading them as the schema says (prototype, exact keys, types, instants, ids to indexes) costs ${ratio(slowest.readMs, slowest.sortMs)} ×; ` +
      `indexing and the thirteen rules ${ratio(slowest.validateMs - slowest.readMs, slowest.sortMs)} ×.`,
  );
}

if (p100 !== undefined && p200 !== undefined && p200.planMs / p100.planMs > 2.2) {
  const seconds = (runs: number[] | undefined) =>
    (runs ?? []).map((ms) => fmt(ms / 1000, 2)).join(", ");
  lines.push(
    "",
    `Why planning misses its scaling target: time(200k) ÷ time(100k) = ${ratio(p200.planMs, p100.planMs)}, ` +
      `${ratio(p200.planMs, 2.2 * p100.planMs)} × over 2.2. The repeats of one point, same code and input, ` +
      `planned 200k in ${seconds(p200.planRunsMs)} s and 100k in ${seconds(p100.planRunsMs)} s: ` +
      "compare their spread with the miss before reading it as a change in the planner.",
  );
}

const text = `${lines.join("\n")}\n`;
console.log(text);
writeFileSync(
  fileURLToPath(new URL(quick ? "./results-quick.md" : "./results.md", import.meta.url)),
  text,
);
