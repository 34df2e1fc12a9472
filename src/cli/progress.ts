/**
 * The progress line of long work (parse, plan, validate, write): on stderr, one line
 * rewritten in place with the stage, a count and the time so far. Only on a terminal and
 * without `--quiet`: a log file or a pipe gets nothing, so scripts read clean output.
 */

/** What commands report long work through. */
export interface Progress {
  /** A new stage (e.g. "planning: packing 12 loops"). */
  stage(message: string): void;
  /** A count within the current stage, at most ten lines a second reach the terminal. */
  count(done: number, total: number | undefined, unit: string): void;
  /** Clears the line, before the command prints its result. */
  done(): void;
}

const SILENT: Progress = { stage() {}, count() {}, done() {} };
const REDRAW_MS = 100;

/** The terminal stream, when it is one. */
interface Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

function formatCount(done: number, total: number | undefined, unit: string): string {
  const scaled = (n: number) =>
    unit === "bytes" ? `${(n / 2 ** 20).toFixed(1)} MiB` : n.toLocaleString("en-US");
  return total === undefined ? scaled(done) : `${scaled(done)} of ${scaled(total)}`;
}

/**
 * A progress line on `stream` when it is a terminal and `quiet` is off; otherwise nothing.
 *
 * @example
 * const progress = progressLine(process.stderr, options.quiet === true);
 * progress.stage("reading scenario.json");
 */
export function progressLine(stream: Terminal, quiet: boolean): Progress {
  if (quiet || stream.isTTY !== true) return SILENT;
  const started = performance.now();
  let stage = "";
  let lastDraw = 0;
  const draw = (text: string) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    stream.write(`\r\x1b[K[${seconds} s] ${text}`);
    lastDraw = performance.now();
  };
  return {
    stage(message) {
      stage = message;
      draw(stage);
    },
    count(done, total, unit) {
      if (performance.now() - lastDraw < REDRAW_MS) return;
      draw(`${stage}: ${formatCount(done, total, unit)}`);
    },
    done() {
      stream.write("\r\x1b[K");
    },
  };
}
