/**
 * `renderTimelineSvg` (SPEC §7.3): one local date of a roster as an SVG timeline, a row per
 * vehicle that runs that day and a bar per trip, for a coordinator to see at a glance which
 * buses run when, how full, and with their disinfection gaps. The drawing is in
 * `timeline-draw.ts`; this checks the arguments and writes a standalone SVG file's text.
 */
import { parseRoster } from "../roster/parse.js";
import { scenarioModel } from "../scenario/model.js";
import type { Scenario, ScenarioInput } from "../scenario/schema.js";
import { rosterDate, rosterDays } from "./roster-days.js";
import { drawTimeline } from "./timeline-draw.js";

/**
 * Draws the vehicles' day on a local date as SVG: one row per vehicle with a trip departing
 * that date (labelled with its id and plate), a bar per trip placed by local time — to-plant,
 * to-dormitory and empty runs in different fills, named in a legend — with
 * `passengers/capacity` written above or below it (capacity as `vehicleCapacity` gives it),
 * the `policy.disinfectionMinutes` gap after each trip (red when the next trip leaves before
 * it ends), and an hour axis in local time from midnight (longer when a ride home ends after
 * the next midnight). Well-formed XML with `xmlns`, a `viewBox` and a width of 1,280 px.
 *
 * Elements carry data for programs: `rect.trip` has `data-trip`, `data-kind`
 * (`to-plant` | `to-dormitory` | `empty`), `data-direction`, `data-passengers` and
 * `data-capacity`; `text.load` and `rect.disinfection` have `data-trip`.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster of the §5 shape
 * @param date - a local date `YYYY-MM-DD` among the roster's dates (the horizon and the day after it)
 * @returns the SVG document's text
 * @throws {RosterError} when the roster is not of the §5 shape
 * @throws {InvalidArgumentError} for a malformed date or one outside the roster's dates
 * @example
 * const scenario = jinshanScenario();
 * const svg = renderTimelineSvg(scenario, planRoster(scenario), "2022-05-16");
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') //=> true
 */
export function renderTimelineSvg(
  scenario: ScenarioInput | Scenario,
  roster: unknown,
  date: string,
): string {
  const model = scenarioModel(scenario);
  const parsed = parseRoster(roster);
  const days = rosterDays(model, parsed);
  const day = rosterDate(date, days);
  const out: string[] = [];
  drawTimeline(model, days, day, { standalone: true }, out);
  return out.join("");
}
