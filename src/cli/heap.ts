/**
 * Node's default heap (about 4 GiB on a 64-bit machine) is too small for a district of
 * 500,000 staff, and the limit can only be set when the process starts. So a command that
 * reads or plans runs in a child Node with `--max-old-space-size` at three quarters of the
 * machine's memory (at most 32 GiB): V8 takes memory only as it needs it, and the user
 * need not know the flag. Signals reach the child; its exit code becomes ours. Small inputs
 * (the built-in Jinshan scenario, files of a few MiB) run here: the default heap holds them
 * many times over, and a second Node would only cost its start.
 *
 * The child also starts with room in its old generation for what the input will grow into
 * (`--initial-old-space-size`) and a larger young generation: a district's scenario and
 * roster are millions of objects that live to the end, and each full collection marks all
 * of them, so the default heap, which starts small and collects each time it grows, spent
 * more time collecting the larger the district (at 250,000 staff two full collections took
 * 1.8 s of 15 s of planning; none with the room given).
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
/**
 * Old-generation room to start with per byte of input. Planning a district holds about 36
 * bytes of memory per byte of its scenario file (3.9 GB for the 103 MB file of 500,000
 * staff); the commands that read a roster, about 3 per byte of their files (validate: 4.0 GB
 * for 1.4 GiB).
 */
const OLD_SPACE_PER_INPUT_BYTE = { plan: 40, other: 4 } as const;
/** Young-generation semi-space, in MiB (V8's default at most 16 on 64-bit machines). */
const SEMI_SPACE_MIB = 64;
/** Commands that hold a whole scenario and roster in memory. */
const HEAVY = new Set(["plan", "validate", "trace", "replan", "export"]);

/**
 * The bytes of the files the arguments name (any argument that is a file: inputs, and an
 * output that already exists, which only errs towards the larger heap).
 */
export function fileBytes(argv: readonly string[]): number {
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

/**
 * The V8 flags of a Node with a heap limit of `heapMiB` that runs `command` on `inputBytes` of
 * files: the limit, the old generation's room to start with (what the input grows into, at
 * most half the limit) and the young generation's.
 */
export function largeHeapFlags(heapMiB: number, command: string, inputBytes: number): string[] {
  const perByte =
    command === "plan" ? OLD_SPACE_PER_INPUT_BYTE.plan : OLD_SPACE_PER_INPUT_BYTE.other;
  const initialOldMiB = Math.min(Math.floor(heapMiB / 2), Math.ceil((inputBytes * perByte) / MIB));
  return [
    `--max-old-space-size=${heapMiB}`,
    `--initial-old-space-size=${initialOldMiB}`,
    `--max-semi-space-size=${SEMI_SPACE_MIB}`,
  ];
}

/** The V8 flags to run `argv` with, or undefined when this Node will do. */
function wantedFlags(argv: readonly string[]): string[] | undefined {
  if (isRelaunched()) return undefined;
  const command = argv[0] ?? "";
  if (!HEAVY.has(command) || argv.includes("--help") || argv.includes("-h")) return undefined;
  if (process.execArgv.some((flag) => flag.startsWith("--max-old-space-size"))) return undefined;
  if ((process.env.NODE_OPTIONS ?? "").includes("--max-old-space-size")) return undefined;
  const bytes = fileBytes(argv);
  if (bytes <= SMALL_INPUT_BYTES) return undefined;
  const wanted = Math.min(Math.floor((totalmem() / MIB) * 0.75), 32 * 1024);
  const current = getHeapStatistics().heap_size_limit / MIB;
  return wanted > current * 1.25 ? largeHeapFlags(wanted, command, bytes) : undefined;
}

/**
 * Runs this command line again in a Node with a larger heap when the command needs one.
 *
 * @returns the child's exit code, or undefined when this process should run the command
 */
export function relaunchWithLargerHeap(argv: readonly string[]): Promise<number> | undefined {
  const flags = wantedFlags(argv);
  const script = process.argv[1];
  if (flags === undefined || script === undefined) return undefined;
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...flags, script, ...argv],
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
