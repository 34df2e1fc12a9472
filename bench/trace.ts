/**
 * The contact-tracing benchmark: `npm run bench:trace` (100k staff, 1,000 calls) or
 * `npm run bench:trace -- --staff 10000 --calls 200`. Generates a synthetic district,
 * plans it, builds the trace index (roster shape check and index, once per roster object),
 * then traces random staff members: once with the default window (the last trip's date and
 * traceBackDays before it) and once over the whole horizon. Prints the figures and writes
 * them as the "Contact tracing" section of bench/results.md (replacing an earlier one).
 * The target (≤ 1 ms median per call at 100k staff) is reported, never asserted.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { traceContacts } from "../src/operate/trace-contacts.js";
import { traceIndex } from "../src/operate/trace-index.js";
import { planRoster } from "../src/plan/plan-roster.js";
import { parseRoster } from "../src/roster/parse.js";
import { scenarioModel } from "../src/scenario/model.js";
import { parseScenario } from "../src/scenario/parse.js";
import { generateScenario } from "../src/synthetic/index.js";
import { seededRandom } from "../src/util/seeded-random.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const staff = option("staff", 100_000);
const calls = option("calls", 1_000);
const seed = 1;
const TARGET_MS = 1;

/**
 * Times one phase, after a full collection when the runner passed --expose-gc: wall-clock
 * and CPU milliseconds (this process, all its threads). On a shared machine the wall clock
 * also counts the time other processes held the cores; the CPU time does not.
 */
function time<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });

process.stderr.write(`· generating and planning ${fmt(staff)} staff …\n`);
const parsed = time(() => parseScenario(generateScenario({ seed, staff })));
const scenario = parsed.value;
const planned = time(() => planRoster(scenario));
const roster = planned.value;
const model = scenarioModel(scenario);

process.stderr.write("· building the trace index …\n");
// The shape check alone, on its own, then the whole build (which runs it again, once).
const shapeOnly = time(() => parseRoster(roster));
const built = time(() => traceIndex(roster).zoneDays(model.zone));

interface Series {
  label: string;
  medianMs: number;
  medianCpuMs: number;
  meanCpuMs: number;
  p95Ms: number;
  maxMs: number;
  meanMs: number;
  close: number;
  vehicle: number;
  testing: number;
  dormitory: number;
}

function series(label: string, window: { from?: string; to?: string }): Series {
  const random = seededRandom(seed);
  const ids = model.staffIds;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const sizes = { close: 0, vehicle: 0, testing: 0, dormitory: 0 };
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < calls; i++) {
    const personId = random.pick(ids);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const trace = traceContacts(scenario, roster, personId, window);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    sizes.close += trace.close.length;
    sizes.vehicle += trace.vehicle.length;
    sizes.testing += trace.testing.length;
    sizes.dormitory += trace.dormitory.length;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const sortedCpu = [...cpuTimes].sort((a, b) => a - b);
  return {
    label,
    medianMs: quantile(sorted, 0.5),
    medianCpuMs: quantile(sortedCpu, 0.5),
    meanCpuMs: cpuTimes.reduce((sum, t) => sum + t, 0) / cpuTimes.length,
    p95Ms: quantile(sorted, 0.95),
    maxMs: sorted.at(-1) as number,
    meanMs: times.reduce((sum, t) => sum + t, 0) / times.length,
    close: sizes.close / calls,
    vehicle: sizes.vehicle / calls,
    testing: sizes.testing / calls,
    dormitory: sizes.dormitory / calls,
  };
}

const horizonEnd = traceContacts(scenario, roster, model.staffIds[0] as string).to;
process.stderr.write(`· ${fmt(calls)} calls, default window …\n`);
const defaultWindow = series("default window (traceBackDays 2: 3 days)", {});
process.stderr.write(`· ${fmt(calls)} calls, whole horizon …\n`);
const wholeHorizon = series(`whole horizon (${scenario.horizon.days + 1} days)`, {
  from: scenario.horizon.start,
  to: horizonEnd,
});

const load = loadavg()
  .map((average) => fmt(average, 1))
  .join(" / ");
const lines: string[] = [];
lines.push("## Contact tracing (`npm run bench:trace`)", "");
lines.push(
  `Machine: ${availableParallelism()} cores, Node ${process.version}, load average ${load} at the end (1 / 5 / 15 min). Seed ${seed}: ${fmt(staff)} staff, ${fmt(scenario.horizon.days)} days, ${fmt(roster.stats.boardings)} boardings, ${fmt(roster.trips.length)} trips, ${fmt(roster.tests.length)} tests (planned in ${fmt(planned.ms / 1000, 2)} s wall, ${fmt(planned.cpuMs / 1000, 2)} s CPU). ${fmt(calls)} calls per row, index persons drawn at random (seeded) from the staff; each call timed on its own, in wall-clock and in CPU time (CPU time leaves out the time other processes held the cores).`,
  "",
);
lines.push(
  `Index build, once per roster object (shape check with \`parseRoster\`, then the trips, vehicles, tests and slots as columns, then local dates): **${fmt(built.ms)} ms** wall, ${fmt(built.cpuMs)} ms CPU; the shape check alone takes ${fmt(shapeOnly.ms)} ms wall, ${fmt(shapeOnly.cpuMs)} ms CPU of it.`,
  "",
);
lines.push(
  "| window | median ms | p95 ms | max ms | mean ms | median CPU ms | mean CPU ms | close | vehicle | testing | dormitory |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
);
for (const s of [defaultWindow, wholeHorizon])
  lines.push(
    `| ${s.label} | ${fmt(s.medianMs, 3)} | ${fmt(s.p95Ms, 3)} | ${fmt(s.maxMs, 3)} | ${fmt(s.meanMs, 3)} | ${fmt(s.medianCpuMs, 3)} | ${fmt(s.meanCpuMs, 3)} | ${fmt(s.close, 1)} | ${fmt(s.vehicle, 1)} | ${fmt(s.testing, 1)} | ${fmt(s.dormitory, 1)} |`,
  );
lines.push(
  "",
  "The contact columns are the mean list lengths per call.",
  "",
  `Target ≤ ${TARGET_MS} ms median per call at 100k staff: ${staff === 100_000 ? (defaultWindow.medianMs <= TARGET_MS ? "**met**" : "**missed**") : "not measured (another size)"} (${fmt(defaultWindow.medianMs, 3)} ms wall, ${fmt(defaultWindow.medianCpuMs, 3)} ms CPU).`,
  "",
);
const section = lines.join("\n");
process.stdout.write(`${section}\n`);

// Replace an earlier section of this benchmark, or append one.
const resultsPath = fileURLToPath(new URL("./results.md", import.meta.url));
const heading = "## Contact tracing";
let results = readFileSync(resultsPath, "utf8");
const start = results.indexOf(heading);
if (start === -1) results = `${results.trimEnd()}\n\n${section}`;
else {
  // The next section: a heading, or another benchmark's marker (kept with what it marks).
  const ends = ["\n## ", "\n<!-- "]
    .map((next) => results.indexOf(next, start + heading.length))
    .filter((at) => at !== -1);
  const next = ends.length === 0 ? -1 : Math.min(...ends);
  results = `${results.slice(0, start)}${section}${next === -1 ? "" : `\n${results.slice(next + 1)}`}`;
}
writeFileSync(resultsPath, results);
