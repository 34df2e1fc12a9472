/**
 * The main job, end to end on the built-in Jinshan scenario: for now, the scenario overview
 * (eligibility by day, loops with their fixed routes, staff per loop).
 */
import { formatScenarioSummary } from "../src/cli/scenario-summary.js";
import { jinshanScenario } from "../src/index.js";

console.log(formatScenarioSummary(jinshanScenario()));
