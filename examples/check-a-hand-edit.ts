/**
 * A logistics officer moves one passenger to a seat that is already taken, and asks the
 * validator what that breaks. Run with `npx tsx examples/check-a-hand-edit.ts`.
 */
import {
  formatReport,
  jinshanScenario,
  parseScenario,
  planRoster,
  validateRoster,
} from "../src/index.js";

const scenario = parseScenario(jinshanScenario());
const roster = structuredClone(planRoster(scenario));

const crowded = roster.trips.find((trip) => trip.passengers.length >= 2);
const [first, second] = crowded?.passengers ?? [];
if (first !== undefined && second !== undefined) second.seat = first.seat;

console.log(formatReport(validateRoster(scenario, roster)));
