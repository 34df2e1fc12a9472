/**
 * A hand-written fast path for the roster shape. A planned roster holds millions of
 * boardings and tests; zod takes seconds over them. This reads each field once, checks it
 * as `rosterSchema` would, and copies it into a fresh roster. It only ever says "yes, and
 * here is the copy" or "not sure": anything it does not accept goes to zod, which stays the
 * reference and gives the issues with their paths. (A test holds the two to agreement.)
 */
import {
  assignment,
  each,
  horizon,
  id,
  instantText,
  integer,
  loop,
  object,
  rosterRoot,
  stats,
  text,
  tripFields,
  unservedEntry,
  vehicleEntry,
} from "./read-fields.js";
import type { Roster } from "./schema.js";

function trip(value: unknown): Roster["trips"][number] {
  const o = object(value, 11);
  return {
    ...tripFields(o),
    depart: instantText(o.depart),
    arrive: instantText(o.arrive),
    passengers: each(o.passengers, (item) => {
      const p = object(item, 2);
      return { personId: id(p.personId), seat: integer(p.seat) };
    }),
  };
}

/** The roster, copied and checked, or `undefined` when zod must decide. Never throws. */
export function fastParseRoster(input: unknown): Roster | undefined {
  try {
    const o = rosterRoot(input);
    return {
      version: 1,
      timeZone: text(o.timeZone),
      horizon: horizon(o.horizon),
      loops: each(o.loops, loop),
      vehicles: each(o.vehicles, vehicleEntry),
      assignments: each(o.assignments, assignment),
      trips: each(o.trips, trip),
      tests: each(o.tests, (item) => {
        const t = object(item, 4);
        return {
          personId: id(t.personId),
          siteId: id(t.siteId),
          kind: id(t.kind),
          at: instantText(t.at),
        };
      }),
      unserved: each(o.unserved, unservedEntry),
      stats: stats(o.stats),
    };
  } catch {
    // NOT_SURE, or a getter that threw: either way, zod decides.
    return undefined;
  }
}
