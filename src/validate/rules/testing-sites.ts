/**
 * Where and when a person's test may be, for `fixed-testing`: at their dormitory, within its
 * testing point's opening hours (a dormitory without a testing point takes tests at any
 * time); and how many people each slot of a testing point holds, a visit taking one place
 * whatever kinds are taken in it.
 *
 * One person at a time. A person's tests are mostly at one site and several kinds in one
 * visit: the site is looked up once per change of site (is it their dormitory, its hours, its
 * slots) and a slot counted once per change of slot. `startPerson` forgets both.
 */
import type { ScenarioModel } from "../../scenario/model.js";
import type { Site } from "../../scenario/schema.js";
import { SlotTally, slotOf, type TestingHours, testingHours } from "./testing-slots.js";

/** Where a test stands: at the person's dormitory in hours, at another site, or out of hours. */
export type TestPlace = "at-dormitory" | "other-site" | "outside-hours";

/** A site's testing point: its hours, and the people in each of its slots. */
interface Point {
  site: Site;
  perSlot: number;
  hours: TestingHours;
  tally: SlotTally;
}

export class TestingSites {
  // Per site index, in plain arrays: the scenario is frozen, and reading a frozen array by
  // index is slow (and allocates).
  private readonly sites: readonly Site[];
  private readonly siteIds: readonly string[];
  private readonly points: readonly (Point | undefined)[];

  // The person's dormitory, and the site and slot last looked at (none: NaN).
  private dormitoryId: string | undefined;
  private lastSite = Number.NaN;
  private atDormitory: boolean | undefined;
  private point: Point | undefined;
  private lastDay = Number.NaN;
  private lastSlot = Number.NaN;

  constructor(model: ScenarioModel) {
    this.sites = [...model.scenario.sites];
    this.siteIds = [...model.siteIds];
    this.points = this.sites.map((site) => {
      if (site.testing === undefined) return undefined;
      const hours = testingHours(site.testing);
      return { site, perSlot: site.testing.perSlot, hours, tally: new SlotTally(hours, model) };
    });
  }

  /** How many sites the scenario has: site indexes at or above it are ids it lacks. */
  get count(): number {
    return this.sites.length;
  }

  /** The site at a scenario index. */
  site(index: number): Site {
    return this.sites[index] as Site;
  }

  /** The opening hours of the testing point at a site, if it has one. */
  hoursAt(index: number): TestingHours | undefined {
    return this.points[index]?.hours;
  }

  /** Starts a new person, living at `dormitoryId`: forgets the site and slot last looked at. */
  startPerson(dormitoryId: string): void {
    this.dormitoryId = dormitoryId;
    this.lastSite = Number.NaN;
    this.lastDay = Number.NaN;
    this.lastSlot = Number.NaN;
  }

  /**
   * Where the person's test at site index `site` (a scenario site), local day `day` and
   * minute of day `minute` stands. One at their dormitory's testing point in hours takes a
   * place in its slot, unless their test before it took that place already.
   */
  place(site: number, day: number, minute: number): TestPlace {
    if (site !== this.lastSite) {
      this.atDormitory = this.siteIds[site] === this.dormitoryId;
      this.point = this.points[site];
      this.lastSite = site;
    }
    if (!this.atDormitory) return "other-site";
    const point = this.point;
    if (point === undefined) return "at-dormitory"; // no testing point: any time
    const { hours } = point;
    if (minute < hours.opens || minute >= hours.closes) return "outside-hours";
    const slot = slotOf(hours, minute);
    if (slot !== this.lastSlot || day !== this.lastDay) {
      point.tally.add(day, slot);
      this.lastDay = day;
      this.lastSlot = slot;
    }
    return "at-dormitory";
  }

  /**
   * Each slot holding more people than its testing point takes, site by site in scenario
   * order, slots in the order first visited; `slot` is `day * 1440 + slot start`.
   */
  forEachFullSlot(visit: (site: Site, perSlot: number, slot: number, count: number) => void) {
    for (const point of this.points) {
      if (point === undefined) continue;
      point.tally.forEach((slot, count) => {
        if (count > point.perSlot) visit(point.site, point.perSlot, slot, count);
      });
    }
  }
}
