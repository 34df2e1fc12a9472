/**
 * fixed-testing's slot tally, on its own: the days around the horizon are counted in an
 * array and others in a Map, and neither may show (same counts, same order of slots).
 */
import { describe, expect, it } from "vitest";
import { SlotTally, slotOf, testingHours } from "../../../src/validate/rules/testing-slots.js";

const HORIZON = { firstDay: 19_128, days: 14 }; // 2022-05-16
const HOURS = testingHours({ opens: "05:30", closes: "21:00", slotMinutes: 30 });

/** Every slot the tally lists, as `[key, count]`, in its order. */
function listed(tally: SlotTally): [number, number][] {
  const slots: [number, number][] = [];
  tally.forEach((key, count) => {
    slots.push([key, count]);
  });
  return slots;
}

/** The key of slot `slot` of `day`: minutes since 1970-01-01 00:00 local. */
function keyOf(day: number, slot: number): number {
  return day * 1440 + HOURS.opens + slot * HOURS.slotMinutes;
}

describe("slotOf", () => {
  it("numbers the slots of a day from opening, a slot holding its first minute", () => {
    expect(slotOf(HOURS, 330)).toBe(0); // 05:30
    expect(slotOf(HOURS, 359)).toBe(0);
    expect(slotOf(HOURS, 360)).toBe(1); // 06:00
    expect(slotOf(HOURS, 1259)).toBe(30); // 20:59, the last slot
  });
});

describe("SlotTally", () => {
  it("counts people per slot and lists slots in the order first visited, near the horizon or far", () => {
    // Arrange: a day in the horizon, the week before it, one far before and one far after.
    const visits: [number, number][] = [
      [HORIZON.firstDay + 3, 2],
      [HORIZON.firstDay - 400, 5],
      [HORIZON.firstDay + 3, 2],
      [HORIZON.firstDay - 7, 0],
      [HORIZON.firstDay + 13, 30],
      [HORIZON.firstDay + 14, 1],
      [HORIZON.firstDay - 8, 1],
      [HORIZON.firstDay - 400, 5],
      [HORIZON.firstDay + 3, 1],
      [HORIZON.firstDay + 3, 2],
    ];
    const tally = new SlotTally(HOURS, HORIZON);

    // Act
    for (const [day, slot] of visits) tally.add(day, slot);

    // Assert
    expect(listed(tally)).toEqual([
      [keyOf(HORIZON.firstDay + 3, 2), 3],
      [keyOf(HORIZON.firstDay - 400, 5), 2],
      [keyOf(HORIZON.firstDay - 7, 0), 1],
      [keyOf(HORIZON.firstDay + 13, 30), 1],
      [keyOf(HORIZON.firstDay + 14, 1), 1],
      [keyOf(HORIZON.firstDay - 8, 1), 1],
      [keyOf(HORIZON.firstDay + 3, 1), 1],
    ]);
  });

  it("counts a grid too fine for the array in the Map alone, with the same result", () => {
    // Arrange: one-minute slots all day, over a year: far more entries than the array takes.
    const fine = testingHours({ opens: "00:00", closes: "23:59", slotMinutes: 1 });
    const tally = new SlotTally(fine, { firstDay: HORIZON.firstDay, days: 366 });

    // Act
    tally.add(HORIZON.firstDay, 0);
    tally.add(HORIZON.firstDay + 1, 1438);
    tally.add(HORIZON.firstDay, 0);

    // Assert
    expect(listed(tally)).toEqual([
      [HORIZON.firstDay * 1440, 2],
      [(HORIZON.firstDay + 1) * 1440 + 1438, 1],
    ]);
  });

  it("lists nothing before any visit", () => {
    expect(listed(new SlotTally(HOURS, HORIZON))).toEqual([]);
  });
});
