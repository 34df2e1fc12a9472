/**
 * `planRoster` and `unavailable` periods (SPEC §3): nobody boards or drives, and no vehicle
 * runs, on a trip departing on a local date inside one of their periods, except a worker's
 * ride home completing a shift begun before the period (carried by a vehicle and driver
 * available that day). A worker's shift starting inside a period is unserved "unavailable";
 * a worker out for part of the horizon keeps one vehicle and seat for the rest of it.
 *
 * Trips are checked against the periods directly, through `availabilityIndex` and the local
 * date an ISO instant is written with, as well as through `validateRoster`.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { availabilityIndex } from "../../src/facts/availability.js";
import {
  formatReport,
  parseScenario,
  planRoster,
  type Roster,
  type ScenarioInput,
  shiftInstances,
  validateRoster,
} from "../../src/index.js";
import { scenarioModel } from "../../src/scenario/model.js";
import { civilDay } from "../../src/time/civil-date.js";
import { addDays, scenarioArbitrary } from "../arbitraries/scenario.js";
import { oneLoopScenario } from "../fixtures/one-loop.js";

type Period = NonNullable<ScenarioInput["unavailable"]>[number];
type Staff = ScenarioInput["staff"][number];

// ---------------------------------------------------------------------------------------
// Helpers

const START = "2022-05-16";
/** Day `n` of the horizon (1-based) as a date. */
const day = (n: number) => addDays(START, n - 1);

/** Plans and validates; fails with the formatted report when the roster breaks a rule. */
function planValid(input: ScenarioInput): Roster {
  const roster = planRoster(input);
  const report = validateRoster(input, roster);
  expect(report.ok, formatReport(report)).toBe(true);
  expect(availabilityBreaks(input, roster)).toEqual([]);
  return roster;
}

/**
 * Every trip that breaks a period, in words: a vehicle running, a driver driving, a
 * passenger boarding on a local date inside one of their periods — a ride home excepted
 * when every period the passenger is in that day began after the day of their last ride in.
 */
function availabilityBreaks(input: ScenarioInput, roster: Roster): string[] {
  const index = availabilityIndex(scenarioModel(input));
  const breaks: string[] = [];
  const lastRideIn = new Map<string, number>();
  const trips = [...roster.trips].sort((a, b) => Date.parse(a.depart) - Date.parse(b.depart));
  for (const trip of trips) {
    // An instant is written with the zone's offset: its first ten characters are its local date.
    const date = trip.depart.slice(0, 10);
    const on = civilDay(date);
    if (!index.vehicleAvailable(trip.vehicleId, on))
      breaks.push(`${trip.id}: vehicle ${trip.vehicleId} runs on ${date}`);
    if (!index.personAvailable(trip.driverId, on))
      breaks.push(`${trip.id}: ${trip.driverId} drives on ${date}`);
    for (const { personId } of trip.passengers) {
      if (trip.direction === "to-plant") {
        if (!index.personAvailable(personId, on))
          breaks.push(`${trip.id}: ${personId} rides in on ${date}`);
        lastRideIn.set(personId, on);
        continue;
      }
      const rodeIn = lastRideIn.get(personId);
      const allowed =
        index.personAvailable(personId, on) ||
        (rodeIn !== undefined && index.rideHomeAllowed(personId, on, rodeIn));
      if (!allowed) breaks.push(`${trip.id}: ${personId} rides home on ${date}`);
    }
  }
  return breaks;
}

/** The reasons a person's shift on a date is unserved for. */
function unservedOf(roster: Roster): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of roster.unserved) {
    const key = `${entry.personId}|${entry.date}`;
    out.set(key, [...(out.get(key) ?? []), entry.reason]);
  }
  return out;
}

/** The local dates on which a person rides (or drives, with `driving`). */
function datesOf(roster: Roster, personId: string, driving = false): string[] {
  const dates = roster.trips
    .filter((trip) =>
      driving
        ? trip.driverId === personId
        : trip.passengers.some((passenger) => passenger.personId === personId),
    )
    .map((trip) => trip.depart.slice(0, 10));
  return [...new Set(dates)].sort();
}

function workers(prefix: string, count: number, schedule: Staff["schedule"]): Staff[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${String(i + 1).padStart(2, "0")}`,
    enterpriseId: "e1",
    dormitoryId: "d1",
    plantId: "p1",
    role: "worker" as const,
    ...(schedule === undefined ? {} : { schedule }),
  }));
}

const everyDay = (shift: string) => ({ cycle: [shift], anchor: START });

/**
 * One loop over a week: dormitory d1 and plant p1 ten minutes apart, a day shift
 * 08:00–17:00 and a night shift 20:00–05:00, drivers k1 and k2, vehicles v1 and v2 of 19
 * seats (9 riders each at the default load factor).
 */
function oneLoop(
  staff: Staff[],
  unavailable: Period[] = [],
  vehicles: ScenarioInput["vehicles"] = [
    { id: "v1", seats: 19 },
    { id: "v2", seats: 19 },
  ],
): ScenarioInput {
  return oneLoopScenario({
    horizon: { start: START, days: 7 },
    unavailable,
    workers: staff,
    vehicles,
  });
}

// ---------------------------------------------------------------------------------------
// Examples

describe("a worker out for some days", () => {
  it("is unserved 'unavailable' on days 3–5 and rides the same vehicle and seat on the others", () => {
    const input = oneLoop(workers("w", 5, everyDay("day")), [
      { personId: "w01", from: day(3), to: day(5), reason: "isolation" },
    ]);
    const roster = planValid(input);
    expect(roster.unserved).toEqual(
      [3, 4, 5].map((n) => ({ personId: "w01", date: day(n), reason: "unavailable" })),
    );
    expect(datesOf(roster, "w01")).toEqual([1, 2, 6, 7].map(day));
    // One assignment for the whole horizon, no period on it, and every ride in its seat.
    const mine = roster.assignments.filter((a) => a.personId === "w01");
    expect(mine).toHaveLength(1);
    const [assignment] = mine;
    expect(assignment).not.toHaveProperty("from");
    expect(assignment).not.toHaveProperty("to");
    for (const trip of roster.trips)
      for (const passenger of trip.passengers)
        if (passenger.personId === "w01") {
          expect(trip.vehicleId).toBe(assignment?.vehicleId);
          expect(passenger.seat).toBe(assignment?.seat);
        }
    // The others ride every day.
    for (const id of ["w02", "w03", "w04", "w05"])
      expect(datesOf(roster, id)).toEqual([1, 2, 3, 4, 5, 6, 7].map(day));
  });

  it("is unserved 'unavailable' rather than 'enterprise-ineligible' on a day that is both", () => {
    // A case on day 2 with quietDays 14: the enterprise is ineligible from day 2 on.
    const input = oneLoop(workers("w", 2, everyDay("day")), [
      { personId: "w01", from: day(4), to: day(5) },
    ]);
    input.enterprises = [{ id: "e1", name: "E1", closedHousing: true, positiveCases: [day(2)] }];
    const roster = planValid(input);
    const reasons = unservedOf(roster);
    expect(reasons.get(`w01|${day(4)}`)).toEqual(["unavailable"]);
    expect(reasons.get(`w01|${day(5)}`)).toEqual(["unavailable"]);
    expect(reasons.get(`w01|${day(6)}`)).toEqual(["enterprise-ineligible"]);
    expect(reasons.get(`w02|${day(4)}`)).toEqual(["enterprise-ineligible"]);
  });

  it("takes a night worker home from the shift begun the day before the period", () => {
    // Night 20:00–05:00: the shift of day 2 ends on day 3 at 05:00, its ride home leaves
    // 05:10 on day 3, inside the period; it is carried, by a driver available that day
    // (k1, whom the pool would otherwise pick first, is out on day 3 too).
    const input = oneLoop(workers("n", 3, everyDay("night")), [
      { personId: "n01", from: day(3), to: day(4) },
      { personId: "k1", from: day(3), to: day(3) },
    ]);
    const roster = planValid(input);
    expect(roster.unserved).toEqual(
      [3, 4].map((n) => ({ personId: "n01", date: day(n), reason: "unavailable" })),
    );
    const home = roster.trips.find(
      (trip) =>
        trip.direction === "to-dormitory" &&
        trip.passengers.some((passenger) => passenger.personId === "n01") &&
        trip.depart.startsWith(day(3)),
    );
    expect(home?.depart).toBe(`${day(3)}T05:10:00+08:00`);
    expect(home?.driverId).toBe("k2");
    // No ride in on days 3 and 4; the ride home of day 4's shift (on day 5) is not needed.
    const rides = roster.trips.filter((trip) =>
      trip.passengers.some((passenger) => passenger.personId === "n01"),
    );
    expect(
      rides.filter((trip) => trip.direction === "to-plant").map((t) => t.depart.slice(0, 10)),
    ).toEqual([1, 2, 5, 6, 7].map(day));
    expect(
      rides.filter((trip) => trip.direction === "to-dormitory").map((t) => t.depart.slice(0, 10)),
    ).toEqual([2, 3, 6, 7, 8].map(day));
  });

  it("is unserved from an open-ended period's first day to the end of the horizon", () => {
    const input = oneLoop(workers("w", 3, everyDay("day")), [{ personId: "w02", from: day(5) }]);
    const roster = planValid(input);
    expect(roster.unserved).toEqual(
      [5, 6, 7].map((n) => ({ personId: "w02", date: day(n), reason: "unavailable" })),
    );
    expect(datesOf(roster, "w02")).toEqual([1, 2, 3, 4].map(day));
  });
});

describe("a vehicle out of service", () => {
  it("carries no trip on its days out; another vehicle takes the crew, nobody is unserved", () => {
    // Without the period the pool would pick v1 (same size as v2, first by id).
    const input = oneLoop(workers("w", 5, everyDay("day")), [
      { vehicleId: "v1", from: day(3), to: day(4), reason: "out-of-service" },
    ]);
    const roster = planValid(input);
    expect(roster.unserved).toEqual([]);
    for (const trip of roster.trips)
      if (trip.vehicleId === "v1") expect([day(3), day(4)]).not.toContain(trip.depart.slice(0, 10));
    expect(roster.vehicles.map((vehicle) => vehicle.vehicleId)).toEqual(["v2"]);
  });

  it("still carries a crew that does not ride on its days out", () => {
    // Crew a rides days 1–2 only, crew b every day; v1 is out on days 4–7, v3 from day 6 on.
    const crewA = workers("a", 9, { dates: { [day(1)]: "day", [day(2)]: "day" } });
    const crewB = workers("b", 9, everyDay("day"));
    const input = oneLoop(
      [...crewA, ...crewB],
      [
        { vehicleId: "v1", from: day(4), to: day(7) },
        { vehicleId: "v3", from: day(6) },
      ],
      [
        { id: "v1", seats: 19 },
        { id: "v2", seats: 19 },
        { id: "v3", seats: 19 },
      ],
    );
    const roster = planValid(input);
    expect(roster.unserved).toEqual([]);
    const vehicleOf = new Map(roster.assignments.map((a) => [a.personId, a.vehicleId]));
    for (const person of crewB) expect(vehicleOf.get(person.id)).toBe("v2");
    expect(datesOf(roster, "a01")).toEqual([day(1), day(2)]);
  });

  it("changes nothing when its period lies outside the horizon (and the day after it)", () => {
    const staff = [...workers("w", 5, everyDay("day")), ...workers("n", 4, everyDay("night"))];
    const without = JSON.stringify(planRoster(oneLoop(staff)));
    const outside = oneLoop(staff, [
      { vehicleId: "v1", from: addDays(START, -30), to: addDays(START, -1) },
      { personId: "k1", from: addDays(START, -5), to: addDays(START, -2) },
      { personId: "w01", from: day(9) },
      { personId: "n01", from: addDays(START, -3), to: addDays(START, -1) },
      { vehicleId: "v2", from: day(20), to: day(25) },
    ]);
    expect(JSON.stringify(planRoster(outside))).toBe(without);
  });
});

describe("a driver out for some days", () => {
  it("drives nothing on those days; the vehicle goes with the other driver", () => {
    const input = oneLoop(workers("w", 5, everyDay("day")), [
      { personId: "k1", from: day(2), to: day(3), reason: "leave" },
    ]);
    const roster = planValid(input);
    expect(roster.unserved).toEqual([]);
    expect(datesOf(roster, "k1", true)).not.toContain(day(2));
    expect(datesOf(roster, "k1", true)).not.toContain(day(3));
    expect(roster.vehicles).toEqual([{ vehicleId: "v1", loopId: "e1/d1/p1", driverId: "k2" }]);
  });

  it("leaves a crew without a driver as no-driver, never as no-vehicle, when both drivers are out", () => {
    const input = oneLoop(workers("w", 3, everyDay("day")), [
      { personId: "k1", from: day(2), to: day(2) },
      { personId: "k2", from: day(6) },
    ]);
    const roster = planValid(input);
    expect(roster.trips).toEqual([]);
    expect(new Set(roster.unserved.map((entry) => entry.reason))).toEqual(new Set(["no-driver"]));
  });
});

// ---------------------------------------------------------------------------------------
// Properties

/**
 * A scenario with up to six periods: of workers, drivers and vehicles, from three days
 * before the horizon to two after it, up to five days long or open-ended.
 */
const withPeriodsArb = scenarioArbitrary({ maxWorkers: 80, maxDays: 8 }).chain((input) => {
  const people = input.staff.map((person) => person.id);
  const drivers = input.staff.filter((person) => person.role === "driver").map((p) => p.id);
  const vehicles = input.vehicles.map((vehicle) => vehicle.id);
  const subjects: fc.Arbitrary<{ personId: string } | { vehicleId: string }>[] = [
    fc.constantFrom(...people).map((personId) => ({ personId })),
  ];
  if (drivers.length > 0)
    subjects.push(fc.constantFrom(...drivers).map((personId) => ({ personId })));
  if (vehicles.length > 0)
    subjects.push(fc.constantFrom(...vehicles).map((vehicleId) => ({ vehicleId })));
  const period = fc
    .record({
      subject: fc.oneof(...subjects),
      from: fc.integer({ min: -3, max: input.horizon.days + 1 }),
      length: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined, freq: 4 }),
    })
    .map(
      ({ subject, from, length }): Period => ({
        ...subject,
        from: addDays(input.horizon.start, from),
        ...(length === undefined ? {} : { to: addDays(input.horizon.start, from + length) }),
      }),
    );
  return fc
    .array(period, { maxLength: 6 })
    .map((unavailable): ScenarioInput => ({ ...input, unavailable }));
});

describe("planRoster over generated periods", () => {
  test.prop([withPeriodsArb], { numRuns: 120 })(
    "no trip breaks a period, the roster validates, and every shift starting inside a period is unserved 'unavailable'",
    (input) => {
      const before = structuredClone(input);
      const roster = planRoster(input);
      expect(input).toEqual(before);
      const breaks = availabilityBreaks(input, roster);
      expect(breaks, breaks.slice(0, 10).join("\n")).toEqual([]);
      const report = validateRoster(input, roster);
      expect(report.ok, formatReport(report)).toBe(true);

      const model = scenarioModel(input);
      const index = availabilityIndex(model);
      const reasons = unservedOf(roster);
      for (const shift of shiftInstances(input)) {
        const on = civilDay(shift.date);
        if (index.personAvailable(shift.personId, on)) continue;
        const key = `${shift.personId}|${shift.date}`;
        expect(reasons.get(key), key).toEqual(["unavailable"]);
      }
      // "unavailable" only for a shift whose day, or the day before (a ride in leaving
      // before midnight), is inside a period.
      for (const entry of roster.unserved) {
        if (entry.reason !== "unavailable") continue;
        const on = civilDay(entry.date);
        const out =
          !index.personAvailable(entry.personId, on) ||
          !index.personAvailable(entry.personId, on - 1);
        expect(out, `${entry.personId} ${entry.date}`).toBe(true);
      }
      expect(JSON.stringify(planRoster(parseScenario(structuredClone(input))))).toBe(
        JSON.stringify(roster),
      );
    },
    120_000,
  );
});
