import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  type Change,
  formatReport,
  InvalidArgumentError,
  jinshanScenario,
  NotFoundError,
  parseScenario,
  planRoster,
  type Roster,
  RosterError,
  replan,
  type Scenario,
  validateRoster,
} from "../../src/index.js";
import { changeListFor } from "../arbitraries/changes.js";
import { addDays, scenarioArbitrary } from "../arbitraries/scenario.js";
import { oneLoopScenario } from "../fixtures/one-loop.js";

// ---------------------------------------------------------------------------------------
// Helpers: the guarantees of SPEC §7.2, each as a check that returns its problems

/** The local date of an instant `2022-05-16T07:30:00+08:00` (its own offset is local). */
function localDate(instant: string): string {
  return instant.slice(0, 10);
}

function earliest(changes: readonly Change[]): string | undefined {
  return changes.map((change) => ("date" in change ? change.date : change.from)).sort()[0];
}

/** Trips and tests before `from`: the same, field for field, in both rosters. */
function pastProblems(before: Roster, after: Roster, from: string): string[] {
  const problems: string[] = [];
  const past = (trips: Roster["trips"]) =>
    new Map(trips.filter((t) => localDate(t.depart) < from).map((t) => [t.id, JSON.stringify(t)]));
  const was = past(before.trips);
  const is = past(after.trips);
  for (const [id, text] of was)
    if (is.get(id) !== text) problems.push(`trip ${id} before ${from} changed`);
  for (const id of is.keys()) if (!was.has(id)) problems.push(`trip ${id} before ${from} is new`);
  const tests = (roster: Roster) =>
    roster.tests
      .filter((t) => localDate(t.at) < from)
      .map((t) => JSON.stringify(t))
      .sort();
  if (JSON.stringify(tests(before)) !== JSON.stringify(tests(after)))
    problems.push(`tests before ${from} changed`);
  return problems;
}

/** Who a change may move: people with a new period, joiners, riders of vehicles that went out or lost their driver. */
function touchedBy(
  scenario: Scenario,
  next: Scenario,
  before: Roster,
  from: string,
): { people: Set<string>; vehicles: Set<string> } {
  const periodText = (s: Scenario) => new Set(s.unavailable.map((p) => JSON.stringify(p)));
  const old = periodText(scenario);
  const fresh = next.unavailable.filter((p) => !old.has(JSON.stringify(p)));
  const people = new Set(fresh.flatMap((p) => (p.personId === undefined ? [] : [p.personId])));
  const vehiclesOut = new Set(
    fresh.flatMap((p) => (p.vehicleId === undefined ? [] : [p.vehicleId])),
  );
  const oldStaff = new Set(scenario.staff.map((s) => s.id));
  for (const person of next.staff) if (!oldStaff.has(person.id)) people.add(person.id);
  const vehicles = new Set(vehiclesOut);
  for (const trip of before.trips) {
    if (localDate(trip.depart) < from) continue;
    if (vehiclesOut.has(trip.vehicleId) || people.has(trip.driverId)) vehicles.add(trip.vehicleId);
  }
  for (const trip of before.trips) {
    if (localDate(trip.depart) < from || !vehicles.has(trip.vehicleId)) continue;
    for (const p of trip.passengers) people.add(p.personId);
  }
  return { people, vehicles };
}

function keptProblems(
  before: Roster,
  after: Roster,
  people: Set<string>,
  vehicles: Set<string>,
): string[] {
  const problems: string[] = [];
  const byPerson = (roster: Roster, id: string) =>
    JSON.stringify(roster.assignments.filter((a) => a.personId === id));
  for (const a of before.assignments) {
    if (people.has(a.personId)) continue;
    if (byPerson(before, a.personId) !== byPerson(after, a.personId))
      problems.push(
        `untouched ${a.personId}: ${byPerson(before, a.personId)} → ${byPerson(after, a.personId)}`,
      );
  }
  const byVehicle = (roster: Roster, id: string) =>
    JSON.stringify(roster.vehicles.filter((v) => v.vehicleId === id));
  for (const v of before.vehicles) {
    if (vehicles.has(v.vehicleId)) continue;
    if (byVehicle(before, v.vehicleId) !== byVehicle(after, v.vehicleId))
      problems.push(`untouched vehicle ${v.vehicleId} changed`);
  }
  return problems;
}

/** A rider moved to a vehicle the previous roster did not run keeps their seat. */
function seatProblems(before: Roster, result: ReturnType<typeof replan>): string[] {
  const running = new Set(before.trips.map((t) => t.vehicleId));
  return result.summary.moved
    .filter(
      (move) =>
        move.before !== null &&
        move.after !== null &&
        !running.has(move.after.vehicleId) &&
        move.after.seat !== move.before.seat,
    )
    .map((move) => `${move.personId} moved to a replacement vehicle in another seat`);
}

const planned = new Map<string, Roster>();
function planOnce(input: unknown): Roster {
  const key = JSON.stringify(input);
  let roster = planned.get(key);
  if (roster === undefined) {
    roster = planRoster(input as Scenario);
    planned.set(key, roster);
  }
  return roster;
}

// ---------------------------------------------------------------------------------------
// Properties

describe("replan on generated scenarios and change lists", () => {
  test.prop([scenarioArbitrary({ maxWorkers: 80, maxDays: 7 }), fc.gen()], { numRuns: 60 })(
    "keeps the past, keeps the untouched, keeps seats on replacements, and returns a valid roster",
    (input, g) => {
      const scenario = parseScenario(input);
      const before = planOnce(input);
      const changes = changeListFor(g, scenario);
      const inputCopy = structuredClone(input);
      const beforeCopy = structuredClone(before);
      const changesCopy = structuredClone(changes);

      const result = replan(input, before, changes);

      expect(input).toEqual(inputCopy);
      expect(before).toEqual(beforeCopy);
      expect(changes).toEqual(changesCopy);
      const next = parseScenario(result.scenario);
      const report = validateRoster(next, result.roster);
      if (!report.ok) {
        require("node:fs").writeFileSync(
          "/tmp/gap1.json",
          JSON.stringify({ scenario: input, roster: before, change: changes, result }, null, 1),
        );
      }
      expect(report.ok, formatReport(report)).toBe(true);
      const from = earliest(changes);
      if (from === undefined) {
        expect(JSON.stringify(result.roster)).toBe(JSON.stringify(before));
        expect(result.summary.moved).toEqual([]);
        return;
      }
      expect(result.summary.from).toBe(from);
      expect(pastProblems(before, result.roster, from)).toEqual([]);
      const { people, vehicles } = touchedBy(scenario, next, before, from);
      expect(keptProblems(before, result.roster, people, vehicles)).toEqual([]);
      expect(seatProblems(before, result)).toEqual([]);
      for (const move of result.summary.moved) expect(people.has(move.personId)).toBe(true);
      expect(JSON.stringify(replan(input, before, changes))).toBe(JSON.stringify(result));
    },
    120_000,
  );

  test.prop([scenarioArbitrary({ maxWorkers: 60, maxDays: 5 })], { numRuns: 30 })(
    "without changes returns the planned roster byte for byte, and moves nobody",
    (input) => {
      const roster = planOnce(input);
      const result = replan(input, roster, []);
      expect(JSON.stringify(result.roster)).toBe(JSON.stringify(planRoster(input)));
      expect(result.summary.moved).toEqual([]);
      expect(result.summary.assignmentsChanged).toBe(0);
    },
    60_000,
  );

  // FC_SEED=20220516 once found a driver, made a close contact, whose empty run to fetch an
  // excused ride home was not excused: the riders of that ride home were left at the plant.
  test.prop([scenarioArbitrary({ maxWorkers: 60, maxDays: 6 }), fc.gen()], { numRuns: 25 })(
    "re-plans again and again: each roster valid against its scenario, the past kept each time",
    (input, g) => {
      let scenario: unknown = input;
      let roster = planOnce(input);
      for (let step = 0; step < 3; step++) {
        const parsed = parseScenario(scenario);
        const change = changeListFor(g, parsed, 1).map((c, i) =>
          c.kind === "join" ? { ...c, staff: { ...c.staff, id: `joiner-${step}-${i}` } } : c,
        );
        const result = replan(scenario as Scenario, roster, change);
        const report = validateRoster(result.scenario, result.roster);
        if (!report.ok) {
          require("node:fs").writeFileSync(
            "/tmp/gap.json",
            JSON.stringify({ scenario, roster, change, result }, null, 1),
          );
        }
        expect(report.ok, formatReport(report)).toBe(true);
        const from = earliest(change);
        if (from !== undefined) expect(pastProblems(roster, result.roster, from)).toEqual([]);
        scenario = result.scenario;
        roster = result.roster;
      }
    },
    120_000,
  );
});

// ---------------------------------------------------------------------------------------
// A vehicle out for a day with no spare: only that day stops

describe("replan when a vehicle is out for one day and nothing can stand in", () => {
  const worker = (id: string, shift: string) => ({
    id,
    enterpriseId: "e1",
    dormitoryId: "d1",
    plantId: "p1",
    role: "worker" as const,
    schedule: { cycle: [shift], anchor: "2022-05-16" },
  });
  const input = oneLoopScenario({
    workers: [worker("w1", "day"), worker("w2", "day"), worker("n1", "night")],
    vehicles: [{ id: "v1", seats: 19 }],
  });
  const roster = planRoster(input);
  const result = replan(input, roster, [
    { kind: "vehicle-out", vehicleId: "v1", from: "2022-05-17", to: "2022-05-17" },
  ]);
  const ridesOf = (r: Roster, personId: string, date: string) =>
    r.trips
      .filter(
        (t) => localDate(t.depart) === date && t.passengers.some((p) => p.personId === personId),
      )
      .map((t) => `${t.vehicleId} ${t.direction} ${t.depart}`);

  it("runs the ride home of the night begun before the out day, and nothing else that day", () => {
    expect(validateRoster(result.scenario, result.roster).ok).toBe(true);
    const onOutDay = result.roster.trips.filter((t) => localDate(t.depart) === "2022-05-17");
    // n1's night shift of 05-16 comes home on the 17th; every other trip that day stopped
    expect(
      onOutDay
        .filter((t) => t.passengers.length > 0)
        .map((t) => t.passengers.map((p) => p.personId)),
    ).toEqual([["n1"]]);
    expect(ridesOf(result.roster, "n1", "2022-05-17")).toEqual(
      ridesOf(roster, "n1", "2022-05-17").slice(0, 1),
    );
  });

  it("carries everyone again the day after, on the same vehicle and seats", () => {
    for (const personId of ["w1", "w2"])
      expect(ridesOf(result.roster, personId, "2022-05-18")).toEqual(
        ridesOf(roster, personId, "2022-05-18"),
      );
    // n1's night of the 17th began on the out day: its ride home goes, the next night runs
    expect(ridesOf(result.roster, "n1", "2022-05-18")).toEqual(
      ridesOf(roster, "n1", "2022-05-18").slice(1),
    );
    expect(result.roster.assignments).toEqual(roster.assignments);
    expect(result.summary.moved).toEqual([]);
  });

  it("lists the out day's shifts, and only those, as unserved for want of a vehicle", () => {
    const fresh = result.roster.unserved.filter((u) => u.reason === "no-vehicle");
    expect(fresh.map((u) => `${u.personId} ${u.date}`).sort()).toEqual([
      "n1 2022-05-17",
      "w1 2022-05-17",
      "w2 2022-05-17",
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// The built-in Jinshan scenario

describe("replan on the Jinshan scenario", () => {
  const scenario = parseScenario(jinshanScenario());
  const roster = planRoster(scenario);
  const dayOf = (n: number) => addDays(scenario.horizon.start, n);
  const riderOf = (vehicleId: string) =>
    roster.assignments.find((a) => a.vehicleId === vehicleId)?.personId as string;

  it("isolates a worker: they leave the buses, keep their seat, and nobody else moves", () => {
    const personId = roster.assignments[0]?.personId as string;
    const from = dayOf(4);
    const result = replan(scenario, roster, [{ kind: "isolate", personId, from, to: dayOf(6) }]);
    expect(validateRoster(result.scenario, result.roster).ok).toBe(true);
    const rides = result.roster.trips.filter(
      (t) =>
        localDate(t.depart) >= from &&
        localDate(t.depart) <= dayOf(6) &&
        t.passengers.some((p) => p.personId === personId),
    );
    // Only a ride home of a shift begun before the period may remain.
    expect(rides.every((t) => t.direction === "to-dormitory")).toBe(true);
    expect(result.summary.moved).toEqual([]);
    expect(result.summary.unserved.unavailable).toBeGreaterThan(0);
    expect(result.roster.assignments.filter((a) => a.personId === personId)).toEqual(
      roster.assignments.filter((a) => a.personId === personId),
    );
  });

  it("takes a vehicle out: a spare vehicle takes its riders in the same seats from that day", () => {
    const vehicleId = roster.vehicles[0]?.vehicleId as string;
    const from = dayOf(3);
    const result = replan(scenario, roster, [{ kind: "vehicle-out", vehicleId, from }]);
    const report = validateRoster(result.scenario, result.roster);
    expect(report.ok, formatReport(report)).toBe(true);
    expect(
      result.roster.trips.some((t) => t.vehicleId === vehicleId && localDate(t.depart) >= from),
    ).toBe(false);
    expect(result.summary.moved.length).toBeGreaterThan(0);
    for (const move of result.summary.moved) {
      expect(move.before?.vehicleId).toBe(vehicleId);
      expect(move.after?.seat).toBe(move.before?.seat);
    }
    const cut = result.roster.assignments.find(
      (a) => a.personId === riderOf(vehicleId) && a.to !== undefined,
    );
    expect(cut?.to).toBe(dayOf(2));
  });

  it("a positive case: the case and close contacts are isolated, the enterprise stops", () => {
    const trip = roster.trips.find(
      (t) => localDate(t.depart) === dayOf(4) && t.passengers.length > 3,
    );
    const personId = trip?.passengers[0]?.personId as string;
    const result = replan(scenario, roster, [{ kind: "positive-case", personId, date: dayOf(4) }]);
    const report = validateRoster(result.scenario, result.roster);
    expect(report.ok, formatReport(report)).toBe(true);
    const isolated = (result.scenario.unavailable ?? []).map((p) => p.personId);
    expect(isolated).toContain(personId);
    expect(isolated).toContain(trip?.driverId);
    for (const p of trip?.passengers ?? []) expect(isolated).toContain(p.personId);
  });

  it("refuses bad arguments with the library's errors", () => {
    expect(() => replan(scenario, { version: 2 }, [])).toThrow(RosterError);
    expect(() =>
      replan(scenario, roster, [{ kind: "isolate", personId: "nobody", from: dayOf(1) }]),
    ).toThrow(NotFoundError);
    expect(() =>
      replan(scenario, roster, [{ kind: "vehicle-out", vehicleId: "V?", from: dayOf(1) }]),
    ).toThrow(NotFoundError);
    expect(() =>
      replan(scenario, roster, [{ kind: "case-at", enterpriseId: "none", date: dayOf(1) }]),
    ).toThrow(NotFoundError);
    const personId = roster.assignments[0]?.personId as string;
    expect(() =>
      replan(scenario, roster, [{ kind: "isolate", personId, from: "2022-13-01" }]),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      replan(scenario, roster, [{ kind: "isolate", personId, from: "2030-01-01" }]),
    ).toThrow(InvalidArgumentError);
    expect(() => replan(scenario, roster, [{ kind: "explode" } as unknown as Change])).toThrow(
      InvalidArgumentError,
    );
    const broken = structuredClone(roster);
    (broken.trips[0] as Roster["trips"][number]).passengers.push({ personId: "ghost", seat: 1 });
    expect(() => replan(scenario, broken, [])).toThrow(RosterError);
  });
});
