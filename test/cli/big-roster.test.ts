/**
 * A roster file longer than V8's longest string (SPEC §7.4: "in any size the planner
 * handles … a 200,000-staff roster must be … read back"), read by the built command line.
 * Planning a district that large takes minutes, so the file is made cheaply: the planned
 * Jinshan roster with its trips repeated, each copy without passengers and after a long run
 * of white space (light to hold in memory, heavy on disk; long ids instead made the test a
 * study of the garbage collector), streamed to disk piece by piece — never one string here
 * either. `validate` must read it (beyond the longest string, in pieces or as a token stream:
 * this test holds either to the result; test/cli/io holds the reader to each way) and judge it.
 */
import { constants } from "node:buffer";
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Roster } from "../../src/index.js";
import { ensureBuilt, hasStackTrace, runCli } from "./built-cli.js";
import { removeFolder, tempFolder } from "./consumers.js";

/** Past 2^29 bytes, the longest string V8 makes on a 64-bit machine (~2^29 − 24 characters). */
const TARGET_BYTES = 2 ** 29 + 2 ** 24;
/**
 * The white space before each copied trip: long enough that the copies stay well within the
 * scenario's trip limit (100,000 for Jinshan; more is one roster-schema violation, read no
 * further), short enough that the whole file is some 50,000 trips.
 */
const PADDING = 10_000;

let tmp: string;
let out: string;

beforeAll(async () => {
  await ensureBuilt();
  tmp = tempFolder("big-roster");
  out = join(tmp, "out");
  const planned = await runCli(["plan", "--out", out, "--quiet"]);
  if (planned.code !== 0) throw new Error(`plan failed (${planned.code}): ${planned.stderr}`);
}, 300_000);

afterAll(() => removeFolder(tmp));

/**
 * Writes the planned roster with its trips copied until the file passes `TARGET_BYTES`;
 * returns the file's path and the number of trips in it.
 */
function writeBigRoster(path: string): number {
  const roster = JSON.parse(readFileSync(join(out, "roster.json"), "utf8")) as Roster;
  const { trips, ...rest } = roster;
  const pad = `\n${" ".repeat(PADDING)}`;
  const fd = openSync(path, "w");
  let written = 0;
  let count = 0;
  try {
    const head = JSON.stringify(rest);
    written += writeSync(fd, `${head.slice(0, -1)},"trips":[`);
    for (const trip of trips) {
      written += writeSync(fd, `${count === 0 ? "" : ","}${JSON.stringify(trip)}`);
      count++;
    }
    for (let copy = 1; written < TARGET_BYTES; copy++)
      for (const trip of trips) {
        const light = { ...trip, id: `${trip.id}~${copy}`, passengers: [] };
        written += writeSync(fd, `,${pad}${JSON.stringify(light)}`);
        count++;
      }
    writeSync(fd, "]}\n");
  } finally {
    closeSync(fd);
  }
  return count;
}

describe("a roster too large for one string", () => {
  it("ROUND TRIP BEYOND THE STRING LIMIT: validate reads a > 2^29-byte roster through the CLI and reports on it (exit 1)", async () => {
    const big = join(tmp, "big-roster.json");
    try {
      const trips = writeBigRoster(big);
      const size = statSync(big).size;
      expect(size).toBeGreaterThan(2 ** 29);
      expect(size).toBeGreaterThan(constants.MAX_STRING_LENGTH);

      const result = await runCli(["validate", join(out, "scenario.json"), big, "--json"]);
      // The copies share vehicles and times with the originals: rules broken, not a crash.
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toBe("");
      expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
      const report = JSON.parse(result.stdout) as {
        ok: boolean;
        counts: Record<string, unknown>;
        truncated: boolean;
      };
      expect(report.ok).toBe(false);
      for (const [code, count] of Object.entries(report.counts))
        expect(Number.isInteger(count), code).toBe(true);
      // Read whole and as a roster: not one roster-schema issue, the copies' clashes counted.
      expect(report.counts["roster-schema"]).toBe(0);
      expect(report.counts["vehicle-timing"]).toBeGreaterThan(0);
      expect(report.counts["vehicle-timing"] as number).toBeLessThan(trips);
    } finally {
      rmSync(big, { force: true });
    }
  }, 240_000);
});
