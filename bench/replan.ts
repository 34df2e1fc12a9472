/**
 * The re-planning benchmark: `npm run bench:replan` (100k staff × 14 days) or
 * `npm run bench:replan -- --staff 10000`. Plans a synthetic district, then re-plans it
 * after one positive case on day 7 (a rider of a busy trip that day), and after a vehicle
 * out of service from day 7, each timed against the full `planRoster` of the same scenario
 * in the same run. Checks `assignmentsChanged` against its bound (people made unavailable
 * plus the riders of vehicles that lost their driver or went out). Reports; never asserts.
 */
import { replan } from "../src/operate/replan.js";
import { planRoster } from "../src/plan/plan-roster.js";
import type { Roster } from "../src/roster/schema.js";
import { parseScenario } from "../src/scenario/parse.js";
import { generateScenario } from "../src/synthetic/index.js";

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
console.log(
  `${staff} staff, ${roster.stats.boardings} boardings; planRoster ${(plan.ms / 1000).toFixed(2)} s (CPU ${(plan.cpuMs / 1000).toFixed(2)} s)`,
);
console.log(
  "| change | replan | ÷ planRoster (wall) | ÷ planRoster (CPU) | assignmentsChanged | bound | moved | vehicles before → after |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const { name, change } of cases) {
  const run = time(() => replan(scenario, roster, [change]));
  const { summary } = run.value;
  console.log(
    `| ${name} | ${(run.ms / 1000).toFixed(2)} s | ${(run.ms / plan.ms).toFixed(3)} | ${(run.cpuMs / plan.cpuMs).toFixed(3)} | ${summary.assignmentsChanged} | ${bound(roster, run.value)} | ${summary.moved.length} | ${summary.vehiclesUsed.before} → ${summary.vehiclesUsed.after} |`,
  );
}
