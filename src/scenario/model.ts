/**
 * Indexes over a parsed scenario (by id, day numbers, minutes of day), built once and cached
 * per scenario object, so that the planner and the validator never search arrays by id or
 * re-parse dates in their loops. Public functions accept either a scenario input or a parsed
 * scenario: an object `parseScenario` returned is not parsed again.
 */
import { civilDay, type DayNumber } from "../time/civil-date.js";
import { parseScenario } from "./parse.js";
import type { Enterprise, Scenario, Shift, Site, Staff, Vehicle } from "./schema.js";

export interface ScenarioModel {
  scenario: Scenario;
  zone: string;
  firstDay: DayNumber;
  days: number;
  enterprises: ReadonlyMap<string, Enterprise>;
  sites: ReadonlyMap<string, Site>;
  /** Each site's position in `scenario.sites`, and the site ids in that order. */
  siteIndex: ReadonlyMap<string, number>;
  siteIds: readonly string[];
  shifts: ReadonlyMap<string, Shift>;
  staff: ReadonlyMap<string, Staff>;
  /** Each staff member's position in `scenario.staff`, for arrays indexed by person. */
  staffIndex: ReadonlyMap<string, number>;
  /** The staff ids in scenario order (`staffIds[staffIndex.get(id)] === id`). */
  staffIds: readonly string[];
  vehicles: ReadonlyMap<string, Vehicle>;
}

const models = new WeakMap<Scenario, ScenarioModel>();

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** The indexes of a scenario (parsing it first if need be). */
export function scenarioModel(input: unknown): ScenarioModel {
  const scenario = parseScenario(input);
  const cached = models.get(scenario);
  if (cached !== undefined) return cached;
  const model: ScenarioModel = {
    scenario,
    zone: scenario.timeZone,
    firstDay: civilDay(scenario.horizon.start),
    days: scenario.horizon.days,
    enterprises: byId(scenario.enterprises),
    sites: byId(scenario.sites),
    siteIndex: new Map(scenario.sites.map((site, index) => [site.id, index])),
    siteIds: scenario.sites.map((site) => site.id),
    shifts: byId(scenario.shifts),
    staff: byId(scenario.staff),
    staffIndex: new Map(scenario.staff.map((person, index) => [person.id, index])),
    staffIds: scenario.staff.map((person) => person.id),
    vehicles: byId(scenario.vehicles),
  };
  models.set(scenario, model);
  return model;
}
