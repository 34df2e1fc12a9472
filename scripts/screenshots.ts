/**
 * The README's pictures: the top of the Jinshan report page and one day's timeline, taken
 * in headless Chromium (Debian's `chromium`, through playwright-core) at 1,280 px wide and
 * written to docs/. Run after changing the report's look: `npm run screenshots`.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { jinshanScenario, planRoster, renderReport, renderTimelineSvg } from "../src/index.js";

const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]
  .filter((path): path is string => path !== undefined)
  .find((path) => existsSync(path));
if (executablePath === undefined) {
  console.error("no Chromium found: set CHROMIUM_PATH or install Debian's chromium");
  process.exit(2);
}

const scenario = jinshanScenario();
const roster = planRoster(scenario);
const folder = join(tmpdir(), `screenshots-${process.pid}`);
mkdirSync(folder, { recursive: true });
const page = join(folder, "report.html");
writeFileSync(page, renderReport(scenario, roster));
const svg = join(folder, "timeline.svg");
writeFileSync(svg, renderTimelineSvg(scenario, roster, "2022-05-20"));

mkdirSync("docs", { recursive: true });
const browser = await chromium.launch({ executablePath });
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(pathToFileURL(page).href);
  await tab.screenshot({ path: "docs/report.png" });
  await tab.goto(pathToFileURL(svg).href);
  await tab.screenshot({ path: "docs/timeline.png" });
  console.log("wrote docs/report.png and docs/timeline.png");
} finally {
  await browser.close();
}
