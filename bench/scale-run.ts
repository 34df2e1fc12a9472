/**
 * One scale point of the benchmark, in its own process so that its peak RSS is its own:
 * generate a district of N staff (the parse time includes generating it), plan it, validate
 * the plan, and time `JSON.parse` of the roster's compact JSON — the baseline the planner and
 * the validator are held against: what a user of the library pays just to build the roster's
 * objects from text. Peak RSS is taken before that baseline, so it counts the scenario, the
 * roster and the validator, not the JSON text and its parsed copy.
 * Prints one JSON line. Run by bench/run.ts:
 * `node --import tsx --expose-gc bench/scale-run.ts N seed`.
 */

import { planRoster } from "../src/plan/plan-roster.js";
import { scenarioModel } from "../src/scenario/model.js";
import { parseScenario } from "../src/scenario/parse.js";
import { generateScenario } from "../src/synthetic/index.js";
import { readRoster } from "../src/validate/read-roster.js";
import { validateRoster } from "../src/validate/validate-roster.js";
import { handMethodFleet } from "./baseline/hand-method.js";

const staff = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);

/**
 * Times one phase. Each starts after a full garbage collection (the runner passes
 * --expose-gc), so that no phase pays for collecting the garbage the one before it left:
 * without it, validation paid ~0.4 s at 100k staff for the planner's garbage.
 */
function time<T>(run: () => T): { value: T; ms: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

// The input is not kept once parsed (as a caller reading a JSON file would not keep it),
// so peak RSS counts the parsed scenario, the roster and the validator, not two scenarios.
const parsed = time(() => parseScenario(generateScenario({ seed, staff })));
const planned = time(() => planRoster(parsed.value));
const validated = time(() => validateRoster(parsed.value, planned.value));
const boardings = planned.value.stats.boardings;

// Where the validator's time goes: its read of the roster alone (shape check and indexing),
// and a bare walk over the same objects that only copies each boarding's and test's fields
// into typed arrays, checking nothing: the least any validator of this input must do.
const read = time(() => readRoster(scenarioModel(parsed.value), planned.value));
const walk = time(() => {
  const { trips, tests } = planned.value;
  const seats = new Float64Array(boardings);
  const testTimes = new Float64Array(tests.length);
  let b = 0;
  let touched = 0;
  for (const trip of trips)
    for (const passenger of trip.passengers) {
      seats[b++] = passenger.seat;
      touched += passenger.personId.length;
    }
  for (let t = 0; t < tests.length; t++) {
    const test = tests[t] as (typeof tests)[number];
    testTimes[t] = test.at.length;
    touched += test.personId.length + test.siteId.length + test.kind.length;
  }
  return touched + (seats[0] ?? 0) + (testTimes[0] ?? 0);
});

// Peak RSS of planning and validating, before the JSON baseline adds its text and copy.
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// The baseline: `JSON.parse` of the roster's compact JSON, in this process, now. A roster
// whose JSON is longer than V8's longest string (about 512 MiB) cannot be one string, so it
// cannot be given to `JSON.parse` either: then there is no baseline at this size.
let json: string | undefined;
try {
  json = JSON.stringify(planned.value);
} catch (error) {
  if (!(error instanceof RangeError)) throw error;
}
const jsonChars = json?.length;
const jsonParse =
  json === undefined
    ? undefined
    : time(() => {
        JSON.parse(json as string);
      });
json = undefined;

const violations = Object.values(validated.value.counts).reduce((sum, count) => sum + count, 0);
console.log(
  JSON.stringify({
    staff,
    enterprises: parsed.value.enterprises.length,
    vehicles: parsed.value.vehicles.length,
    parseMs: parsed.ms,
    planMs: planned.ms,
    validateMs: validated.ms,
    jsonParseMs: jsonParse?.ms ?? null,
    jsonChars: jsonChars ?? null,
    readMs: read.ms,
    walkMs: walk.ms,
    boardings,
    trips: planned.value.stats.trips,
    tests: planned.value.tests.length,
    vehiclesUsed: planned.value.stats.vehiclesUsed,
    fleetLowerBound: planned.value.stats.fleetLowerBound,
    handFleet: handMethodFleet(parsed.value),
    unservedShifts: planned.value.stats.unservedShifts,
    violations,
    peakRssMb,
  }),
);
