/**
 * fixed-testing's boardings, on their own: a person who only rides or only drives gets their
 * range of the groups as it stands; a driver who also rides gets both, each trip once, in
 * departure order (equal departures by trip index).
 */
import { describe, expect, it } from "vitest";
import { groupByKey } from "../../../src/validate/groups.js";
import { boardingsOf } from "../../../src/validate/rules/testing-boardings.js";

/** Groups of trips per person: `byPerson[p]` are person p's trips, in that order. */
function groups(byPerson: number[][]) {
  const keys = byPerson.flatMap((trips, person) => trips.map(() => person));
  return groupByKey(keys, byPerson.length, byPerson.flat());
}

/** The trips of a range, as a plain array. */
function tripsOf(range: { items: Int32Array; from: number; to: number }): number[] {
  return [...range.items.subarray(range.from, range.to)];
}

// Trips 0..5 depart at these minutes; 1 and 4 leave together, as do 2 and 5.
const DEPARTS = Float64Array.from([10, 20, 30, 40, 20, 30]);

describe("boardingsOf", () => {
  it("gives a person who only rides their rides, in the order the groups hold them", () => {
    // Arrange: person 1 rides 4 then 1 (equal departures, as the context put them).
    const rides = groups([[0], [4, 1, 3], []]);
    const drives = groups([[2], [], [5]]);

    // Act
    const range = boardingsOf(rides, drives, DEPARTS, 1);

    // Assert
    expect(range.items).toBe(rides.items);
    expect(tripsOf(range)).toEqual([4, 1, 3]);
  });

  it("gives a person who only drives their drives, in the order the groups hold them", () => {
    // Arrange: person 2 drives 5 then 2 (equal departures).
    const rides = groups([[0], [1], []]);
    const drives = groups([[3], [], [5, 2]]);

    // Act
    const range = boardingsOf(rides, drives, DEPARTS, 2);

    // Assert
    expect(range.items).toBe(drives.items);
    expect(tripsOf(range)).toEqual([5, 2]);
  });

  it("gives a person who neither rides nor drives nothing", () => {
    const range = boardingsOf(groups([[0], []]), groups([[0], []]), DEPARTS, 1);
    expect(tripsOf(range)).toEqual([]);
  });

  it("merges a driver's rides and drives in departure order, each trip once", () => {
    // Arrange: person 1 rides 3, 4 and drives 5, 0, 3 (3 both ways); person 0 and 2 others.
    const rides = groups([[1], [4, 3], [2]]);
    const drives = groups([[2], [0, 5, 3], [1]]);

    // Act
    const range = boardingsOf(rides, drives, DEPARTS, 1);

    // Assert: 0 (10), 4 (20), 5 (30), 3 (40)
    expect(tripsOf(range)).toEqual([0, 4, 5, 3]);
    expect(range.from).toBe(0);
  });

  it("orders a driver's trips of equal departure by trip index", () => {
    // Arrange: person 0 rides 1 and 4 (both at 20), drives 2 and 5 (both at 30).
    const rides = groups([[1, 4]]);
    const drives = groups([[2, 5]]);

    // Act
    const range = boardingsOf(rides, drives, DEPARTS, 0);

    // Assert
    expect(tripsOf(range)).toEqual([1, 4, 2, 5]);
  });
});
