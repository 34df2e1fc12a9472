/**
 * split-parse.ts: a file beyond one string, parsed by JSON.parse in pieces, must give what
 * JSON.parse of its whole text gives — and nothing at all (so that the caller falls back
 * to the token stream) whenever JSON.parse would refuse the text. Runs and reads are made a
 * few bytes long here so that every text is cut at many places.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";
import {
  type PiecesOptions,
  type PositionedReader,
  parseInPieces,
} from "../../../src/cli/io/split-parse.js";

const dir = mkdtempSync(join(tmpdir(), "split-parse-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A file's bytes held in memory, read as parseInPieces reads an open file. The properties
 * read thousands of texts a few bytes at a time: from real files that was some 10 s of
 * system calls, and it is the cutting under test, not the reading (one test below reads a
 * real file).
 */
function inMemory(bytes: Buffer): PositionedReader {
  return {
    read: async (buffer, offset, length, position) => ({
      bytesRead: bytes.copy(buffer, offset, position, Math.min(bytes.length, position + length)),
    }),
  };
}

/** parseInPieces of `text` (after a BOM when `bom`). */
function inPieces(
  text: string | Buffer,
  options: PiecesOptions,
  bom = false,
): Promise<{ value: unknown } | undefined> {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  const file = bom ? Buffer.concat([BOM, bytes]) : bytes;
  return parseInPieces(inMemory(file), bom ? 3 : 0, file.length, options);
}

/** What JSON.parse gives, or undefined when it throws. */
function parsed(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** The same as JSON.stringify sees it: own members in order, no prototype games. */
const same = (result: { value: unknown } | undefined) =>
  result === undefined ? "refused" : JSON.stringify(result.value);

const sizes = fc.record({
  runBytes: fc.integer({ min: 1, max: 64 }),
  chunkBytes: fc.integer({ min: 1, max: 48 }),
});

/** A roster-like value: an object with long arrays of small objects, and other members. */
const rosterLike = fc.record({
  version: fc.constant(1),
  name: fc.string({ unit: "grapheme" }),
  horizon: fc.record({ start: fc.string(), days: fc.nat(), list: fc.array(fc.nat()) }),
  trips: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 30 }),
  staff: fc.array(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), { maxLength: 30 }),
});

const indent = fc.constantFrom(undefined, 0, 1, 2, "\t", " \r\n");

/** Deep indentation (JSON.stringify indents by at most 10): white space longer than the reader keeps. */
const LONG_INDENT = " ".repeat(24);

/** The text of `value` as JSON.stringify indents it, each line indented further when `deep`. */
function jsonText(value: unknown, space: unknown, deep: boolean): string {
  const text = JSON.stringify(value, null, space as string | number | undefined);
  // JSON.stringify escapes line breaks inside strings: every "\n" left is between tokens.
  return deep ? text.replaceAll("\n", `\n${LONG_INDENT}`) : text;
}

describe("parseInPieces", () => {
  test.prop([fc.oneof(rosterLike, fc.jsonValue()), indent, fc.boolean(), sizes, fc.boolean()], {
    numRuns: 200,
  })(
    "gives what JSON.parse gives, whatever the cuts",
    async (value, space, deep, options, bom) => {
      const text = jsonText(value, space, deep);
      expect(same(await inPieces(text, options, bom))).toBe(same(parsed(text)));
    },
    60_000,
  );

  test.prop(
    [
      rosterLike,
      indent,
      fc.boolean(),
      sizes,
      fc.array(
        fc.record({
          at: fc.nat(),
          kind: fc.constantFrom("delete", "insert"),
          char: fc.constantFrom(
            ",",
            "]",
            "[",
            "{",
            "}",
            '"',
            "\\",
            ":",
            " ",
            "1",
            "x",
            LONG_INDENT,
          ),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    ],
    { numRuns: 200 },
  )(
    "refuses (gives nothing) wherever JSON.parse throws, and agrees where it does not",
    async (value, space, deep, options, edits) => {
      let text = jsonText(value, space, deep);
      for (const { at, kind, char } of edits) {
        const i = at % (text.length + 1);
        text =
          kind === "delete"
            ? text.slice(0, i) + text.slice(i + 1)
            : text.slice(0, i) + char + text.slice(i);
      }
      // An edit may split a surrogate pair; the file holds the text as UTF-8 makes it.
      const written = Buffer.from(text, "utf8").toString("utf8");
      expect(same(await inPieces(text, options))).toBe(same(parsed(written)));
    },
    60_000,
  );

  it("keeps tokens that long white space separates apart: '1 … 2' is no '12'", async () => {
    for (const runBytes of [1, 4, 64])
      for (const chunkBytes of [1, 3, 48]) {
        const options = { runBytes, chunkBytes };
        expect(await inPieces(`[1${LONG_INDENT}2]`, options)).toBeUndefined();
        expect(await inPieces(`{"a":[1${LONG_INDENT}2]}`, options)).toBeUndefined();
        expect(await inPieces(`{"a":1${LONG_INDENT}2}`, options)).toBeUndefined();
        expect(same(await inPieces(`[1,${LONG_INDENT}2]`, options))).toBe("[1,2]");
        expect(
          same(await inPieces(`{${LONG_INDENT}"a" :${LONG_INDENT}[ 1${LONG_INDENT}]}`, options)),
        ).toBe('{"a":[1]}');
      }
  });

  it("refuses a trailing comma that falls exactly where a run is cut", async () => {
    const text = '{"trips":[{"a":1},{"b":2},  ]}';
    expect(parsed(text)).toBeUndefined();
    for (let runBytes = 1; runBytes < 20; runBytes++)
      expect(await inPieces(text, { runBytes, chunkBytes: 5 })).toBeUndefined();
  });

  it("refuses a comma with no item before it, wherever the runs are cut", async () => {
    // Found by the property above (seed -355761271): `[\n, null` parsed as `[null`.
    for (const text of ['{"trips":[\n, null, null]}', '{"trips":[1,,2]}', "[ ,1]"]) {
      expect(parsed(text), text).toBeUndefined();
      for (let runBytes = 1; runBytes < 12; runBytes++)
        for (const chunkBytes of [1, 5, 64])
          expect(
            await inPieces(text, { runBytes, chunkBytes }),
            `${text} ${runBytes}`,
          ).toBeUndefined();
    }
  });

  it("refuses bytes that are not UTF-8, and text that ends inside a value", async () => {
    const bad = Buffer.concat([
      Buffer.from('{"trips":["'),
      Buffer.from([0xff]),
      Buffer.from('"]}'),
    ]);
    expect(await inPieces(bad, { runBytes: 2, chunkBytes: 3 })).toBeUndefined();
    expect(await inPieces('{"trips":[1,2', { runBytes: 2, chunkBytes: 3 })).toBeUndefined();
    expect(await inPieces('{"a":"x', {})).toBeUndefined();
  });

  it('keeps a "__proto__" member holding a long array an own member, as JSON.parse does', async () => {
    const text = '{"__proto__":[{"polluted":true}],"trips":[1,2,3]}';
    const result = await inPieces(text, { runBytes: 1, chunkBytes: 4 });
    const value = result?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(JSON.stringify(value)).toBe(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("parses a root array, a root primitive and an empty long array", async () => {
    for (const text of ["[]", '[1, [2], {"a": [3]}]', '"text"', "42", '{"a":[],"b":{"c":[]}}'])
      expect(same(await inPieces(text, { runBytes: 1, chunkBytes: 2 }))).toBe(same(parsed(text)));
  });

  it("reads an open file, after its byte order mark, a few bytes at a time", async () => {
    const value = { version: 1, trips: Array.from({ length: 40 }, (_, i) => ({ i, s: "行程" })) };
    const path = join(dir, "roster.json");
    const bytes = Buffer.from(JSON.stringify(value, null, 2), "utf8");
    writeFileSync(path, Buffer.concat([BOM, bytes]));
    const handle = await open(path, "r");
    try {
      const result = await parseInPieces(handle, 3, bytes.length + 3, {
        runBytes: 16,
        chunkBytes: 7,
      });
      expect(result).toEqual({ value });
    } finally {
      await handle.close();
    }
  });

  it("tells its progress, ending at the file's size", async () => {
    const told: number[] = [];
    const text = JSON.stringify({ trips: Array.from({ length: 50 }, (_, i) => ({ i })) });
    await inPieces(text, { chunkBytes: 100, onProgress: (read) => told.push(read) });
    expect(told.length).toBeGreaterThanOrEqual(4);
    expect(told.at(-1)).toBe(Buffer.byteLength(text));
  });
});
