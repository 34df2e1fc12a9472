/**
 * A coordinator's overview of a scenario, as text: each enterprise's eligibility by day,
 * the loops with their fixed routes, and staff per loop.
 */
import { eligibilityOn } from "../facts/eligibility.js";
import { loopsOf } from "../facts/loops.js";
import type { Route } from "../roads/fastest-route.js";
import { scenarioModel } from "../scenario/model.js";
import type { ScenarioInput } from "../scenario/schema.js";
import { formatCivilDate } from "../time/civil-date.js";

function describeRoute(route: Route | null): string {
  if (route === null) return "no road: unroutable";
  return `${route.minutes} min, ${route.km} km via ${route.path.join(" → ")}`;
}

/** The overview as lines of text. */
export function formatScenarioSummary(input: ScenarioInput): string {
  const model = scenarioModel(input);
  const { scenario } = model;
  const lines: string[] = [];
  const lastDay = model.firstDay + model.days - 1;
  lines.push(
    `${scenario.name ?? "Scenario"}: ${scenario.horizon.start} to ${formatCivilDate(lastDay)} (${model.days} days, ${scenario.timeZone})`,
  );
  const workers = scenario.staff.filter((person) => person.role === "worker").length;
  lines.push(
    `${scenario.enterprises.length} enterprises, ${scenario.sites.length} sites, ${workers} workers, ` +
      `${scenario.staff.length - workers} drivers, ${scenario.vehicles.length} vehicles`,
  );

  lines.push("", "Eligibility by day (■ eligible, · not):");
  for (const enterprise of scenario.enterprises) {
    let bar = "";
    const notes = new Set<string>();
    for (let day = model.firstDay; day <= lastDay; day++) {
      const verdict = eligibilityOn(model, enterprise.id, day);
      bar += verdict.eligible ? "■" : "·";
      if (!verdict.eligible && notes.size === 0)
        for (const reason of verdict.reasons) notes.add(reason);
    }
    const note = notes.size > 0 ? `  first refusal: ${[...notes].join("; ")}` : "";
    lines.push(`  ${bar}  ${enterprise.name} (${enterprise.id})${note}`);
  }

  lines.push("", "Loops and their fixed routes:");
  for (const loop of loopsOf(model)) {
    const dormitory = model.sites.get(loop.dormitoryId)?.name ?? loop.dormitoryId;
    const plant = model.sites.get(loop.plantId)?.name ?? loop.plantId;
    lines.push(`  ${loop.id}: ${loop.workerIds.length} workers, ${dormitory} ⇄ ${plant}`);
    lines.push(`    to plant:     ${describeRoute(loop.toPlant)}`);
    lines.push(`    to dormitory: ${describeRoute(loop.toDormitory)}`);
  }
  return lines.join("\n");
}
