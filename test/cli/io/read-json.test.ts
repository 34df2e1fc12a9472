/**
 * `readJsonFile` by both of its roads — the whole file through `JSON.parse`, and the stream
 * through stream-json (forced here by a low `stringReadLimit`) — giving the value
 * `JSON.parse` gives, with or without a byte order mark; a ~20 MB roster-like file through
 * the stream with progress told on the way; malformed JSON named `path:line:column` by
 * both roads alike; a missing file, a folder, an unreadable file, text not in UTF-8.
 */
import { chmod, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomically } from "../../../src/cli/io/atomic-write.js";
import { writeJson } from "../../../src/cli/io/json-stream.js";
import { InputFileError, readJsonFile } from "../../../src/cli/io/read-json.js";

const root = await mkdtemp(join(tmpdir(), "read-json-"));
afterAll(() => rm(root, { recursive: true, force: true }));

const isRoot = process.getuid?.() === 0;
let fileCount = 0;

/** A new file in the test folder with these bytes (a string is written as UTF-8). */
async function fileWith(content: string | Uint8Array, name = `file-${fileCount++}.json`) {
  const path = join(root, name);
  await writeFile(path, content);
  return path;
}

/** Both roads: the whole file in one string, and the stream. */
const ROADS = [
  { road: "whole", stringReadLimit: undefined },
  { road: "stream", stringReadLimit: 0 },
] as const;

/** The error `promise` rejects with (failing the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

describe("readJsonFile", () => {
  test.prop([fc.jsonValue(), fc.boolean(), fc.boolean()], { numRuns: 100 })(
    "gives JSON.parse's value by both roads, with or without a byte order mark",
    async (value, pretty, bom) => {
      const text = JSON.stringify(value, null, pretty ? 2 : undefined);
      const path = await fileWith(bom ? `\ufeff${text}` : text);
      try {
        for (const { stringReadLimit } of ROADS)
          expect(await readJsonFile(path, { stringReadLimit })).toStrictEqual(JSON.parse(text));
      } finally {
        await rm(path);
      }
    },
  );

  it("keeps a member named __proto__ as a member on the stream road too", async () => {
    const text = '{"__proto__": {"polluted": true}, "a": [{"__proto__": null}]}';
    const path = await fileWith(text);
    const value = (await readJsonFile(path, { stringReadLimit: 0 })) as Record<string, unknown>;
    expect(value).toStrictEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "a"]);
  });

  it("streams a 20 MB roster-like file, telling the progress on the way", async () => {
    const trip = {
      id: "trip-1",
      loopId: "loop-1",
      path: ["n1", "n2", "n3"],
      passengers: [{ personId: "p1", seat: 3 }],
    };
    const roster = {
      version: 1,
      trips: Array.from({ length: 200_000 }, (_, i) => ({ ...trip, id: `trip-${i}` })),
    };
    const path = join(root, "roster.json");
    await writeFileAtomically(path, (out) => writeJson(out, roster, false));
    const { size } = await stat(path);
    expect(size).toBeGreaterThan(18 * 2 ** 20);
    const told: [number, number][] = [];
    const back = await readJsonFile(path, {
      stringReadLimit: 2 ** 20,
      onProgress: (read, total) => told.push([read, total]),
    });
    // Compared as text: a deep comparison of 200,000 trips took 3 s of the suite's time, and a
    // diff of two 20 MB texts would bury the failure.
    expect(JSON.stringify(back) === JSON.stringify(roster), "the value read back differs").toBe(
      true,
    );
    expect(told.length).toBeGreaterThanOrEqual(4);
    expect(told.every(([, total]) => total === size)).toBe(true);
    expect(told.map(([read]) => read)).toEqual(
      [...told.map(([read]) => read)].sort((a, b) => a - b),
    );
    expect(told.at(-1)).toEqual([size, size]);
    await rm(path);
  }, 120_000);

  it("tells the progress of a file read whole, ending at its size", async () => {
    const path = await fileWith('{"a": 1}');
    const told: number[][] = [];
    await readJsonFile(path, { onProgress: (read, total) => told.push([read, total]) });
    expect(told).toEqual([[8, 8]]);
  });

  describe.each(ROADS)("on the $road road", ({ stringReadLimit }) => {
    const cases = [
      {
        what: "a comma after the last element",
        text: '{\n  "name": "金山",\n  "sites": [1, 2,],\n}',
        where: "3:18",
        reason: "a comma before ']' (JSON allows none after the last element)",
      },
      {
        what: "a missing comma, after a BOM and CRLF line ends",
        text: '\ufeff{\r\n  "a": 1\r\n  "b": 2\r\n}',
        where: "3:3",
        reason: "expected ',' or '}' after a member, found '\"'",
      },
      {
        what: "a word that is not a value",
        text: '[\n  {"id": "t1"},\n  {"id": t2}\n]',
        where: "3:11",
        reason: "expected a value, found 't2'",
      },
      {
        what: "a file cut short",
        text: '{\n  "trips": [\n    {"id": "t1"',
        where: "3:16",
        reason: "the text ends before the JSON value does",
      },
      {
        what: "an empty file",
        text: "",
        where: "1:1",
        reason: "there is no JSON value (the file is empty)",
      },
    ];
    it.each(cases)("names the line and column of $what", async ({ text, where, reason }) => {
      const path = await fileWith(text);
      const error = await failure(readJsonFile(path, { stringReadLimit }));
      expect(error).toBeInstanceOf(InputFileError);
      expect(error.message).toBe(`${path}:${where}: not valid JSON: ${reason}`);
      const [line, column] = where.split(":").map(Number);
      expect(error).toMatchObject({ name: "InputFileError", path, line, column });
    });

    it("says a missing file is missing, and a folder is a folder", async () => {
      const missing = join(root, "scenario.json");
      expect((await failure(readJsonFile(missing, { stringReadLimit }))).message).toBe(
        `cannot read ${missing}: no such file`,
      );
      expect((await failure(readJsonFile(root, { stringReadLimit }))).message).toBe(
        `cannot read ${root}: it is a folder`,
      );
      const under = join(await fileWith("{}"), "scenario.json");
      expect((await failure(readJsonFile(under, { stringReadLimit }))).message).toBe(
        `cannot read ${under}: a part of the path is a file, not a folder (ENOTDIR)`,
      );
    });

    it.skipIf(isRoot)(
      "says permission is denied (skipped as root: chmod does not stop root)",
      async () => {
        const path = await fileWith("{}");
        await chmod(path, 0);
        const error = await failure(readJsonFile(path, { stringReadLimit }));
        expect(error.message).toBe(`cannot read ${path}: permission denied (EACCES)`);
      },
    );
  });

  it("says text in another encoding than UTF-8 is not UTF-8", async () => {
    // {"name": "金山"} in GBK, as a spreadsheet on a Chinese Windows saves it.
    const gbk = Buffer.concat([
      Buffer.from('{"name": "'),
      Buffer.from([0xbd, 0xf0, 0xc9, 0xbd]),
      Buffer.from('"}'),
    ]);
    const path = await fileWith(gbk);
    expect((await failure(readJsonFile(path))).message).toBe(
      `cannot read ${path}: not UTF-8 text (save it as UTF-8)`,
    );
  });
});
