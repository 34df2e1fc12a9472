/**
 * Input issues (a path into the input and a message) and their human-readable listing,
 * in the manner of zod's `prettifyError`: one `✖` line each, shortest path first.
 */

/** One problem found in an input, located by its path (`["staff", 3, "plantId"]`). */
export interface InputIssue {
  path: (string | number)[];
  message: string;
}

/** `["staff", 3, "plantId"]` → `staff[3].plantId`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Lists issues as `✖ message` / `  → at path` lines, shortest path first (stable). */
export function formatIssues(issues: readonly InputIssue[]): string {
  const sorted = issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => a.issue.path.length - b.issue.path.length || a.index - b.index);
  return sorted
    .map(({ issue }) =>
      issue.path.length === 0
        ? `✖ ${issue.message}`
        : `✖ ${issue.message}\n  → at ${formatPath(issue.path)}`,
    )
    .join("\n");
}

/** A short, safe rendering of an offending value for a message. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === "number") {
    return Number.isNaN(value) ? "NaN" : String(value);
  }
  if (value === null || typeof value === "boolean" || typeof value === "undefined") {
    return String(value);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  return typeof value;
}
