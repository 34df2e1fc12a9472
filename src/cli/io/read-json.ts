/**
 * Reads the JSON files a command takes (scenario, roster, changes), of any size the planner
 * writes (SPEC §7.4): a file that fits in one string is read whole and given to `JSON.parse`;
 * a larger one — a district's roster can be more than V8's longest string — is given to
 * `JSON.parse` in pieces (split-parse.ts), or, when that cannot be done (a syntax error, most
 * likely), parsed as a stream with stream-json, which also tells where the problem is. Either way a byte order mark is skipped, and every problem becomes an
 * `InputFileError` naming the file: missing, a folder, unreadable, not UTF-8, or not JSON
 * (then with the line and column, found by `json-syntax.ts`).
 */

import { constants, isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { type FileHandle, open, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import Parser from "stream-json/Parser.js";
import { type JsonToken, JsonValueBuilder } from "./json-builder.js";
import {
  findJsonSyntaxProblem,
  type JsonSyntaxProblem,
  JsonSyntaxScanner,
  positionInParseMessage,
} from "./json-syntax.js";
import { parseInPieces } from "./split-parse.js";
import { isSystemError, systemReason } from "./system-error.js";

/**
 * Files larger than this many bytes are parsed in pieces rather than read into one string:
 * V8's longest string (2^29 − 24 UTF-16 units on 64 bits). Every unit takes at least one
 * byte of UTF-8, so a file no longer than that always fits.
 */
export const STRING_READ_LIMIT = constants.MAX_STRING_LENGTH;

/** `onProgress` is called after about this many bytes more have been read. */
const PROGRESS_STEP = 4 * 1024 * 1024;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Options of {@link readJsonFile}. */
export interface ReadJsonOptions {
  /** Called every few MiB, and once at the end, with the bytes read so far and the file's size. */
  onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined;
  /** Files larger than this (in bytes) are parsed in pieces; default {@link STRING_READ_LIMIT}. */
  stringReadLimit?: number | undefined;
}

/** An input file could not be read or is not JSON; the message names it and says why. */
export class InputFileError extends Error {
  override name = "InputFileError";
  readonly path: string;
  /** The cause in plain words, e.g. `no such file`. */
  readonly reason: string;
  /** Where a syntax error is, when it is one. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    path: string,
    reason: string,
    where?: { line: number; column: number } | undefined,
    cause?: unknown,
  ) {
    super(
      where === undefined
        ? `cannot read ${path}: ${reason}`
        : `${path}:${where.line}:${where.column}: ${reason}`,
      { cause },
    );
    this.path = path;
    this.reason = reason;
    this.line = where?.line;
    this.column = where?.column;
  }
}

/** A system error while reading `path` in plain words; anything else (a bug) as it is. */
function inputError(path: string, error: unknown): unknown {
  if (error instanceof InputFileError || !isSystemError(error)) return error;
  const reason =
    error.code === "ENOENT"
      ? "no such file"
      : error.code === "EISDIR"
        ? "it is a folder"
        : systemReason(error);
  return new InputFileError(path, reason, undefined, error);
}

/** The error for text that is not JSON, at the problem's line and column. */
function notJson(path: string, problem: JsonSyntaxProblem, cause?: unknown): InputFileError {
  return new InputFileError(path, `not valid JSON: ${problem.reason}`, problem, cause);
}

/** Reads the whole file into one buffer, a step at a time so that progress can be told. */
async function readBytes(
  handle: FileHandle,
  size: number,
  onProgress: ReadJsonOptions["onProgress"],
): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const step = Math.min(PROGRESS_STEP, size - read);
    const { bytesRead } = await handle.read(buffer, read, step, read);
    if (bytesRead === 0) break; // the file got shorter since it was measured
    read += bytesRead;
    onProgress?.(read, size);
  }
  return buffer.subarray(0, read);
}

/** A file that fits in a string: read, checked to be UTF-8, and given to `JSON.parse`. */
async function parseWhole(path: string, size: number, options: ReadJsonOptions): Promise<unknown> {
  const handle = await open(path, "r");
  let bytes: Buffer;
  try {
    bytes = await readBytes(handle, size, options.onProgress);
  } finally {
    await handle.close();
  }
  if (size === 0) options.onProgress?.(0, 0);
  if (!isUtf8(bytes)) throw new InputFileError(path, "not UTF-8 text (save it as UTF-8)");
  const text = bytes.toString("utf8", bytes.subarray(0, 3).equals(BOM) ? 3 : 0);
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const problem = findJsonSyntaxProblem(text);
    if (problem !== undefined) throw notJson(path, problem, error);
    // The scanner saw no problem (it should have): V8's own words, with its position if any.
    const where = positionInParseMessage(error.message, text);
    throw new InputFileError(path, `not valid JSON: ${error.message}`, where, error);
  }
}

/** Whether the file starts with a UTF-8 byte order mark. */
async function startsWithBom(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const start = Buffer.alloc(3);
    const { bytesRead } = await handle.read(start, 0, 3, 0);
    return bytesRead === 3 && start.equals(BOM);
  } finally {
    await handle.close();
  }
}

/** The first syntax problem of the file from byte `start` on, read again as a stream. */
async function findProblemInFile(
  path: string,
  start: number,
): Promise<JsonSyntaxProblem | undefined> {
  const scanner = new JsonSyntaxScanner();
  const stream = createReadStream(path, { start, encoding: "utf8", highWaterMark: 1 << 20 });
  try {
    for await (const piece of stream) if (scanner.feed(piece as string) !== undefined) break;
  } finally {
    stream.destroy();
  }
  return scanner.problem ?? scanner.end();
}

/** A file too big for one string, parsed by `JSON.parse` in pieces (split-parse.ts). */
async function parseFileInPieces(
  path: string,
  size: number,
  options: ReadJsonOptions,
): Promise<{ value: unknown } | undefined> {
  const start = (await startsWithBom(path)) ? 3 : 0;
  const handle = await open(path, "r");
  try {
    return await parseInPieces(handle, start, size, { onProgress: options.onProgress });
  } finally {
    await handle.close();
  }
}

/**
 * A file too big for one string that could not be parsed in pieces (a syntax error, most
 * likely), parsed by stream-json into the same value `JSON.parse`
 * gives. (stream-json also takes a few Unicode spaces `JSON.parse` refuses, such as U+00A0
 * between tokens; bytes that are not UTF-8 become U+FFFD here.)
 */
async function parseStream(path: string, size: number, options: ReadJsonOptions): Promise<unknown> {
  const start = (await startsWithBom(path)) ? 3 : 0;
  const source = createReadStream(path, { start, highWaterMark: 1 << 20 });
  // Whole strings, numbers and names as one token each: the builder needs no more.
  const parser = new Parser({ packValues: true, streamValues: false });
  const builder = new JsonValueBuilder();
  parser.on("data", (token: JsonToken) => builder.take(token));
  let read = start;
  let told = start;
  source.on("data", (chunk) => {
    read += chunk.length;
    if (read - told < PROGRESS_STEP && read < size) return;
    told = read;
    options.onProgress?.(read, size);
  });
  try {
    await pipeline(source, parser);
  } catch (error) {
    if (isSystemError(error)) throw error;
    const problem = await findProblemInFile(path, start);
    if (problem !== undefined) throw notJson(path, problem, error);
    const message = error instanceof Error ? error.message : String(error);
    throw new InputFileError(
      path,
      `not valid JSON before byte ${read}: ${message}`,
      undefined,
      error,
    );
  }
  if (!builder.done)
    throw new InputFileError(path, "not valid JSON: the text ends before the JSON value does");
  return builder.value;
}

/**
 * Reads and parses a JSON file: the value `JSON.parse` would give for the file's text,
 * without a byte order mark. Files larger than V8's longest string ({@link STRING_READ_LIMIT},
 * about 512 MiB) are given to `JSON.parse` in pieces (or, failing that, parsed as a stream), so a
 * roster of any size the planner writes can be read back.
 *
 * @param path - the file
 * @param options - a progress callback, and the size from which a file is parsed in pieces
 * @throws {InputFileError} `cannot read scenario.json: no such file` (or `it is a folder`,
 *   `permission denied (EACCES)`, `not UTF-8 text`), or, for text that is not JSON, the
 *   place: `roster.json:12:5: not valid JSON: expected ',' or '}' after a member, found ']'`
 * @example
 * const scenario = parseScenario(await readJsonFile("scenario.json"));
 */
export async function readJsonFile(
  path: string,
  options?: ReadJsonOptions | undefined,
): Promise<unknown> {
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) throw new InputFileError(path, "it is a folder");
    const limit = options?.stringReadLimit ?? STRING_READ_LIMIT;
    if (stats.size <= limit) return await parseWhole(path, stats.size, options ?? {});
    const inPieces = await parseFileInPieces(path, stats.size, options ?? {});
    return inPieces !== undefined
      ? inPieces.value
      : await parseStream(path, stats.size, options ?? {});
  } catch (error) {
    throw inputError(path, error);
  }
}
