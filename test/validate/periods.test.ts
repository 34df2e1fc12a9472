/**
 * Roster entries as periods: the entry covering a date is the first listed of those whose
 * period holds it, and an entry overlapping one listed before it is reported with that one.
 * The heap sweep behind `Coverage` is held to a day-by-day reference over random entries.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { civilDay, formatCivilDate } from "../../src/time/civil-date.js";
import { Coverage, dated, periodWords } from "../../src/validate/periods.js";

type Entry = { from?: string; to?: string };

const FIRST = civilDay("2022-05-10");
const LAST = civilDay("2022-05-20");
/** Days a little beyond every entry's dates, on both sides. */
const DAYS = Array.from({ length: LAST - FIRST + 5 }, (_, k) => FIRST - 2 + k);

const date = fc.integer({ min: FIRST, max: LAST }).map(formatCivilDate);
const entry: fc.Arbitrary<Entry> = fc.record({ from: date, to: date }, { requiredKeys: [] });
const entries = fc.array(entry, { maxLength: 8 });

/** The reference: the first listed entry whose period holds `day`. */
function firstCovering(list: Entry[], day: number): number | undefined {
  const k = list.findIndex((e, i) => {
    const d = dated(e, i);
    return d.from <= day && day <= d.to;
  });
  return k < 0 ? undefined : k;
}

const overlap = (a: Entry, b: Entry) => {
  const [x, y] = [dated(a, 0), dated(b, 0)];
  return x.from <= x.to && y.from <= y.to && x.from <= y.to && y.from <= x.to;
};

describe("Coverage", () => {
  test.prop([entries], { numRuns: 300 })(
    "answers each date with the first listed entry holding it",
    (list) => {
      const coverage = new Coverage(list.map(dated));
      for (const day of DAYS) expect(coverage.on(day)?.index).toBe(firstCovering(list, day));
    },
  );

  test.prop([entries], { numRuns: 300 })(
    "reports exactly the entries overlapping one listed before them, naming such a one",
    (list) => {
      const found = new Coverage(list.map(dated)).overlaps();
      const expected = list.flatMap((e, j) =>
        list.slice(0, j).some((o) => overlap(o, e)) ? [j] : [],
      );
      expect(found.map((o) => o.dated.index)).toEqual(expected);
      for (const { dated: d, other } of found) {
        expect(other.index).toBeLessThan(d.index);
        expect(overlap(other.entry, d.entry)).toBe(true);
      }
    },
  );

  test.prop([entries, date, date], { numRuns: 300 })(
    "lists the entries in force during a range, in date order, each once",
    (list, a, b) => {
      const [from, to] = [civilDay(a), civilDay(b)].sort((x, y) => x - y) as [number, number];
      const expected: number[] = [];
      for (let day = from; day <= to; day++) {
        const k = firstCovering(list, day);
        if (k !== undefined && !expected.includes(k)) expected.push(k);
      }
      const during = new Coverage(list.map(dated)).during(from, to);
      expect(during.map((d) => d.index)).toEqual(expected);
    },
  );

  test.prop([entries], { numRuns: 200 })(
    "has an entry for every date exactly when the first that covers any date has no dates",
    (list) => {
      const first = list.find((e, i) => {
        const d = dated(e, i);
        return d.from <= d.to;
      });
      const always = new Coverage(list.map(dated)).always;
      const expected =
        first !== undefined && first.from === undefined && first.to === undefined
          ? list.indexOf(first)
          : undefined;
      expect(always?.index).toBe(expected);
    },
  );

  it("reports a second entry without dates against the first (a duplicate)", () => {
    const coverage = new Coverage([{}, {}, {}].map(dated));
    expect(coverage.overlaps().map((o) => [o.dated.index, o.other.index])).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(coverage.always?.index).toBe(0);
  });

  it("ignores an entry whose from is after its to", () => {
    const coverage = new Coverage([{ from: "2022-05-12", to: "2022-05-11" }, {}].map(dated));
    expect(coverage.overlaps()).toEqual([]);
    expect(coverage.always?.index).toBe(1);
  });
});

describe("periodWords", () => {
  it.each([
    [{ from: "2022-05-16", to: "2022-05-20" }, "2022-05-16 to 2022-05-20"],
    [{ from: "2022-05-16" }, "from 2022-05-16"],
    [{ to: "2022-05-20" }, "until 2022-05-20"],
    [{}, "without dates"],
  ])("writes %o as %s", (period, words) => {
    expect(periodWords(period)).toBe(words);
  });
});
