/**
 * availability: nobody boards or drives, and no vehicle runs, a trip leaving on a date inside
 * one of their `unavailable` periods; a worker's ride home from a shift begun before the
 * period is excepted, for its passengers, driver and vehicle, and so is the empty run that
 * fetches it. Fixture: w1, w2 ride T01/T02 (05-16) and
 * T07/T08 (05-17); w3 works nights: in T03 (05-16), home T06 (05-17), in T09 (05-17), home
 * T12 (05-18); k1 drives v1 on all twelve trips (T01–T04 05-16, T05–T10 05-17, T11–T12 05-18).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type ValidationReport, validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { expectMentions, firing, violationsOf } from "../report-helpers.js";

type Period = { personId?: string; vehicleId?: string; from: string; to?: string; reason?: string };

/** The fixture roster judged against the fixture scenario with these periods. */
function validateWith(periods: Period[], roster: unknown = validRoster()): ValidationReport {
  const scenario: any = fixtureScenario();
  scenario.unavailable = periods;
  return validateRoster(scenario, roster);
}

/** The availability violations as `tripId subject id`. */
function found(report: ValidationReport): string[] {
  return violationsOf(report, "availability").map(
    (v) => `${v.tripId} ${v.subject} ${v.personId ?? v.vehicleId}`,
  );
}

describe("availability", () => {
  it("fires when a passenger boards on a date inside their period", () => {
    // Arrange: w1 is isolated on 05-17 only
    const periods = [{ personId: "w1", from: "2022-05-17", to: "2022-05-17", reason: "isolation" }];
    // Act
    const report = validateWith(periods);
    // Assert: both of w1's trips that day, nothing else
    expect(firing(report)).toEqual([["availability", 2]]);
    expect(found(report)).toEqual(["T07 person w1", "T08 person w1"]);
    const [violation] = violationsOf(report, "availability");
    expect(violation).toEqual({
      code: "availability",
      personId: "w1",
      tripId: "T07",
      date: "2022-05-17",
      subject: "person",
      period: { from: "2022-05-17", to: "2022-05-17" },
      reason: "isolation",
      message: expect.any(String),
    });
    expectMentions(
      violation?.message,
      "w1 boards trip T07",
      "2022-05-17 07:20",
      "2022-05-17 to 2022-05-17",
      "(isolation)",
    );
  });

  it("fires when a driver drives on a date inside their open-ended period, past the horizon", () => {
    // Arrange: k1 on leave from 05-17, no end
    const report = validateWith([{ personId: "k1", from: "2022-05-17" }]);
    // Assert: every trip from 05-17 on, T11 and T12 (05-18, after the horizon) included,
    // but T06, which brings home the 05-16 night shift begun before the period, and the
    // empty run T05 that fetches it
    expect(firing(report)).toEqual([["availability", 6]]);
    expect(found(report)).toEqual(
      ["T07", "T08", "T09", "T10", "T11", "T12"].map((t) => `${t} driver k1`),
    );
    const last = violationsOf(report, "availability").at(-1);
    expect(last).toMatchObject({ date: "2022-05-18", period: { from: "2022-05-17" } });
    expect(last?.period.to).toBeUndefined();
    expect(last?.reason).toBeUndefined();
    expectMentions(last?.message, "k1 drives trip T12", "from 2022-05-17");
  });

  it("fires when a vehicle runs on a date inside its out-of-service period", () => {
    // Arrange
    const periods = [{ vehicleId: "v1", from: "2022-05-16", to: "2022-05-16", reason: "repair" }];
    // Act
    const report = validateWith(periods);
    // Assert: its four trips of 05-16, empty runs included
    expect(firing(report)).toEqual([["availability", 4]]);
    expect(found(report)).toEqual(["T01", "T02", "T03", "T04"].map((t) => `${t} vehicle v1`));
    const [violation] = violationsOf(report, "availability");
    expect(violation).toMatchObject({ vehicleId: "v1", subject: "vehicle", reason: "repair" });
    expect(violation?.personId).toBeUndefined();
    expectMentions(violation?.message, "vehicle v1 runs trip T01", "out-of-service", "(repair)");
  });

  it("fires when a worker's open-ended period begins after a shift: the next shift is not excepted", () => {
    // Arrange: w3 unavailable from 05-17; the night shift of 05-16 brings them home on 05-17
    const report = validateWith([{ personId: "w3", from: "2022-05-17" }]);
    // Assert: T06 (home from the 05-16 shift) excepted; T09 and its ride home T12 are not
    expect(found(report)).toEqual(["T09 person w3", "T12 person w3"]);
  });

  it("fires when a ride home falls in a period that began before the shift did", () => {
    // Arrange: w3 unavailable 05-16 to 05-17: the 05-16 night shift starts inside it
    const report = validateWith([{ personId: "w3", from: "2022-05-16", to: "2022-05-17" }]);
    // Assert: the ride in T03, its ride home T06 and the next ride in T09
    expect(found(report)).toEqual(["T03 person w3", "T06 person w3", "T09 person w3"]);
  });

  it("fires when back-to-back periods hold a night shift's ride in, not its ride home", () => {
    // Arrange: w3 unavailable on 05-16, and again (another period) on 05-17
    const report = validateWith([
      { personId: "w3", from: "2022-05-16", to: "2022-05-16" },
      { personId: "w3", from: "2022-05-17", to: "2022-05-17" },
    ]);
    // Assert: T06's day (05-17) is in a period beginning after the shift's 05-16, so it is
    // excepted; T03 and T09 are not
    expect(found(report)).toEqual(["T03 person w3", "T09 person w3"]);
  });

  it("stays quiet when a worker rides home from a shift begun before their period", () => {
    // Arrange: w3 unavailable on 05-18, the morning T12 brings them home from the 05-17 night
    const report = validateWith([{ personId: "w3", from: "2022-05-18", reason: "isolation" }]);
    // Assert
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("excepts the ride home for its driver and vehicle too, with the empty run that fetches it", () => {
    // Arrange: w3, k1 and v1 all unavailable from 05-18
    const report = validateWith([
      { personId: "w3", from: "2022-05-18" },
      { personId: "k1", from: "2022-05-18" },
      { vehicleId: "v1", from: "2022-05-18" },
    ]);
    // Assert: T12 brings w3's 05-17 night shift home: excepted for w3, k1 and v1 alike, and
    // so is the empty run T11 that takes v1 and k1 to the plant for it
    expect(report.violations).toEqual([]);
  });

  it("fires for the empty run before a ride home whose shift began inside the period", () => {
    // Arrange: k1 and v1 unavailable from 05-17: w3's night shift of 05-17 began inside
    const report = validateWith([
      { personId: "k1", from: "2022-05-17" },
      { vehicleId: "v1", from: "2022-05-17" },
    ]);
    // Assert: T11 fetches no shift begun before the period
    expect(found(report)).toEqual(expect.arrayContaining(["T11 driver k1", "T11 vehicle v1"]));
  });

  it("fires for the driver and vehicle of a ride home whose shift began inside their period", () => {
    // Arrange: k1 and v1 unavailable from 05-17; w3's night shift began on 05-17
    const report = validateWith([
      { personId: "k1", from: "2022-05-17" },
      { vehicleId: "v1", from: "2022-05-17" },
    ]);
    // Assert: T12 (05-18) is reported for both, as every trip from 05-17 on is
    expect(found(report)).toEqual(expect.arrayContaining(["T12 driver k1", "T12 vehicle v1"]));
  });

  it("fires once per trip for a person both driving and listed as a passenger", () => {
    // Arrange: k1 also sits on the empty run T04 (fixed-person reports that); k1 off on 05-16
    const roster: any = validRoster();
    roster.trips[3].passengers.push({ personId: "k1", seat: 5 });
    const report = validateWith([{ personId: "k1", from: "2022-05-16", to: "2022-05-16" }], roster);
    // Assert
    expect(found(report)).toEqual([
      "T01 driver k1",
      "T02 driver k1",
      "T03 driver k1",
      "T04 person k1",
    ]);
  });

  it("fires once per trip when two periods hold the date, naming the first", () => {
    // Arrange
    const report = validateWith([
      { personId: "w2", from: "2022-05-16", to: "2022-05-16", reason: "leave" },
      { personId: "w2", from: "2022-05-10", reason: "isolation" },
    ]);
    // Assert: T01, T02 (both periods), T07, T08 (the open one)
    expect(found(report)).toEqual([
      "T01 person w2",
      "T02 person w2",
      "T07 person w2",
      "T08 person w2",
    ]);
    const [first] = violationsOf(report, "availability");
    expect(first).toMatchObject({
      reason: "leave",
      period: { from: "2022-05-16", to: "2022-05-16" },
    });
    expectMentions(first?.message, "(leave) and 1 more");
  });

  it("stays quiet when every period lies outside the roster's dates", () => {
    // Arrange: before the horizon, and after the last ride home
    const report = validateWith([
      { personId: "w1", from: "2022-05-01", to: "2022-05-15" },
      { personId: "k1", from: "2022-05-19" },
      { vehicleId: "v1", from: "2021-01-01", to: "2022-05-15", reason: "repair" },
      { vehicleId: "v2", from: "2022-05-16" }, // v2 runs nothing
    ]);
    // Assert
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
  });

  // A reference written from SPEC §3 over the fixture, against one random period.
  const day = fc.integer({ min: 13, max: 20 }).map((d) => `2022-05-${d}`);
  const period = fc
    .record({
      subject: fc.constantFrom("w1", "w2", "w3", "k1", "v1"),
      from: day,
      to: fc.option(day, { nil: undefined }),
    })
    .filter(({ from, to }) => to === undefined || from <= to);

  test.prop([period], { numRuns: 60 })(
    "fires on exactly the trips a reference reading of SPEC §3 names",
    ({ subject, from, to }) => {
      // Arrange
      const roster = validRoster();
      const inside = (date: string) => from <= date && (to === undefined || date <= to);
      const dateOf = (trip: { depart: string }) => trip.depart.slice(0, 10);
      const expected: string[] = [];
      // A ride home all of whose riders began their shift (rode in) before `from`.
      const bringsShiftHome = (i: number) => {
        const trip = roster.trips[i] as (typeof roster.trips)[number];
        if (trip.direction !== "to-dormitory" || trip.passengers.length === 0) return false;
        return trip.passengers.every(({ personId }) => {
          const before = roster.trips
            .slice(0, i)
            .filter((t) => t.passengers.some((p) => p.personId === personId))
            .at(-1);
          return before?.direction === "to-plant" && dateOf(before) < from;
        });
      };
      // ...or the empty run to the plant just before such a ride home, same vehicle and driver.
      const excused = (i: number) => {
        const trip = roster.trips[i] as (typeof roster.trips)[number];
        const next = roster.trips[i + 1];
        const fetches =
          trip.direction === "to-plant" &&
          trip.passengers.length === 0 &&
          next !== undefined &&
          next.vehicleId === trip.vehicleId &&
          next.driverId === trip.driverId &&
          bringsShiftHome(i + 1);
        return bringsShiftHome(i) || fetches;
      };
      roster.trips.forEach((trip, i) => {
        if (subject === "v1") {
          if (inside(dateOf(trip)) && !excused(i)) expected.push(`${trip.id} vehicle v1`);
          return;
        }
        const rides = trip.passengers.some((p) => p.personId === subject);
        const drives = trip.driverId === subject;
        if (!inside(dateOf(trip)) || !(rides || drives)) return;
        const before = roster.trips
          .slice(0, i)
          .filter((t) => t.passengers.some((p) => p.personId === subject))
          .at(-1);
        const homeExcepted =
          rides &&
          subject.startsWith("w") &&
          trip.direction === "to-dormitory" &&
          before?.direction === "to-plant" &&
          dateOf(before) < from;
        if (rides && !homeExcepted) expected.push(`${trip.id} person ${subject}`);
        else if (drives && !excused(i)) expected.push(`${trip.id} driver ${subject}`);
      });
      const key = subject === "v1" ? "vehicleId" : "personId";
      // Act
      const report = validateWith([{ [key]: subject, from, ...(to !== undefined && { to }) }]);
      // Assert
      expect(found(report)).toEqual(expected);
      expect(report.counts.availability).toBe(report.violations.length);
    },
  );
});
