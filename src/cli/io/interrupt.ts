/**
 * Ctrl-C (or a `kill`) in the middle of a write: the temporary files and folders still
 * being written are removed before the process ends, so an interrupted run leaves the
 * previous outputs and nothing else. The handlers are in place only while something is
 * being written: during a long synchronous plan, Ctrl-C keeps its default effect (a handler
 * would only run once the plan finished). A SIGKILL cannot be caught: then the hidden
 * `.name.pid.random.tmp` file stays, and the previous output is still intact.
 */
import { rmSync } from "node:fs";

const EXIT_BY_SIGNAL = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Signal = keyof typeof EXIT_BY_SIGNAL;
const SIGNALS = Object.keys(EXIT_BY_SIGNAL) as Signal[];

const live = new Set<string>();

/** Removes what is being written and ends the process with `code`, saying why. */
function abandon(why: string, code: number): never {
  for (const path of live) rmSync(path, { recursive: true, force: true });
  process.stderr.write(`\ninterrupted (${why}): no half-written file was left behind\n`);
  process.exit(code);
}

function onSignal(signal: Signal): void {
  abandon(signal, EXIT_BY_SIGNAL[signal]);
}

/**
 * In the Node relaunched with a larger heap (heap.ts): when the Node that started it is gone
 * (even by SIGKILL, which it cannot pass on), its IPC channel closes; this process then stops
 * too, rather than write outputs for a command nobody waits for. The channel does not keep
 * this process alive.
 */
export function endWithParent(): void {
  const channel = process.channel;
  if (channel === undefined) return;
  channel.unref();
  process.on("disconnect", () => abandon("the parent process ended", EXIT_BY_SIGNAL.SIGHUP));
}

/** Marks a temporary path as being written: a signal removes it until it is released. */
export function holdTemporary(path: string): void {
  if (live.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  live.add(path);
}

/** The temporary path was renamed into place or removed: nothing left to clean. */
export function releaseTemporary(path: string): void {
  live.delete(path);
  if (live.size === 0) for (const signal of SIGNALS) process.off(signal, onSignal);
}
