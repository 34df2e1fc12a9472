/** Text a command prints on stdout, and the progress line it shows on stderr. */
import { writeChunks } from "../io/atomic-write.js";
import { type Progress, progressLine } from "../progress.js";

/** Options every command takes. */
export interface CommonOptions {
  /** No progress line, even on a terminal. */
  quiet?: boolean | undefined;
}

/** The progress line for a command (stderr, terminals only, not with `--quiet`). */
export function progressFor(options: CommonOptions): Progress {
  return progressLine(process.stderr, options.quiet === true);
}

/** Prints text and a line end on stdout, waiting for a slow reader (a pipe) to take it. */
export function print(text: string): Promise<void> {
  return writeChunks(process.stdout, [`${text}\n`]);
}
