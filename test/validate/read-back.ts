/** Reading the validator's indexed roster back into roster form, for comparing with zod. */
import { expect } from "vitest";
import { rosterSchema } from "../../src/index.js";
import type { Roster } from "../../src/roster/schema.js";
import type { IndexedRoster } from "../../src/validate/read-roster.js";

/** zod's parse of a value, or "rejected". */
export function zodVerdict(value: unknown): Roster | "rejected" {
  try {
    const result = rosterSchema.safeParse(value);
    return result.success ? result.data : "rejected";
  } catch {
    return "rejected";
  }
}

/** The indexed roster written back in roster form, instants as epoch ms. */
export function readBack(read: IndexedRoster) {
  const { people, tests } = read;
  return {
    timeZone: read.timeZone,
    horizon: read.horizon,
    loops: read.loops,
    vehicles: read.vehicles,
    assignments: read.assignments,
    trips: read.trips.map((trip, i) => {
      const passengers = [];
      for (let b = read.boardingStart[i] as number; b < (read.boardingStart[i + 1] as number); b++)
        passengers.push({
          personId: people.idOf(read.boardingPerson[b] as number),
          seat: read.boardingSeat[b],
        });
      expect(people.idOf(read.tripDriver[i] as number)).toBe(trip.driverId);
      return { ...trip, depart: read.departs[i], arrive: read.arrives[i], passengers };
    }),
    tests: Array.from({ length: tests.length }, (_, t) => ({
      personId: people.idOf(tests.person[t] as number),
      siteId: tests.sites.idOf(tests.site[t] as number),
      kind: tests.kinds.idOf(tests.kind[t] as number),
      at: tests.at[t],
    })),
    unserved: read.unserved,
    stats: read.stats,
  };
}

/** A parsed roster in the same form as `readBack`. */
export function expected(roster: Roster) {
  const { version: _, ...rest } = roster;
  return {
    ...rest,
    trips: roster.trips.map((trip) => ({
      ...trip,
      depart: Date.parse(trip.depart),
      arrive: Date.parse(trip.arrive),
    })),
    tests: roster.tests.map((test) => ({ ...test, at: Date.parse(test.at) })),
  };
}
