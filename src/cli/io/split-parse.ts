/**
 * A JSON file too big for one string, parsed by `JSON.parse` in pieces. A district's roster
 * or scenario is an object (or array) whose bulk is in a few long arrays of small items
 * (`trips`, `staff`…). Those arrays — the root's own when it is an array, and any array that
 * is a member of the root — are cut between items into runs of about 1 MiB, and each run is
 * given to `JSON.parse` as `[ … ]`; the rest of the text, with each such array replaced by a
 * placeholder, is parsed the same way and the arrays are put back. `JSON.parse` does all the
 * checking of the text; this module only finds where the long arrays' items end (a byte scan
 * that tracks strings and nesting), and leaves out most of a long white space (see
 * LONG_WHITE_SPACE): some four times faster than a token stream.
 *
 * It never guesses: text it cannot parse this way (a syntax error, bytes that are not UTF-8,
 * a structure too big for it) gives `undefined`, and the caller reads the file with the
 * token stream instead, which also finds where the problem is.
 */

import { isUtf8 } from "node:buffer";
import { randomBytes } from "node:crypto";
import { isWhitespace } from "./json-syntax.js";

/** Options of {@link parseInPieces}; the sizes are for tests, which cut small texts often. */
export interface PiecesOptions {
  /** Told the bytes read so far after each chunk and at the end. */
  onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined;
  /** A run of array items is cut at the first item boundary past this many bytes (1 MiB). */
  runBytes?: number | undefined;
  /** Bytes read from the file at a time (4 MiB, a progress step). */
  chunkBytes?: number | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * White space between tokens longer than this many bytes is cut to its first byte before
 * `JSON.parse` sees it: in a file padded or indented wide (four spaces or a tab a level, deep
 * down) it is most of the text, and turning it into strings for `JSON.parse` to skip costs as
 * much as parsing the rest (a 557 MB roster padded with white space: 8.4 s → 3.1 s through
 * `validate`). Shorter runs are left in: each cut is one more piece to join, which costs more
 * than it saves on a few bytes — so the command line's own `--pretty` files, indented two
 * spaces a level (11 bytes at most), are read as before. One byte stays, so that tokens it
 * separated (`1 2`, an error) are not joined into one (`12`).
 */
const LONG_WHITE_SPACE = 16;

/** Why the text could not be parsed in pieces (the caller falls back to the token stream). */
class NotSplittable extends Error {}

/** Bytes kept as a list of pieces, joined once. */
class Pieces {
  private readonly list: Buffer[] = [];
  bytes = 0;

  add(piece: Buffer): void {
    if (piece.length === 0) return;
    this.list.push(piece);
    this.bytes += piece.length;
  }

  take(): Buffer {
    const joined = this.list.length === 1 ? (this.list[0] as Buffer) : Buffer.concat(this.list);
    this.list.length = 0;
    this.bytes = 0;
    return joined;
  }
}

/** `JSON.parse` of UTF-8 bytes; NotSplittable for anything UTF-8, a string or it refuses. */
function parseBytes(bytes: Buffer): unknown {
  if (!isUtf8(bytes)) throw new NotSplittable("not UTF-8");
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    // A syntax error, or a piece longer than a string can be (ERR_STRING_TOO_LONG).
    throw new NotSplittable(error instanceof Error ? error.message : String(error));
  }
}

/** Whether the bytes are JSON white space only (then a run between commas is missing). */
function blank(bytes: Buffer): boolean {
  for (const b of bytes) if (!isWhitespace(b)) return false;
  return true;
}

/** The scan's state across the chunks of the file. */
class Splitter {
  /** The text outside the long arrays, with placeholders. */
  private readonly skeleton = new Pieces();
  /** The current run of items of the long array being read. */
  private readonly run = new Pieces();
  /** The long arrays, in the order their placeholders were written. */
  readonly arrays: unknown[][] = [];
  /** A placeholder is `"<marker><n>"`: the marker is random, so no text of the file holds it. */
  readonly marker = `\u0000${randomBytes(12).toString("hex")}:`;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The depth inside a long array (its items' depth), or -1 outside one. */
  private arrayDepth = -1;
  /** Whether the current run follows a comma at which a run was cut. */
  private runAfterCut = false;

  constructor(private readonly runBytes: number) {}

  /** Scans the next chunk of the file. */
  feed(chunk: Buffer): void {
    let from = 0; // the start of the bytes not yet given to the skeleton or the run
    const inArray = () => this.arrayDepth >= 0;
    for (let i = 0; i < chunk.length; i++) {
      if (this.inString) {
        i = this.skipString(chunk, i);
        continue;
      }
      const b = chunk[i] as number;
      if (isWhitespace(b)) {
        let end = i + 1;
        while (end < chunk.length && isWhitespace(chunk[end] as number)) end++;
        if (end - i > LONG_WHITE_SPACE) {
          (inArray() ? this.run : this.skeleton).add(chunk.subarray(from, i + 1));
          from = end;
        }
        i = end - 1;
      } else if (b === QUOTE) {
        this.inString = true;
      } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        if (b === OPEN_ARRAY && !inArray() && this.depth <= 1) {
          // A long array starts: the text so far goes to the skeleton, its items to runs.
          this.skeleton.add(chunk.subarray(from, i));
          this.skeleton.add(Buffer.from(JSON.stringify(`${this.marker}${this.arrays.length}`)));
          this.arrays.push([]);
          this.arrayDepth = this.depth + 1;
          this.runAfterCut = false;
          from = i + 1;
        }
        this.depth++;
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        this.depth--;
        if (this.depth < 0) throw new NotSplittable("a bracket closes what was never opened");
        if (inArray() && this.depth === this.arrayDepth - 1) {
          if (b !== CLOSE_ARRAY) throw new NotSplittable("an array closed by '}'");
          this.run.add(chunk.subarray(from, i));
          this.endRun(true);
          this.arrayDepth = -1;
          from = i + 1;
        }
      } else if (b === COMMA && inArray() && this.depth === this.arrayDepth) {
        if (this.run.bytes + (i - from) >= this.runBytes) {
          this.run.add(chunk.subarray(from, i));
          this.endRun(false);
          this.runAfterCut = true;
          from = i + 1;
        }
      }
    }
    // The chunk's buffer is not reused: its tail can be kept as it is.
    (inArray() ? this.run : this.skeleton).add(chunk.subarray(from));
  }

  /**
   * Inside a string from byte `i`: jumps (by a native search for `"`) to its closing quote,
   * whose index is returned, or to the chunk's end, remembering whether a backslash is left
   * to escape the next chunk's first byte. A quote after an odd run of backslashes is text.
   */
  private skipString(chunk: Buffer, i: number): number {
    let from = i;
    for (;;) {
      const quote = chunk.indexOf(QUOTE, from);
      const end = quote < 0 ? chunk.length : quote;
      let k = end - 1;
      while (k >= from && chunk[k] === BACKSLASH) k--;
      let backslashes = end - 1 - k;
      if (k < from && this.escaped) backslashes++; // the run began in the last chunk
      this.escaped = false;
      if (quote < 0) {
        this.escaped = backslashes % 2 === 1;
        return chunk.length - 1;
      }
      if (backslashes % 2 === 0) {
        this.inString = false;
        return quote;
      }
      from = quote + 1;
    }
  }

  /** Parses the current run as the next items of the long array being read. */
  private endRun(last: boolean): void {
    const bytes = this.run.take();
    // `[a,` cut then `]`: the array had a trailing comma, which JSON.parse of "[]" would hide;
    // `[` or `a,` then a cut at `,`: an item is missing before that comma, hidden the same way.
    if (blank(bytes) && (this.runAfterCut || !last)) throw new NotSplittable("an item missing");
    const items = parseBytes(Buffer.concat([Buffer.from("["), bytes, Buffer.from("]")]));
    const array = this.arrays[this.arrays.length - 1] as unknown[];
    for (const item of items as unknown[]) array.push(item);
    if (last) this.runAfterCut = false;
  }

  /** The whole value, once every chunk was fed. */
  finish(): unknown {
    if (this.inString || this.depth !== 0 || this.arrayDepth >= 0)
      throw new NotSplittable("the text ends inside a value");
    const root = parseBytes(this.skeleton.take());
    const restore = (value: unknown): unknown => {
      if (typeof value !== "string" || !value.startsWith(this.marker)) return value;
      return this.arrays[Number(value.slice(this.marker.length))];
    };
    if (root !== null && typeof root === "object" && !Array.isArray(root)) {
      // Own members only, as JSON.parse made them (a "__proto__" member is an own one). A
      // root array is itself a long array, so the skeleton holds only its placeholder.
      const record = root as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = restore(record[key]);
      return root;
    }
    return restore(root);
  }
}

/** What parsing in pieces needs of a file: reads at a position (an open `FileHandle`). */
export interface PositionedReader {
  read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
}

/**
 * Parses the file's bytes from `start` on (after a byte order mark) in pieces, as
 * `JSON.parse` would parse its whole text.
 *
 * @param handle - the open file
 * @param start - the first byte of the JSON text
 * @param size - the file's size
 * @param options - progress, and the sizes of runs and reads
 * @returns `{ value }`, or undefined when the text cannot be parsed this way (read it as a
 *   token stream instead: that also tells where a syntax error is)
 */
export async function parseInPieces(
  handle: PositionedReader,
  start: number,
  size: number,
  options: PiecesOptions = {},
): Promise<{ value: unknown } | undefined> {
  const { onProgress, runBytes = 2 ** 20, chunkBytes = 4 * 2 ** 20 } = options;
  const splitter = new Splitter(runBytes);
  let position = start;
  try {
    while (position < size) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkBytes, size - position));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break; // the file got shorter since it was measured
      position += bytesRead;
      splitter.feed(chunk.subarray(0, bytesRead));
      onProgress?.(position, size);
    }
    return { value: splitter.finish() };
  } catch (error) {
    if (error instanceof NotSplittable) return undefined;
    throw error;
  }
}
