/**
 * The day a worker tests positive, on the built-in Jinshan scenario: who sat near them, who
 * goes into isolation, and the new roster that moves as few people as possible — printed as
 * a coordinator would read it. Public API only. Run with `npm run example:positive-case`.
 */
import {
  formatReport,
  jinshanScenario,
  parseScenario,
  planRoster,
  replan,
  traceContacts,
  validateRoster,
} from "../src/index.js";

const scenario = parseScenario(jinshanScenario());
const roster = planRoster(scenario);

// Day 5 of the horizon: the first rider of the busiest morning trip tests positive.
const day5 = roster.trips
  .map((trip) => trip.depart.slice(0, 10))
  .filter((date, index, dates) => dates.indexOf(date) === index)[4] as string;
const morning = roster.trips
  .filter((trip) => trip.depart.startsWith(day5) && trip.direction === "to-plant")
  .sort((a, b) => b.passengers.length - a.passengers.length)[0];
const personId = morning?.passengers[0]?.personId;
if (morning === undefined || personId === undefined) throw new Error("no trip on day 5");
const person = scenario.staff.find((staff) => staff.id === personId);

console.log(`Positive case: ${personId} (${person?.enterpriseId}), tested ${day5}\n`);

const trace = traceContacts(scenario, roster, personId, { to: day5 });
const list = (ids: string[]) =>
  ids.length <= 8 ? ids.join(", ") : `${ids.slice(0, 8).join(", ")}, …`;
console.log(`Contacts ${trace.from} … ${trace.to}:`);
console.log(`  close      ${trace.close.length}  ${list(trace.close.map((c) => c.personId))}`);
console.log(`  vehicle    ${trace.vehicle.length}  ${list(trace.vehicle.map((c) => c.personId))}`);
console.log(`  testing    ${trace.testing.length}`);
console.log(`  dormitory  ${trace.dormitory.length} others live in ${person?.dormitoryId}\n`);

const result = replan(scenario, roster, [{ kind: "positive-case", personId, date: day5 }]);
const { summary } = result;
const isolated = (result.scenario.unavailable ?? []).filter((period) => period.personId);
console.log(`Re-plan from ${summary.from}:`);
console.log(
  `  isolated           ${isolated.length} (the case and close contacts, until ${isolated[0]?.to})`,
);
console.log(`  assignments kept   ${summary.assignmentsKept}`);
console.log(`  assignments moved  ${summary.moved.length}`);
for (const move of summary.moved.slice(0, 10)) {
  const where = (place: typeof move.before) =>
    place === null ? "—" : `${place.vehicleId} seat ${place.seat}`;
  console.log(`    ${move.personId}: ${where(move.before)} → ${where(move.after)}`);
}
console.log(`  vehicles used      ${summary.vehiclesUsed.before} → ${summary.vehiclesUsed.after}`);
console.log("  unserved shift-days from then on, by reason:");
for (const [reason, count] of Object.entries(summary.unserved).sort((a, b) => b[1] - a[1]))
  console.log(`    ${reason.padEnd(22)} ${count}`);
console.log(`\n${formatReport(validateRoster(result.scenario, result.roster))}`);
