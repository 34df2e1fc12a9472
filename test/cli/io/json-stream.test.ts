/**
 * `jsonChunks` and `writeJson` against `JSON.stringify` itself: the pieces joined are its
 * text, compact and indented, for any JSON value and for whatever else `JSON.stringify`
 * takes (undefined members, holes, `toJSON`, boxed values, maps, typed arrays), whether the
 * walk descends everywhere or hands whole parts over; a planned Jinshan roster comes out
 * the same in pieces of bounded size; a cycle throws as `JSON.stringify` does.
 */
import { Writable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { jsonChunks, writeJson } from "../../../src/cli/io/json-stream.js";
import { jinshanScenario, planRoster } from "../../../src/index.js";

const NUM_RUNS = 100;

/** What `JSON.stringify` gives, or the class of error it throws. */
function stringified(value: unknown, pretty: boolean): string | undefined | { throws: string } {
  try {
    return JSON.stringify(value, null, pretty ? 2 : undefined);
  } catch (error) {
    return { throws: (error as Error).constructor.name };
  }
}

/** The same for `jsonChunks`, the pieces joined. */
function chunked(
  value: unknown,
  pretty: boolean,
  inline?: number,
): string | undefined | { throws: string } {
  try {
    const pieces = [...jsonChunks(value, pretty, { inline })];
    return pieces.length === 0 ? undefined : pieces.join("");
  } catch (error) {
    return { throws: (error as Error).constructor.name };
  }
}

/** 0 walks every array and object; larger ones hand small parts to JSON.stringify. */
const inline = fc.constantFrom(0, 1, 20, 200, undefined);

/** Everything fast-check makes: holes, boxed values, maps, dates, typed arrays, null prototypes, bigints. */
const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** Objects and arrays whose members are sometimes undefined, a function or a symbol. */
const withSkipped = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom(undefined, () => 1, Symbol("s")),
    fc.array(tie("value")),
    fc.dictionary(fc.string(), tie("value")),
  ),
})).value;

describe("jsonChunks", () => {
  test.prop([fc.jsonValue(), fc.boolean(), inline], { numRuns: NUM_RUNS })(
    "joins to JSON.stringify's text for JSON values",
    (value, pretty, size) => {
      expect(chunked(value, pretty, size)).toBe(
        JSON.stringify(value, null, pretty ? 2 : undefined),
      );
    },
  );

  test.prop([fc.oneof(anything, withSkipped), fc.boolean(), inline], { numRuns: NUM_RUNS })(
    "joins to JSON.stringify's text, or throws the same error, for whatever it takes",
    (value, pretty, size) => {
      expect(chunked(value, pretty, size)).toEqual(stringified(value, pretty));
    },
  );

  it("honours toJSON with the member's key, as JSON.stringify does", () => {
    const keyed = { toJSON: (key: string) => `key ${key}` };
    const value = { when: new Date(Date.UTC(2022, 4, 16)), keyed, list: [keyed, keyed] };
    for (const pretty of [false, true])
      expect(chunked(value, pretty, 0)).toBe(JSON.stringify(value, null, pretty ? 2 : undefined));
  });

  it("yields nothing for a value JSON.stringify turns into undefined", () => {
    expect([...jsonChunks(undefined, false)]).toEqual([]);
    expect([...jsonChunks(() => 1, true)]).toEqual([]);
  });

  it("throws a TypeError on a cycle, walked or not", () => {
    const small: Record<string, unknown> = { a: 1 };
    small.self = small;
    const big: unknown[] = Array.from({ length: 10_000 }, (_, i) => ({ i }));
    big.push({ back: big });
    for (const value of [small, big, { list: big }]) {
      expect(() => [...jsonChunks(value, false)]).toThrow(TypeError);
      expect(() => [...jsonChunks(value, true, { inline: 0 })]).toThrow(TypeError);
    }
  });

  it("writes a planned Jinshan roster as JSON.stringify does, in pieces of bounded size", () => {
    const roster = planRoster(jinshanScenario());
    for (const pretty of [false, true]) {
      const expected = JSON.stringify(roster, null, pretty ? 2 : undefined);
      const pieces = [...jsonChunks(roster, pretty)];
      expect(pieces.join("")).toBe(expected);
      expect(pieces.length).toBeGreaterThan(expected.length / 200_000);
      expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(200_000);
      expect([...jsonChunks(roster, pretty, { inline: 0 })].join("")).toBe(expected);
    }
  }, 60_000);
});

describe("writeJson", () => {
  it("streams the text into a slow stream, waiting when it is full", async () => {
    const value = {
      trips: Array.from({ length: 20_000 }, (_, i) => ({ id: `trip-${i}`, seats: [i, i + 1] })),
    };
    let text = "";
    let mostBuffered = 0;
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString("utf8");
        setImmediate(done);
      },
    });
    const watch = setInterval(() => {
      mostBuffered = Math.max(mostBuffered, out.writableLength);
    }, 0);
    await writeJson(out, value, true);
    clearInterval(watch);
    await new Promise<void>((resolve) => out.end(resolve));
    expect(text).toBe(JSON.stringify(value, null, 2));
    // One 64 KiB batch over the mark at most: the walk never ran ahead of the stream.
    expect(mostBuffered).toBeLessThanOrEqual(16 * 1024 + 2 * 64 * 1024);
  });
});
