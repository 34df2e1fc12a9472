/**
 * The meta-test: every rule code has its own documented source file, its own test file
 * with at least two "fires when" tests and one "stays quiet when" test, and a row in the
 * README's rule table. A new code cannot land without all four.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULE_CODES } from "../../src/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");

/** Tests whose name starts with `prefix`: `it("…`, `test('…`, and curried `test.prop([…])(`…`. */
function testsNamed(source: string, prefix: string): number {
  const pattern = new RegExp(`(?:\\b(?:it|test)|\\))\\s*\\(\\s*["'\`]${prefix}`, "g");
  return [...source.matchAll(pattern)].length;
}

describe.each(RULE_CODES)("rule %s", (code) => {
  const source = `src/validate/rules/${code}.ts`;
  const tests = `test/validate/rules/${code}.test.ts`;

  it(`has ${source}, opening with a /** header comment`, () => {
    expect(existsSync(`${root}${source}`), `${source} exists`).toBe(true);
    expect(read(source).trimStart().startsWith("/**"), `${source} starts with /**`).toBe(true);
  });

  it(`has ${tests} with ≥ 2 "fires when" tests and ≥ 1 "stays quiet when" test`, () => {
    expect(existsSync(`${root}${tests}`), `${tests} exists`).toBe(true);
    const text = read(tests);
    expect(testsNamed(text, "fires when"), `"fires when" tests in ${tests}`).toBeGreaterThanOrEqual(
      2,
    );
    expect(
      testsNamed(text, "stays quiet when"),
      `"stays quiet when" tests in ${tests}`,
    ).toBeGreaterThanOrEqual(1);
  });

  it("has a row in README.md's rule table", () => {
    const rows = read("README.md")
      .split("\n")
      .filter((line) => line.startsWith(`| \`${code}\` |`));
    expect(rows, `README.md row "| \`${code}\` |"`).toHaveLength(1);
  });
});

describe("testsNamed", () => {
  it("counts it(…), test(…) and test.prop(…)(…) names, whatever the quote", () => {
    const text = [
      'it("fires when a", () => {});',
      "test('fires when b', () => {});",
      "test.prop([fc.nat()], { numRuns: 5 })(`fires when c`, () => {});",
      "it(\n  'fires when d',\n  () => {},\n);",
      'it("also fires when e", () => {});',
      "// fires when f",
      'describe("fires when g", () => {});',
    ].join("\n");
    expect(testsNamed(text, "fires when")).toBe(4);
    expect(testsNamed(text, "stays quiet when")).toBe(0);
  });
});
