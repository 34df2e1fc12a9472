/**
 * The README's code blocks as runnable modules (used by test/readme.test.ts).
 *
 * - `extractBlocks` finds every fenced block (``` or ~~~, indented up to three spaces, as in
 *   CommonMark) with its info string and the README line its opening fence is on.
 * - `prepareBlock` turns a TypeScript block into a module: the package's own specifiers point
 *   at the sources, and each `<expression> //=> <literal>` line becomes a check. Line count is
 *   kept, so line k of the module is README line `block.line + k`.
 * - `runBlock` writes the module under node_modules/.cache (ignored by git and Biome) and
 *   imports it; vitest compiles TypeScript on import.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, vi } from "vitest";

export interface CodeBlock {
  /** 1-based README line of the opening fence. */
  line: number;
  /** First word of the info string ("" for a plain block). */
  lang: string;
  /** The info string's other words, e.g. ["no-run"]. */
  flags: string[];
  /** The block's text, without the fences and without the fence's indentation. */
  code: string;
}

const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})\s*(.*)$/;

/** Every fenced code block of a Markdown text, in order. An unclosed block runs to the end. */
export function extractBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = OPENING_FENCE.exec(lines[i] ?? "");
    if (open === null) {
      i += 1;
      continue;
    }
    const indent = open[1]?.length ?? 0;
    const fence = open[2] ?? "```";
    const info = (open[3] ?? "").trim();
    // A backtick fence's info string may not contain a backtick (that is inline code).
    if (fence.startsWith("`") && info.includes("`")) {
      i += 1;
      continue;
    }
    const closing = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !closing.test(lines[j] ?? "")) {
      const text = lines[j] ?? "";
      const leading = /^ */.exec(text)?.[0].length ?? 0;
      body.push(text.slice(Math.min(indent, leading)));
      j += 1;
    }
    const [lang = "", ...flags] = info.split(/\s+/).filter((word) => word !== "");
    blocks.push({ line: i + 1, lang, flags, code: body.join("\n") });
    i = j + 1;
  }
  return blocks;
}

/** Whether a block is TypeScript (`ts` or `typescript`), run or opted out. */
export function isTypeScript(block: CodeBlock): boolean {
  const lang = block.lang.toLowerCase();
  return lang === "ts" || lang === "typescript";
}

/** Whether a TypeScript block opted out of being run (info string `ts no-run`). */
export function isNoRun(block: CodeBlock): boolean {
  return block.flags.includes("no-run");
}

const PACKAGE_SPECIFIER =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(closed-loop-commute(?:\/[^"']*)?)\2/g;

/**
 * Points the package's specifiers (`"closed-loop-commute"`, `"closed-loop-commute/synthetic"`,
 * as keys of `targets`) at the given paths. A subpath not in `targets` throws: the README
 * would import something the package does not export.
 */
export function rewriteSpecifiers(code: string, targets: Readonly<Record<string, string>>): string {
  return code.replace(PACKAGE_SPECIFIER, (_match, before: string, _quote, specifier: string) => {
    const target = targets[specifier];
    if (target === undefined) {
      throw new Error(`imports "${specifier}", which is not one of the package's entry points`);
    }
    return `${before}${JSON.stringify(target)}`;
  });
}

/** The name of the global that a rewritten `//=>` line calls. */
export const EXPECT_GLOBAL = "__readmeExpect";

const RESULT_COMMENT = /^(\s*)(.*\S)\s*\/\/=>\s*(.+)$/;
const DECLARATION = /^((?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*.+)$/;

/**
 * Rewrites each line `<expression> //=> <literal>` (the literal is a JavaScript expression, so
 * JSON and object literals with bare keys both work; it must fit on the line) to a call of
 * `__readmeExpect(<expression>, <literal>, <README line>)`. A declaration
 * `const x = <expression> //=> <literal>` is kept and `x` is checked. `firstLine` is the
 * README line of the block's first code line.
 */
export function rewriteResultComments(code: string, firstLine: number): string {
  return code
    .split("\n")
    .map((text, index) => {
      const match = RESULT_COMMENT.exec(text);
      if (match === null) return text;
      const indent = match[1] ?? "";
      const statement = (match[2] ?? "").replace(/;\s*$/, "");
      const literal = (match[3] ?? "").trim().replace(/;\s*$/, "");
      const line = firstLine + index;
      const declaration = DECLARATION.exec(statement);
      if (declaration !== null) {
        const name = declaration[2] ?? "";
        return `${indent}${statement}; ${EXPECT_GLOBAL}(${name}, (${literal}), ${line});`;
      }
      return `${indent}${EXPECT_GLOBAL}((${statement}), (${literal}), ${line});`;
    })
    .join("\n");
}

/** A TypeScript block as module source: specifiers rewritten, `//=>` lines made checks. */
export function prepareBlock(block: CodeBlock, targets: Readonly<Record<string, string>>): string {
  return rewriteResultComments(rewriteSpecifiers(block.code, targets), block.line + 1);
}

/** Installs the global that rewritten `//=>` lines call; returns its removal. */
export function installExpectGlobal(): () => void {
  const check = (actual: unknown, expected: unknown, line: number): void => {
    expect(actual, `README.md line ${line} (//=>)`).toEqual(expected);
  };
  Object.assign(globalThis, { [EXPECT_GLOBAL]: check });
  return () => {
    Reflect.deleteProperty(globalThis, EXPECT_GLOBAL);
  };
}

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;

/**
 * Writes `source` to `dir/name.ts` and imports it with the console silenced (README blocks
 * print). An error it throws is rethrown with the README line it came from, when the stack
 * shows one; `readmeLineOfFirstCodeLine` is the README line of the module's line 1.
 */
export async function runBlock(
  source: string,
  dir: string,
  name: string,
  readmeLineOfFirstCodeLine: number,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, `${source}\n`);
  const spies = CONSOLE_METHODS.map((method) =>
    vi.spyOn(console, method).mockImplementation(() => {}),
  );
  try {
    await import(/* @vite-ignore */ file);
  } catch (error) {
    throw withReadmeLine(error, `${name}.ts`, readmeLineOfFirstCodeLine);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

function withReadmeLine(error: unknown, fileName: string, firstLine: number): unknown {
  if (!(error instanceof Error) || error.stack === undefined) return error;
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const at = new RegExp(`${escaped}:(\\d+)`).exec(error.stack);
  if (at === null) return error;
  const line = firstLine + Number(at[1]) - 1;
  error.message = `${error.message} (README.md line ${line})`;
  return error;
}
