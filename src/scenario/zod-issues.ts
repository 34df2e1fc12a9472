/**
 * zod issues → this library's input issues: the path points at the offending field (for a
 * misspelt key, at the key itself) and the message names the value that was found. A value
 * that matches no form of a union (a schedule) is reported as the form it comes closest to,
 * and a bad record key (a schedule date) with the key's own message.
 */
import type { z } from "zod";
import { describeValue, type InputIssue } from "../util/issues.js";

type ZodIssue = z.core.$ZodIssue;

function pathOf(issue: ZodIssue): (string | number)[] {
  return issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
}

/** How far a union branch is from matching: one per issue, one per unknown key. */
function distance(issues: readonly ZodIssue[]): number {
  let total = 0;
  for (const issue of issues) total += issue.code === "unrecognized_keys" ? issue.keys.length : 1;
  return total;
}

/** The issues of the union branch the input comes closest to, if one is closest. */
function closestBranch(errors: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  const distances = errors.map(distance);
  const best = Math.min(...distances);
  return distances.filter((d) => d === best).length === 1
    ? errors[distances.indexOf(best)]
    : undefined;
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
export function fromZodIssues(
  issues: readonly ZodIssue[],
  prefix: readonly (string | number)[] = [],
): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...pathOf(issue)];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({ path: [...path, key], message: `unknown key ${JSON.stringify(key)}` });
      }
    } else if (issue.code === "invalid_union" && issue.errors.length > 0) {
      // Branch issues are relative to the union's own path.
      const branch = closestBranch(issue.errors);
      if (branch !== undefined) for (const inner of fromZodIssues(branch, path)) out.push(inner);
      else
        out.push({
          path,
          message: `matches none of the ${issue.errors.length} accepted forms (got ${describeValue(issue.input)})`,
        });
    } else if (issue.code === "invalid_key" && issue.issues.length > 0) {
      const reasons = issue.issues.map((inner) => inner.message).join("; ");
      out.push({ path, message: `invalid key ${JSON.stringify(path.at(-1))}: ${reasons}` });
    } else {
      out.push({ path, message: messageOf(issue) });
    }
  }
  return out;
}
