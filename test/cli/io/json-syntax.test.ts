/**
 * The JSON syntax scanner that finds where a file stops being JSON, held to V8's own parser:
 * it finds a problem exactly when `JSON.parse` throws, at the very index V8 names whenever
 * V8 names one, whatever pieces the text comes in; and its line and column count lines at
 * `\n` and characters (not UTF-16 units). Also V8's two ways of saying where.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  findJsonSyntaxProblem,
  JsonSyntaxScanner,
  positionInParseMessage,
} from "../../../src/cli/io/json-syntax.js";

const NUM_RUNS = 200;

/** V8's verdict on a text: undefined when it parses, else its message. */
function v8Error(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as SyntaxError).message;
  }
}

/** A JSON text, compact or indented, sometimes with spaces and line ends around it. */
const jsonText = fc
  .tuple(fc.jsonValue(), fc.boolean(), fc.constantFrom("", " ", "\n", "\r\n\t"))
  .map(([value, pretty, around]) => around + JSON.stringify(value, null, pretty ? 2 : 0) + around);

/** Characters that make or break JSON, and a few that are never JSON. */
const edit = fc.constantFrom(..."{}[]:,\"\\ \n\t0123456789-+.eEtrufalsn'/x\u0001é😀");

/** A JSON text with a few characters inserted, removed or replaced. */
const brokenText = fc
  .tuple(
    jsonText,
    fc.array(fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), edit), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [at, kind, char] of edits) {
      const i = out.length === 0 ? 0 : at % (out.length + (kind === "insert" ? 1 : 0));
      if (kind === "insert") out = out.slice(0, i) + char + out.slice(i);
      else if (kind === "delete") out = out.slice(0, i) + out.slice(i + 1);
      else out = out.slice(0, i) + char + out.slice(i + 1);
    }
    return out;
  });

/** The text cut into pieces at the given places. */
function pieces(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, k) => text.slice(from, at[k] ?? text.length));
}

describe("findJsonSyntaxProblem", () => {
  test.prop([jsonText], { numRuns: NUM_RUNS })("finds nothing wrong in JSON", (text) => {
    expect(findJsonSyntaxProblem(text)).toBeUndefined();
  });

  test.prop([brokenText], { numRuns: 1000 })(
    "finds a problem exactly when JSON.parse fails, where V8 says it is",
    (text) => {
      const v8 = v8Error(text);
      const problem = findJsonSyntaxProblem(text);
      expect(problem !== undefined).toBe(v8 !== undefined);
      const position = v8 === undefined ? undefined : /at position (\d+)/.exec(v8);
      if (problem !== undefined && position) expect(problem.offset).toBe(Number(position[1]));
      if (problem !== undefined && v8?.includes("end of JSON input"))
        expect(problem.offset).toBe(text.length);
    },
  );

  test.prop([brokenText, fc.array(fc.nat(), { maxLength: 6 })], { numRuns: NUM_RUNS })(
    "finds the same problem however the text is cut into pieces",
    (text, cuts) => {
      const scanner = new JsonSyntaxScanner();
      for (const piece of pieces(text, cuts)) scanner.feed(piece);
      expect(scanner.feed("") ?? scanner.end()).toEqual(findJsonSyntaxProblem(text));
    },
  );

  test.prop([brokenText], { numRuns: NUM_RUNS })(
    "gives the line and column of its offset",
    (text) => {
      const problem = findJsonSyntaxProblem(text);
      if (problem === undefined) return;
      const before = text.slice(0, problem.offset);
      const lastLine = before.slice(before.lastIndexOf("\n") + 1);
      expect(problem.line).toBe(before.split("\n").length);
      expect(problem.column).toBe([...lastLine].length + 1);
    },
  );

  it("names the place and the mistake in a hand-written file", () => {
    const text = '{\n  "name": "金山",\n  "sites": [1, 2,],\n}';
    expect(findJsonSyntaxProblem(text)).toEqual({
      offset: 35,
      line: 3,
      column: 18,
      reason: "a comma before ']' (JSON allows none after the last element)",
    });
    expect(findJsonSyntaxProblem("{'a': 1}")).toMatchObject({
      line: 1,
      column: 2,
      reason: "expected a name in double quotes, found ''' (JSON takes double quotes)",
    });
    expect(findJsonSyntaxProblem('{"a": 1} // note')?.reason).toBe(
      "unexpected character '/' (JSON has no comments) after the end of the JSON value",
    );
    expect(findJsonSyntaxProblem('["😀", x]')).toMatchObject({ offset: 7, column: 7 });
    expect(findJsonSyntaxProblem('{"a": "b')?.reason).toBe("the text ends inside a string");
    expect(findJsonSyntaxProblem(" \n")).toMatchObject({
      line: 2,
      column: 1,
      reason: "there is no JSON value (the file is empty)",
    });
    expect(findJsonSyntaxProblem("[tru]")).toMatchObject({
      offset: 4,
      reason: "expected true, found 'tru'",
    });
    expect(findJsonSyntaxProblem('{"id": t2}')).toMatchObject({
      offset: 8,
      reason: "expected a value, found 't2'",
    });
  });
});

describe("positionInParseMessage", () => {
  const text = '{\n  "a": 1,\n  "b" 2\n}';

  it("reads Node 20's 'at position N' and counts lines and columns in the text", () => {
    const message = v8Error(text) ?? "";
    expect(message).toMatch(/at position 18/);
    expect(positionInParseMessage(message, text)).toEqual({ line: 3, column: 7 });
  });

  it("reads newer V8's '(line N column M)'", () => {
    const message = "Expected ':' after property name in JSON at position 18 (line 3 column 7)";
    expect(positionInParseMessage(message, text)).toEqual({ line: 3, column: 7 });
  });

  it("puts 'Unexpected end of JSON input' at the end, and knows nothing of other messages", () => {
    expect(positionInParseMessage("Unexpected end of JSON input", "[1,\n")).toEqual({
      line: 2,
      column: 1,
    });
    expect(positionInParseMessage(`Unexpected token 'x', "x" is not valid JSON`, "x")).toBe(
      undefined,
    );
  });
});
