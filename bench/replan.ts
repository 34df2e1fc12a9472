/**
 * The re-planning benchmark: `npm run bench:replan` (100k staff × 14 days) or
 * `npm run bench:replan -- --staff 10000`. Plans a synthetic district, then re-plans it
 * after one positive case on day 7 (a rider of a busy trip that day), and after a vehicle
 * out of service from day 7, each timed against the full `planRoster` of the same scenario
 * in the same run. Checks `assignmentsChanged` against its bound (people made unavailable
 * plus the riders of vehicles that lost their driver or went out). Splits each re-plan at
 * its progress messages: the check of the previous roster (SPEC §7: it must validate against
 * the scenario) up to "re-planning from …", and the re-planning after it; and times
 * `validateRoster` of the previous roster alone. Reports (standard output and the "replan"
 * section of bench/results.md, of results-quick.md with --staff); never asserts.
 */
import { fileURLToPath } from "node:url";
import { replan } from "../src/operate/replan.js";
import { planRoster } from "../src/plan/plan-roster.js";
import type { Roster } from "../src/roster/schema.js";
import { parseScenario } from "../src/scenario/parse.js";
import { generateScenario } from "../src/synthetic/index.js";
import { validateRoster } from "../src/validate/validate-roster.js";
import { writeSection } from "./sections.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function time<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

const staffGiven = process.argv.includes("--staff");
const staff = option("staff", 100_000);
const scenario = parseScenario(generateScenario({ seed: 1, staff }));
const plan = time(() => planRoster(scenario));
const roster = plan.value;
const dates = [...new Set(roster.trips.map((t) => t.depart.slice(0, 10)))].sort();
const day7 = dates[6] as string;
const busy = roster.trips
  .filter((t) => t.depart.startsWith(day7) && t.direction === "to-plant")
  .sort((a, b) => b.passengers.length - a.passengers.length || a.id.localeCompare(b.id))[0];
if (busy === undefined) throw new Error(`no trip on ${day7}`);

function bound(before: Roster, next: ReturnType<typeof replan>): number {
  const fresh = new Set(
    (next.scenario.unavailable ?? []).flatMap((p) => (p.personId ? [p.personId] : [])),
  );
  const outVehicles = new Set(
    (next.scenario.unavailable ?? []).flatMap((p) => (p.vehicleId ? [p.vehicleId] : [])),
  );
  const riders = new Set<string>();
  for (const trip of before.trips) {
    if (trip.depart.slice(0, 10) < (next.summary.from ?? "")) continue;
    if (!fresh.has(trip.driverId) && !outVehicles.has(trip.vehicleId)) continue;
    for (const p of trip.passengers) riders.add(p.personId);
  }
  return new Set([...fresh, ...riders]).size;
}

const cases = [
  {
    name: "positive case",
    change: {
      kind: "positive-case" as const,
      personId: busy.passengers[0]?.personId ?? "",
      date: day7,
    },
  },
  {
    name: "vehicle out",
    change: { kind: "vehicle-out" as const, vehicleId: busy.vehicleId, from: day7 },
  },
];
const validation = time(() => validateRoster(scenario, roster));
const secs = (ms: number) => (ms / 1000).toFixed(2);
const lines = [
  "## Re-planning (`npm run bench:replan`, issue #11)",
  "",
  `${staff.toLocaleString("en")} staff × 14 days, seed 1, ${roster.stats.boardings.toLocaleString("en")} boardings; Node ${process.version}. planRoster of the same scenario in the same run: ${secs(plan.ms)} s (CPU ${secs(plan.cpuMs)} s); validateRoster of the roster it made: ${secs(validation.ms)} s (CPU ${secs(validation.cpuMs)} s, ${(validation.ms / plan.ms).toFixed(3)} × planRoster). Each change is re-planned from day 7 (${day7}): a positive case (a rider of that day's busiest trip to a plant) and that trip's vehicle out of service. "check" is replan up to its "re-planning from" progress message (the previous roster validated against the scenario, as SPEC §7 requires, the changes checked and applied, the changed scenario parsed); "re-plan" is the rest.`,
  "",
  "| change | replan s | ÷ planRoster (wall) | ÷ planRoster (CPU) | check s | re-plan s | re-plan ÷ planRoster | assignmentsChanged | bound | moved | vehicles before → after |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
];
const ratios: { name: string; ratio: number; text: string }[] = [];
for (const { name, change } of cases) {
  // Both moments inside the timed call: time() collects garbage before it starts the clock.
  let startedAt = 0;
  let replanningAt: number | undefined;
  const run = time(() => {
    startedAt = performance.now();
    return replan(scenario, roster, [change], {
      onProgress: (message) => {
        if (message.startsWith("re-planning")) replanningAt = performance.now();
      },
    });
  });
  const checkMs = (replanningAt ?? startedAt + run.ms) - startedAt;
  const replanningMs = run.ms - checkMs;
  const { summary } = run.value;
  const changed = summary.assignmentsChanged;
  const limit = bound(roster, run.value);
  lines.push(
    `| ${name} | ${secs(run.ms)} | ${(run.ms / plan.ms).toFixed(3)} | ${(run.cpuMs / plan.cpuMs).toFixed(3)} | ${secs(checkMs)} | ${secs(replanningMs)} | ${(replanningMs / plan.ms).toFixed(3)} | ${changed} | ${limit} | ${summary.moved.length} | ${summary.vehiclesUsed.before} → ${summary.vehiclesUsed.after} |`,
  );
  ratios.push({
    name,
    ratio: run.ms / plan.ms,
    text: `${name}: ${(run.ms / plan.ms).toFixed(3)} (re-plan alone ${(replanningMs / plan.ms).toFixed(3)}); assignmentsChanged ${changed} ≤ ${limit}: ${changed <= limit ? "yes" : "no"}`,
  });
}
const positive = ratios.find((r) => r.name === "positive case");
lines.push(
  "",
  `Target: one positive case on day 7 re-planned in ≤ 5 % of a full planRoster: ${positive !== undefined && positive.ratio <= 0.05 ? "**met**" : "**not met**"} — ${ratios.map((r) => r.text).join("; ")}. The check of the previous roster alone costs validateRoster's ${(validation.ms / plan.ms).toFixed(3)} × planRoster.`,
);
const section = lines.join("\n");
console.log(section);
writeSection(
  fileURLToPath(new URL(staffGiven ? "./results-quick.md" : "./results.md", import.meta.url)),
  "replan",
  section,
);
