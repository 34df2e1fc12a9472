/**
 * Output written whole or not at all (SPEC §7.4), tested as it matters to a user: a `plan`
 * of a 6,000-staff district is stopped while it writes `roster.json` over an earlier plan,
 * and the folder must still hold the earlier roster — byte for byte — and, unless the kill
 * could not be caught (SIGKILL), no temporary file. The command line runs as a user runs it:
 * the built CLI, which starts itself again in a Node with a larger heap, so a `kill` of its
 * process id must reach the Node that writes (SIGTERM is forwarded), and a terminal's Ctrl-C
 * reaches both (SIGINT to the process group).
 */
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScenario } from "../../src/synthetic/index.js";
import { type CliResult, ensureBuilt, runCli, startCli } from "./built-cli.js";
import { entries, PLAN_FILES, removeFolder, tempFolder } from "./consumers.js";

const TIMEOUT = 240_000;
/** The hidden temporary file `roster.json` is streamed into: `.roster.json.<pid>.<random>.tmp`. */
const ROSTER_TEMP = /^\.roster\.json\.(\d+)\.[0-9a-f]+\.tmp$/;
const POLL_MS = 20;

let tmp: string;
/** A finished plan of the built-in scenario, copied into each test's output folder. */
let earlier: string;
/** A 6,000-staff scenario (padded past 8 MiB): a second to plan, a roster of some 17 MB to write. */
let bigScenario: string;

beforeAll(async () => {
  await ensureBuilt();
  tmp = tempFolder("atomic");
  earlier = join(tmp, "earlier");
  bigScenario = join(tmp, "district.json");
  // Padded past 8 MiB with white space (still the same JSON), so that the command line starts
  // itself again with a larger heap, as it does for a district's files (heap.ts).
  writeFileSync(
    bigScenario,
    JSON.stringify(generateScenario({ seed: 1, staff: 6_000, days: 14 })) + " ".repeat(9 * 2 ** 20),
  );
  const planned = await runCli(["plan", "--out", earlier]);
  if (planned.code !== 0) throw new Error(`plan failed (${planned.code}): ${planned.stderr}`);
}, 300_000);

afterAll(() => removeFolder(tmp));

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A digest of every file in a folder (recursively), by relative path. */
function digests(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else
        found.set(
          path,
          createHash("sha256")
            .update(readFileSync(join(dir, path)))
            .digest("hex"),
        );
    }
  };
  walk("");
  return found;
}

/** A copy of the earlier plan in a new folder: the outputs a new plan must not damage. */
function earlierPlanIn(name: string): string {
  const dir = join(tmp, name);
  cpSync(earlier, dir, { recursive: true });
  return dir;
}

/** Whether a process is still running (a zombie, dead but not yet reaped, is not). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return process.platform !== "linux";
  }
}

/** Waits up to a few seconds for a process to end; whether it did. */
async function ends(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && running(pid); i++) await sleep(50);
  return !running(pid);
}

interface Interrupted {
  result: CliResult;
  /** The temporary roster file seen before the kill; undefined when the kill was at a random time. */
  temp: string | undefined;
}

/**
 * Plans the district into `dir` and, as soon as the hidden temporary `roster.json` appears,
 * sends `signal` — to the command line's process, or to its whole process group (a terminal's
 * Ctrl-C, `kill -9` of a group). When the temporary file is never seen (the machine wrote it
 * too fast), the plan is run once more and killed at a random time during its second half.
 */
async function interruptWhileWritingRoster(
  dir: string,
  signal: NodeJS.Signals,
  target: "process" | "group",
): Promise<Interrupted> {
  const before = readFileSync(join(dir, "roster.json"));
  const send = (pid: number) => process.kill(target === "group" ? -pid : pid, signal);
  const args = ["plan", bigScenario, "--out", dir];
  const started = Date.now();
  const cli = startCli(args, { detached: target === "group" });
  let ended = false;
  const end = () => {
    ended = true;
  };
  cli.result.then(end, end);
  const pid = cli.child.pid as number;
  while (!ended) {
    const temp = readdirSync(dir).find((name) => ROSTER_TEMP.test(name));
    if (temp !== undefined) {
      send(pid);
      return { result: await cli.result, temp };
    }
    await sleep(POLL_MS);
  }
  const finished = await cli.result;
  const took = Date.now() - started;
  console.warn(
    `atomic.test: the temporary roster.json was never seen (plan exited ${finished.code} after ${took} ms); killing at a random time instead`,
  );
  writeFileSync(join(dir, "roster.json"), before);
  const again = startCli(args, { detached: target === "group" });
  setTimeout(
    () => {
      if (again.child.exitCode === null) send(again.child.pid as number);
    },
    took * (0.5 + Math.random() / 2),
  );
  return { result: await again.result, temp: undefined };
}

/** roster.json is the earlier one byte for byte, or (killed at a random time) a complete new roster. */
function expectRosterWhole(dir: string, interrupted: Interrupted): void {
  const roster = readFileSync(join(dir, "roster.json"));
  const old = readFileSync(join(earlier, "roster.json"));
  if (interrupted.temp !== undefined || roster.length === old.length) {
    expect(roster.equals(old)).toBe(true);
    return;
  }
  const parsed = JSON.parse(roster.toString("utf8")) as { version: number; trips: unknown[] };
  expect(parsed.version).toBe(1);
  expect(parsed.trips.length).toBeGreaterThan(0);
}

describe("a plan killed while it writes roster.json over an earlier plan", () => {
  it(
    "SIGTERM to the command line's process: exit 143, the earlier files intact, no temporary file left",
    async () => {
      const dir = earlierPlanIn("sigterm");
      const filesBefore = digests(dir);
      const interrupted = await interruptWhileWritingRoster(dir, "SIGTERM", "process");
      const { result, temp } = interrupted;
      // 143 = 128 + SIGTERM: the CLI removed its temporary files and exited; or died by the signal.
      expect(result.code === 143 || result.signal === "SIGTERM", JSON.stringify(result)).toBe(true);
      if (result.code === 143) expect(result.stderr).toContain("interrupted (SIGTERM)");
      expectRosterWhole(dir, interrupted);
      expect(entries(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
      expect(entries(dir).filter((name) => name.startsWith("."))).toEqual([]);
      if (temp !== undefined) {
        expect(digests(dir)).toEqual(filesBefore);
        // The Node that wrote (the relaunched one, whose pid names the file) is gone too.
        const writer = Number(ROSTER_TEMP.exec(temp)?.[1]);
        expect(await ends(writer)).toBe(true);
      }
    },
    TIMEOUT,
  );

  it(
    "SIGINT to the process group (Ctrl-C in a terminal): exit 130, the earlier files intact, no temporary file left",
    async () => {
      const dir = earlierPlanIn("sigint");
      const filesBefore = digests(dir);
      const interrupted = await interruptWhileWritingRoster(dir, "SIGINT", "group");
      const { result, temp } = interrupted;
      expect(result.code === 130 || result.signal === "SIGINT", JSON.stringify(result)).toBe(true);
      if (result.code === 130) expect(result.stderr).toContain("interrupted (SIGINT)");
      expectRosterWhole(dir, interrupted);
      expect(entries(dir).filter((name) => name.startsWith("."))).toEqual([]);
      if (temp !== undefined) expect(digests(dir)).toEqual(filesBefore);
    },
    TIMEOUT,
  );

  it(
    "SIGKILL to the process group: roster.json still the earlier one; only a hidden temporary file may stay",
    async () => {
      const dir = earlierPlanIn("sigkill");
      const filesBefore = digests(dir);
      const interrupted = await interruptWhileWritingRoster(dir, "SIGKILL", "group");
      const { result, temp } = interrupted;
      expect(result.signal).toBe("SIGKILL");
      expectRosterWhole(dir, interrupted);
      // SIGKILL cannot be caught: the temporary file may stay, hidden, beside the outputs.
      const visible = entries(dir).filter((name) => !name.startsWith("."));
      expect(visible).toEqual([...PLAN_FILES]);
      for (const name of entries(dir).filter((name) => name.startsWith(".")))
        expect(name).toMatch(/^\.[\w.-]+\.\d+\.[0-9a-f]+\.tmp$/);
      if (temp !== undefined) {
        for (const [path, digest] of filesBefore) expect(digests(dir).get(path), path).toBe(digest);
        const writer = Number(ROSTER_TEMP.exec(temp)?.[1]);
        expect(await ends(writer)).toBe(true);
      }
    },
    TIMEOUT,
  );
  it(
    "SIGKILL to the command line's process only: the Node it started ends too, leaving the earlier files and no temporary file",
    async () => {
      const dir = earlierPlanIn("parent-killed");
      const filesBefore = digests(dir);
      const interrupted = await interruptWhileWritingRoster(dir, "SIGKILL", "process");
      const { result, temp } = interrupted;
      // The result comes once every holder of the output pipes has closed them: the larger-heap
      // Node that writes has ended by now, on its own, since nothing could pass SIGKILL on.
      expect(result.signal).toBe("SIGKILL");
      expectRosterWhole(dir, interrupted);
      expect(entries(dir).filter((name) => name.startsWith("."))).toEqual([]);
      if (temp !== undefined) {
        expect(result.stderr).toContain("interrupted (the parent process ended)");
        expect(digests(dir)).toEqual(filesBefore);
        expect(await ends(Number(ROSTER_TEMP.exec(temp)?.[1]))).toBe(true);
      }
    },
    TIMEOUT,
  );
});
