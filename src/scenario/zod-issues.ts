/**
 * zod issues → this library's input issues: the path points at the offending field (for a
 * misspelt key, at the key itself) and the message names the value that was found.
 */
import type { z } from "zod";
import { describeValue, type InputIssue } from "../util/issues.js";

type ZodIssue = z.core.$ZodIssue;

function pathOf(issue: ZodIssue): (string | number)[] {
  return issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
}

function messageOf(issue: ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) {
        const field = issue.path[issue.path.length - 1];
        return typeof field === "string"
          ? `missing required field ${JSON.stringify(field)} (expected ${issue.expected})`
          : `required: expected ${issue.expected}`;
      }
      return `expected ${issue.expected}, got ${describeValue(input)}`;
    case "custom":
      return issue.message; // our own refinements already name the value
    default:
      return `${issue.message} (got ${describeValue(input)})`;
  }
}

/** Converts zod issues, one input issue per unrecognised key. */
export function fromZodIssues(issues: readonly ZodIssue[]): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({ path: [...pathOf(issue), key], message: `unknown key ${JSON.stringify(key)}` });
      }
    } else {
      out.push({ path: pathOf(issue), message: messageOf(issue) });
    }
  }
  return out;
}
