/**
 * The validation report: violations in a deterministic order (date, trip, person, code,
 * path), complete counts per code, and a cap on how many violations of each code are
 * listed, so that a badly broken roster cannot flood memory or time. `formatReport` renders
 * it for people.
 */

import { formatPath } from "../util/issues.js";
import { compareText } from "../util/order.js";
import type { Emit } from "./rule.js";
import { RULE_CODES } from "./rules/index.js";
import type { RuleCode, Violation, ViolationOf } from "./violations.js";

export interface ValidationReport {
  /** True when the roster breaks no rule. */
  ok: boolean;
  /**
   * The violations, sorted by date, trip, person, code, path: at most `maxViolationsPerCode`
   * of each code (the first ones in this order), and at most `maxViolations` in all.
   */
  violations: Violation[];
  /** How many violations of each code there are, all of them, listed or not. */
  counts: Record<RuleCode, number>;
  /** True when more violations were found than listed. */
  truncated: boolean;
}

/**
 * What places a violation in the report before its code and message: a rule can give it
 * before building the violation (see `Emit.unlisted`). Each field as the violation carries it.
 */
export interface ViolationKey {
  date?: string | undefined;
  tripId?: string | undefined;
  personId?: string | undefined;
  /** Read only if the other fields tie: a getter may build it. */
  readonly path?: readonly (string | number)[] | undefined;
}

/** Path order: none first, then key by key (numbers before names), a prefix first. */
function comparePaths(
  a: readonly (string | number)[] | undefined,
  b: readonly (string | number)[] | undefined,
): number {
  if (a === undefined || b === undefined)
    return (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1);
  const length = Math.min(a.length, b.length);
  for (let k = 0; k < length; k++) {
    const x = a[k] as string | number;
    const y = b[k] as string | number;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return compareText(x, y);
  }
  return a.length - b.length;
}

/** Report order on everything but the code and the message. */
function compareKeys(a: ViolationKey, b: ViolationKey): number {
  return (
    compareText(a.date ?? "", b.date ?? "") ||
    compareText(a.tripId ?? "", b.tripId ?? "") ||
    compareText(a.personId ?? "", b.personId ?? "")
  );
}

function compareViolations(a: Violation, b: Violation): number {
  return (
    compareKeys(a, b) ||
    RULE_CODES.indexOf(a.code) - RULE_CODES.indexOf(b.code) ||
    comparePaths(a.path, b.path) ||
    compareText(a.message, b.message)
  );
}

/** Within one code: the same order without comparing codes. */
function compareSameCode(a: Violation, b: Violation): number {
  return compareKeys(a, b) || comparePaths(a.path, b.path) || compareText(a.message, b.message);
}

/** One code's candidates for listing, and, once full, the last one it lists so far. */
interface CodeList {
  kept: Violation[];
  /** Set once `kept` has been cut to the cap: anything after it is never listed. */
  last: Violation | undefined;
}

/**
 * Collects violations: counts every one, keeps for each code only the first `perCode` in
 * report order (then at most `total` in all), in bounded memory and time. A violation that
 * sorts after a full list's last one costs one comparison, and with `unlisted` nothing at all
 * to build.
 */
export class ViolationCollector {
  readonly counts = Object.fromEntries(RULE_CODES.map((code) => [code, 0])) as Record<
    RuleCode,
    number
  >;
  private readonly lists = new Map<RuleCode, CodeList>();
  /** How many of one code can ever be listed. */
  private readonly keep: number;

  /**
   * @param perCode - at most this many listed of each code (`Infinity`: all)
   * @param total - at most this many listed in all (`Infinity`, the default: no cap)
   */
  constructor(
    perCode: number,
    private readonly total: number = Number.POSITIVE_INFINITY,
  ) {
    this.keep = Math.min(perCode, total);
  }

  private listOf(code: RuleCode): CodeList {
    let list = this.lists.get(code);
    if (list === undefined) {
      list = { kept: [], last: undefined };
      this.lists.set(code, list);
    }
    return list;
  }

  add = (violation: Violation): void => {
    this.counts[violation.code]++;
    if (this.keep === 0) return;
    const list = this.listOf(violation.code);
    if (list.last !== undefined && compareSameCode(violation, list.last) >= 0) return;
    list.kept.push(violation);
    if (list.kept.length >= 2 * this.keep + 1024) this.trim(list);
  };

  /**
   * Counts a violation of `code` with this key, and says true, when the report will
   * certainly not list it; otherwise says false and counts nothing (the caller then builds
   * the violation and adds it).
   */
  unlisted(code: RuleCode, key: ViolationKey): boolean {
    const last = this.keep === 0 ? undefined : this.lists.get(code)?.last;
    if (this.keep !== 0 && (last === undefined || compareSameKey(key, last) <= 0)) return false;
    this.counts[code]++;
    return true;
  }

  /** The `emit` handed to the rule of `code`: `add`, with `unlisted` for that code. */
  emitter<C extends RuleCode>(code: C): Emit<C> {
    const emit = (violation: ViolationOf<C>) => this.add(violation);
    return Object.assign(emit, { unlisted: (key: ViolationKey) => this.unlisted(code, key) });
  }

  private trim(list: CodeList): void {
    list.kept.sort(compareSameCode);
    if (list.kept.length >= this.keep) {
      list.kept.length = this.keep;
      list.last = list.kept[this.keep - 1];
    }
  }

  report(): ValidationReport {
    const violations: Violation[] = [];
    for (const code of RULE_CODES) {
      const list = this.lists.get(code);
      if (list === undefined) continue;
      this.trim(list);
      for (const violation of list.kept) violations.push(violation);
    }
    violations.sort(compareViolations);
    if (violations.length > this.total) violations.length = this.total;
    let found = 0;
    for (const code of RULE_CODES) found += this.counts[code];
    return {
      ok: found === 0,
      violations,
      counts: this.counts,
      truncated: found > violations.length,
    };
  }
}

/** `compareSameCode` of a key (no message yet) against a violation: ties say 0. */
function compareSameKey(key: ViolationKey, violation: Violation): number {
  return compareKeys(key, violation) || comparePaths(key.path, violation.path);
}

function locate(violation: Violation): string {
  const parts: string[] = [];
  if (violation.path !== undefined) parts.push(`at ${formatPath(violation.path) || "(root)"}`);
  for (const key of ["tripId", "personId", "vehicleId", "loopId", "siteId", "date"] as const) {
    const value = violation[key];
    if (value !== undefined) parts.push(`${key.replace(/Id$/, "")} ${value}`);
  }
  return parts.join(" · ");
}

/**
 * The report for people: a verdict line, then each code's violations as `✖` lines with
 * `→` locations. Codes with the fewest violations come first, so a rare problem is not
 * buried under a flood of another.
 *
 * @example
 * console.log(formatReport(validateRoster(scenario, roster)));
 * //=> "✔ roster keeps every rule (0 violations)"
 */
export function formatReport(report: ValidationReport): string {
  const total = Object.values(report.counts).reduce((sum, count) => sum + count, 0);
  if (report.ok) return "✔ roster keeps every rule (0 violations)";
  const codes = RULE_CODES.filter((code) => report.counts[code] > 0).sort(
    (a, b) => report.counts[a] - report.counts[b],
  );
  const lines = [
    `✖ roster breaks ${codes.length} rule${codes.length === 1 ? "" : "s"} (${total} violation${total === 1 ? "" : "s"})`,
  ];
  const byCode = new Map<RuleCode, Violation[]>();
  for (const violation of report.violations) {
    const list = byCode.get(violation.code);
    if (list === undefined) byCode.set(violation.code, [violation]);
    else list.push(violation);
  }
  for (const code of codes) {
    lines.push("", `${code} (${report.counts[code]})`);
    for (const violation of byCode.get(code) ?? []) {
      lines.push(`  ✖ ${violation.message}`);
      const where = locate(violation);
      if (where !== "") lines.push(`    → ${where}`);
    }
  }
  if (report.truncated)
    lines.push(
      "",
      `… ${total - report.violations.length} more violations not listed (the counts above are complete)`,
    );
  return lines.join("\n");
}
