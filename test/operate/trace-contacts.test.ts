/**
 * traceContacts (SPEC §7.1): hand-made cases on a small roster written for the purpose (a
 * ventilated bus with rows, a driver as index person, the window's edges, shared test
 * slots, the dormitory list, every kind of bad argument), and a property against a
 * brute-force oracle written plainly below, over rosters the planner makes from random
 * scenarios — some of them then hand-edited into rosters no planner would make (a person on
 * a trip twice, odd seats, a passenger at the wheel).
 */
import { fc, test } from "@fast-check/vitest";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  type ContactTrace,
  InvalidArgumentError,
  jinshanScenario,
  NotFoundError,
  parseScenario,
  planRoster,
  type Roster,
  RosterError,
  type Scenario,
  type ScenarioInput,
  type TraceContactsOptions,
  traceContacts,
} from "../../src/index.js";
import { closeContactIds } from "../../src/operate/close-contacts.js";
import { scenarioModel } from "../../src/scenario/model.js";
import { civilDay } from "../../src/time/civil-date.js";
import { compareText } from "../../src/util/order.js";
import { addDays, scenarioArbitrary } from "../arbitraries/scenario.js";

// ---------------------------------------------------------------------------------------
// A hand-made roster. The rosters here need only the §5 shape: traceContacts reads what
// happened, it does not judge it (the validator does).
//
// Dormitory d1: workers w01–w12, drivers k1, k2. Dormitory d2: worker x1.
// v1: 33 seats, 4 a row. v2: 19 seats, 3 a row.
//   T1 05-16 07:00 v1 k1  w01 s1 (row 1), w02 s5 (row 2), w03 s9 (row 3), w04 s13 (row 4)
//   T2 05-16 17:00 v1 k1  w01 s1, w05 s2 (row 1)
//   T3 05-17 07:00 v1 k1  w06 s1                    (v1 without w01)
//   T4 05-17 07:00 v2 k2  w07 s1, w08 s2            (another vehicle)
//   T5 05-18 07:00 v1 k1  w01 s1, w09 s4 (row 1)
//   T6 05-19 04:00 v1 k1  w10 s3                    (the day after the horizon)
//   T7 05-18 07:30 v2 k2  w12 s3 (row 1), w11 s4 (row 2), w08 s7 (row 3)
// Tests at d1 unless said: w01 05-16 06:00 (pcr and antigen), w02 and w11 05-16 06:00,
// x1 05-16 06:00 at d2; w01 05-17 06:30, w10 05-17 06:30, w12 05-17 06:00.

const LOOP = "e1/d1/p1";
const ZONE = "Asia/Shanghai";

function busScenario(policy?: ScenarioInput["policy"]): ScenarioInput {
  const worker = (id: string, dormitoryId = "d1") => ({
    id,
    enterpriseId: "e1",
    dormitoryId,
    plantId: "p1",
    role: "worker" as const,
    schedule: { cycle: ["day"], anchor: "2022-05-16" },
  });
  return {
    timeZone: ZONE,
    horizon: { start: "2022-05-16", days: 3 },
    ...(policy === undefined ? {} : { policy }),
    enterprises: [{ id: "e1", name: "E1", closedHousing: true, positiveCases: [] }],
    sites: [
      { id: "d1", name: "Dorm One", kind: "dormitory", node: "a" },
      { id: "d2", name: "Dorm Two", kind: "dormitory", node: "c" },
      { id: "p1", name: "Plant", kind: "plant", node: "b" },
    ],
    roads: {
      edges: [
        { from: "a", to: "b", minutes: 10, km: 3 },
        { from: "c", to: "b", minutes: 10, km: 3 },
      ],
    },
    shifts: [{ id: "day", start: "08:00", end: "17:00" }],
    staff: [
      ...["w01", "w02", "w03", "w04", "w05", "w06", "w07", "w08", "w09", "w10", "w11", "w12"].map(
        (id) => worker(id),
      ),
      worker("x1", "d2"),
      { id: "k1", enterpriseId: "e1", dormitoryId: "d1", role: "driver" },
      { id: "k2", enterpriseId: "e1", dormitoryId: "d1", role: "driver" },
    ],
    vehicles: [
      { id: "v1", seats: 33, seatsPerRow: 4 },
      { id: "v2", seats: 19, seatsPerRow: 3 },
    ],
  };
}

function trip(
  id: string,
  vehicleId: string,
  driverId: string,
  depart: string,
  riders: [string, number][],
): Roster["trips"][number] {
  return {
    id,
    loopId: LOOP,
    vehicleId,
    driverId,
    direction: "to-plant",
    from: "d1",
    to: "p1",
    path: ["a", "b"],
    depart: depart.includes("+") || depart.endsWith("Z") ? depart : `${depart}:00+08:00`,
    arrive: depart.includes("+") || depart.endsWith("Z") ? depart : `${depart}:00+08:00`,
    passengers: riders.map(([personId, seat]) => ({ personId, seat })),
  };
}

function slot(personId: string, at: string, siteId = "d1", kind = "pcr") {
  return { personId, siteId, kind, at: `${at}:00+08:00` };
}

function busRoster(extraTrips: Roster["trips"] = []): Roster {
  const trips = [
    trip("T1", "v1", "k1", "2022-05-16T07:00", [
      ["w01", 1],
      ["w02", 5],
      ["w03", 9],
      ["w04", 13],
    ]),
    trip("T2", "v1", "k1", "2022-05-16T17:00", [
      ["w01", 1],
      ["w05", 2],
    ]),
    trip("T3", "v1", "k1", "2022-05-17T07:00", [["w06", 1]]),
    trip("T4", "v2", "k2", "2022-05-17T07:00", [
      ["w07", 1],
      ["w08", 2],
    ]),
    trip("T5", "v1", "k1", "2022-05-18T07:00", [
      ["w01", 1],
      ["w09", 4],
    ]),
    trip("T6", "v1", "k1", "2022-05-19T04:00", [["w10", 3]]),
    trip("T7", "v2", "k2", "2022-05-18T07:30", [
      ["w12", 3],
      ["w11", 4],
      ["w08", 7],
    ]),
    ...extraTrips,
  ];
  return {
    version: 1,
    timeZone: ZONE,
    horizon: { start: "2022-05-16", days: 3 },
    loops: [],
    vehicles: [],
    assignments: [],
    trips,
    tests: [
      slot("w01", "2022-05-16T06:00"),
      slot("w01", "2022-05-16T06:00", "d1", "antigen"),
      slot("w02", "2022-05-16T06:00"),
      slot("w11", "2022-05-16T06:00"),
      slot("x1", "2022-05-16T06:00", "d2"),
      slot("w01", "2022-05-17T06:30"),
      slot("w10", "2022-05-17T06:30"),
      slot("w12", "2022-05-17T06:00"),
    ],
    unserved: [],
    stats: {
      vehiclesUsed: 2,
      fleetLowerBound: 1,
      trips: trips.length,
      emptyTrips: 0,
      boardings: 0,
      unservedShifts: 0,
    },
  };
}

/** The lists as `id: trips @ dates` lines, for readable expectations. */
function lists(trace: ContactTrace) {
  const show = (contacts: ContactTrace["close"]) =>
    contacts.map((c) => `${c.personId}: ${c.trips.join(" ")} @ ${c.dates.join(" ")}`);
  return {
    close: show(trace.close),
    vehicle: show(trace.vehicle),
    testing: show(trace.testing),
    dormitory: trace.dormitory,
  };
}

const scenario = parseScenario(busScenario());
const roster = busRoster();
const WINDOW = { from: "2022-05-16", to: "2022-05-18" };

describe("traceContacts on a hand-made roster", () => {
  it("lists everyone who shared a trip as close, the rest of the bus as vehicle, the slot as testing, the dormitory last", () => {
    const trace = traceContacts(scenario, roster, "w01", WINDOW);
    expect(trace).toMatchObject({ personId: "w01", from: "2022-05-16", to: "2022-05-18" });
    expect(lists(trace)).toEqual({
      close: [
        "k1: T1 T2 T5 @ 2022-05-16 2022-05-18",
        "w02: T1 @ 2022-05-16",
        "w03: T1 @ 2022-05-16",
        "w04: T1 @ 2022-05-16",
        "w05: T2 @ 2022-05-16",
        "w09: T5 @ 2022-05-18",
      ],
      vehicle: ["w06: T3 @ 2022-05-17"],
      testing: [
        "w10: 2022-05-17T06:30:00+08:00 @ 2022-05-17",
        "w11: 2022-05-16T06:00:00+08:00 @ 2022-05-16",
      ],
      // w02 shared the 05-16 slot too, but is close; x1 was tested at d2 at that instant.
      dormitory: ["k2", "w07", "w08", "w12"],
    });
  });

  it("with rows, keeps only passengers within that many rows close; the others are vehicle contacts with the shared trip", () => {
    const trace = traceContacts(scenario, roster, "w01", { ...WINDOW, rows: 1 });
    expect(lists(trace).close).toEqual([
      "k1: T1 T2 T5 @ 2022-05-16 2022-05-18",
      "w02: T1 @ 2022-05-16",
      "w05: T2 @ 2022-05-16",
      "w09: T5 @ 2022-05-18",
    ]);
    expect(lists(trace).vehicle).toEqual([
      "w03: T1 @ 2022-05-16",
      "w04: T1 @ 2022-05-16",
      "w06: T3 @ 2022-05-17",
    ]);
  });

  it("with rows 0, only the index person's own row and the driver are close", () => {
    const trace = traceContacts(scenario, roster, "w01", { ...WINDOW, rows: 0 });
    expect(trace.close.map((c) => c.personId)).toEqual(["k1", "w05", "w09"]);
    expect(trace.vehicle.map((c) => c.personId)).toEqual(["w02", "w03", "w04", "w06"]);
  });

  it("counts rows with the trip's vehicle's seatsPerRow", () => {
    // On v2 (3 a row) w12 sits in seat 3 (row 1), w11 in seat 4 (row 2), w08 in 7 (row 3);
    // with 4 a row seat 4 would be row 1 and seat 7 row 2.
    const trace = traceContacts(scenario, roster, "w12", { ...WINDOW, rows: 0 });
    expect(trace.close.map((c) => c.personId)).toEqual(["k2"]);
    expect(trace.vehicle.map((c) => c.personId)).toEqual(["w07", "w08", "w11"]);
    const one = traceContacts(scenario, roster, "w12", { ...WINDOW, rows: 1 });
    expect(one.close.map((c) => c.personId)).toEqual(["k2", "w11"]);
  });

  it("takes rows from policy.contactRows when not given, and the option over the policy", () => {
    const ventilated = parseScenario(busScenario({ contactRows: 1 }));
    const byPolicy = traceContacts(ventilated, roster, "w01", WINDOW);
    expect(byPolicy.close.map((c) => c.personId)).toEqual(["k1", "w02", "w05", "w09"]);
    const unlimited = traceContacts(ventilated, roster, "w01", { ...WINDOW, rows: 10 });
    expect(unlimited.close.map((c) => c.personId)).toContain("w04");
  });

  it("makes every passenger close when the index person drove, whatever the rows", () => {
    const trace = traceContacts(scenario, roster, "k1", { ...WINDOW, rows: 0 });
    expect(lists(trace).close).toEqual([
      "w01: T1 T2 T5 @ 2022-05-16 2022-05-18",
      "w02: T1 @ 2022-05-16",
      "w03: T1 @ 2022-05-16",
      "w04: T1 @ 2022-05-16",
      "w05: T2 @ 2022-05-16",
      "w06: T3 @ 2022-05-17",
      "w09: T5 @ 2022-05-18",
    ]);
    expect(trace.vehicle).toEqual([]);
    expect(trace.dormitory).toEqual(["k2", "w07", "w08", "w10", "w11", "w12"]);
  });

  it("includes both edges of the window and nothing outside it", () => {
    const first = traceContacts(scenario, roster, "w01", {
      from: "2022-05-16",
      to: "2022-05-16",
    });
    expect(first.close.map((c) => c.personId)).toEqual(["k1", "w02", "w03", "w04", "w05"]);
    expect(first.close[0]?.trips).toEqual(["T1", "T2"]);
    expect(first.vehicle).toEqual([]); // T3 is on the 17th
    expect(lists(first).testing).toEqual(["w11: 2022-05-16T06:00:00+08:00 @ 2022-05-16"]);

    const last = traceContacts(scenario, roster, "w01", { from: "2022-05-18", to: "2022-05-18" });
    expect(last.close.map((c) => c.personId)).toEqual(["k1", "w09"]);
    expect(last.testing).toEqual([]);

    // The day after the horizon is a roster date: T6 runs then.
    const after = traceContacts(scenario, roster, "w10", { from: "2022-05-19", to: "2022-05-19" });
    expect(after.close.map((c) => c.personId)).toEqual(["k1"]);
  });

  it("without rides in the window, still gives testing and dormitory", () => {
    const trace = traceContacts(scenario, roster, "w01", { from: "2022-05-17", to: "2022-05-17" });
    expect(trace.close).toEqual([]);
    expect(trace.vehicle).toEqual([]);
    expect(lists(trace).testing).toEqual(["w10: 2022-05-17T06:30:00+08:00 @ 2022-05-17"]);
    expect(trace.dormitory).toHaveLength(12); // d1's 14 residents less w01 and w10
  });

  it("gives four empty lists for an empty window", () => {
    const trace = traceContacts(scenario, roster, "w01", { from: "2022-05-18", to: "2022-05-17" });
    expect(trace).toEqual({
      personId: "w01",
      from: "2022-05-18",
      to: "2022-05-17",
      close: [],
      vehicle: [],
      testing: [],
      dormitory: [],
    });
  });

  it("defaults to = the last trip's local date, from = to − traceBackDays", () => {
    const trace = traceContacts(scenario, roster, "w10");
    expect([trace.from, trace.to]).toEqual(["2022-05-17", "2022-05-19"]);
    expect(trace.close.map((c) => c.personId)).toEqual(["k1"]);
    const onlyTo = traceContacts(scenario, roster, "w01", { to: "2022-05-17" });
    expect([onlyTo.from, onlyTo.to]).toEqual(["2022-05-16", "2022-05-17"]); // not before the horizon
    const longer = parseScenario(busScenario({ traceBackDays: 0 }));
    const today = traceContacts(longer, roster, "w01", { to: "2022-05-18" });
    expect(today.from).toBe("2022-05-18");
  });

  it("defaults to the horizon's last day without trips, and keeps a default inside the roster's dates", () => {
    const empty = { ...busRoster(), trips: [] };
    expect(traceContacts(scenario, empty, "w01").to).toBe("2022-05-18");
    const late = busRoster([trip("T9", "v1", "k1", "2022-06-30T07:00", [["w01", 1]])]);
    expect(traceContacts(scenario, late, "w01").to).toBe("2022-05-19");
  });

  it("dates a trip by its local date of departure, whatever offset its text carries", () => {
    // 17:30 UTC on the 17th is 01:30 on the 18th in Shanghai.
    const utc = busRoster([trip("T8", "v2", "k2", "2022-05-17T17:30:00Z", [["w07", 1]])]);
    const on18 = traceContacts(scenario, utc, "w07", { from: "2022-05-18", to: "2022-05-18" });
    expect(lists(on18).close).toEqual(["k2: T8 @ 2022-05-18"]);
    const on17 = traceContacts(scenario, utc, "w07", { from: "2022-05-17", to: "2022-05-17" });
    expect(lists(on17).close).toEqual(["k2: T4 @ 2022-05-17", "w08: T4 @ 2022-05-17"]);
  });

  it("shares a slot by site and start instant, not by the text of the instant", () => {
    const sameInstant = {
      ...busRoster(),
      tests: [
        slot("w01", "2022-05-16T06:00"),
        { personId: "w07", siteId: "d1", kind: "pcr", at: "2022-05-15T22:00:00Z" },
        { personId: "w08", siteId: "d1", kind: "pcr", at: "2022-05-15T22:15:00Z" },
      ],
    };
    const trace = traceContacts(scenario, sameInstant, "w01", WINDOW);
    expect(lists(trace).testing).toEqual(["w07: 2022-05-16T06:00:00+08:00 @ 2022-05-16"]);
  });

  it("keeps the four lists disjoint and never names the index person", () => {
    for (const personId of ["w01", "w02", "w08", "w11", "k1", "k2", "x1"])
      for (const rows of [undefined, 0, 1, 2]) {
        const trace = traceContacts(scenario, roster, personId, { rows });
        const names = [
          ...trace.close.map((c) => c.personId),
          ...trace.vehicle.map((c) => c.personId),
          ...trace.testing.map((c) => c.personId),
          ...trace.dormitory,
        ];
        expect(new Set(names).size).toBe(names.length);
        expect(names).not.toContain(personId);
      }
  });

  it("lists a contact the scenario does not know, as the roster names them", () => {
    const ghost = busRoster([
      trip("T8", "v2", "k2", "2022-05-16T09:00", [
        ["w07", 1],
        ["ghost", 2],
      ]),
    ]);
    const trace = traceContacts(scenario, ghost, "w07", WINDOW);
    expect(trace.close.map((c) => c.personId)).toEqual(["ghost", "k2", "w08"]);
  });

  it("does not touch its inputs and gives the same answer for a copy of the roster", () => {
    const input = busScenario();
    const own = busRoster();
    const before = structuredClone({ input, own });
    const first = traceContacts(input, own, "w01", { rows: 1 });
    expect({ input, own }).toEqual(before);
    expect(traceContacts(input, own, "w01", { rows: 1 })).toEqual(first);
    expect(traceContacts(input, structuredClone(own), "w01", { rows: 1 })).toEqual(first);
  });
});

describe("traceContacts on the Jinshan district", () => {
  it("gives what its JSDoc example and the README say", () => {
    const district = jinshanScenario();
    const planned = planRoster(district);
    const trace = traceContacts(district, planned, "secco-0001", { to: "2022-05-20", rows: 1 });
    expect([trace.from, trace.to]).toEqual(["2022-05-18", "2022-05-20"]);
    expect(trace.close.map((contact) => contact.personId)).toEqual([
      "driver-caojing-01",
      "secco-0002",
      "secco-0003",
      "secco-0004",
    ]);
    expect(trace.close[1]?.dates).toEqual(["2022-05-18", "2022-05-19"]);
    expect(trace.vehicle.length).toBeGreaterThan(0);
    expect(trace.testing.length).toBeGreaterThan(0);
  });
});

describe("traceContacts refuses bad arguments", () => {
  it("throws RosterError for a roster not of the §5 shape", () => {
    expect(() => traceContacts(scenario, { version: 2 }, "w01")).toThrow(RosterError);
    expect(() => traceContacts(scenario, "roster", "w01")).toThrow(RosterError);
    const noDepart = busRoster();
    (noDepart.trips[0] as { depart: string }).depart = "07:00";
    expect(() => traceContacts(scenario, noDepart, "w01")).toThrow(RosterError);
  });

  it("throws NotFoundError for a person who is not staff of the scenario", () => {
    expect(() => traceContacts(scenario, roster, "nobody")).toThrow(NotFoundError);
    const ghost = busRoster([trip("T8", "v2", "k2", "2022-05-16T09:00", [["ghost", 2]])]);
    expect(() => traceContacts(scenario, ghost, "ghost")).toThrow(NotFoundError);
  });

  it.each([
    ["a malformed from", { from: "16/05/2022" }],
    ["a date that does not exist", { to: "2022-02-30" }],
    ["a date that is not a string", { from: 20220516 as unknown as string }],
    ["a from before the horizon", { from: "2022-05-15" }],
    ["a to after the day after the horizon", { to: "2022-05-20" }],
    ["negative rows", { rows: -1 }],
    ["fractional rows", { rows: 1.5 }],
    ["NaN rows", { rows: Number.NaN }],
    ["infinite rows", { rows: Number.POSITIVE_INFINITY }],
    ["rows as text", { rows: "2" as unknown as number }],
  ] satisfies [string, TraceContactsOptions][])(
    "throws InvalidArgumentError for %s",
    (_, options) => {
      expect(() => traceContacts(scenario, roster, "w01", options)).toThrow(InvalidArgumentError);
    },
  );

  it("accepts the horizon's first day and the day after it", () => {
    expect(() =>
      traceContacts(scenario, roster, "w01", { from: "2022-05-16", to: "2022-05-19" }),
    ).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------
// The oracle: SPEC §7.1 read word by word, over the roster's arrays, with luxon for dates.

function localDate(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toISODate() as string;
}

function oracle(
  scenario: Scenario,
  roster: Roster,
  personId: string,
  options: TraceContactsOptions,
): ContactTrace {
  const zone = scenario.timeZone;
  const start = roster.horizon.start;
  const afterEnd = addDays(start, roster.horizon.days);
  const clamp = (date: string) => (date < start ? start : date > afterEnd ? afterEnd : date);
  let to = options.to;
  if (to === undefined) {
    const dates = roster.trips.map((trip) => localDate(trip.depart, zone)).sort(compareText);
    to = clamp(dates.at(-1) ?? addDays(start, roster.horizon.days - 1));
  }
  let from = options.from;
  if (from === undefined) {
    from = addDays(to, -scenario.policy.traceBackDays);
    if (from < start) from = start;
  }
  const trace: ContactTrace = {
    personId,
    from,
    to,
    close: [],
    vehicle: [],
    testing: [],
    dormitory: [],
  };
  if (from > to) return trace;
  const inWindow = (date: string) => from <= date && date <= (to as string);
  const rows = options.rows ?? scenario.policy.contactRows;
  const perRow = (vehicleId: string) =>
    scenario.vehicles.find((vehicle) => vehicle.id === vehicleId)?.seatsPerRow ?? 4;

  const windowTrips = roster.trips.filter((trip) => inWindow(localDate(trip.depart, zone)));
  const isOn = (trip: Roster["trips"][number], id: string) =>
    trip.driverId === id || trip.passengers.some((p) => p.personId === id);

  // close
  const shared = new Map<string, Set<string>>();
  const closeIds = new Set<string>();
  const myVehicles = new Set<string>();
  for (const trip of windowTrips) {
    if (!isOn(trip, personId)) continue;
    myVehicles.add(trip.vehicleId);
    const myRows = trip.passengers
      .filter((p) => p.personId === personId)
      .map((p) => Math.ceil(p.seat / perRow(trip.vehicleId)));
    const others = [
      { personId: trip.driverId, driver: true, row: 0 },
      ...trip.passengers.map((p) => ({
        personId: p.personId,
        driver: false,
        row: Math.ceil(p.seat / perRow(trip.vehicleId)),
      })),
    ].filter((other) => other.personId !== personId);
    for (const other of others) {
      const set = shared.get(other.personId) ?? new Set();
      set.add(trip.id);
      shared.set(other.personId, set);
      const isClose =
        other.driver ||
        trip.driverId === personId ||
        rows === undefined ||
        myRows.some((row) => Math.abs(row - other.row) <= rows);
      if (isClose) closeIds.add(other.personId);
    }
  }

  // vehicle
  const onVehicle = new Map<string, Set<string>>();
  for (const trip of windowTrips) {
    if (!myVehicles.has(trip.vehicleId)) continue;
    for (const id of [trip.driverId, ...trip.passengers.map((p) => p.personId)]) {
      if (id === personId || closeIds.has(id)) continue;
      const set = onVehicle.get(id) ?? new Set();
      set.add(trip.id);
      onVehicle.set(id, set);
    }
  }

  // testing: instants keyed by milliseconds, told by the index person's first test at it
  const myTests = roster.tests.filter(
    (t) => t.personId === personId && inWindow(localDate(t.at, zone)),
  );
  const atSlot = new Map<string, Set<number>>();
  const textOf = new Map<number, string>();
  for (const mine of myTests) {
    const ms = Date.parse(mine.at);
    if (!textOf.has(ms)) textOf.set(ms, mine.at);
    for (const other of roster.tests) {
      if (other.siteId !== mine.siteId || Date.parse(other.at) !== ms) continue;
      const id = other.personId;
      if (id === personId || closeIds.has(id) || onVehicle.has(id)) continue;
      const set = atSlot.get(id) ?? new Set();
      set.add(ms);
      atSlot.set(id, set);
    }
  }

  const tripDate = new Map(roster.trips.map((trip) => [trip.id, localDate(trip.depart, zone)]));
  const uniqueSorted = (values: string[]) => [...new Set(values)].sort(compareText);
  const byId = (a: { personId: string }, b: { personId: string }) =>
    compareText(a.personId, b.personId);
  const fromTrips = (ties: Map<string, Set<string>>) =>
    [...ties]
      .map(([id, trips]) => ({
        personId: id,
        trips: uniqueSorted([...trips]),
        dates: uniqueSorted([...trips].map((t) => tripDate.get(t) as string)),
      }))
      .sort(byId);
  trace.close = fromTrips(new Map([...shared].filter(([id]) => closeIds.has(id))));
  trace.vehicle = fromTrips(onVehicle);
  trace.testing = [...atSlot]
    .map(([id, instants]) => {
      const ordered = [...instants].sort((a, b) => a - b);
      const texts = ordered.map((ms) => textOf.get(ms) as string);
      return {
        personId: id,
        trips: texts,
        dates: uniqueSorted(texts.map((text) => localDate(text, zone))),
      };
    })
    .sort(byId);
  const dormitoryId = scenario.staff.find((s) => s.id === personId)?.dormitoryId;
  const listed = new Set([...closeIds, ...onVehicle.keys(), ...atSlot.keys()]);
  trace.dormitory = scenario.staff
    .filter((s) => s.dormitoryId === dormitoryId && s.id !== personId && !listed.has(s.id))
    .map((s) => s.id)
    .sort(compareText);
  return trace;
}

/**
 * Hand edits no planner makes: a passenger swapped for anyone (the index person may then
 * ride one trip twice), a seat moved (even outside the vehicle), a new driver, a test moved
 * to another test's instant or given to someone else.
 */
const editsArb = fc.array(
  fc.record({
    trip: fc.nat(),
    passenger: fc.nat(),
    kind: fc.constantFrom("person", "seat", "driver", "test-person", "test-at"),
    person: fc.nat(),
    seat: fc.integer({ min: -2, max: 60 }),
    test: fc.nat(),
    other: fc.nat(),
  }),
  { maxLength: 16 },
);

function applyEdits(
  roster: Roster,
  staffIds: readonly string[],
  edits: readonly {
    trip: number;
    passenger: number;
    kind: "person" | "seat" | "driver" | "test-person" | "test-at";
    person: number;
    seat: number;
    test: number;
    other: number;
  }[],
): Roster {
  const copy = structuredClone(roster);
  for (const edit of edits) {
    if (edit.kind === "test-person" || edit.kind === "test-at") {
      if (copy.tests.length === 0) continue;
      const test = copy.tests[edit.test % copy.tests.length] as Roster["tests"][number];
      const other = copy.tests[edit.other % copy.tests.length] as Roster["tests"][number];
      if (edit.kind === "test-person")
        test.personId = staffIds[edit.person % staffIds.length] as string;
      else test.at = other.at;
      continue;
    }
    if (copy.trips.length === 0) continue;
    const trip = copy.trips[edit.trip % copy.trips.length] as Roster["trips"][number];
    const person = staffIds[edit.person % staffIds.length] as string;
    if (edit.kind === "driver") {
      trip.driverId = person;
      continue;
    }
    if (trip.passengers.length === 0) continue;
    const passenger = trip.passengers[edit.passenger % trip.passengers.length] as {
      personId: string;
      seat: number;
    };
    if (edit.kind === "person") passenger.personId = person;
    else passenger.seat = edit.seat;
  }
  return copy;
}

describe("traceContacts against the oracle", () => {
  it("keeps long lists in time order whatever the roster's order", () => {
    // 160 trips of v2 and 120 tests of w07 and w08, in a scrambled order over the 4 dates.
    const minutes = (i: number) => ((i * 7919) % 5760) + 1;
    const at = (i: number) =>
      DateTime.fromISO("2022-05-16T00:00", { zone: ZONE })
        .plus({ minutes: minutes(i) })
        .toISO({ suppressMilliseconds: true }) as string;
    const riders = ["w07", "w08", "w11", "w12"];
    const long = busRoster(
      Array.from({ length: 160 }, (_, i) =>
        trip(`L${String(i).padStart(3, "0")}`, "v2", i % 3 === 0 ? "k1" : "k2", at(i), [
          [riders[i % 4] as string, 1 + (i % 19)],
          [riders[(i + 1) % 4] as string, 1 + ((i * 5) % 19)],
        ]),
      ),
    );
    long.tests.push(
      ...Array.from({ length: 120 }, (_, i) => ({
        personId: i % 2 === 0 ? "w07" : "w08",
        siteId: "d1",
        kind: "pcr",
        at: at(Math.floor(i / 2) * 2 + (i % 5 === 0 ? 1 : 0)),
      })),
    );
    const parsed = parseScenario(busScenario());
    for (const personId of ["w07", "w08", "k1", "w12"])
      for (const [from, to] of [
        ["2022-05-16", "2022-05-19"],
        ["2022-05-17", "2022-05-17"],
        ["2022-05-18", "2022-05-19"],
      ] as const)
        for (const rows of [undefined, 0, 2]) {
          const options = { from, to, rows };
          expect(traceContacts(parsed, long, personId, options)).toEqual(
            oracle(parsed, long, personId, options),
          );
        }
  }, 30_000);

  test.prop(
    [
      scenarioArbitrary({ maxWorkers: 80, maxDays: 6 }),
      fc.option(fc.nat(3), { nil: undefined }),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
      editsArb,
      fc.array(
        fc.record({
          person: fc.nat(),
          from: fc.option(fc.nat(7), { nil: undefined }),
          to: fc.option(fc.nat(7), { nil: undefined }),
          rows: fc.option(fc.nat(3), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    ],
    { numRuns: 60 },
  )(
    "gives what SPEC §7.1 says, for planned and hand-edited rosters (and replan's one-pass close list agrees)",
    (input, contactRows, perRow, edits, queries) => {
      const policy = { ...input.policy };
      if (contactRows === undefined) delete policy.contactRows;
      else policy.contactRows = contactRows;
      const vehicles = input.vehicles.map((vehicle, i) => ({
        ...vehicle,
        seatsPerRow: perRow[i % perRow.length] as number,
      }));
      const scenario = parseScenario({ ...input, policy, vehicles });
      const staffIds = scenario.staff.map((s) => s.id);
      const roster = applyEdits(planRoster(scenario), staffIds, edits);
      const days = roster.horizon.days;
      for (const query of queries) {
        const personId = staffIds[query.person % staffIds.length] as string;
        const options: TraceContactsOptions = {};
        if (query.from !== undefined)
          options.from = addDays(roster.horizon.start, query.from % (days + 1));
        if (query.to !== undefined)
          options.to = addDays(roster.horizon.start, query.to % (days + 1));
        if (query.rows !== undefined) options.rows = query.rows;
        const trace = traceContacts(scenario, roster, personId, options);
        expect(trace).toEqual(oracle(scenario, roster, personId, options));
        // replan's one-pass close list agrees with the indexed one
        const close = closeContactIds(
          scenarioModel(scenario),
          roster,
          personId,
          civilDay(trace.from),
          civilDay(trace.to),
          options.rows ?? scenario.policy.contactRows,
        );
        expect([...close].sort(compareText)).toEqual(trace.close.map((c) => c.personId));
        const names = [
          ...trace.close.map((c) => c.personId),
          ...trace.vehicle.map((c) => c.personId),
          ...trace.testing.map((c) => c.personId),
          ...trace.dormitory,
        ];
        expect(new Set(names).size).toBe(names.length);
        expect(names).not.toContain(personId);
      }
    },
    120_000, // planning 60 scenarios takes seconds; a shared machine can make it minutes
  );
});
