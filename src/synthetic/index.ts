/**
 * closed-loop-commute/synthetic: seeded, district-like scenarios for tests, benchmarks and
 * experiments (SPEC §7).
 */
export { generateScenario } from "./generate-scenario.js";
export type { GenerateScenarioOptions } from "./options.js";
