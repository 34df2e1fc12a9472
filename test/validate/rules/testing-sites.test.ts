/**
 * fixed-testing's sites, on their own: a test stands at the person's dormitory, at another
 * site, or outside its testing point's hours (opening minute in, closing minute out); a
 * person takes one place per slot whatever kinds they take there; and the site and slot
 * looked up last are forgotten from one person to the next.
 */
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../../src/index.js";
import { scenarioModel } from "../../../src/scenario/model.js";
import { TestingSites } from "../../../src/validate/rules/testing-sites.js";
import { fixtureScenario } from "../../fixtures/valid-roster.js";

// The fixture's sites by index: d1 (testing 05:30–21:00, 30-minute slots, 2 per slot),
// p1, d2 (a dormitory without a testing point), p2.
const D1 = 0;
const P1 = 1;
const D2 = 2;
const DAY = 19_128; // 2022-05-16
const OPENS = 330; // 05:30
const CLOSES = 1260; // 21:00

/** The fixture's sites, d1 taking `perSlot` people per slot. */
function sitesOf(perSlot = 2): TestingSites {
  const scenario: ScenarioInput = structuredClone(fixtureScenario());
  const d1 = scenario.sites[D1];
  if (d1?.testing === undefined) throw new Error("d1 has no testing point");
  d1.testing.perSlot = perSlot;
  return new TestingSites(scenarioModel(scenario));
}

/** The full slots listed, as `[site id, perSlot, slot key, count]`. */
function fullSlots(sites: TestingSites): [string, number, number, number][] {
  const found: [string, number, number, number][] = [];
  sites.forEachFullSlot((site, perSlot, slot, count) => {
    found.push([site.id, perSlot, slot, count]);
  });
  return found;
}

/** The key of d1's slot starting at `minute` on `day`. */
const slotKey = (day: number, minute: number) => day * 1440 + minute;

describe("TestingSites.place", () => {
  it("tells the dormitory from other sites", () => {
    // Arrange
    const sites = sitesOf();
    sites.startPerson("d1");

    // Act: d1, p1, d2, then d1 again (the site looked up changes each time)
    const places = [D1, P1, D2, D1].map((site) => sites.place(site, DAY, 600));

    // Assert
    expect(places).toEqual(["at-dormitory", "other-site", "other-site", "at-dormitory"]);
  });

  it("takes tests from the opening minute to the minute before closing", () => {
    // Arrange
    const sites = sitesOf();
    sites.startPerson("d1");

    // Act
    const places = [OPENS - 1, OPENS, CLOSES - 1, CLOSES, 0, 1439].map((minute) =>
      sites.place(D1, DAY, minute),
    );

    // Assert
    expect(places).toEqual([
      "outside-hours",
      "at-dormitory",
      "at-dormitory",
      "outside-hours",
      "outside-hours",
      "outside-hours",
    ]);
  });

  it("takes tests at any time at a dormitory without a testing point", () => {
    // Arrange
    const sites = sitesOf();
    sites.startPerson("d2");

    // Act
    const places = [0, OPENS - 1, CLOSES, 1439].map((minute) => sites.place(D2, DAY, minute));

    // Assert
    expect(places).toEqual(["at-dormitory", "at-dormitory", "at-dormitory", "at-dormitory"]);
    expect(fullSlots(sites)).toEqual([]);
  });

  it("judges the next person's first test by their own dormitory, at the same site", () => {
    // Arrange: a d1 person tests at d1; the next person lives at d2.
    const sites = sitesOf();
    sites.startPerson("d1");
    expect(sites.place(D1, DAY, 600)).toBe("at-dormitory");

    // Act
    sites.startPerson("d2");
    const atD1 = sites.place(D1, DAY, 600);
    const atD2 = sites.place(D2, DAY, 100);

    // Assert
    expect([atD1, atD2]).toEqual(["other-site", "at-dormitory"]);
  });

  it("judges the next person's first test by their own dormitory, at another site", () => {
    // Arrange: a d1 person tests at d1; the next one lives at d2 and tests first at p1.
    const sites = sitesOf();
    sites.startPerson("d1");
    expect(sites.place(D1, DAY, 600)).toBe("at-dormitory");

    // Act
    sites.startPerson("d2");
    const atP1 = sites.place(P1, DAY, 600);

    // Assert
    expect(atP1).toBe("other-site");
  });

  it("uses the hours of the site of each test, site after site", () => {
    // Arrange: a d2 person tests at 01:00 at d2 (any time), then at d1 and d2 again.
    const sites = sitesOf();
    sites.startPerson("d2");

    // Act
    const places = [D2, D1, D2].map((site) => sites.place(site, DAY, 60));

    // Assert
    expect(places).toEqual(["at-dormitory", "other-site", "at-dormitory"]);
  });
});

describe("TestingSites slots", () => {
  it("counts a person once per slot, whatever kinds they take in it", () => {
    // Arrange: perSlot 1; w1 takes three tests in the 06:30 slot, w2 one.
    const sites = sitesOf(1);

    // Act
    sites.startPerson("d1");
    for (const minute of [390, 390, 405]) sites.place(D1, DAY, minute);
    sites.startPerson("d1");
    sites.place(D1, DAY, 400);

    // Assert: two people, not four visits
    expect(fullSlots(sites)).toEqual([["d1", 1, slotKey(DAY, 390), 2]]);
  });

  it("counts the next person in the slot the last one ended in", () => {
    // Arrange: perSlot 1; two people, one test each, same slot.
    const sites = sitesOf(1);

    // Act
    for (let person = 0; person < 2; person++) {
      sites.startPerson("d1");
      sites.place(D1, DAY, 390);
    }

    // Assert
    expect(fullSlots(sites)).toEqual([["d1", 1, slotKey(DAY, 390), 2]]);
  });

  it("counts a person again in the same slot of another day", () => {
    // Arrange: perSlot 1; A tests at 06:30 on two days, B on the second.
    const sites = sitesOf(1);

    // Act
    sites.startPerson("d1");
    sites.place(D1, DAY, 390);
    sites.place(D1, DAY + 1, 390);
    sites.startPerson("d1");
    sites.place(D1, DAY + 1, 390);

    // Assert
    expect(fullSlots(sites)).toEqual([["d1", 1, slotKey(DAY + 1, 390), 2]]);
  });

  it("counts a person again in another slot of the same day", () => {
    // Arrange: perSlot 1; A tests at 06:30 and 07:00, B at 07:00.
    const sites = sitesOf(1);

    // Act
    sites.startPerson("d1");
    sites.place(D1, DAY, 390);
    sites.place(D1, DAY, 420);
    sites.startPerson("d1");
    sites.place(D1, DAY, 420);

    // Assert
    expect(fullSlots(sites)).toEqual([["d1", 1, slotKey(DAY, 420), 2]]);
  });

  it("gives no place to a test at another site or out of hours", () => {
    // Arrange: perSlot 1; a d2 person tests at d1; a d1 person tests at 21:00 (closed),
    // then in the 06:30 slot, out of hours again, and in it again; another in 06:30.
    const sites = sitesOf(1);

    // Act
    sites.startPerson("d2");
    sites.place(D1, DAY, 390);
    sites.startPerson("d1");
    sites.place(D1, DAY, CLOSES);
    sites.place(D1, DAY, 390);
    sites.place(D1, DAY, OPENS - 1);
    sites.place(D1, DAY, 395);
    sites.startPerson("d1");
    sites.place(D1, DAY, 390);

    // Assert: 06:30 holds the two d1 people once each
    expect(fullSlots(sites)).toEqual([["d1", 1, slotKey(DAY, 390), 2]]);
  });

  it("lists a slot holding more than perSlot people, not one holding exactly perSlot", () => {
    // Arrange: perSlot 2; three people at 06:30, two at 07:00, three at 08:00 the next day.
    const sites = sitesOf(2);
    const visits: [number, number, number][] = [
      [DAY, 390, 3],
      [DAY, 420, 2],
      [DAY + 1, 480, 3],
    ];

    // Act
    for (const [day, minute, people] of visits)
      for (let person = 0; person < people; person++) {
        sites.startPerson("d1");
        sites.place(D1, day, minute);
      }

    // Assert: in the order first visited
    expect(fullSlots(sites)).toEqual([
      ["d1", 2, slotKey(DAY, 390), 3],
      ["d1", 2, slotKey(DAY + 1, 480), 3],
    ]);
  });

  it("lists nothing before any test", () => {
    expect(fullSlots(sitesOf(1))).toEqual([]);
  });
});

describe("TestingSites, the sites themselves", () => {
  it("knows how many sites there are, each site, and the hours of each testing point", () => {
    const sites = sitesOf();
    expect(sites.count).toBe(4);
    expect(sites.site(D2).id).toBe("d2");
    expect(sites.hoursAt(D1)).toEqual({ opens: OPENS, closes: CLOSES, slotMinutes: 30 });
    expect(sites.hoursAt(D2)).toBeUndefined();
  });
});
