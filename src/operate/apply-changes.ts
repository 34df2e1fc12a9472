/**
 * The scenario side of re-planning (SPEC §7.2): each change written into a copy of the
 * scenario input as data — a positive case into its enterprise's cases and, for the case
 * and every close contact, an isolation period; isolation, leave and an out-of-service
 * vehicle as `unavailable` periods; a joiner as new staff unavailable before they join.
 */
import type { Roster } from "../roster/schema.js";
import type { ScenarioModel } from "../scenario/model.js";
import type { ScenarioInput, UnavailablePeriod } from "../scenario/schema.js";
import { civilDay, formatCivilDate } from "../time/civil-date.js";
import { compareText } from "../util/order.js";
import { type Change, changeStart } from "./changes.js";
import { closeContactIds } from "./close-contacts.js";

/** What applying the changes made of the scenario. */
export interface AppliedChanges {
  /** The scenario input with every change written in (a new object; the input is untouched). */
  scenario: ScenarioInput;
  /** The earliest date among the changes, or `null` without changes. */
  from: string | null;
  /** Ids of the people the changes made unavailable (cases, contacts, isolated, leavers), sorted. */
  madeUnavailable: string[];
  /** Ids of the vehicles the changes took out of service, sorted. */
  vehiclesOut: string[];
  /** Ids of the joiners, in the order of the changes. */
  joiners: string[];
}

type Writable = {
  -readonly [K in keyof ScenarioInput]: ScenarioInput[K];
};

/**
 * Writes the changes into a copy of the scenario. `previous` is the roster in force, whose
 * trips say who shared a vehicle with a positive case.
 */
export function applyChanges(
  model: ScenarioModel,
  scenarioInput: ScenarioInput,
  previous: Roster,
  changes: readonly Change[],
): AppliedChanges {
  const scenario = structuredClone(scenarioInput) as Writable;
  const unavailable: UnavailablePeriod[] = [...(scenario.unavailable ?? [])];
  const policy = model.scenario.policy;
  const horizonStart = model.firstDay;
  const madeUnavailable = new Set<string>();
  const vehiclesOut = new Set<string>();
  const joiners: string[] = [];
  const addCase = (enterpriseId: string, date: string) => {
    const enterprise = scenario.enterprises.find((candidate) => candidate.id === enterpriseId);
    if (enterprise === undefined) return;
    const cases = [...(enterprise.positiveCases ?? [])];
    if (!cases.includes(date)) cases.push(date);
    cases.sort(compareText);
    enterprise.positiveCases = cases;
  };
  const isolate = (personId: string, from: string, to: string | undefined, reason: string) => {
    unavailable.push(
      to === undefined ? { personId, from, reason } : { personId, from, to, reason },
    );
    madeUnavailable.add(personId);
  };

  for (const change of changes) {
    switch (change.kind) {
      case "positive-case": {
        const day = civilDay(change.date);
        const until = formatCivilDate(day + policy.isolationDays - 1);
        const person = model.staff.get(change.personId);
        if (person !== undefined) {
          addCase(person.enterpriseId, change.date);
          // traceContacts' close list over [date - traceBackDays, date], in one pass.
          const contacts = closeContactIds(
            model,
            previous,
            change.personId,
            Math.max(horizonStart, day - policy.traceBackDays),
            day,
            policy.contactRows,
          );
          for (const contactId of [...contacts].sort(compareText))
            isolate(contactId, change.date, until, "close-contact");
        } else {
          // A joiner of the same list: no rides yet, so no contacts; their case still counts.
          const joiner = changes.find(
            (other) => other.kind === "join" && other.staff.id === change.personId,
          );
          if (joiner?.kind === "join") addCase(joiner.staff.enterpriseId, change.date);
        }
        isolate(change.personId, change.date, until, "positive-case");
        break;
      }
      case "isolate":
        isolate(change.personId, change.from, change.to, "isolation");
        break;
      case "leave":
        isolate(change.personId, change.from, undefined, "leave");
        break;
      case "vehicle-out":
        unavailable.push(
          change.to === undefined
            ? { vehicleId: change.vehicleId, from: change.from, reason: "out-of-service" }
            : {
                vehicleId: change.vehicleId,
                from: change.from,
                to: change.to,
                reason: "out-of-service",
              },
        );
        vehiclesOut.add(change.vehicleId);
        break;
      case "join": {
        scenario.staff = [...scenario.staff, structuredClone(change.staff)];
        joiners.push(change.staff.id);
        const joinDay = civilDay(change.from);
        if (joinDay > horizonStart) {
          unavailable.push({
            personId: change.staff.id,
            from: formatCivilDate(horizonStart),
            to: formatCivilDate(joinDay - 1),
            reason: "not-yet-joined",
          });
        }
        break;
      }
      case "case-at":
        addCase(change.enterpriseId, change.date);
        break;
    }
  }
  if (unavailable.length > 0) scenario.unavailable = unavailable;
  const starts = changes.map(changeStart).sort(compareText);
  return {
    scenario: scenario as ScenarioInput,
    from: starts[0] ?? null,
    madeUnavailable: [...madeUnavailable].sort(compareText),
    vehiclesOut: [...vehiclesOut].sort(compareText),
    joiners,
  };
}
