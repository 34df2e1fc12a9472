/**
 * The README's TypeScript blocks are run, so they stay true (issue #13).
 *
 * Every fenced block whose info string is `ts` or `typescript` is run as a module, one test
 * per block named by its README line: `"closed-loop-commute"` and
 * `"closed-loop-commute/synthetic"` are pointed at src/index.ts and src/synthetic/index.ts, so
 * a block that uses a name it never imported fails with a ReferenceError, and a block that
 * throws fails. Output (console.log and the rest) is silenced while a block runs.
 *
 * A line `<expression> //=> <literal>` is also checked: the expression, evaluated where it
 * stands in the block, must deep-equal the literal (a JavaScript value written on the same
 * line: `//=> 22`, `//=> "a/b"`, `//=> { ok: true }`). Plain `// …` comments are not checked.
 *
 * Opting out: a block that cannot run on its own (it reads a file the reader has, say) is
 * fenced as ```ts no-run; it is listed here as a skipped test. `sh`, `json` and plain blocks
 * are never run.
 */
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CodeBlock,
  extractBlocks,
  installExpectGlobal,
  isNoRun,
  isTypeScript,
  prepareBlock,
  rewriteResultComments,
  rewriteSpecifiers,
  runBlock,
} from "./readme/blocks.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TARGETS = {
  "closed-loop-commute": join(ROOT, "src", "index.ts"),
  "closed-loop-commute/synthetic": join(ROOT, "src", "synthetic", "index.ts"),
};
/** node_modules/ is ignored by git and Biome; one directory per process, removed after. */
const CACHE = join(ROOT, "node_modules", ".cache", "readme-blocks", String(process.pid));
/** Some blocks plan the Jinshan scenario or generate a district: seconds each on 2 cores. */
const BLOCK_TIMEOUT_MS = 120_000;

let removeExpectGlobal: () => void = () => {};
beforeAll(() => {
  removeExpectGlobal = installExpectGlobal();
});
afterAll(() => {
  removeExpectGlobal();
  rmSync(CACHE, { recursive: true, force: true });
});

function title(block: CodeBlock): string {
  const first = block.code.split("\n").find((line) => line.trim() !== "") ?? "";
  return `README.md line ${block.line}: ${first.trim()}`;
}

describe("README.md TypeScript blocks", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const blocks = extractBlocks(readme).filter(isTypeScript);

  it("has TypeScript blocks to run", () => {
    expect(blocks.filter((block) => !isNoRun(block)).length).toBeGreaterThan(0);
  });

  for (const block of blocks) {
    const run = isNoRun(block) ? it.skip : it;
    run(
      title(block),
      async () => {
        const source = prepareBlock(block, TARGETS);
        await runBlock(source, CACHE, `block-${block.line}`, block.line + 1);
      },
      BLOCK_TIMEOUT_MS,
    );
  }
});

describe("the README block runner itself", () => {
  const markdown = [
    "# Title", // 1
    "", // 2
    "```ts", // 3
    'import { a } from "closed-loop-commute";', // 4
    "```", // 5
    "```sh", // 6
    "npm test", // 7
    "```", // 8
    "```json", // 9
    "{}", // 10
    "```", // 11
    "```", // 12
    "plain", // 13
    "```", // 14
    "1. item", // 15
    "   ```typescript", // 16
    "   const x = 1;", // 17
    "     nested();", // 18
    "   ```", // 19
    "~~~~ ts no-run", // 20
    "```", // 21
    "readFileSync();", // 22
    "~~~~", // 23
    "Inline ```ts not a fence``` here", // 24
  ].join("\n");

  it("finds fenced blocks with their info string and opening line", () => {
    const blocks = extractBlocks(markdown);
    expect(blocks.map((b) => [b.line, b.lang, b.flags])).toEqual([
      [3, "ts", []],
      [6, "sh", []],
      [9, "json", []],
      [12, "", []],
      [16, "typescript", []],
      [20, "ts", ["no-run"]],
    ]);
    expect(blocks[4]?.code).toBe("const x = 1;\n  nested();");
    expect(blocks[5]?.code).toBe("```\nreadFileSync();");
  });

  it("runs ts and typescript blocks only, and honours no-run", () => {
    const blocks = extractBlocks(markdown).filter(isTypeScript);
    expect(blocks.map((b) => [b.line, isNoRun(b)])).toEqual([
      [3, false],
      [16, false],
      [20, true],
    ]);
  });

  it("points the package's entry points at the sources and rejects others", () => {
    const code = [
      'import { a } from "closed-loop-commute";',
      "import { b } from 'closed-loop-commute/synthetic';",
      'const c = await import("closed-loop-commute");',
      'import { d } from "closed-loop-commute-other";',
    ].join("\n");
    expect(rewriteSpecifiers(code, TARGETS).split("\n")).toEqual([
      `import { a } from ${JSON.stringify(TARGETS["closed-loop-commute"])};`,
      `import { b } from ${JSON.stringify(TARGETS["closed-loop-commute/synthetic"])};`,
      `const c = await import(${JSON.stringify(TARGETS["closed-loop-commute"])});`,
      'import { d } from "closed-loop-commute-other";',
    ]);
    expect(() =>
      rewriteSpecifiers('import { x } from "closed-loop-commute/dist";', TARGETS),
    ).toThrow(/closed-loop-commute\/dist/);
  });

  it("turns //=> lines into checks and leaves other comments alone", () => {
    const code = [
      "f(1); //=> 2",
      "  g() //=> { ok: true };",
      "const n = h(); //=> [1, 2]",
      "k(); // 22: not checked",
    ].join("\n");
    expect(rewriteResultComments(code, 10).split("\n")).toEqual([
      "__readmeExpect((f(1)), (2), 10);",
      "  __readmeExpect((g()), ({ ok: true }), 11);",
      "const n = h(); __readmeExpect(n, ([1, 2]), 12);",
      "k(); // 22: not checked",
    ]);
  });

  it("passes a true block and fails a wrong //=>, a missing import and a throw", async () => {
    const dir = join(CACHE, "self-test");
    const block = (code: string): CodeBlock => ({ line: 100, lang: "ts", flags: [], code });
    const run = (name: string, code: string) =>
      runBlock(prepareBlock(block(code), TARGETS), dir, name, 101);

    await expect(
      run(
        "good",
        [
          'import { loopId, vehicleCapacity } from "closed-loop-commute";',
          'console.log("silenced");',
          "vehicleCapacity(45, 0.5); //=> 22",
          'loopId("e", "d", "p"); //=> "e/d/p"',
        ].join("\n"),
      ),
    ).resolves.toBeUndefined();
    await expect(
      run(
        "wrong-result",
        'import { vehicleCapacity } from "closed-loop-commute";\nvehicleCapacity(45, 0.5); //=> 23',
      ),
    ).rejects.toThrow(/README\.md line 102/);
    await expect(run("missing-import", "vehicleCapacity(45, 0.5);")).rejects.toThrow(
      /vehicleCapacity is not defined/,
    );
    await expect(run("throws", 'throw new Error("boom");')).rejects.toThrow(
      /boom \(README\.md line 101\)/,
    );
  });
});
