/**
 * The eligibility section (SPEC §4): for each enterprise and each day of the horizon,
 * whether it may run its loops, with the reason in a tooltip when not, and how many
 * enterprises are eligible each day.
 */
import { eligibilityIndex, eligibilityOn } from "../../facts/eligibility.js";
import { formatCivilDate } from "../../time/civil-date.js";
import { compareText } from "../../util/order.js";
import { weekday } from "../numbers.js";
import type { ReportContext } from "./context.js";
import { count, esc, openSection } from "./html.js";

/** Pushes the eligibility table. */
export function renderEligibility(context: ReportContext, out: string[]): void {
  const { model } = context;
  const eligible = eligibilityIndex(model);
  const dayList: number[] = [];
  for (let d = 0; d < model.days; d++) dayList.push(model.firstDay + d);
  const enterprises = [...model.enterprises.values()].sort((a, b) => compareText(a.id, b.id));
  const workers = new Map<string, number>();
  for (const person of model.scenario.staff)
    if (person.role === "worker")
      workers.set(person.enterpriseId, (workers.get(person.enterpriseId) ?? 0) + 1);

  openSection(out, "eligibility", "Eligibility by enterprise and day");
  out.push(
    `<p>An enterprise may run its loops on a day when it has closed staff housing and no positive case in the ${model.scenario.policy.quietDays} days before (SPEC §4). ✓ eligible, ✗ not (hover for why).</p>`,
    '<div class="scroll"><table class="eligibility"><thead><tr><th scope="col">enterprise</th><th scope="col">workers</th>',
  );
  for (const day of dayList) {
    const date = formatCivilDate(day);
    out.push(`<th scope="col" title="${date}">${date.slice(5)}<br>${weekday(day)}</th>`);
  }
  out.push("</tr></thead><tbody>");
  const perDay = new Int32Array(dayList.length);
  for (const enterprise of enterprises) {
    out.push(
      `<tr data-enterprise="${esc(enterprise.id)}"><th scope="row"><span class="id">${esc(enterprise.id)}</span> ${esc(enterprise.name)}</th><td class="num">${count(workers.get(enterprise.id) ?? 0)}</td>`,
    );
    dayList.forEach((day, k) => {
      if (eligible(enterprise.id, day)) {
        perDay[k] = (perDay[k] as number) + 1;
        out.push('<td class="yes">✓</td>');
      } else {
        const why = eligibilityOn(model, enterprise.id, day).reasons.join("; ");
        out.push(`<td class="no" title="${esc(why)}">✗</td>`);
      }
    });
    out.push("</tr>");
  }
  out.push(
    `</tbody><tfoot><tr><th scope="row">eligible enterprises</th><td class="num">of ${count(enterprises.length)}</td>`,
  );
  for (const n of perDay) out.push(`<td class="num">${n}</td>`);
  out.push("</tr></tfoot></table></div></section>");
}
