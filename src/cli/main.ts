/**
 * The command line (SPEC §7.4): `closed-loop-commute <command>`, commands in `program.ts`.
 * Exit 0 ok, 1 violations found, 2 bad input — every problem named with its file and path,
 * never a stack trace. Only a bug in this package prints one (exit 3).
 */
import { CommanderError } from "commander";
import { ClosedLoopError } from "../util/errors.js";
import { isRelaunched, relaunchWithLargerHeap } from "./heap.js";
import { UsageError } from "./inputs.js";
import { OutputFileError } from "./io/atomic-write.js";
import { endWithParent } from "./io/interrupt.js";
import { InputFileError } from "./io/read-json.js";
import { buildProgram } from "./program.js";

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
export const EXIT_BUG = 3;

/** The message of an error that is the user's input, not a bug; undefined for a bug. */
function badInput(error: unknown): string | undefined {
  if (
    error instanceof ClosedLoopError ||
    error instanceof InputFileError ||
    error instanceof OutputFileError ||
    error instanceof UsageError
  )
    return error.message;
  return undefined;
}

/**
 * Runs the command line on `argv` (without `node` and the script).
 *
 * @returns the exit code
 */
export async function run(argv: readonly string[]): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram((exitCode) => {
    code = exitCode;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander printed it. Help and the version asked for are a success; any other is usage.
      const asked = error.code === "commander.helpDisplayed" || error.code === "commander.version";
      return asked ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (process.stderr.isTTY === true) process.stderr.write("\r\x1b[K"); // clear a progress line
    const message = badInput(error);
    if (message !== undefined) {
      process.stderr.write(`error: ${message}\n`);
      return EXIT_BAD_INPUT;
    }
    process.stderr.write(
      `internal error (a bug in closed-loop-commute; please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_BUG;
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT_OK);
  throw error;
});

const argv = process.argv.slice(2);
if (isRelaunched()) endWithParent();
process.exitCode = await (relaunchWithLargerHeap(argv) ?? run(argv));
