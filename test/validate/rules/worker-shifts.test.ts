/**
 * shift-coverage's shift reader, on its own: a worker on the same rotation as the one
 * before gets that one's shifts, and any other worker their own expansion.
 */
import { describe, expect, it } from "vitest";
import { expandSchedule } from "../../../src/facts/shift-instances.js";
import { scenarioModel } from "../../../src/scenario/model.js";
import type { Schedule } from "../../../src/scenario/schema.js";
import { sameRotation, workerShifts } from "../../../src/validate/rules/worker-shifts.js";
import { fixtureScenario } from "../../fixtures/valid-roster.js";

const rotation = (anchor: string, ...cycle: string[]): Schedule => ({ cycle, anchor });

describe("sameRotation", () => {
  it("is true for equal cycles from the same anchor, even as other objects", () => {
    expect(
      sameRotation(rotation("2022-05-16", "day", "off"), rotation("2022-05-16", "day", "off")),
    ).toBe(true);
  });

  it("is false when the anchor, the length or any entry differs", () => {
    const base = rotation("2022-05-16", "day", "off");
    expect(sameRotation(base, rotation("2022-05-17", "day", "off"))).toBe(false);
    expect(sameRotation(base, rotation("2022-05-16", "day", "off", "off"))).toBe(false);
    expect(sameRotation(base, rotation("2022-05-16", "day"))).toBe(false);
    expect(sameRotation(base, rotation("2022-05-16", "day", "night"))).toBe(false);
    expect(sameRotation(base, rotation("2022-05-16", "night", "off"))).toBe(false);
  });

  it("is false for dated schedules, even equal ones", () => {
    const dated: Schedule = { dates: { "2022-05-16": "day" } };
    expect(sameRotation(dated, dated)).toBe(false);
    expect(sameRotation(dated, rotation("2022-05-16", "day"))).toBe(false);
    expect(sameRotation(rotation("2022-05-16", "day"), dated)).toBe(false);
  });
});

describe("workerShifts", () => {
  const model = scenarioModel(fixtureScenario());
  const expanded = (schedule: Schedule) =>
    expandSchedule(schedule, model.shifts, model.firstDay, model.days, model.zone);

  it("gives each schedule's shifts as columns: start, end and day in the horizon", () => {
    // Arrange: night shifts every other day from the first day.
    const schedule = rotation("2022-05-16", "night", "off");

    // Act
    const shifts = workerShifts(model)(schedule);

    // Assert
    const instances = expanded(schedule);
    expect(shifts.instances).toEqual(instances);
    expect([...shifts.start]).toEqual(instances.map((shift) => shift.start));
    expect([...shifts.end]).toEqual(instances.map((shift) => shift.end));
    expect([...shifts.day]).toEqual(instances.map((shift) => shift.day - model.firstDay));
    expect(shifts.day.length).toBeGreaterThan(0);
  });

  it("reuses the last worker's shifts for the same rotation, and expands any other anew", () => {
    // Arrange
    const shiftsOf = workerShifts(model);
    const day = rotation("2022-05-16", "day");
    const night = rotation("2022-05-16", "night");

    // Act
    const first = shiftsOf(day);
    const again = shiftsOf(rotation("2022-05-16", "day"));
    const other = shiftsOf(night);
    const back = shiftsOf(day);

    // Assert
    expect(again).toBe(first);
    expect(other.instances).toEqual(expanded(night));
    expect(back).not.toBe(first);
    expect(back.instances).toEqual(expanded(day));
  });
});
