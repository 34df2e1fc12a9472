/**
 * `changeListFor`: random lists of `replan` changes (SPEC §7.2) for a planned scenario —
 * positive cases, isolations, vehicles out, leavers, joiners and cases outside the loop —
 * on dates across the roster's dates (the horizon and the day after it), naming people,
 * vehicles and enterprises that exist, and joiners that fit the scenario.
 */
import { fc } from "@fast-check/vitest";
import type { Change, Scenario, StaffInput } from "../../src/index.js";
import { addDays } from "./scenario.js";

/** Picks from a non-empty list. */
function pick<T>(g: fc.GeneratorValue, items: readonly T[]): T {
  return items[g(fc.nat, { max: items.length - 1 })] as T;
}

/** A date of the roster (the horizon and the day after). */
function dateIn(g: fc.GeneratorValue, scenario: Scenario): string {
  return addDays(scenario.horizon.start, g(fc.nat, { max: scenario.horizon.days }));
}

/** `to` on or after `from`, or open. */
function toAfter(g: fc.GeneratorValue, scenario: Scenario, from: string): string | undefined {
  if (g(fc.boolean)) return undefined;
  const last = addDays(scenario.horizon.start, scenario.horizon.days);
  const to = addDays(from, g(fc.nat, { max: 6 }));
  return [to, last].sort()[0] as string; // the earlier date
}

/** One change for the scenario; `index` keeps joiner ids unique within a list. */
export function changeFor(g: fc.GeneratorValue, scenario: Scenario, index: number): Change {
  const staff = scenario.staff;
  const workers = staff.filter((person) => person.role === "worker");
  const kinds = ["positive-case", "isolate", "vehicle-out", "leave", "join", "case-at"] as const;
  // A joiner needs a bed: only dormitories with one free are joined.
  const residents = new Map<string, number>();
  for (const person of staff)
    residents.set(person.dormitoryId, (residents.get(person.dormitoryId) ?? 0) + 1);
  const roomy = (dormitoryId: string) => {
    const beds = scenario.sites.find((site) => site.id === dormitoryId)?.beds;
    return beds === undefined || (residents.get(dormitoryId) ?? 0) + index < beds;
  };
  const joinable = (workers.length > 0 ? workers : staff).filter((p) => roomy(p.dormitoryId));
  const kind = pick(g, joinable.length > 0 ? kinds : kinds.filter((k) => k !== "join"));
  switch (kind) {
    case "positive-case":
      return { kind, personId: pick(g, staff).id, date: dateIn(g, scenario) };
    case "isolate": {
      const from = dateIn(g, scenario);
      const to = toAfter(g, scenario, from);
      const personId = pick(g, staff).id;
      return to === undefined ? { kind, personId, from } : { kind, personId, from, to };
    }
    case "vehicle-out": {
      const from = dateIn(g, scenario);
      const to = toAfter(g, scenario, from);
      const vehicleId = pick(g, scenario.vehicles).id;
      return to === undefined ? { kind, vehicleId, from } : { kind, vehicleId, from, to };
    }
    case "leave":
      return { kind, personId: pick(g, staff).id, from: dateIn(g, scenario) };
    case "join": {
      const model = pick(g, joinable);
      const joiner: StaffInput = structuredClone({ ...model, id: `joiner-${index}` }) as StaffInput;
      delete (joiner as { name?: string }).name;
      return { kind, staff: joiner, from: dateIn(g, scenario) };
    }
    case "case-at":
      return { kind, enterpriseId: pick(g, scenario.enterprises).id, date: dateIn(g, scenario) };
  }
}

/** A list of 0–`max` changes. */
export function changeListFor(g: fc.GeneratorValue, scenario: Scenario, max = 4): Change[] {
  const count = g(fc.nat, { max });
  return Array.from({ length: count }, (_, index) => changeFor(g, scenario, index));
}
