/**
 * The built-in Jinshan scenario: six enterprises of Jinshan district, Shanghai, resuming
 * work in closed loops in May 2022, with their staff stations (converted talent
 * apartments), plants, the district's roads, about 1,500 workers, their drivers and a fleet
 * of shuttle buses, over the two weeks from Monday 2022-05-16.
 *
 * The figures are invented but plausible, modelled on Jinshan district in May 2022; they are
 * not official data. The parts live in `sites.ts`, `roads.ts`, `staff.ts` and `fleet.ts`.
 */
import type { ScenarioInput } from "../scenario/schema.js";
import { jinshanDrivers, jinshanVehicles } from "./fleet.js";
import { jinshanRoadEdges, jinshanRoadNodes } from "./roads.js";
import { jinshanEnterprises, jinshanSites } from "./sites.js";
import { jinshanShifts, jinshanWorkers, ROTA_ANCHOR } from "./staff.js";

/**
 * The built-in Jinshan scenario: a new object on every call, the same one every time.
 *
 * @returns a scenario input for `parseScenario`, `planRoster` and the rest
 * @example
 * const scenario = parseScenario(jinshanScenario());
 * scenario.enterprises.length //=> 6
 * assessEligibility(scenario, "shanyang-precision", "2022-05-16").eligible //=> false
 */
export function jinshanScenario(): ScenarioInput {
  return {
    name: "Jinshan district, Shanghai — closed-loop resumption, May 2022 (illustrative)",
    timeZone: "Asia/Shanghai",
    horizon: { start: ROTA_ANCHOR, days: 14 },
    policy: {
      loadFactor: 0.5,
      disinfectionMinutes: 15,
      testing: [
        { kind: "antigen", validHours: 24, resultMinutes: 30 },
        { kind: "pcr", validHours: 48, resultMinutes: 360 },
      ],
    },
    enterprises: jinshanEnterprises(),
    sites: jinshanSites(),
    roads: { edges: jinshanRoadEdges(), nodes: jinshanRoadNodes() },
    shifts: jinshanShifts(),
    staff: [...jinshanWorkers(), ...jinshanDrivers()],
    vehicles: jinshanVehicles(),
  };
}
