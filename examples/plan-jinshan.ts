/**
 * Plan the built-in Jinshan scenario and check the result, through the public API only.
 * Run with `npx tsx examples/plan-jinshan.ts`.
 */
import {
  formatReport,
  jinshanScenario,
  parseScenario,
  planRoster,
  validateRoster,
} from "../src/index.js";

const scenario = parseScenario(jinshanScenario());
const roster = planRoster(scenario);
const report = validateRoster(scenario, roster);

const { vehiclesUsed, fleetLowerBound, trips, boardings } = roster.stats;
console.log(
  `${vehiclesUsed} vehicles (lower bound ${fleetLowerBound}), ${trips} trips, ${boardings} boardings`,
);
console.log(formatReport(report));
