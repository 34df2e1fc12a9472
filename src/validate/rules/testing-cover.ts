/**
 * Which required kinds of test a person's boardings lack, for `fixed-testing`. A test of a
 * kind covers a boarding when it was taken in `[depart − validHours, depart − resultMinutes]`:
 * its result is out by departure, and it is at most `validHours` old then. Durations are
 * elapsed time (a DST night changes none of them).
 *
 * One person at a time, in arrays reused from person to person (a district has 1.6 M
 * tests and 2 M boardings): the person's test times per kind, ascending, read forward once
 * as their boardings come in departure order. Only the tests that count go in (the rule
 * leaves out tests at another site).
 */
import type { TestingRegime } from "../../scenario/schema.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/** When a test of one kind counts for a boarding: result out `resultMs` before departure, at most `validMs` old. */
export interface Validity {
  resultMs: number;
  validMs: number;
}

/** A regime's window in milliseconds. */
export function validityOf(regime: TestingRegime): Validity {
  return {
    resultMs: regime.resultMinutes * MS_PER_MINUTE,
    validMs: regime.validHours * MS_PER_HOUR,
  };
}

/** One kind's window, and the person's tests of that kind. */
interface KindTests extends Validity {
  kind: string;
  /**
   * The person's test times (epoch ms), ascending, in `times[0 .. count)`. Entries past the
   * count are an earlier person's and are never read.
   */
  times: number[];
  count: number;
  /** How many of the times `missingKinds` has read past. */
  read: number;
}

export class TestingCover {
  /** Per kind, in policy order (a kind is its index). */
  private readonly kinds: readonly KindTests[];

  /**
   * @param regimes the policy's testing regimes (kind `k` is `regimes[k]`)
   * @param departs departure of trip i, epoch ms
   */
  constructor(
    regimes: readonly TestingRegime[],
    private readonly departs: Float64Array,
  ) {
    this.kinds = regimes.map((regime) => {
      const { resultMs, validMs } = validityOf(regime);
      return { kind: regime.kind, resultMs, validMs, times: [], count: 0, read: 0 };
    });
  }

  /** Starts a new person: forgets the last one's tests and how far their boardings read. */
  reset(): void {
    for (const tests of this.kinds) {
      tests.count = 0;
      tests.read = 0;
    }
  }

  /** Adds the person's test of kind `kind` at `at` (epoch ms), no earlier than their last of that kind. */
  add(kind: number, at: number): void {
    const tests = this.kinds[kind] as KindTests;
    tests.times[tests.count] = at;
    tests.count++;
  }

  /**
   * Whether every boarding of trips `items[from .. to)` (the person's, in departure order)
   * has a valid test of every kind. One sweep per kind, for the usual person who lacks none.
   */
  coversAll(items: Int32Array, from: number, to: number): boolean {
    for (const tests of this.kinds) if (!this.coversAllOf(tests, items, from, to)) return false;
    return true;
  }

  private coversAllOf(tests: KindTests, items: Int32Array, from: number, to: number): boolean {
    const { times, count, resultMs, validMs } = tests;
    const departs = this.departs;
    let next = 0;
    for (let k = from; k < to; k++) {
      const depart = departs[items[k] as number] as number;
      while (next < count && (times[next] as number) <= depart - resultMs) next++;
      const latest = next === 0 ? Number.NEGATIVE_INFINITY : (times[next - 1] as number);
      if (latest < depart - validMs) return false;
    }
    return true;
  }

  /**
   * The kinds a boarding of trip `trip` lacks a valid test of, in policy order, or
   * `undefined` if none. A person's boardings come in departure order, so each kind's
   * times are read forward once.
   */
  missingKinds(trip: number): string[] | undefined {
    const depart = this.departs[trip] as number; // read here: a number argument would be boxed
    let missing: string[] | undefined;
    for (const tests of this.kinds) {
      const { times, count } = tests;
      const resultsBy = depart - tests.resultMs;
      let next = tests.read;
      while (next < count && (times[next] as number) <= resultsBy) next++;
      tests.read = next;
      const latest = next === 0 ? Number.NEGATIVE_INFINITY : (times[next - 1] as number);
      if (latest < depart - tests.validMs) {
        if (missing === undefined) missing = [];
        missing.push(tests.kind);
      }
    }
    return missing;
  }
}
