/**
 * Small builders for the report's HTML: sections, tables, figures with data attributes.
 * Everything that comes from data goes through `escapeXml` before it reaches a builder's
 * `html` arguments; arguments named `text` are escaped here.
 */
import { escapeXml } from "../escape.js";
import { formatCount } from "../numbers.js";

export { escapeXml as esc };

/** A number for people, commas between thousands. */
export const count = formatCount;

/** `noun` or its plural by count, with the count: `1 trip`, `2 trips`. */
export function plural(value: number, noun: string, many = `${noun}s`): string {
  return `${formatCount(value)} ${value === 1 ? noun : many}`;
}

/** Opens a section with its id (a link target of the contents) and heading. */
export function openSection(out: string[], id: string, title: string, className = ""): void {
  out.push(
    `<section id="${id}"${className === "" ? "" : ` class="${className}"`}><h2>${escapeXml(title)}</h2>`,
  );
}

/** A table: a header row and body rows of cells already in HTML. */
export function table(
  out: string[],
  head: readonly string[],
  rows: Iterable<readonly string[]>,
  className = "",
): void {
  out.push(`<table${className === "" ? "" : ` class="${className}"`}><thead><tr>`);
  for (const cell of head) out.push(`<th scope="col">${cell}</th>`);
  out.push("</tr></thead><tbody>");
  for (const row of rows) {
    out.push("<tr>");
    for (const cell of row) out.push(`<td>${cell}</td>`);
    out.push("</tr>");
  }
  out.push("</tbody></table>");
}

/** A note that says what was left out of the page and where to find it. */
export function leftOut(out: string[], html: string): void {
  out.push(`<p class="left-out"><strong>Left out:</strong> ${html}</p>`);
}

/** A command for the reader to run, in code type. */
export function command(text: string): string {
  return `<code>${escapeXml(text)}</code>`;
}
