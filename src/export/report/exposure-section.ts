/**
 * The exposure section: the spread of distinct vehicle companions per person (quantiles)
 * and who has the most, with names, so a coordinator sees whether any loop mixes far more
 * people than the others.
 */
import { personName, type ReportContext } from "./context.js";
import type { Exposure } from "./exposure.js";
import { count, esc, openSection, plural, table } from "./html.js";

const SHOWN_AT_MAX = 20;

/** The value at quantile `q` of sorted numbers (nearest rank). */
function quantile(sorted: Int32Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** Pushes the exposure section. */
export function renderExposure(context: ReportContext, exposure: Exposure, out: string[]): void {
  openSection(out, "exposure", "Exposure");
  out.push(
    "<p>For each person who rode or drove a trip: how many distinct other people rode or drove any trip of a vehicle they rode or drove, over the whole roster. Under the fixed-person rule this is the size of their bus's closed group; a higher figure means a person moved between vehicles or a vehicle mixed groups.</p>",
  );
  const sorted = Int32Array.from(exposure.byPerson.values()).sort();
  table(
    out,
    ["people on board", "minimum", "25 %", "median", "75 %", "90 %", "maximum"],
    [
      [
        count(exposure.people),
        count(quantile(sorted, 0)),
        count(quantile(sorted, 0.25)),
        count(exposure.median),
        count(quantile(sorted, 0.75)),
        count(quantile(sorted, 0.9)),
        count(exposure.max),
      ],
    ],
    "numbers",
  );
  if (exposure.atMax.length === 0) {
    out.push("<p>Nobody rode or drove a trip.</p></section>");
    return;
  }
  out.push(
    `<p>${plural(exposure.atMax.length, "person has", "people have")} the maximum, ${count(exposure.max)}:</p>`,
  );
  table(
    out,
    ["person", "name", "role"],
    exposure.atMax.slice(0, SHOWN_AT_MAX).map((id) => {
      const person = context.model.staff.get(id);
      return [
        esc(id),
        esc(personName(context, id)),
        person === undefined ? "not in the scenario" : person.role,
      ];
    }),
  );
  if (exposure.atMax.length > SHOWN_AT_MAX)
    out.push(
      `<p>… and ${count(exposure.atMax.length - SHOWN_AT_MAX)} more with the same figure.</p>`,
    );
  out.push("</section>");
}
