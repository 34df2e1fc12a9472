import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  assessEligibility,
  formatReport,
  jinshanScenario,
  parseScenario,
  planRoster,
  type Roster,
  type Scenario,
  type ScenarioInput,
  shiftInstances,
  validateRoster,
} from "../../src/index.js";
import { addDays, scenarioArbitrary } from "../arbitraries/scenario.js";
import { oneLoopScenario } from "../fixtures/one-loop.js";

const MS_PER_MINUTE = 60_000;

// ---------------------------------------------------------------------------------------
// Helpers

/** Plans and validates; fails with the formatted report when the roster breaks a rule. */
function planValid(input: ScenarioInput): { scenario: Scenario; roster: Roster } {
  const scenario = parseScenario(input);
  const roster = planRoster(input);
  const report = validateRoster(scenario, roster);
  expect(report.ok, formatReport(report)).toBe(true);
  return { scenario, roster };
}

/** Memoised eligibility of (enterprise, date). */
function eligibilityOf(scenario: Scenario): (enterpriseId: string, date: string) => boolean {
  const cache = new Map<string, boolean>();
  return (enterpriseId, date) => {
    const key = `${enterpriseId}|${date}`;
    let eligible = cache.get(key);
    if (eligible === undefined) {
      eligible = assessEligibility(scenario, enterpriseId, date).eligible;
      cache.set(key, eligible);
    }
    return eligible;
  };
}

interface Ride {
  direction: "to-plant" | "to-dormitory";
  depart: number;
  arrive: number;
}

function ridesByPerson(roster: Roster): Map<string, Ride[]> {
  const rides = new Map<string, Ride[]>();
  for (const trip of roster.trips) {
    const ride = {
      direction: trip.direction,
      depart: Date.parse(trip.depart),
      arrive: Date.parse(trip.arrive),
    };
    for (const passenger of trip.passengers) {
      const list = rides.get(passenger.personId) ?? [];
      list.push(ride);
      rides.set(passenger.personId, list);
    }
  }
  return rides;
}

/**
 * Every worker-shift on an eligible day is carried (a ride in arriving in the window before
 * the start, a ride home leaving in the window after the end) or listed in `unserved` with
 * a reason; every `unserved` entry names a worker and one of their shift dates. Returns the
 * problems found, in words.
 */
function coverageProblems(scenario: Scenario, roster: Roster): string[] {
  const { policy } = scenario;
  const eligible = eligibilityOf(scenario);
  const enterpriseOf = new Map(scenario.staff.map((person) => [person.id, person.enterpriseId]));
  const rides = ridesByPerson(roster);
  const unserved = new Map<string, string[]>();
  for (const entry of roster.unserved) {
    const key = `${entry.personId}|${entry.date}`;
    unserved.set(key, [...(unserved.get(key) ?? []), entry.reason]);
  }
  const problems: string[] = [];
  const shiftKeys = new Set<string>();
  for (const shift of shiftInstances(scenario)) {
    const key = `${shift.personId}|${shift.date}`;
    shiftKeys.add(key);
    if (!eligible(enterpriseOf.get(shift.personId) ?? "", shift.date)) continue;
    const reasons = unserved.get(key);
    if (reasons !== undefined) {
      if (reasons.some((reason) => reason.trim() === ""))
        problems.push(`${key}: unserved with an empty reason`);
      continue;
    }
    const start = Date.parse(shift.start);
    const end = Date.parse(shift.end);
    const mine = rides.get(shift.personId) ?? [];
    const there = mine.some(
      (ride) =>
        ride.direction === "to-plant" &&
        ride.arrive >= start - policy.maxWaitMinutes * MS_PER_MINUTE &&
        ride.arrive <= start - policy.arriveBeforeShiftMinutes * MS_PER_MINUTE,
    );
    const back = mine.some(
      (ride) =>
        ride.direction === "to-dormitory" &&
        ride.depart >= end + policy.departAfterShiftMinutes * MS_PER_MINUTE &&
        ride.depart <= end + policy.maxWaitMinutes * MS_PER_MINUTE,
    );
    if (!there || !back)
      problems.push(
        `${key} (${shift.shiftId} ${shift.start}–${shift.end}): neither unserved nor carried` +
          `${there ? "" : " (no ride in)"}${back ? "" : " (no ride home)"}`,
      );
  }
  for (const entry of roster.unserved) {
    if (!shiftKeys.has(`${entry.personId}|${entry.date}`))
      problems.push(`unserved ${entry.personId} ${entry.date}: not one of their shift dates`);
  }
  return problems;
}

/** Problems with `stats`, recomputed from the roster. */
function statsProblems(scenario: Scenario, roster: Roster): string[] {
  const { stats } = roster;
  const expected = {
    trips: roster.trips.length,
    emptyTrips: roster.trips.filter((trip) => trip.passengers.length === 0).length,
    boardings: roster.trips.reduce((sum, trip) => sum + trip.passengers.length, 0),
    unservedShifts: roster.unserved.length,
    vehiclesUsed: new Set(roster.trips.map((trip) => trip.vehicleId)).size,
  };
  const problems: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    const actual = stats[key as keyof typeof expected];
    if (actual !== value) problems.push(`stats.${key} is ${actual}, the roster has ${value}`);
  }
  if (!Number.isInteger(stats.fleetLowerBound) || stats.fleetLowerBound < 0)
    problems.push(`stats.fleetLowerBound is ${stats.fleetLowerBound}`);
  // Every eligible worker-shift carried: nobody unserved, or only on days their enterprise
  // is not eligible. Then the roster is one of the rosters the bound speaks of.
  const eligible = eligibilityOf(scenario);
  const enterpriseOf = new Map(scenario.staff.map((person) => [person.id, person.enterpriseId]));
  const allCarried = roster.unserved.every(
    (entry) =>
      entry.reason === "enterprise-ineligible" &&
      !eligible(enterpriseOf.get(entry.personId) ?? "", entry.date),
  );
  if (allCarried && stats.vehiclesUsed < stats.fleetLowerBound)
    problems.push(
      `every eligible shift is carried by ${stats.vehiclesUsed} vehicles, below the lower bound ${stats.fleetLowerBound}`,
    );
  return problems;
}

function unservedReasons(roster: Roster): Set<string> {
  return new Set(roster.unserved.map((entry) => entry.reason));
}

function workers(
  prefix: string,
  count: number,
  schedule: NonNullable<ScenarioInput["staff"][number]["schedule"]>,
  extra: Partial<ScenarioInput["staff"][number]> = {},
): ScenarioInput["staff"] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${String(i + 1).padStart(2, "0")}`,
    enterpriseId: "e1",
    dormitoryId: "d1",
    plantId: "p1",
    role: "worker" as const,
    schedule,
    ...extra,
  }));
}

/** Every (worker, shift date) of a scenario, as `person|date`. */
function shiftKeys(scenario: ScenarioInput): string[] {
  return shiftInstances(scenario).map((shift) => `${shift.personId}|${shift.date}`);
}

// ---------------------------------------------------------------------------------------
// Properties

/** Tests out of order (by person, instant, kind), as "i: a then b". */
function testOrderProblems(roster: Roster): string[] {
  const problems: string[] = [];
  roster.tests.forEach((test, i) => {
    const last = roster.tests[i - 1];
    if (last === undefined) return;
    const order =
      (last.personId < test.personId ? -1 : last.personId > test.personId ? 1 : 0) ||
      Date.parse(last.at) - Date.parse(test.at) ||
      (last.kind < test.kind ? -1 : last.kind > test.kind ? 1 : 0);
    if (order >= 0) problems.push(`${i}: ${JSON.stringify(last)} then ${JSON.stringify(test)}`);
  });
  return problems;
}

describe("planRoster on generated scenarios", () => {
  test.prop([scenarioArbitrary()], { numRuns: 200 })(
    "plans a roster that validateRoster accepts, covering or excusing every eligible shift",
    (input) => {
      const { scenario, roster } = planValid(input);
      const coverage = coverageProblems(scenario, roster);
      expect(coverage, coverage.slice(0, 20).join("\n")).toEqual([]);
      const stats = statsProblems(scenario, roster);
      expect(stats, stats.join("\n")).toEqual([]);
      expect(testOrderProblems(roster).slice(0, 5)).toEqual([]);
    },
    60_000,
  );

  test.prop([scenarioArbitrary()], { numRuns: 50 })(
    "is deterministic and never mutates its input",
    (input) => {
      const before = structuredClone(input);
      const first = JSON.stringify(planRoster(input));
      expect(input).toEqual(before);
      expect(JSON.stringify(planRoster(input))).toBe(first);
      expect(JSON.stringify(planRoster(structuredClone(input)))).toBe(first);
      expect(JSON.stringify(planRoster(parseScenario(structuredClone(input))))).toBe(first);
      expect(input).toEqual(before);
    },
    60_000,
  );
});

// ---------------------------------------------------------------------------------------
// Examples

describe("planRoster examples", () => {
  it("chains a day and a night crew onto one vehicle", () => {
    const input = oneLoopScenario({
      workers: [
        ...workers("day", 5, { cycle: ["day"], anchor: "2022-05-16" }),
        ...workers("night", 5, { cycle: ["night"], anchor: "2022-05-16" }),
      ],
    });
    const { roster } = planValid(input);
    expect(roster.unserved).toEqual([]);
    expect(roster.stats.vehiclesUsed).toBe(1);
    expect(new Set(roster.trips.map((trip) => trip.vehicleId)).size).toBe(1);
    expect(new Set(roster.assignments.map((a) => a.vehicleId)).size).toBe(1);
    expect(roster.assignments).toHaveLength(10);
    // The ride home of the day crew and the ride in of the night crew are runs of one vehicle.
    const byPassenger = (prefix: string, direction: string) =>
      roster.trips.filter(
        (trip) =>
          trip.direction === direction &&
          trip.passengers.some((passenger) => passenger.personId.startsWith(prefix)),
      );
    expect(byPassenger("day", "to-dormitory")).toHaveLength(3);
    expect(byPassenger("night", "to-plant")).toHaveLength(3);
    expect(roster.stats.fleetLowerBound).toBeLessThanOrEqual(roster.stats.vehiclesUsed);
  });

  it("packs two interleaving four-on/four-off crews onto one vehicle, no seat shared on a trip", () => {
    const rota = (anchor: string) => ({
      cycle: ["day", "day", "day", "day", "off", "off", "off", "off"],
      anchor,
    });
    const input = oneLoopScenario({
      horizon: { start: "2022-05-16", days: 10 },
      workers: [...workers("a", 8, rota("2022-05-16")), ...workers("b", 8, rota("2022-05-20"))],
      vehicles: [
        { id: "v1", seats: 19 },
        { id: "v2", seats: 19 },
        { id: "v3", seats: 19 },
      ],
    });
    const { roster } = planValid(input);
    expect(roster.unserved).toEqual([]);
    expect(roster.assignments).toHaveLength(16);
    expect(roster.stats.vehiclesUsed).toBe(1);
    expect(new Set(roster.assignments.map((a) => a.vehicleId)).size).toBe(1);
    const seatOf = new Map(roster.assignments.map((a) => [a.personId, a.seat]));
    for (const trip of roster.trips) {
      expect(trip.passengers.length).toBeLessThanOrEqual(9);
      const seats = trip.passengers.map((passenger) => passenger.seat);
      expect(new Set(seats).size, `trip ${trip.id} seats ${seats.join(",")}`).toBe(seats.length);
      for (const passenger of trip.passengers)
        expect(passenger.seat).toBe(seatOf.get(passenger.personId));
    }
  });

  it("carries as many as one vehicle holds and lists the rest as no-vehicle", () => {
    const input = oneLoopScenario({
      workers: workers("w", 60, { cycle: ["day"], anchor: "2022-05-16" }),
      vehicles: [{ id: "v1", seats: 45 }],
    });
    const { roster } = planValid(input);
    expect(roster.assignments).toHaveLength(22);
    const assigned = new Set(roster.assignments.map((a) => a.personId));
    const expected = shiftKeys(input)
      .filter((key) => !assigned.has(key.split("|")[0] as string))
      .sort();
    expect(expected).toHaveLength(38 * 3);
    expect(roster.unserved.map((entry) => `${entry.personId}|${entry.date}`).sort()).toEqual(
      expected,
    );
    expect(unservedReasons(roster)).toEqual(new Set(["no-vehicle"]));
  });

  it("lists every shift as no-driver when nobody in the dormitory drives", () => {
    const input = oneLoopScenario({
      workers: workers("w", 4, { cycle: ["day"], anchor: "2022-05-16" }),
    });
    input.staff = input.staff.filter((person) => person.role === "worker");
    const { roster } = planValid(input);
    expect(roster.trips).toEqual([]);
    expect(roster.unserved.map((entry) => `${entry.personId}|${entry.date}`).sort()).toEqual(
      shiftKeys(input).sort(),
    );
    expect(unservedReasons(roster)).toEqual(new Set(["no-driver"]));
  });

  it("lists every shift as no-route when the plant cannot be reached", () => {
    const input = oneLoopScenario({
      workers: workers("w", 4, { cycle: ["day"], anchor: "2022-05-16" }),
      roads: {
        edges: [
          { from: "a", to: "c", minutes: 5, km: 2 },
          { from: "b", to: "d", minutes: 5, km: 2 },
        ],
      },
    });
    const { roster } = planValid(input);
    expect(roster.trips).toEqual([]);
    expect(roster.unserved.map((entry) => `${entry.personId}|${entry.date}`).sort()).toEqual(
      shiftKeys(input).sort(),
    );
    expect(unservedReasons(roster)).toEqual(new Set(["no-route"]));
  });

  it("lists every shift as no-route when the road back is one-way the wrong way", () => {
    const input = oneLoopScenario({
      workers: workers("w", 4, { cycle: ["day"], anchor: "2022-05-16" }),
      roads: { edges: [{ from: "a", to: "b", minutes: 5, km: 2, oneWay: true }] },
    });
    const { roster } = planValid(input);
    expect(roster.trips).toEqual([]);
    expect(unservedReasons(roster)).toEqual(new Set(["no-route"]));
    expect(roster.unserved).toHaveLength(12);
  });

  it("lists the shifts of an ineligible enterprise as enterprise-ineligible", () => {
    const input = oneLoopScenario({
      workers: [
        ...workers("w", 4, { cycle: ["day"], anchor: "2022-05-16" }),
        ...workers("x", 4, { cycle: ["day"], anchor: "2022-05-16" }, { enterpriseId: "e2" }),
      ],
      enterprises: [
        { id: "e1", name: "E1", closedHousing: false, positiveCases: [] },
        { id: "e2", name: "E2", closedHousing: true, positiveCases: ["2022-05-10"] },
      ],
    });
    const { roster } = planValid(input);
    expect(roster.trips).toEqual([]);
    expect(roster.unserved).toHaveLength(24);
    expect(unservedReasons(roster)).toEqual(new Set(["enterprise-ineligible"]));
  });

  it("starts carrying an enterprise on the day it turns eligible", () => {
    const input = oneLoopScenario({
      horizon: { start: "2022-05-16", days: 6 },
      policy: { quietDays: 3 },
      workers: workers("w", 4, { cycle: ["day"], anchor: "2022-05-16" }),
      enterprises: [{ id: "e1", name: "E1", closedHousing: true, positiveCases: ["2022-05-15"] }],
    });
    const { roster } = planValid(input);
    // The case of 05-15 keeps 05-16..05-18 closed; 05-19 on is quiet.
    expect([...new Set(roster.unserved.map((entry) => entry.date))].sort()).toEqual([
      "2022-05-16",
      "2022-05-17",
      "2022-05-18",
    ]);
    expect(unservedReasons(roster)).toEqual(new Set(["enterprise-ineligible"]));
    const firstRideIn = roster.trips.find((trip) => trip.passengers.length > 0);
    expect(firstRideIn?.depart.slice(0, 10)).toBe("2022-05-19");
  });

  it("turns away whoever cannot get a test slot, and the roster stays valid", () => {
    const input = oneLoopScenario({
      workers: workers("w", 30, { cycle: ["day"], anchor: "2022-05-16" }),
      sites: [
        {
          id: "d1",
          name: "Dormitory",
          kind: "dormitory",
          node: "a",
          testing: { opens: "06:00", closes: "07:00", slotMinutes: 15, perSlot: 1 },
        },
        { id: "p1", name: "Plant", kind: "plant", node: "b" },
      ],
      vehicles: [
        { id: "v1", seats: 53 },
        { id: "v2", seats: 53 },
      ],
    });
    const { scenario, roster } = planValid(input);
    expect(unservedReasons(roster).has("no-test-slot")).toBe(true);
    expect(roster.assignments.length).toBeGreaterThan(0);
    expect(coverageProblems(scenario, roster)).toEqual([]);
    // Nobody holds a slot with another person.
    const slots = roster.tests.map((t) => `${t.kind}|${t.at}`);
    expect(new Set(slots).size).toBe(slots.length);
  });

  it("plans the built-in Jinshan scenario with no violation", () => {
    const input = jinshanScenario();
    const { scenario, roster } = planValid(input);
    expect(roster.stats.fleetLowerBound).toBeLessThanOrEqual(roster.stats.vehiclesUsed);
    expect(statsProblems(scenario, roster)).toEqual([]);
    expect(coverageProblems(scenario, roster)).toEqual([]);
    // Both kinds are taken in one visit on some days: same instant, listed by kind.
    expect(testOrderProblems(roster).slice(0, 5)).toEqual([]);
  }, 30_000);

  it("keeps a night shift's ride home on the day after the horizon", () => {
    const input = oneLoopScenario({
      horizon: { start: "2022-05-16", days: 1 },
      workers: workers("n", 3, { cycle: ["night"], anchor: "2022-05-16" }),
    });
    const { roster } = planValid(input);
    expect(roster.unserved).toEqual([]);
    const home = roster.trips.filter(
      (trip) => trip.direction === "to-dormitory" && trip.passengers.length > 0,
    );
    expect(home.map((trip) => trip.depart.slice(0, 10))).toEqual([addDays("2022-05-16", 1)]);
  });

  it.each([
    ["Europe/Berlin", "2025-03-29"],
    ["Europe/Berlin", "2025-10-25"],
    ["America/New_York", "2025-03-08"],
    ["America/New_York", "2025-11-01"],
  ])("plans across a DST change in %s from %s, shifts and tests around 02:00", (zone, start) => {
    const input = oneLoopScenario({
      timeZone: zone,
      horizon: { start, days: 3 },
      policy: {
        testing: [
          { kind: "antigen", validHours: 24, resultMinutes: 30 },
          { kind: "pcr", validHours: 48, resultMinutes: 360 },
        ],
      },
      sites: [
        {
          id: "d1",
          name: "Dormitory",
          kind: "dormitory",
          node: "a",
          testing: { opens: "01:00", closes: "04:00", slotMinutes: 15, perSlot: 2 },
        },
        { id: "p1", name: "Plant", kind: "plant", node: "b" },
      ],
      shifts: [
        { id: "early", start: "02:45", end: "10:30" },
        { id: "night", start: "22:00", end: "02:30" },
      ],
      workers: [
        ...workers("e", 3, { cycle: ["early"], anchor: start }),
        ...workers("n", 3, { cycle: ["night"], anchor: start }),
      ],
    });
    const { scenario, roster } = planValid(input);
    expect(roster.stats.boardings).toBeGreaterThan(0);
    expect(coverageProblems(scenario, roster)).toEqual([]);
    expect(statsProblems(scenario, roster)).toEqual([]);
  });

  // Regression: shifts back to back (the ride in to one shift would leave before the ride
  // home from the last) cannot all be carried; the planner must leave some out, not plan
  // two rides to the plant in a row.
  it("does not plan rides in a row the same way for back-to-back shifts", () => {
    const input = oneLoopScenario({
      horizon: { start: "2022-05-16", days: 2 },
      shifts: [{ id: "long", start: "00:00", end: "23:50" }],
      workers: workers("w", 1, { cycle: ["long"], anchor: "2022-05-16" }),
    });
    const { scenario, roster } = planValid(input);
    expect(coverageProblems(scenario, roster)).toEqual([]);
    expect(roster.unserved.length).toBeGreaterThan(0);
  });
});
