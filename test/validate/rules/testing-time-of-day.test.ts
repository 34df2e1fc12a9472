/**
 * fixed-testing's time-of-day clause, on its own: a kind varies as soon as one of its tests
 * is at another minute than its first, kinds apart, people apart; and the minutes listed in
 * a report are local wall-clock minutes, DST days included.
 */
import { describe, expect, it } from "vitest";
import { ZoneClock } from "../../../src/time/zone-clock.js";
import { minutesOfDay, TimesOfDay } from "../../../src/validate/rules/testing-time-of-day.js";

const ANTIGEN = 0;
const PCR = 1;

/** A tracker of two kinds, for a new person. */
function timesOfDay(): TimesOfDay {
  const times = new TimesOfDay(2);
  times.reset();
  return times;
}

describe("TimesOfDay", () => {
  it("stays quiet while every test of a kind is at one minute", () => {
    // Arrange
    const times = timesOfDay();

    // Act: 06:30 every day, and pcr at 12:00
    for (const minute of [390, 390, 390]) times.note(ANTIGEN, minute);
    times.note(PCR, 720);
    times.note(PCR, 720);

    // Assert
    expect([times.varies(ANTIGEN), times.varies(PCR), times.anyVaries()]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("varies in nothing before any test", () => {
    const times = new TimesOfDay(2);
    expect([times.varies(ANTIGEN), times.varies(PCR), times.anyVaries()]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("takes a new tracker's first minute from its first test", () => {
    const times = new TimesOfDay(2);
    times.note(ANTIGEN, 390);
    times.note(ANTIGEN, 390);
    expect(times.anyVaries()).toBe(false);
  });

  it("stays quiet at minute 0 (midnight) as at any other", () => {
    const times = timesOfDay();
    times.note(ANTIGEN, 0);
    times.note(ANTIGEN, 0);
    expect(times.anyVaries()).toBe(false);
  });

  it("marks a kind varying from its first other minute on, and that kind alone", () => {
    // Arrange
    const times = timesOfDay();
    times.note(PCR, 720);
    times.note(ANTIGEN, 390);
    times.note(ANTIGEN, 391);

    // Act: back at the first minute changes nothing
    times.note(ANTIGEN, 390);

    // Assert
    expect(times.varies(ANTIGEN)).toBe(true);
    expect(times.varies(PCR)).toBe(false);
    expect(times.anyVaries()).toBe(true);
  });

  it("compares with the first minute, not the one before", () => {
    const times = timesOfDay();
    times.note(PCR, 720);
    times.note(PCR, 720);
    times.note(PCR, 719);
    expect(times.varies(PCR)).toBe(true);
    expect(times.varies(ANTIGEN)).toBe(false);
    expect(times.anyVaries()).toBe(true);
  });

  it("forgets the last person's first minutes", () => {
    // Arrange: one person at 06:30, the next at 07:00
    const times = timesOfDay();
    times.note(ANTIGEN, 390);

    // Act
    times.reset();
    times.note(ANTIGEN, 420);
    times.note(ANTIGEN, 420);

    // Assert
    expect(times.varies(ANTIGEN)).toBe(false);
    expect(times.anyVaries()).toBe(false);
  });

  it("forgets that the last person varied, in every kind", () => {
    // Arrange
    const times = timesOfDay();
    for (const kind of [ANTIGEN, PCR]) {
      times.note(kind, 390);
      times.note(kind, 391);
    }
    expect(times.anyVaries()).toBe(true);

    // Act
    times.reset();

    // Assert
    expect([times.varies(ANTIGEN), times.varies(PCR), times.anyVaries()]).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe("minutesOfDay", () => {
  const berlin = new ZoneClock("Europe/Berlin");
  const ms = (iso: string) => Date.parse(iso);

  it("lists a kind's distinct local minutes in clock order, other kinds left out", () => {
    // Arrange: tests 0..4; kind 0 at 10:00, 01:30, 10:00, 01:30 (+08:00), kind 1 at 05:00.
    const shanghai = new ZoneClock("Asia/Shanghai");
    const tests = {
      kind: [0, 0, 1, 0, 0],
      at: [
        "2022-05-16T10:00+08:00",
        "2022-05-17T01:30+08:00",
        "2022-05-17T05:00+08:00",
        "2022-05-18T10:00+08:00",
        "2022-05-19T01:30+08:00",
      ].map(ms),
    };

    // Act
    const all = minutesOfDay(tests, [0, 1, 2, 3, 4], 0, shanghai);
    const some = minutesOfDay(tests, [2, 3], 0, shanghai);

    // Assert: numeric order (90 before 600), not text order
    expect(all).toEqual([90, 600]);
    expect(some).toEqual([600]);
    expect(minutesOfDay(tests, [0, 1, 2, 3, 4], 1, shanghai)).toEqual([300]);
  });

  it("reads 06:00 on each side of a spring-forward night as one minute of day", () => {
    // Arrange: 06:00 local on 2025-03-29 (+01:00), 03-30 and 03-31 (+02:00): 23 h apart.
    const tests = {
      kind: [0, 0, 0],
      at: ["2025-03-29T06:00+01:00", "2025-03-30T06:00+02:00", "2025-03-31T06:00+02:00"].map(ms),
    };
    const times = timesOfDay();

    // Act
    for (const t of [0, 1, 2]) times.note(0, berlin.minuteOfDay(tests.at[t] as number));
    const minutes = minutesOfDay(tests, [0, 1, 2], 0, berlin);

    // Assert
    expect(minutes).toEqual([360]);
    expect(times.anyVaries()).toBe(false);
  });

  it("puts a test written in the DST gap at the minute the clock shows (02:30 → 03:30)", () => {
    // Arrange: 02:30 at +01:00 each day; on 2025-03-30 that instant is 03:30 CEST.
    const tests = {
      kind: [0, 0, 0],
      at: ["2025-03-29T02:30+01:00", "2025-03-30T02:30+01:00", "2025-03-31T02:30+02:00"].map(ms),
    };
    const times = timesOfDay();

    // Act
    for (const t of [0, 1, 2]) times.note(0, berlin.minuteOfDay(tests.at[t] as number));
    const minutes = minutesOfDay(tests, [0, 1, 2], 0, berlin);

    // Assert
    expect(minutes).toEqual([150, 210]);
    expect(times.varies(0)).toBe(true);
  });
});
