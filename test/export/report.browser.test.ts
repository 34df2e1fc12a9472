/**
 * renderReport in a real browser: Debian's Chromium driven by playwright-core, with
 * JavaScript off, opens the report of Jinshan's first week from disk. Nothing is requested that fails and
 * nothing is logged as an error; the totals and the verdict read from the DOM equal the
 * roster's and `validateRoster`'s; a manifest opens from its link without script; in print
 * every manifest is shown and starts a page. Screenshots of the page and of the first
 * day's timeline go to test/artifacts/ and are checked not to be blank. Without a Chromium
 * binary (CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser) the tests are
 * skipped, saying so.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../src/export/report.js";
import { renderTimelineSvg } from "../../src/export/timeline-svg.js";
import {
  jinshanScenario,
  parseScenario,
  planRoster,
  type Roster,
  type Scenario,
  validateRoster,
} from "../../src/index.js";

const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]
  .filter((path): path is string => path !== undefined && path !== "")
  .find((path) => existsSync(path));
const noBrowser = executablePath === undefined;
if (noBrowser)
  console.warn(
    "browser test skipped: no Chromium found (set CHROMIUM_PATH, or install /usr/bin/chromium)",
  );

// The browser globals the page functions below use (they run in Chromium; the project's
// TypeScript lib has no DOM, and these declarations stay inside this module).
interface ImageLike {
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
}
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: "2d"): {
    drawImage(image: ImageLike, x: number, y: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}
declare const document: {
  getElementById(id: string): unknown;
  createElement(tag: "canvas"): CanvasLike;
};
declare function getComputedStyle(element: unknown): { breakBefore: string; display: string };

const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const TIMEOUT = 120_000;

/** PNG width and height from the IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * How many distinct colours the top of a PNG holds (at most `height` rows), decoded by the
 * browser in a page of its own with script allowed (the report's page has none).
 */
async function colours(browser: Browser, png: Buffer, height = 1500): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent(`<img id="shot" src="data:image/png;base64,${png.toString("base64")}">`);
    await page.waitForFunction(() => (document.getElementById("shot") as ImageLike).complete);
    return await page.evaluate((rows) => {
      const image = document.getElementById("shot") as ImageLike;
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = Math.min(rows, image.naturalHeight);
      const context2d = canvas.getContext("2d");
      context2d.drawImage(image, 0, 0);
      const data = context2d.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        seen.add(
          ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number),
        );
      return seen.size;
    }, height);
  } finally {
    await context.close();
  }
}

describe("renderReport in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let scenario: Scenario;
  let roster: Roster;
  let folder: string;
  let url: string;
  const failed: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (noBrowser) return;
    // The first week of Jinshan: every part of the page, half as many manifests to render,
    // print and photograph (the full-page screenshot of two weeks took 6-12 s alone).
    const jinshan = jinshanScenario();
    scenario = parseScenario({ ...jinshan, horizon: { ...jinshan.horizon, days: 7 } });
    roster = planRoster(scenario);
    folder = mkdtempSync(join(tmpdir(), "report-browser-"));
    const file = join(folder, "jinshan-report.html");
    writeFileSync(file, renderReport(scenario, roster));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    });
    page = await context.newPage();
    page.on("requestfailed", (request) =>
      failed.push(`${request.url()} ${request.failure()?.errorText}`),
    );
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: "load", timeout: TIMEOUT });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  it.skipIf(noBrowser)(
    "opens from disk without script, with no failed request and no error",
    async () => {
      expect(await page.locator("script").count()).toBe(0);
      expect(await page.locator("h1").textContent()).toBe(scenario.name);
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it.skipIf(noBrowser)(
    "shows the roster's totals and the validator's verdict",
    async () => {
      const totals = Object.fromEntries(
        await page.$$eval("[data-total]", (elements) =>
          elements.map((element) => [
            element.getAttribute("data-total"),
            Number(element.textContent),
          ]),
        ),
      );
      const workers = scenario.staff.filter((person) => person.role === "worker").length;
      expect(totals).toMatchObject({
        staff: scenario.staff.length,
        workers,
        drivers: scenario.staff.length - workers,
        "vehicles-used": roster.stats.vehiclesUsed,
        "fleet-lower-bound": roster.stats.fleetLowerBound,
        trips: roster.trips.length,
        "empty-trips": roster.trips.filter((trip) => trip.passengers.length === 0).length,
        boardings: roster.trips.reduce((n, trip) => n + trip.passengers.length, 0),
        "unserved-shifts": roster.unserved.length,
      });
      const verdicts = await page.$$eval("[data-verdict]", (elements) =>
        elements.map((element) => element.getAttribute("data-verdict")),
      );
      const ok = validateRoster(scenario, roster).ok;
      expect(verdicts.length).toBeGreaterThan(0);
      for (const verdict of verdicts) expect(verdict).toBe(ok ? "ok" : "violations");
      // The verdict is what the page shows first.
      const first = await page.locator("[data-verdict]").first().boundingBox();
      expect(first?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(900);
    },
    TIMEOUT,
  );

  it.skipIf(noBrowser)(
    "saves a full-page screenshot 1,280 px wide that is not blank",
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const png = await page.screenshot({
        path: join(ARTIFACTS, "jinshan-report.png"),
        fullPage: true,
        timeout: TIMEOUT,
      });
      const { width, height } = pngSize(png);
      expect(width).toBe(1280);
      expect(height).toBeGreaterThan(2000);
      expect(png.length).toBeGreaterThan(100_000);
      expect(await colours(browser, png)).toBeGreaterThan(20);
    },
    TIMEOUT,
  );

  it.skipIf(noBrowser)(
    "saves the first day's timeline as a picture that is not blank",
    async () => {
      const svg = renderTimelineSvg(scenario, roster, scenario.horizon.start);
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        javaScriptEnabled: false,
      });
      try {
        const timeline = await context.newPage();
        await timeline.setContent(`<!DOCTYPE html><body style="margin:0">${svg}</body>`);
        const box = await timeline.locator("svg").boundingBox();
        expect(box?.width).toBe(1280);
        const png = await timeline
          .locator("svg")
          .screenshot({ path: join(ARTIFACTS, "jinshan-timeline.png") });
        expect(pngSize(png).width).toBe(1280);
        expect(await colours(browser, png)).toBeGreaterThan(10);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  it.skipIf(noBrowser)(
    "opens one manifest from its link, without script",
    async () => {
      const manifests = page.locator("section.manifest");
      const count = await manifests.count();
      expect(count).toBeGreaterThan(24); // the Jinshan roster's index of manifests
      await page.locator('a[href="#manifest-3"]').click();
      expect(await page.locator("#manifest-3").isVisible()).toBe(true);
      expect(await page.locator("#manifest-4").isVisible()).toBe(false);
      const rows = await page.locator("#manifest-3 tbody.trip tr:not(.trip-head)").count();
      expect(rows).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it.skipIf(noBrowser)(
    "prints every manifest, each starting a new page",
    async () => {
      await page.emulateMedia({ media: "print" });
      try {
        const styles = await page.$$eval("section.manifest", (elements) =>
          elements.map((element) => {
            const style = getComputedStyle(element);
            return { breakBefore: style.breakBefore, display: style.display };
          }),
        );
        const vehicleDays = new Set(
          roster.trips.map((trip) => `${trip.vehicleId} ${trip.depart.slice(0, 10)}`),
        );
        expect(styles).toHaveLength(vehicleDays.size);
        for (const style of styles)
          expect(style).toEqual({ breakBefore: "page", display: "block" });
        expect(await page.locator("nav").isVisible()).toBe(false);
      } finally {
        await page.emulateMedia({ media: "screen" });
      }
    },
    TIMEOUT,
  );
});
