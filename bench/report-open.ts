/**
 * How long the HTML report of a district-sized roster takes to open: generates a synthetic
 * scenario (`--staff N`, default 100,000; `--days D`, default 14), plans and validates it,
 * renders the report, writes it to a temporary file and opens it in Chromium
 * with JavaScript off, timing the page's `load` event (target: ≤ 5 s). Prints the figures;
 * never asserts. Needs a Chromium binary: /usr/bin/chromium, /usr/bin/chromium-browser or
 * CHROMIUM_PATH.
 *
 *   node --import tsx --max-old-space-size=8192 bench/report-open.ts --staff 20000
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { renderReport } from "../src/export/report.js";
import { planRoster } from "../src/plan/plan-roster.js";
import { parseScenario } from "../src/scenario/parse.js";
import { generateScenario } from "../src/synthetic/index.js";
import { validateRoster } from "../src/validate/validate-roster.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]
  .filter((path): path is string => path !== undefined && path !== "")
  .find((path) => existsSync(path));
if (executablePath === undefined) {
  console.error("no Chromium found (set CHROMIUM_PATH)");
  process.exit(2);
}

const staff = option("staff", 100_000);
const days = option("days", 14);
let start = performance.now();
const scenario = parseScenario(generateScenario({ seed: 1, staff, days }));
const roster = planRoster(scenario);
const planMs = performance.now() - start;
console.log(
  `${staff} staff × ${days} days: ${roster.stats.trips} trips, ${roster.stats.boardings} boardings; generated and planned in ${seconds(planMs)}`,
);

start = performance.now();
const report = validateRoster(scenario, roster);
const validateMs = performance.now() - start;
start = performance.now();
const html = renderReport(scenario, roster, report);
const renderMs = performance.now() - start;
const folder = mkdtempSync(join(tmpdir(), "report-open-"));
const file = join(folder, "report.html");
writeFileSync(file, html);
const bytes = Buffer.byteLength(html);
console.log(
  `validateRoster ${seconds(validateMs)}; renderReport ${seconds(renderMs)}; HTML ${(bytes / 1_048_576).toFixed(2)} MiB (${bytes} bytes)`,
);

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
try {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  const failed: string[] = [];
  page.on("requestfailed", (request) => failed.push(request.url()));
  start = performance.now();
  await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 120_000 });
  const loadMs = performance.now() - start;
  const height = await page.evaluate("document.documentElement.scrollHeight");
  console.log(
    `Chromium ${browser.version()}: load in ${seconds(loadMs)} (target ≤ 5 s: ${loadMs <= 5000 ? "met" : "missed"}); page ${String(height)} px tall; failed requests: ${failed.length}`,
  );
} finally {
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
}
