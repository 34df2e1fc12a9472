/**
 * The command-line tests run the built `dist/cli.js` as a child process, as a user would, so
 * the build must match the sources. CI builds before testing; after a local edit the first
 * test file to need it builds once (a lock folder keeps parallel test files from building
 * at the same time), only when a source, the lock file or the build's config is newer than
 * the build.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect } from "vitest";

export const CLI = resolve("dist/cli.js");
const LOCK = resolve("node_modules/.cache/cli-build.lock");

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(CLI).mtimeMs;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Builds `dist/` unless it is newer than every source. */
export async function ensureBuilt(): Promise<void> {
  // The bundle holds the dependencies too (tsup.config.ts): a new lock file rebuilds it.
  const sources = () =>
    Math.max(
      newestIn("src"),
      ...["package.json", "package-lock.json", "tsup.config.ts"].map((f) => statSync(f).mtimeMs),
    );
  while (builtAt() < sources()) {
    try {
      mkdirSync(LOCK, { recursive: false });
    } catch {
      await sleep(500); // another test file is building
      continue;
    }
    try {
      if (builtAt() < sources())
        execFileSync("npm", ["run", "build", "--silent"], {
          stdio: ["ignore", "ignore", "inherit"],
        });
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout as the bytes the command wrote (a zip on stdout is not UTF-8). */
  stdoutBytes: Buffer;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * The command line in a process group of its own, so that a test can signal it and the
   * Node it starts with a larger heap together: `process.kill(-child.pid, signal)`.
   */
  detached?: boolean;
}

export interface RunningCli {
  child: ChildProcess;
  /** Settles when the command line has ended and its output pipes are closed. */
  result: Promise<CliResult>;
}

/**
 * Starts the built command line with `args`, stdin closed, stdout and stderr pipes (so not a
 * terminal); the test may signal `child` while it runs.
 */
export function startCli(args: readonly string[], options: CliOptions = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.detached === true,
  });
  const result = new Promise<CliResult>((done, fail) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", fail);
    child.on("close", (code, signal) => {
      const stdoutBytes = Buffer.concat(stdout);
      done({
        code,
        signal,
        stdout: stdoutBytes.toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        stdoutBytes,
      });
    });
  });
  return { child, result };
}

/** Runs the built command line with `args` (see {@link startCli}) and waits for it to end. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).result;
}

/** Whether text holds a stack trace ("    at f (file:1:2)"). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[(:]\d+/m.test(text);
}

/** Bad input as the CLI must report it: exit 2, each text on stderr, no stack trace anywhere. */
export function expectBadInput(result: CliResult, ...named: string[]): void {
  expect(result.code, result.stdout + result.stderr).toBe(2);
  expect(result.signal).toBe(null);
  for (const text of named) expect(result.stderr).toContain(text);
  expect(result.stderr).not.toContain("internal error");
  expect(hasStackTrace(result.stderr + result.stdout)).toBe(false);
}
