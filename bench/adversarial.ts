/**
 * The adversarial benchmark: `npm run bench:adversarial` (or `npm run bench -- --adversarial`;
 * add `--quick` for a tenth of the sizes). Validates rosters built to hurt — a million
 * passengers on one trip, three million copies of one trip, a `trips` array of 10⁸ holes —
 * each within the scenario's size limits where it can be (so every rule judges it) and beyond
 * them (refused at once), against a planned roster's time per item in the same run. Each case
 * runs in its own process. Results go to standard output and to a section of bench/results.md.
 * Targets are reported, never asserted.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";

interface CaseResult {
  name: string;
  ms: number;
  cpuMs: number;
  trips: number;
  boardings: number;
  tests: number;
  listed: number;
  counts: Record<string, number>;
  firstMessage?: string;
  peakRssMb: number;
}

const quick = process.argv.includes("--quick");
const scale = quick ? 0.1 : 1;
const staff = quick ? 10_000 : 25_000;
const m = (n: number) => (n * scale).toLocaleString("en");

/** Each case, what it is, and whether it counts against the ≤ 3 s target. */
const CASES: [name: string, what: string, target: boolean][] = [
  ["planned", `the planned roster of ${staff.toLocaleString("en")} staff, 14 days`, false],
  [
    "one-trip-unknown-ids",
    `${m(1e6)} passengers on one trip, all unknown ids, seats shared (a 100,000-seat bus in the scenario: within its limits)`,
    true,
  ],
  [
    "one-trip-staff-ids",
    `${m(1e6)} passengers on one trip, the district's workers over and over (within limits)`,
    true,
  ],
  ["one-trip-beyond-limit", `${m(1e6)} passengers on one trip of an ordinary bus`, true],
  [
    "copies-empty-trip",
    `${m(3e6)} copies of one trip, same id (spare vehicles in the scenario: within its limits)`,
    true,
  ],
  [
    "copies-distinct",
    `${m(3e6)} copies of one trip, same id, each its own object as from JSON (within limits)`,
    true,
  ],
  ["copies-beyond-limit", `${m(3e6)} copies of one trip, same id, ordinary fleet`, true],
  ["holes-within-limit", `a \`trips\` array of ${m(3e6)} holes (within limits)`, false],
  ["holes-beyond-limit", `a \`trips\` array of ${m(1e8)} holes`, true],
];

function runCase(name: string): CaseResult {
  const script = fileURLToPath(new URL("./adversarial-run.ts", import.meta.url));
  process.stderr.write(`· ${name} …\n`);
  const out = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--expose-gc",
      "--max-old-space-size=8192",
      script,
      name,
      String(staff),
      String(scale),
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 },
  );
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as CaseResult;
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const items = (r: CaseResult) => r.trips + r.boardings + r.tests;

const load = loadavg()[0] ?? 0;
const results = CASES.map(([name]) => runCase(name));
const planned = results[0] as CaseResult;
const plannedPerItem = planned.ms / items(planned);

const lines: string[] = [];
lines.push(
  "<!-- adversarial:start -->",
  "## Adversarial rosters",
  "",
  `\`npm run bench:adversarial\`${quick ? " -- --quick (a tenth of the sizes)" : ""}. Machine: ${availableParallelism()} cores, Node ${process.version}, load average ${fmt(load, 1)} at the start (the machine is shared: CPU time is steadier than wall time). Each case in its own process, one validation, timed after a full collection. Items = trips + boardings + tests (holes count as trips); the ratio compares time per item with the planned roster's in the same run.`,
  "",
  "| case | roster | items | validate s | CPU s | µs per item | ÷ planned per item | verdict | listed | peak RSS MB | ≤ 3 s |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
);
results.forEach((r, k) => {
  const [, what, target] = CASES[k] as (typeof CASES)[number];
  const verdict =
    Object.entries(r.counts)
      .map(([code, n]) => `${code} ${fmt(n)}`)
      .join(", ") || "valid";
  const perItem = (1000 * r.ms) / items(r);
  lines.push(
    `| ${r.name} | ${what} | ${fmt(items(r))} | ${fmt(r.ms / 1000, 2)} | ${fmt(r.cpuMs / 1000, 2)} | ${fmt(perItem, 3)} | ${fmt(r.ms / items(r) / plannedPerItem, 2)} | ${verdict} | ${fmt(r.listed)} | ${fmt(r.peakRssMb)} | ${target ? (r.ms <= 3000 ? "yes" : "**no**") : "–"} |`,
  );
});
const refused = results.filter((r) => r.name.endsWith("beyond-limit"));
lines.push(
  "",
  `Refused at once: ${refused.map((r) => `${r.name}: “${r.firstMessage ?? ""}”`).join("; ")}.`,
  "<!-- adversarial:end -->",
);
const section = lines.join("\n");
console.log(section);

if (!quick) {
  const path = fileURLToPath(new URL("./results.md", import.meta.url));
  const before = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmark results\n";
  const marked = /<!-- adversarial:start -->[\s\S]*<!-- adversarial:end -->/;
  const after = marked.test(before)
    ? before.replace(marked, section)
    : `${before.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, after);
}
