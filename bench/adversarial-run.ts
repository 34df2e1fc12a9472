/**
 * One case of the adversarial benchmark, in its own process so that its peak RSS is its own:
 * generate and plan a district, build the case's roster from the plan, validate it once.
 * Prints one JSON line. Run by bench/adversarial.ts:
 * `node --import tsx --expose-gc bench/adversarial-run.ts <case> <staff> <scale>`.
 */

import { planRoster } from "../src/plan/plan-roster.js";
import type { Roster } from "../src/roster/schema.js";
import { parseScenario } from "../src/scenario/parse.js";
import type { ScenarioInput } from "../src/scenario/schema.js";
import { generateScenario } from "../src/synthetic/index.js";
import { rosterLimits } from "../src/validate/limits.js";
import { validateRoster } from "../src/validate/validate-roster.js";

type CaseName =
  | "planned"
  | "one-trip-unknown-ids"
  | "one-trip-staff-ids"
  | "one-trip-beyond-limit"
  | "copies-empty-trip"
  | "copies-distinct"
  | "copies-beyond-limit"
  | "holes-within-limit"
  | "holes-beyond-limit";

const name = process.argv[2] as CaseName;
const staff = Number(process.argv[3] ?? 25_000);
/** 1 for the full sizes (10⁶ passengers, 3·10⁶ copies, 10⁸ holes); smaller for a quick run. */
const scale = Number(process.argv[4] ?? 1);

const passengers = Math.round(1_000_000 * scale);
const copies = Math.round(3_000_000 * scale);
const holes = Math.round(100_000_000 * scale);

const input = generateScenario({ seed: 1, staff }) as ScenarioInput;
const base = parseScenario(input);
const planned = planRoster(base);

/**
 * The scenario some cases are judged against: the district with one 100,000-seat vehicle
 * (so that a trip of a million passengers is within its limits and every rule judges it)
 * and idle spare vehicles (so that millions of trips are within its limits).
 */
function roomyScenario(spares: number) {
  return parseScenario({
    ...input,
    vehicles: [
      ...input.vehicles,
      { id: "BIG", seats: Math.max(100_000, passengers / 10) },
      ...Array.from({ length: spares }, (_, k) => ({ id: `spare-${k}`, seats: 19 })),
    ],
  });
}

/** The first planned trip that carries someone, with other passengers and on another vehicle. */
function bigTrip(ids: (k: number) => string, vehicleId: string): Roster["trips"][number] {
  const trip = planned.trips.find((t) => t.passengers.length > 0) as Roster["trips"][number];
  return {
    ...trip,
    id: "BIG-TRIP",
    vehicleId,
    passengers: Array.from({ length: passengers }, (_, k) => ({
      personId: ids(k),
      seat: (k % 40) + 1,
    })),
  };
}

const workers = base.staff.filter((person) => person.role === "worker").map((p) => p.id);
const spareFor = (trips: number) => {
  const perVehicle =
    (base.horizon.days + 2) * (Math.floor(1440 / base.policy.disinfectionMinutes) + 1);
  return Math.max(0, Math.ceil(trips / perVehicle) - base.vehicles.length);
};

function build(): { scenario: typeof base; roster: unknown } {
  switch (name) {
    case "planned":
      return { scenario: base, roster: planned };
    case "one-trip-unknown-ids":
      return {
        scenario: roomyScenario(0),
        roster: { ...planned, trips: [...planned.trips, bigTrip((k) => `x${k}`, "BIG")] },
      };
    case "one-trip-staff-ids":
      return {
        scenario: roomyScenario(0),
        roster: {
          ...planned,
          trips: [...planned.trips, bigTrip((k) => workers[k % workers.length] as string, "BIG")],
        },
      };
    case "one-trip-beyond-limit": {
      const trip = bigTrip((k) => `x${k}`, planned.trips[0]?.vehicleId ?? "none");
      return { scenario: base, roster: { ...planned, trips: [...planned.trips, trip] } };
    }
    case "copies-empty-trip": {
      const trip = planned.trips.find((t) => t.passengers.length === 0) ?? {
        ...(planned.trips[0] as Roster["trips"][number]),
        passengers: [],
      };
      return {
        scenario: roomyScenario(spareFor(copies)),
        roster: { ...planned, trips: new Array(copies).fill(trip) },
      };
    }
    case "copies-distinct": {
      // As JSON.parse would give them: a new object (and path, and manifest) per copy.
      const trip = planned.trips.find((t) => t.passengers.length === 0) ?? planned.trips[0];
      const one = { ...(trip as Roster["trips"][number]), passengers: [] };
      return {
        scenario: roomyScenario(spareFor(copies)),
        roster: {
          ...planned,
          trips: Array.from({ length: copies }, () => ({
            ...one,
            path: [...one.path],
            passengers: [],
          })),
        },
      };
    }
    case "copies-beyond-limit":
      return {
        scenario: base,
        roster: { ...planned, trips: new Array(copies).fill(planned.trips[0]) },
      };
    case "holes-within-limit": {
      // As many holes as copies above: the most a district's limits let through.
      return {
        scenario: roomyScenario(spareFor(copies)),
        roster: { ...planned, trips: new Array(copies) },
      };
    }
    case "holes-beyond-limit":
      return { scenario: base, roster: { ...planned, trips: new Array(holes) } };
    default:
      throw new Error(`unknown case ${name}`);
  }
}

const { scenario, roster } = build();
const trips = (roster as { trips: unknown[] }).trips;
let boardings = 0;
if (!name.startsWith("holes"))
  for (const trip of trips as Roster["trips"]) boardings += trip.passengers.length;
rosterLimits(scenario); // parsed and indexed before the clock starts, as a caller's would be
(globalThis as { gc?: () => void }).gc?.();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const report = validateRoster(scenario, roster);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const counts = Object.fromEntries(Object.entries(report.counts).filter(([, n]) => n > 0));
console.log(
  JSON.stringify({
    name,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    trips: trips.length,
    boardings,
    tests: planned.tests.length,
    listed: report.violations.length,
    counts,
    firstMessage: report.violations[0]?.message,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
