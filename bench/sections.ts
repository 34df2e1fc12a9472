/**
 * bench/results.md is written by several benchmarks (scale, command line, tracing,
 * adversarial, exports), each owning its own part. A benchmark replaces only its own section,
 * marked `<!-- name:start -->` … `<!-- name:end -->`, and keeps every other byte of the file.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const TITLE = "# Benchmark results";

/** Options of {@link writeSection}. */
export interface WriteSectionOptions {
  /**
   * Finds the section as an older version of the benchmark wrote it, without markers
   * (`[start, end)` in the text), so that it is replaced rather than kept beside the new one.
   */
  legacy?: ((text: string) => [start: number, end: number] | undefined) | undefined;
  /** Where a section the file does not have yet goes: after the title, or at the end (default). */
  where?: "top" | "end" | undefined;
}

/** `text` with the section `name` set to `body` (a markdown block, markers added here). */
export function replaceSection(
  text: string,
  name: string,
  body: string,
  options: WriteSectionOptions = {},
): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = from === -1 ? -1 : text.indexOf(end, from);
  if (from !== -1 && to !== -1)
    return `${text.slice(0, from)}${block}${text.slice(to + end.length)}`;
  const legacy = options.legacy?.(text);
  if (legacy !== undefined) {
    const [a, b] = legacy;
    const head = a === 0 ? "" : text.slice(0, a).replace(/\n*$/, "\n\n");
    return `${head}${block}\n${b < text.length ? `\n${text.slice(b).replace(/^\n+/, "")}` : ""}`;
  }
  if (options.where === "top") {
    const title = text.startsWith(TITLE) ? text.indexOf("\n") + 1 || text.length : 0;
    const rest = text.slice(title).replace(/^\n+/, "");
    const head = title === 0 ? `${TITLE}\n` : text.slice(0, title);
    return `${head}\n${block}\n${rest === "" ? "" : `\n${rest}`}`;
  }
  return `${text.trimEnd()}\n\n${block}\n`;
}

/** Replaces the section `name` of the results file at `path` (created when missing). */
export function writeSection(
  path: string,
  name: string,
  body: string,
  options: WriteSectionOptions = {},
): void {
  const before = existsSync(path) ? readFileSync(path, "utf8") : `${TITLE}\n`;
  writeFileSync(path, replaceSection(before, name, body, options));
}
