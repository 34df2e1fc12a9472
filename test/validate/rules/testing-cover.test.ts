/**
 * fixed-testing's cover, on its own: a test covers a boarding when taken in
 * [depart − validHours, depart − resultMinutes], both ends included, each kind with its own
 * window; the sweep (`coversAll`) and the per-boarding reading (`missingKinds`) agree; and
 * nothing of one person is left for the next.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { TestingCover, validityOf } from "../../../src/validate/rules/testing-cover.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 2022-05-16 00:00 UTC: every instant below is an offset from it. */
const T0 = Date.UTC(2022, 4, 16);
const at = (hours: number, minutes = 0) => T0 + hours * HOUR + minutes * MINUTE;

/** Kind 0: antigen, result in 30 min, valid 24 h. Kind 1: pcr, result in 6 h, valid 48 h. */
const REGIMES = [
  { kind: "antigen", validHours: 24, resultMinutes: 30 },
  { kind: "pcr", validHours: 48, resultMinutes: 360 },
];
const ANTIGEN = 0;
const PCR = 1;

/** A cover over trips departing at `departs` (trip i at departs[i]), for a new person. */
function coverOf(departs: number[], regimes = REGIMES): TestingCover {
  const cover = new TestingCover(regimes, Float64Array.from(departs));
  cover.reset();
  return cover;
}

/** Trips 0 .. n−1, in that order. */
const trips = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** One kind only, to look at one window at a time. */
const ANTIGEN_ONLY = [REGIMES[0] as (typeof REGIMES)[number]];

describe("validityOf", () => {
  it("turns a regime's minutes and hours into milliseconds", () => {
    expect(validityOf({ kind: "pcr", validHours: 48, resultMinutes: 360 })).toEqual({
      resultMs: 360 * MINUTE,
      validMs: 48 * HOUR,
    });
  });
});

describe("TestingCover, at the ends of the window", () => {
  // Trip 0 leaves at day 1 08:00; the antigen window is [day 0 08:00, day 1 07:30].
  const depart = at(32);

  it.each([
    ["exactly resultMinutes before departure", at(31, 30), undefined],
    ["one minute after that (result not out)", at(31, 31), ["antigen"]],
    ["exactly validHours before departure", at(8), undefined],
    ["one minute before that (too old)", at(7, 59), ["antigen"]],
  ])("a test taken %s", (_, testAt, missing) => {
    // Arrange
    const cover = coverOf([depart], ANTIGEN_ONLY);
    cover.add(ANTIGEN, testAt);

    // Act
    const all = cover.coversAll(trips(1), 0, 1);
    const lacks = cover.missingKinds(0);

    // Assert
    expect(lacks).toEqual(missing);
    expect(all).toBe(missing === undefined);
  });

  it("counts a test in the window even when a later one is not out yet", () => {
    // Arrange: 07:00 (covers) and 07:45 (result at 08:15, after departure).
    const cover = coverOf([depart], ANTIGEN_ONLY);
    cover.add(ANTIGEN, at(31));
    cover.add(ANTIGEN, at(31, 45));

    // Act / Assert
    expect(cover.coversAll(trips(1), 0, 1)).toBe(true);
    expect(cover.missingKinds(0)).toBeUndefined();
  });

  it("judges each kind by its own window, and lists the missing ones in policy order", () => {
    // Arrange: trip 0 at day 1 08:00 (antigen window [day 0 08:00, 07:30], pcr window
    // [day −1 08:00, day 1 02:00]).
    const cases: [number[], number[], string[] | undefined][] = [
      // antigen 25 h old (too old), pcr the same test time (in its 48 h): antigen lacks
      [[at(7)], [at(7)], ["antigen"]],
      // antigen an hour before (out), pcr an hour before (its result takes 6 h): pcr lacks
      [[at(31)], [at(31)], ["pcr"]],
      // pcr exactly 6 h before, or exactly 48 h old: fine; a minute past either end: not
      [[at(31)], [at(26)], undefined],
      [[at(31)], [at(-16)], undefined],
      [[at(31)], [at(26, 1)], ["pcr"]],
      [[at(31)], [at(-16, -1)], ["pcr"]],
      // nothing at all
      [[], [], ["antigen", "pcr"]],
      // a pcr 47 h old covers; an antigen of the same time does not
      [[at(-15)], [at(-15)], ["antigen"]],
    ];
    for (const [antigens, pcrs, missing] of cases) {
      const cover = coverOf([at(32)]);
      for (const time of antigens) cover.add(ANTIGEN, time);
      for (const time of pcrs) cover.add(PCR, time);

      // Act
      const lacks = cover.missingKinds(0);
      const all = cover.coversAll(trips(1), 0, 1);

      // Assert
      expect(lacks).toEqual(missing);
      expect(all).toBe(missing === undefined);
    }
  });
});

describe("TestingCover, over a person's boardings", () => {
  it("reads the tests forward as boardings come in departure order", () => {
    // Arrange: a test at day 0 06:00; trips at 06:10 (not out), 07:00, day 1 06:00 (24 h,
    // still valid), day 1 06:01 (too old).
    const cover = coverOf([at(6, 10), at(7), at(30), at(30, 1)], ANTIGEN_ONLY);
    cover.add(ANTIGEN, at(6));

    // Act
    const lacks = [0, 1, 2, 3].map((trip) => cover.missingKinds(trip));

    // Assert
    expect(lacks).toEqual([["antigen"], undefined, undefined, ["antigen"]]);
    expect(cover.coversAll(trips(4), 0, 4)).toBe(false);
    expect(cover.coversAll(trips(4), 1, 3)).toBe(true);
  });

  it("a later test covers a later boarding after an uncovered one", () => {
    // Arrange: tests day 0 06:00 and day 1 06:00; trips day 1 07:00 (the second is out)
    // and day 0 06:20 (before any result) — given in departure order as items [1, 0].
    const cover = coverOf([at(31), at(6, 20)], ANTIGEN_ONLY);
    cover.add(ANTIGEN, at(6));
    cover.add(ANTIGEN, at(30));

    // Act / Assert
    expect(cover.missingKinds(1)).toEqual(["antigen"]);
    expect(cover.missingKinds(0)).toBeUndefined();
    expect(cover.coversAll(Int32Array.from([1, 0]), 0, 2)).toBe(false);
    expect(cover.coversAll(Int32Array.from([1, 0]), 1, 2)).toBe(true);
  });

  it("sweeps only the boardings from `from` to before `to`", () => {
    // Arrange: trips 0 and 3 lack a test, 1 and 2 have one.
    const cover = coverOf([at(1), at(7), at(8), at(40)], ANTIGEN_ONLY);
    cover.add(ANTIGEN, at(6));

    // Act / Assert
    expect(cover.coversAll(trips(4), 1, 3)).toBe(true);
    expect(cover.coversAll(trips(4), 0, 3)).toBe(false);
    expect(cover.coversAll(trips(4), 1, 4)).toBe(false);
    expect(cover.coversAll(trips(4), 2, 2)).toBe(true);
  });

  it("covers a person without boardings, whatever their tests", () => {
    const cover = coverOf([at(1)]);
    expect(cover.coversAll(trips(1), 0, 0)).toBe(true);
  });
});

describe("TestingCover, from one person to the next", () => {
  it("forgets the last person's tests, even those past the new person's count", () => {
    // Arrange: person A tests at 06:00 and day 1 06:00; person B only at 06:00. A's
    // second test would cover B's trip (day 1 07:00); B's own does not (25 h old).
    const cover = coverOf([at(31)], ANTIGEN_ONLY);
    cover.add(ANTIGEN, at(6));
    cover.add(ANTIGEN, at(30));
    expect(cover.missingKinds(0)).toBeUndefined();
    expect(cover.coversAll(trips(1), 0, 1)).toBe(true);

    // Act
    cover.reset();
    cover.add(ANTIGEN, at(6));

    // Assert
    expect(cover.coversAll(trips(1), 0, 1)).toBe(false);
    expect(cover.missingKinds(0)).toEqual(["antigen"]);
  });

  it("reads the next person's tests from their first", () => {
    // Arrange: person A's trip (day 0 20:00) read past both their tests (00:00, 01:00);
    // person B tests at day 1 06:00 for their trip at 07:00. Read from A's position, B
    // would be judged by A's 01:00 test.
    const cover = coverOf([at(20), at(31)], ANTIGEN_ONLY);
    cover.add(ANTIGEN, at(0));
    cover.add(ANTIGEN, at(1));
    expect(cover.missingKinds(0)).toBeUndefined();

    // Act
    cover.reset();
    cover.add(ANTIGEN, at(30));

    // Assert
    expect(cover.missingKinds(1)).toBeUndefined();
  });

  it("leaves a person without tests lacking every kind, after one with all", () => {
    const cover = coverOf([at(31)]);
    cover.add(ANTIGEN, at(30));
    cover.add(PCR, at(20));
    expect(cover.missingKinds(0)).toBeUndefined();

    cover.reset();

    expect(cover.missingKinds(0)).toEqual(["antigen", "pcr"]);
    expect(cover.coversAll(trips(1), 0, 1)).toBe(false);
  });
});

describe("TestingCover, against the definition", () => {
  // Minutes within four days; both kinds; a few tests and boardings per person, two people.
  const minutes = fc.integer({ min: 0, max: 4 * 1440 });
  const person = fc.record({
    antigens: fc.array(minutes, { maxLength: 5 }),
    pcrs: fc.array(minutes, { maxLength: 5 }),
    departs: fc.array(minutes, { maxLength: 6 }),
  });

  /** The kinds a boarding at `depart` lacks, straight from the window's definition. */
  function lacking(depart: number, byKind: number[][]): string[] | undefined {
    const missing = REGIMES.filter((regime, kind) => {
      const from = depart - regime.validHours * HOUR;
      const to = depart - regime.resultMinutes * MINUTE;
      return !(byKind[kind] as number[]).some((time) => time >= from && time <= to);
    }).map((regime) => regime.kind);
    return missing.length === 0 ? undefined : missing;
  }

  test.prop([fc.array(person, { minLength: 1, maxLength: 3 })])(
    "lists exactly the kinds with no test in the window, and sweeps to the same verdict",
    (people) => {
      // Arrange: every person's trips in one departure array, person after person.
      const departs = people.flatMap((p) => [...p.departs].sort((a, b) => a - b));
      const cover = new TestingCover(
        REGIMES,
        Float64Array.from(departs, (m) => T0 + m * MINUTE),
      );
      let first = 0;
      for (const p of people) {
        const byKind = [p.antigens, p.pcrs].map((times) =>
          [...times].sort((a, b) => a - b).map((m) => T0 + m * MINUTE),
        );
        cover.reset();
        byKind.forEach((times, kind) => {
          for (const time of times) cover.add(kind, time);
        });
        const last = first + p.departs.length;

        // Act
        const all = cover.coversAll(trips(departs.length), first, last);
        const lacks = [];
        for (let trip = first; trip < last; trip++) lacks.push(cover.missingKinds(trip));

        // Assert
        const expected = departs.slice(first, last).map((m) => lacking(T0 + m * MINUTE, byKind));
        expect(lacks).toEqual(expected);
        expect(all).toBe(expected.every((kinds) => kinds === undefined));
        first = last;
      }
    },
  );
});
