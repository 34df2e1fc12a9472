/**
 * Corruption: every way of breaking the valid fixture below is caught, every time, under
 * the rule that names it. Each kind of corruption is an arbitrary that chooses where to
 * strike (which trip, passenger, test, by how much); the property picks a kind, applies it
 * and asserts its expected codes each count at least one violation — 100 % detection.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  parseScenario,
  type Roster,
  type RuleCode,
  type ScenarioInput,
  validateRoster,
} from "../../src/index.js";
import { unavailableOnTrip } from "../arbitraries/roster-mutations.js";
import { fixtureScenario, LOOP, validRoster } from "../fixtures/valid-roster.js";

type Trip = Roster["trips"][number];

interface Corrupted {
  scenario: ScenarioInput;
  roster: Roster;
  /** What was done, for a counterexample. */
  what: string;
  /** The trip a violation of the first expected code must name, when there is one. */
  tripId?: string;
}

interface Corruption {
  kind: string;
  /** Every code listed must fire at least once. */
  expected: RuleCode[];
  arbitrary: fc.Arbitrary<Corrupted>;
}

const FIXTURE_TRIPS = validRoster().trips;
const indexesWhere = (keep: (trip: Trip) => boolean) =>
  FIXTURE_TRIPS.flatMap((trip, i) => (keep(trip) ? [i] : []));
const ALL_TRIPS = indexesWhere(() => true);
const CARRYING = indexesWhere((trip) => trip.passengers.length > 0);
const SHARED = indexesWhere((trip) => trip.passengers.length >= 2);
const HOME_WITH_WORKERS = indexesWhere(
  (trip) => trip.direction === "to-dormitory" && trip.passengers.length > 0,
);
const OUT_WITH_WORKERS = indexesWhere(
  (trip) => trip.direction === "to-plant" && trip.passengers.length > 0,
);
/** v1's first trip has no predecessor to be too close to. */
const NOT_FIRST = ALL_TRIPS.slice(1);

const FIXTURE_SCENARIO_JSON = JSON.stringify(fixtureScenario());
const PARSED_SCENARIO = parseScenario(fixtureScenario());

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
const MINUTE = 60_000;
const SEATS = 19;

/** `2022-05-16T07:20:00+08:00` moved by `minutes`, still written in +08:00. */
function shiftInstant(at: string, minutes: number): string {
  const ms = Date.parse(at) + minutes * MINUTE + 8 * 60 * MINUTE;
  return `${new Date(ms).toISOString().slice(0, 19)}+08:00`;
}

/** A fresh fixture to corrupt: `change` edits it in place and says what it did. */
function corrupt<A>(
  arbitrary: fc.Arbitrary<A>,
  change: (
    fixture: { scenario: any; roster: Roster },
    args: A,
  ) => Omit<Corrupted, "scenario" | "roster">,
): fc.Arbitrary<Corrupted> {
  return arbitrary.map((args) => {
    const fixture = { scenario: fixtureScenario() as any, roster: validRoster() };
    const described = change(fixture, args);
    // Most corruptions leave the scenario alone: share one parsed copy (parsing is the slow part).
    const scenario =
      JSON.stringify(fixture.scenario) === FIXTURE_SCENARIO_JSON
        ? PARSED_SCENARIO
        : fixture.scenario;
    return { scenario, roster: fixture.roster, ...described };
  });
}

const trip = (roster: Roster, i: number) => roster.trips[i] as Trip;

const SECOND_LOOP = {
  id: "e2/d2/p2",
  enterpriseId: "e2",
  dormitoryId: "d2",
  plantId: "p2",
  toPlant: { path: ["d", "a", "c", "e"], minutes: 25, km: 6.5 },
  toDormitory: { path: ["e", "c", "a", "d"], minutes: 25, km: 6.5 },
};

/** The fixture's tests are all needed but two: a PCR stays valid 48 h, so the last one of
 * w3 and of k1 is covered by the day before's. Deleting those breaks nothing. */
const REDUNDANT_TESTS = new Set([
  "w3|pcr|2022-05-17T12:00:00+08:00",
  "k1|pcr|2022-05-17T06:00:00+08:00",
]);
const testKey = (test: Roster["tests"][number]) => `${test.personId}|${test.kind}|${test.at}`;
const NEEDED_TESTS = validRoster()
  .tests.map((test, i) => ({ test, i }))
  .filter(({ test }) => !REDUNDANT_TESTS.has(testKey(test)))
  .map(({ i }) => i);

const CORRUPTIONS: Corruption[] = [
  {
    kind: "passenger moved to another vehicle",
    expected: ["fixed-person"],
    arbitrary: fc.oneof(
      // The trip goes on v2 (given a vehicles entry on the same loop): its riders are v1's.
      corrupt(fc.nat(), ({ roster }, n) => {
        const t = trip(roster, pick(CARRYING, n));
        t.vehicleId = "v2";
        roster.vehicles.push({ vehicleId: "v2", loopId: LOOP, driverId: "k1" });
        return { what: `${t.id} run by v2`, tripId: t.id };
      }),
      // The person's assignment moves to v2; they still ride v1.
      corrupt(fc.constantFrom("w1", "w2", "w3"), ({ roster }, personId) => {
        const assignment = roster.assignments.find((a) => a.personId === personId);
        if (assignment !== undefined) assignment.vehicleId = "v2";
        return { what: `${personId} assigned to v2` };
      }),
    ),
  },
  {
    kind: "seat changed to a taken one",
    expected: ["capacity"],
    arbitrary: corrupt(fc.tuple(fc.nat(), fc.nat()), ({ roster }, [n, m]) => {
      const t = trip(roster, pick(SHARED, n));
      const mover = m % t.passengers.length;
      const other = t.passengers[(mover + 1) % t.passengers.length];
      const passenger = t.passengers[mover];
      if (passenger !== undefined && other !== undefined) passenger.seat = other.seat;
      return { what: `${t.id} passenger ${mover} takes a taken seat`, tripId: t.id };
    }),
  },
  {
    kind: "trip sent to a third site",
    expected: ["fixed-stop"],
    arbitrary: corrupt(
      fc.tuple(
        fc.nat(),
        fc.constantFrom("from", "to") as fc.Arbitrary<"from" | "to">,
        fc.constantFrom("d2", "p2"),
      ),
      ({ roster }, [n, end, site]) => {
        const t = trip(roster, pick(ALL_TRIPS, n));
        t[end] = site;
        return { what: `${t.id}.${end} = ${site}`, tripId: t.id };
      },
    ),
  },
  {
    // The route takes 10 minutes and the tolerance is 10: later by any minute makes the
    // trip too short, earlier by more than 10 too long (earlier by ≤ 10 is allowed dwell).
    kind: "departure shifted, arrival kept",
    expected: ["fixed-route"],
    arbitrary: corrupt(
      fc.tuple(
        fc.nat(),
        fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: -30, max: -11 })),
      ),
      ({ roster }, [n, minutes]) => {
        const t = trip(roster, pick(ALL_TRIPS, n));
        t.depart = shiftInstant(t.depart, minutes);
        return { what: `${t.id} departs ${minutes} min later`, tripId: t.id };
      },
    ),
  },
  {
    kind: "test deleted",
    expected: ["fixed-testing"],
    arbitrary: corrupt(fc.nat(), ({ roster }, n) => {
      const index = pick(NEEDED_TESTS, n);
      const [test] = roster.tests.splice(index, 1);
      return { what: `test ${test === undefined ? index : testKey(test)} deleted` };
    }),
  },
  {
    kind: "test moved to another time of day on the same date",
    expected: ["fixed-testing"],
    arbitrary: corrupt(
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 1439 })),
      ({ roster }, [n, minuteOfDay]) => {
        const test = pick(roster.tests, n);
        const date = test.at.slice(0, 10);
        const old = Number(test.at.slice(11, 13)) * 60 + Number(test.at.slice(14, 16));
        const minute = minuteOfDay === old ? (minuteOfDay + 1) % 1440 : minuteOfDay;
        const hh = String(Math.floor(minute / 60)).padStart(2, "0");
        const mm = String(minute % 60).padStart(2, "0");
        test.at = `${date}T${hh}:${mm}:00+08:00`;
        return { what: `${testKey(test)} moved` };
      },
    ),
  },
  {
    kind: "trip given to another loop's vehicle",
    expected: ["fixed-vehicle"],
    arbitrary: corrupt(fc.nat(), ({ roster }, n) => {
      roster.loops.push(structuredClone(SECOND_LOOP));
      roster.vehicles.push({ vehicleId: "v2", loopId: SECOND_LOOP.id, driverId: "k2" });
      const t = trip(roster, pick(ALL_TRIPS, n));
      t.vehicleId = "v2";
      return { what: `${t.id} run by v2 of ${SECOND_LOOP.id}`, tripId: t.id };
    }),
  },
  {
    kind: "driver swapped",
    expected: ["fixed-vehicle", "driver"],
    arbitrary: corrupt(
      fc.tuple(fc.nat(), fc.constantFrom("k2", "w1", "w3")),
      ({ roster }, [n, driverId]) => {
        const t = trip(roster, pick(ALL_TRIPS, n));
        t.driverId = driverId;
        return { what: `${t.id} driven by ${driverId}`, tripId: t.id };
      },
    ),
  },
  {
    kind: "return trip dropped",
    expected: ["closed-loop", "shift-coverage"],
    arbitrary: corrupt(fc.nat(), ({ roster }, n) => {
      const [dropped] = roster.trips.splice(pick(HOME_WITH_WORKERS, n), 1);
      return { what: `${dropped?.id} dropped` };
    }),
  },
  {
    kind: "load over capacity",
    expected: ["capacity"],
    arbitrary: fc.oneof(
      // The policy's load factor falls below what a shared trip holds: floor(19 × lf) < n
      // (a trip of one would need capacity 0, which the scenario refuses).
      corrupt(
        fc.tuple(fc.nat(), fc.integer({ min: 1, max: 99 })),
        ({ scenario, roster }, [n, percent]) => {
          const t = trip(roster, pick(SHARED, n));
          const loadFactor = (t.passengers.length - 1 + percent / 100) / SEATS;
          scenario.policy.loadFactor = loadFactor;
          return { what: `loadFactor ${loadFactor} under ${t.id}'s load`, tripId: t.id };
        },
      ),
      // Extra riders (in free seats) beyond floor(19 × 0.5) = 9.
      corrupt(fc.tuple(fc.nat(), fc.integer({ min: 10, max: SEATS })), ({ roster }, [n, total]) => {
        const t = trip(roster, pick(ALL_TRIPS, n));
        const taken = new Set(t.passengers.map((p) => p.seat));
        const free = Array.from({ length: SEATS }, (_, k) => k + 1).filter((s) => !taken.has(s));
        for (let k = 0; t.passengers.length < total; k++)
          t.passengers.push({ personId: `extra${k}`, seat: free[k] as number });
        return { what: `${t.id} carries ${total}`, tripId: t.id };
      }),
    ),
  },
  {
    kind: "path rerouted",
    expected: ["fixed-route"],
    arbitrary: corrupt(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          ["a", "c"],
          ["c", "a"],
          ["a", "b", "c"],
          ["c", "b", "a"],
          ["a", "d", "a", "b", "c"],
          ["c"],
        ),
      ),
      ({ roster }, [n, path]) => {
        const t = trip(roster, pick(ALL_TRIPS, n));
        const route = t.direction === "to-plant" ? ["a", "b", "c"] : ["c", "b", "a"];
        // A path equal to the route is no detour: use its reverse instead.
        t.path = path.join() === route.join() ? [...route].reverse() : [...path];
        return { what: `${t.id} follows ${t.path.join("→")}`, tripId: t.id };
      },
    ),
  },
  {
    kind: "positive case in the quiet days",
    expected: ["eligibility"],
    arbitrary: corrupt(
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 14 })),
      ({ scenario, roster }, [n, daysBefore]) => {
        const t = trip(roster, pick(OUT_WITH_WORKERS, n));
        const day = Date.parse(`${t.depart.slice(0, 10)}T00:00:00Z`) - daysBefore * 86_400_000;
        const date = new Date(day).toISOString().slice(0, 10);
        scenario.enterprises[0].positiveCases = [date];
        return { what: `e1 case on ${date}, before ${t.id}`, tripId: t.id };
      },
    ),
  },
  {
    kind: "vehicle listed twice",
    expected: ["fixed-vehicle"],
    arbitrary: corrupt(fc.constantFrom("k1", "k2"), ({ roster }, driverId) => {
      roster.vehicles.push({ vehicleId: "v1", loopId: LOOP, driverId });
      return { what: `second v1 entry with ${driverId}` };
    }),
  },
  {
    kind: "no time to disinfect",
    expected: ["vehicle-timing"],
    arbitrary: corrupt(
      fc.tuple(fc.nat(), fc.integer({ min: -9, max: 14 })),
      ({ roster }, [n, gap]) => {
        const index = pick(NOT_FIRST, n);
        const t = trip(roster, index);
        const before = trip(roster, index - 1);
        const depart = Date.parse(before.arrive) + gap * MINUTE;
        t.arrive = shiftInstant(t.arrive, (depart - Date.parse(t.depart)) / MINUTE);
        t.depart = shiftInstant(t.depart, (depart - Date.parse(t.depart)) / MINUTE);
        return { what: `${t.id} leaves ${gap} min after ${before.id} arrives`, tripId: t.id };
      },
    ),
  },
  {
    kind: "seat outside the vehicle",
    expected: ["capacity"],
    arbitrary: corrupt(
      fc.tuple(
        fc.nat(),
        fc.nat(),
        fc.oneof(fc.integer({ min: -5, max: 0 }), fc.integer({ min: SEATS + 1, max: 100 })),
      ),
      ({ roster }, [n, m, seat]) => {
        const t = trip(roster, pick(CARRYING, n));
        pick(t.passengers, m).seat = seat;
        return { what: `${t.id} seat ${seat}`, tripId: t.id };
      },
    ),
  },
  {
    kind: "dormitory over its beds",
    expected: ["dormitory-capacity"],
    arbitrary: corrupt(fc.integer({ min: 0, max: 3 }), ({ scenario }, beds) => {
      scenario.sites[0].beds = beds; // d1 houses w1, w2, w3 and k1
      return { what: `d1 has ${beds} beds` };
    }),
  },
  {
    kind: "passenger, driver or vehicle unavailable on a trip's date",
    expected: ["availability"],
    arbitrary: corrupt(unavailableOnTrip, ({ scenario }, { period, tripId, what }) => {
      scenario.unavailable = [period];
      return { what, tripId };
    }),
  },
  {
    kind: "vehicle entry's period leaves a trip's date uncovered",
    expected: ["fixed-vehicle"],
    arbitrary: corrupt(fc.tuple(fc.nat(), fc.boolean()), ({ roster }, [n, endsBefore]) => {
      const t = trip(roster, pick(ALL_TRIPS, n));
      const date = t.depart.slice(0, 10);
      const entry = roster.vehicles[0] as Roster["vehicles"][number];
      // The entry ends the day before the trip, or starts the day after it.
      if (endsBefore) entry.to = shiftInstant(`${date}T00:00:00+08:00`, -24 * 60).slice(0, 10);
      else entry.from = shiftInstant(`${date}T00:00:00+08:00`, 24 * 60).slice(0, 10);
      return { what: `v1's entry ${JSON.stringify(entry)} misses ${t.id}`, tripId: t.id };
    }),
  },
  {
    kind: "assignment's period leaves a ride's date uncovered",
    expected: ["fixed-person"],
    arbitrary: corrupt(fc.tuple(fc.nat(), fc.nat()), ({ roster }, [n, m]) => {
      const t = trip(roster, pick(CARRYING, n));
      const { personId } = pick(t.passengers, m);
      const date = t.depart.slice(0, 10);
      const assignment = roster.assignments.find((a) => a.personId === personId);
      if (assignment !== undefined) {
        assignment.from = shiftInstant(`${date}T00:00:00+08:00`, 24 * 60).slice(0, 10);
      }
      return { what: `${personId}'s assignment starts after ${t.id}`, tripId: t.id };
    }),
  },
  {
    kind: "passenger unknown",
    expected: ["unknown-reference"],
    arbitrary: corrupt(fc.tuple(fc.nat(), fc.nat()), ({ roster }, [n, m]) => {
      const t = trip(roster, pick(CARRYING, n));
      pick(t.passengers, m).personId = "ghost";
      return { what: `ghost on ${t.id}`, tripId: t.id };
    }),
  },
  {
    kind: "trip field missing",
    expected: ["roster-schema"],
    arbitrary: corrupt(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          "id",
          "loopId",
          "vehicleId",
          "driverId",
          "direction",
          "from",
          "to",
          "path",
          "depart",
          "arrive",
          "passengers",
        ),
      ),
      ({ roster }, [n, field]) => {
        const t = trip(roster, pick(ALL_TRIPS, n)) as any;
        delete t[field];
        return { what: `${t.id} lacks ${field}` };
      },
    ),
  },
];

describe("corruption of the valid fixture", () => {
  it("leaves the untouched fixture without a violation", () => {
    const report = validateRoster(fixtureScenario(), validRoster());
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("uses at least 10 kinds of corruption", () => {
    expect(CORRUPTIONS.length).toBeGreaterThanOrEqual(10);
  });

  // 300 validations take 1–2 s; the timeout is for a shared, loaded machine.
  test.prop(
    [
      fc
        .constantFrom(...CORRUPTIONS)
        .chain(({ kind, expected, arbitrary }) => arbitrary.map((c) => ({ kind, expected, ...c }))),
    ],
    { numRuns: 300 },
  )(
    "is detected every time, with its expected code",
    (corrupted) => {
      const report = validateRoster(corrupted.scenario, corrupted.roster);
      for (const code of corrupted.expected) expect(report.counts[code], code).toBeGreaterThan(0);
      const first = corrupted.expected[0];
      if (corrupted.tripId !== undefined)
        expect(
          report.violations.some((v) => v.code === first && v.tripId === corrupted.tripId),
          `a ${first} violation names ${corrupted.tripId}`,
        ).toBe(true);
    },
    30_000,
  );

  it("a departure brought forward by at most the route tolerance (10 min) is not a fixed-route break", () => {
    for (const i of ALL_TRIPS)
      for (let minutes = 1; minutes <= 10; minutes++) {
        const roster = validRoster();
        const t = trip(roster, i);
        t.depart = shiftInstant(t.depart, -minutes);
        expect(validateRoster(PARSED_SCENARIO, roster).counts["fixed-route"]).toBe(0);
      }
  });

  it("deleting one of the two redundant PCR tests breaks nothing (why 'test deleted' skips them)", () => {
    for (const key of REDUNDANT_TESTS) {
      const roster = validRoster();
      roster.tests = roster.tests.filter((test) => testKey(test) !== key);
      expect(validateRoster(PARSED_SCENARIO, roster).ok).toBe(true);
    }
  });
});
