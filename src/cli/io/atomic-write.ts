/**
 * Output files written whole or not at all (SPEC §7.4). A file is streamed into a temporary
 * file beside it, flushed to disk and renamed over the old one, so that a reader — or the
 * user after a crash or a full disk — finds the old file or the new one, never half of one.
 * A folder such as `gtfs/` is built beside its place and swapped in. Every failure becomes
 * an `OutputFileError` naming the file and the cause in plain words. The idea is npm's
 * write-file-atomic (temp name in the same folder, fsync, rename), for streams.
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type Stats } from "node:fs";
import { chmod, mkdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { holdTemporary, releaseTemporary } from "./interrupt.js";
import { isSystemError, type SystemError, systemReason } from "./system-error.js";

/** Options of an {@link OutputFileError}. */
export interface OutputFileErrorOptions {
  /** What could not be done: `write` (the default) or `create folder`. */
  action?: string | undefined;
  /** The error that caused it (a Node system error). */
  cause?: unknown;
}

/** An output file or folder could not be written; the message names it and says why. */
export class OutputFileError extends Error {
  override name = "OutputFileError";
  /** The file or folder the user asked for (never a temporary name). */
  readonly path: string;
  /** The cause in plain words, e.g. `no space left on device (ENOSPC)`. */
  readonly reason: string;
  readonly action: string;

  constructor(path: string, reason: string, options?: OutputFileErrorOptions | undefined) {
    const action = options?.action ?? "write";
    super(`cannot ${action} ${path}: ${reason}`, { cause: options?.cause });
    this.path = path;
    this.reason = reason;
    this.action = action;
  }
}

/** Writes a file's content into an open stream; the caller opened it and will close it. */
export type StreamWriter = (out: Writable) => Promise<void>;

/** Strings are joined into pieces of about this many characters before they are written. */
const BATCH = 64 * 1024;

/** `.<name>.<pid>.<random>.<suffix>` beside `path`: hidden, and unique across processes. */
function siblingName(path: string, suffix: string): string {
  const random = randomBytes(6).toString("hex");
  return join(dirname(path), `.${basename(path)}.${process.pid}.${random}.${suffix}`);
}

/** A system error while writing `path`, in plain words; anything else (a bug) as it is. */
function outputError(path: string, error: unknown, action = "write"): unknown {
  if (error instanceof OutputFileError || !isSystemError(error)) return error;
  return new OutputFileError(path, reasonFor(path, error), { action, cause: error });
}

function reasonFor(path: string, error: SystemError): string {
  if (error.code === "ENOENT") return `folder ${dirname(path)} does not exist`;
  if (error.code === "EISDIR") return "it is a folder";
  return systemReason(error);
}

/** The entry at `path`, or undefined when there is none yet. */
async function existing(path: string, action = "write"): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (isSystemError(error) && error.code === "ENOENT") return undefined;
    throw outputError(path, error, action);
  }
}

/** Resolves once `out` has room again; rejects if it fails or closes first. */
function drained(out: Writable): Promise<void> {
  if (out.errored) return Promise.reject(out.errored);
  if (out.destroyed) return Promise.reject(new Error("the output was closed"));
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off("drain", onDrain);
      out.off("error", onError);
      out.off("close", onClose);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onDrain = () => settle();
    const onError = (error: Error) => settle(error);
    const onClose = () => settle(out.errored ?? new Error("the output was closed"));
    out.on("drain", onDrain);
    out.on("error", onError);
    out.on("close", onClose);
  });
}

/**
 * Writes strings into `out`, joined into pieces of about 64 KiB (many small writes are
 * slow), waiting whenever `out` asks for a pause — so a generator of a huge file's text
 * never runs ahead of the disk or of a slow pipe. Resolves when `out` has room again; it
 * does not end `out`. With no chunks, it just waits for room.
 *
 * @param out - a file stream, a pipe, `process.stdout`
 * @param chunks - the text, in pieces (a generator is read one piece at a time)
 * @example
 * await writeChunks(process.stdout, manifestCsvChunks(scenario, roster));
 */
export async function writeChunks(out: Writable, chunks: Iterable<string>): Promise<void> {
  let batch = "";
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length < BATCH) continue;
    const room = out.write(batch);
    batch = "";
    if (!room) await drained(out);
  }
  if (batch !== "" && !out.write(batch)) await drained(out);
  else if (out.writableNeedDrain) await drained(out);
}

/**
 * Streams `write`'s output into a new file (which must not exist yet) and flushes it to
 * the disk before closing it; `mode` gives it the permissions of the file it replaces.
 */
async function streamIntoNewFile(
  file: string,
  mode: number | undefined,
  write: StreamWriter,
): Promise<void> {
  const out = createWriteStream(file, { flags: "wx", flush: true, highWaterMark: BATCH });
  // The stream's own error (ENOSPC, EIO) is the cause; the writer may only see its effects.
  let failure: unknown;
  out.on("error", (error) => {
    failure ??= error;
  });
  try {
    await once(out, "ready");
    if (mode !== undefined) await chmod(file, mode);
    try {
      await write(out);
    } catch (error) {
      throw failure ?? error;
    }
    if (failure !== undefined) throw failure;
    if (!out.writableEnded) out.end();
    // Resolves once the file is flushed (`flush: true`) and closed.
    await finished(out);
  } catch (error) {
    // Taken before destroying: pending writes then fail with ERR_STREAM_DESTROYED.
    const cause = failure ?? error;
    out.destroy();
    await finished(out).catch(() => undefined);
    throw cause;
  }
}

/**
 * Writes a file whole or not at all: `write` streams the content into a temporary file in
 * the same folder (`.<name>.<pid>.<random>.tmp`), which is flushed to the disk and renamed
 * onto `path`. On any failure the temporary file is removed and the file already at `path`
 * stays as it was. A file replaced keeps its permissions.
 *
 * @param path - the file to write; its folder must exist
 * @param write - streams the content into the stream it is given and resolves when done
 *   (it need not end the stream)
 * @throws {OutputFileError} naming `path` and the cause: `permission denied (EACCES)`,
 *   `no space left on device (ENOSPC)`, `it is a folder`, `folder out does not exist`, …
 *   Any other error of `write` (a bug) is rethrown as it is, after the clean-up.
 * @example
 * await writeFileAtomically("out/roster.json", (out) => writeJson(out, roster, false));
 */
export async function writeFileAtomically(path: string, write: StreamWriter): Promise<void> {
  const before = await existing(path);
  if (before?.isDirectory()) throw new OutputFileError(path, "it is a folder");
  const temp = siblingName(path, "tmp");
  holdTemporary(temp);
  try {
    await streamIntoNewFile(temp, before === undefined ? undefined : before.mode & 0o7777, write);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw outputError(path, error);
  } finally {
    releaseTemporary(temp);
  }
}

/**
 * Creates a folder and the folders above it when missing (`mkdir -p`).
 *
 * @throws {OutputFileError} naming `dir` when a file is in the way or permission is denied
 * @example
 * await ensureFolder("out/2022-05");
 */
export async function ensureFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    if (isSystemError(error) && error.code === "EEXIST")
      throw new OutputFileError(dir, "a file of that name is in the way", {
        action: "create folder",
        cause: error,
      });
    throw outputError(dir, error, "create folder");
  }
}

/** An `OutputFileError` about a file inside the temporary folder, told of the final folder. */
function aboutFinalFolder(error: unknown, temp: string, dir: string): unknown {
  if (!(error instanceof OutputFileError) || !error.path.startsWith(temp)) return error;
  const path = dir + error.path.slice(temp.length);
  return new OutputFileError(path, error.reason, { action: error.action, cause: error.cause });
}

/** Puts the finished folder `temp` in the place of `dir`, moving an old one aside first. */
async function swapIn(temp: string, dir: string, replacing: boolean): Promise<void> {
  if (!replacing) {
    await rename(temp, dir);
    return;
  }
  const old = siblingName(dir, "old");
  await rename(dir, old);
  try {
    await rename(temp, dir);
  } catch (error) {
    await rename(old, dir).catch(() => undefined);
    throw error;
  }
  // The new folder is in place: failing to delete the old one must not fail the write.
  await rm(old, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Writes a folder whole or not at all (`out/gtfs/`): `fill` writes the files into a new
 * temporary folder beside `dir`, which then takes the place of `dir` (the old folder, if
 * any, is renamed aside, then removed). On any failure the temporary folder is removed and
 * the old folder stays as it was. Files the old folder had and the new one lacks are gone.
 *
 * @param dir - the folder to write; the folder it is in must exist
 * @param fill - writes the files into the folder it is given (which exists and is empty)
 * @throws {OutputFileError} naming `dir`, or the file inside `dir`, and the cause
 * @example
 * await writeFolderAtomically("out/gtfs", (temp) =>
 *   writeFileAtomically(join(temp, "stops.txt"), (out) => writeChunks(out, ["stop_id\r\n"])),
 * );
 */
export async function writeFolderAtomically(
  dir: string,
  fill: (tempDir: string) => Promise<void>,
): Promise<void> {
  const before = await existing(dir);
  if (before !== undefined && !before.isDirectory())
    throw new OutputFileError(dir, "it is a file, not a folder");
  const temp = siblingName(dir, "tmp");
  try {
    await mkdir(temp);
  } catch (error) {
    throw outputError(dir, error);
  }
  holdTemporary(temp);
  try {
    await fill(temp);
    await swapIn(temp, dir, before !== undefined);
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw outputError(dir, aboutFinalFolder(error, temp, dir));
  } finally {
    releaseTemporary(temp);
  }
}
