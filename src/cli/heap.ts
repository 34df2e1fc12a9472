/**
 * Node's default heap (about 4 GiB on a 64-bit machine) is too small for a district of
 * 500,000 staff, and the limit can only be set when the process starts. So a command that
 * reads or plans runs in a child Node with `--max-old-space-size` at three quarters of the
 * machine's memory (at most 32 GiB): V8 takes memory only as it needs it, and the user
 * need not know the flag. Signals reach the child; its exit code becomes ours. Small inputs
 * (the built-in Jinshan scenario, files of a few MiB) run here: the default heap holds them
 * many times over, and a second Node would only cost its start.
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

const RELAUNCHED = "CLOSED_LOOP_COMMUTE_RELAUNCHED";

/** True in the Node that `relaunchWithLargerHeap` started. */
export const isRelaunched = (): boolean => process.env[RELAUNCHED] === "1";
const MIB = 2 ** 20;
/**
 * Input files up to this size in all run in the default heap. A scenario of 8 MiB is some
 * 50,000 staff, planned in about 1 GiB; the default heap is 2–4 GiB.
 */
const SMALL_INPUT_BYTES = 8 * MIB;
/** Commands that hold a whole scenario and roster in memory. */
const HEAVY = new Set(["plan", "validate", "trace", "replan", "export"]);

/**
 * The bytes of the files the arguments name (any argument that is a file: inputs, and an
 * output that already exists, which only errs towards the larger heap).
 */
function fileBytes(argv: readonly string[]): number {
  let bytes = 0;
  for (const arg of argv) {
    if (arg.startsWith("-")) continue;
    try {
      const stats = statSync(arg);
      if (stats.isFile()) bytes += stats.size;
    } catch {
      // not a file: a command name, an option's value, or a missing input reported later
    }
  }
  return bytes;
}

/** The heap limit to run with, in MiB, or undefined when the current one will do. */
function wantedHeapMiB(argv: readonly string[]): number | undefined {
  if (isRelaunched()) return undefined;
  if (!HEAVY.has(argv[0] ?? "") || argv.includes("--help") || argv.includes("-h")) return undefined;
  if (process.execArgv.some((flag) => flag.startsWith("--max-old-space-size"))) return undefined;
  if ((process.env.NODE_OPTIONS ?? "").includes("--max-old-space-size")) return undefined;
  if (fileBytes(argv) <= SMALL_INPUT_BYTES) return undefined;
  const wanted = Math.min(Math.floor((totalmem() / MIB) * 0.75), 32 * 1024);
  const current = getHeapStatistics().heap_size_limit / MIB;
  return wanted > current * 1.25 ? wanted : undefined;
}

/**
 * Runs this command line again in a Node with a larger heap when the command needs one.
 *
 * @returns the child's exit code, or undefined when this process should run the command
 */
export function relaunchWithLargerHeap(argv: readonly string[]): Promise<number> | undefined {
  const heap = wantedHeapMiB(argv);
  const script = process.argv[1];
  if (heap === undefined || script === undefined) return undefined;
  const child = spawn(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${heap}`, script, ...argv],
    // The IPC channel only tells the child when this process is gone (interrupt.ts).
    { stdio: ["inherit", "inherit", "inherit", "ipc"], env: { ...process.env, [RELAUNCHED]: "1" } },
  );
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, forward);
  return new Promise((done) => {
    child.on("exit", (code, signal) => {
      for (const s of signals) process.off(s, forward);
      done(code ?? (signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : 1));
    });
    child.on("error", (error) => {
      process.stderr.write(`error: cannot start Node again with a larger heap: ${error.message}\n`);
      done(3);
    });
  });
}
