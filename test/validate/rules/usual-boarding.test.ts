/**
 * fixed-person's fast path, on its own: a usual boarding must be seen as usual (else the
 * rule only gets slower, which its reports cannot show) and every other kind must not be
 * (else the rule would miss it). Fixture: w1 seat 1, w2 seat 2, w3 seat 1, all on v1.
 */
import { describe, expect, it } from "vitest";
import { type ScenarioModel, scenarioModel } from "../../../src/scenario/model.js";
import { personAssignments } from "../../../src/validate/assignments.js";
import { buildValidationContext } from "../../../src/validate/context.js";
import { checkRosterSchema } from "../../../src/validate/rules/roster-schema.js";
import { usualBoardingTest } from "../../../src/validate/rules/usual-boarding.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";

/** Whether each boarding of the roster is usual, as `personId@tripId` → boolean. */
function usualness(scenario: ReturnType<typeof fixtureScenario>, roster: unknown) {
  const model: ScenarioModel = scenarioModel(scenario);
  const shape = checkRosterSchema(model, roster);
  if ("violations" in shape) throw new Error("the test roster must have the right shape");
  const context = buildValidationContext(model, shape.roster);
  const isUsual = usualBoardingTest(context, personAssignments(model, shape.roster.assignments));
  const { trips, boardingStart, boardingPerson, boardingSeat, people } = shape.roster;
  const seen = new Map<string, boolean>();
  trips.forEach((trip, i) => {
    for (let b = boardingStart[i] as number; b < (boardingStart[i + 1] as number); b++) {
      const person = boardingPerson[b] as number;
      seen.set(`${people.idOf(person)}@${trip.id}`, isUsual(person, i, boardingSeat[b] as number));
    }
  });
  return seen;
}

/** w2's boarding of T01, after `change`. */
function w2OnT01(change: (scenario: any, roster: any) => void): boolean | undefined {
  const scenario: any = fixtureScenario();
  const roster: any = structuredClone(validRoster());
  change(scenario, roster);
  return usualness(scenario, roster).get("w2@T01");
}

const staffNamed = (scenario: any, id: string) =>
  scenario.staff.find((person: { id: string }) => person.id === id);

describe("usual boardings (fixed-person's fast path)", () => {
  it("sees every boarding of a roster that keeps the rule as usual", () => {
    const seen = usualness(fixtureScenario(), validRoster());
    expect(seen.size).toBe(12);
    expect([...seen.values()].every((usual) => usual)).toBe(true);
  });

  it("sees a mixed loop as usual for every enterprise where the policy mixes them", () => {
    const seen = usualness(
      { ...fixtureScenario(), policy: { ...fixtureScenario().policy, mixEnterprises: true } },
      { ...validRoster(), loops: [{ ...validRoster().loops[0], enterpriseId: "*" }] },
    );
    expect([...seen.values()].every((usual) => usual)).toBe(true);
  });

  it("sees a boarding as usual under the assignment covering its date", () => {
    // w2: seat 2 until 05-16, seat 7 from 05-17, and sits so
    const roster: any = structuredClone(validRoster());
    const w2 = roster.assignments[1];
    roster.assignments.splice(
      1,
      1,
      { ...w2, to: "2022-05-16" },
      { ...w2, from: "2022-05-17", seat: 7 },
    );
    for (const trip of roster.trips.slice(6))
      for (const passenger of trip.passengers) if (passenger.personId === "w2") passenger.seat = 7;
    const seen = usualness(fixtureScenario(), roster);
    expect([
      seen.get("w2@T01"),
      seen.get("w2@T02"),
      seen.get("w2@T07"),
      seen.get("w2@T08"),
    ]).toEqual([true, true, true, true]);
  });

  it.each([
    ["a date no assignment covers", (_: any, r: any) => (r.assignments[1].from = "2022-05-17")],
    [
      "another seat than the assignment covering the date",
      (_: any, r: any) => {
        r.assignments.push({ ...r.assignments[1], from: "2022-05-17" });
        Object.assign(r.assignments[1], { to: "2022-05-16", seat: 5 });
      },
    ],
    [
      "another vehicle than the assignment covering the date",
      (_: any, r: any) => {
        r.assignments.push({ ...r.assignments[1], from: "2022-05-17" });
        Object.assign(r.assignments[1], { to: "2022-05-16", vehicleId: "v2" });
      },
    ],
    ["another seat", (_: any, r: any) => (r.trips[0].passengers[1].seat = 3)],
    ["an assignment to another vehicle", (_: any, r: any) => (r.assignments[1].vehicleId = "v2")],
    ["no assignment", (_: any, r: any) => r.assignments.splice(1, 1)],
    ["a driver, not a worker", (s: any) => (staffNamed(s, "w2").role = "driver")],
    ["another enterprise", (s: any) => (staffNamed(s, "w2").enterpriseId = "e2")],
    ["another dormitory", (s: any) => (staffNamed(s, "w2").dormitoryId = "d2")],
    ["another plant", (s: any) => (staffNamed(s, "w2").plantId = "p2")],
    ["a loop the roster lacks", (_: any, r: any) => (r.trips[0].loopId = "nowhere")],
    [
      '"*" loop where the policy does not mix enterprises',
      (_: any, r: any) => (r.loops[0].enterpriseId = "*"),
    ],
    [
      "an unknown vehicle, assigned to another unknown vehicle",
      (_: any, r: any) => {
        r.trips[0].vehicleId = "ghost";
        r.assignments[1].vehicleId = "phantom";
      },
    ],
  ])("does not see %s as usual", (_, change) => {
    expect(w2OnT01(change)).toBe(false);
  });
});
