/**
 * The three CSV lists of SPEC §7.3 (manifests, staff list, testing list), read back with
 * csv-parse — a consumer we did not write — and held to the roster field by field: the rows
 * expected are built here from the roster and the scenario (local dates and slots with
 * luxon), compared as sets, and the order is checked pair by pair against the spec's sort
 * keys. Also: the spec's exact headers, CRLF after every record and nowhere a bare line
 * break outside quotes, the BOM only when asked, names full of commas, quotes, line breaks
 * and Chinese characters coming back intact, a replanned roster's cut periods, a stream
 * giving the same bytes, and the errors for a non-roster, unknown ids and bad options.
 */

import { Readable } from "node:stream";
import { test } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { csvStringifyOptions } from "../../src/export/csv/csv-options.js";
import { MANIFEST_COLUMNS, manifestRows, toManifestCsv } from "../../src/export/csv/manifest.js";
import {
  STAFF_LIST_COLUMNS,
  staffListRows,
  toStaffListCsv,
} from "../../src/export/csv/staff-list.js";
import { TESTING_COLUMNS, testingRows, toTestingCsv } from "../../src/export/csv/testing-list.js";
import {
  InvalidArgumentError,
  jinshanScenario,
  NotFoundError,
  parseRoster,
  parseScenario,
  planRoster,
  type Roster,
  RosterError,
  replan,
  type Scenario,
  type ScenarioInput,
} from "../../src/index.js";
import { addDays, scenarioArbitrary } from "../arbitraries/scenario.js";
import { oneLoopScenario } from "../fixtures/one-loop.js";

// The headers as SPEC §7.3 writes them.
const SPEC_HEADERS = {
  manifest:
    "date,trip_id,loop_id,vehicle_id,plate,driver_id,direction,from,to,depart,arrive,seat,row,person_id,name,enterprise_id",
  staff:
    "enterprise_id,enterprise_name,person_id,name,role,dormitory_id,plant_id,loop_id,vehicle_id,plate,seat,from,to",
  testing: "date,site_id,site_name,slot,kind,person_id,name,enterprise_id,role",
};

type Row = Record<string, string>;

// ---------------------------------------------------------------------------------------
// Reading a list back

/** Parses a list with csv-parse, checking the header and that records end in CRLF only. */
function readCsv(text: string, header: string): Row[] {
  expect(text.endsWith("\r\n")).toBe(true);
  // Outside quoted fields, every line break is CRLF.
  expect(text.replace(/"(?:[^"]|"")*"/g, "")).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  const records = parse(text, { bom: true, record_delimiter: "\r\n" }) as string[][];
  const columns = header.split(",");
  expect(records[0]).toEqual(columns);
  const rows = records.slice(1);
  expect(rows.filter((record) => record.length !== columns.length)).toEqual([]);
  return rows.map((record) =>
    Object.fromEntries(columns.map((column, i) => [column, record[i] as string])),
  );
}

/** Rows as a sorted list of their values in header order, to compare as multisets. */
function canon(rows: readonly Row[], header: string): string[] {
  const columns = header.split(",");
  return rows.map((row) => JSON.stringify(columns.map((column) => row[column]))).sort();
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each row is at or after the one before under `compare`. */
function expectSorted(rows: readonly Row[], compare: (a: Row, b: Row) => number): void {
  const wrong = rows.findIndex((row, i) => i > 0 && compare(rows[i - 1] as Row, row) > 0);
  expect(wrong, `rows ${wrong - 1} and ${wrong} out of order`).toBe(-1);
}

const localTimes = new Map<string, DateTime>();

/** An instant in a zone, by luxon (memoised: rosters repeat their instants). */
function localTime(iso: string, zone: string): DateTime {
  const key = `${zone} ${iso}`;
  let time = localTimes.get(key);
  if (time === undefined) {
    time = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
    localTimes.set(key, time);
  }
  return time;
}

function lookups(scenario: Scenario) {
  const staff = new Map(scenario.staff.map((p) => [p.id, p]));
  const vehicles = new Map(scenario.vehicles.map((v) => [v.id, v]));
  const person = (id: string) => {
    const found = staff.get(id);
    if (found === undefined) throw new Error(`no person ${id}`);
    return found;
  };
  const vehicle = (id: string) => {
    const found = vehicles.get(id);
    if (found === undefined) throw new Error(`no vehicle ${id}`);
    return found;
  };
  const enterpriseName = (id: string) =>
    scenario.enterprises.find((e) => e.id === id)?.name as string;
  const site = (id: string) => scenario.sites.find((s) => s.id === id);
  return { person, vehicle, enterpriseName, site };
}

// ---------------------------------------------------------------------------------------
// What each list must say, from the roster

function checkManifest(text: string, scenario: Scenario, roster: Roster): Row[] {
  const rows = readCsv(text, SPEC_HEADERS.manifest);
  const { person, vehicle } = lookups(scenario);
  const expected: Row[] = roster.trips.flatMap((trip) =>
    trip.passengers.map((p) => ({
      date: localTime(trip.depart, scenario.timeZone).toISODate() as string,
      trip_id: trip.id,
      loop_id: trip.loopId,
      vehicle_id: trip.vehicleId,
      plate: vehicle(trip.vehicleId).plate ?? "",
      driver_id: trip.driverId,
      direction: trip.direction,
      from: trip.from,
      to: trip.to,
      depart: trip.depart,
      arrive: trip.arrive,
      seat: String(p.seat),
      row: String(Math.ceil(p.seat / vehicle(trip.vehicleId).seatsPerRow)),
      person_id: p.personId,
      name: person(p.personId).name ?? "",
      enterprise_id: person(p.personId).enterpriseId,
    })),
  );
  expect(rows).toHaveLength(roster.stats.boardings);
  expect(canon(rows, SPEC_HEADERS.manifest)).toEqual(canon(expected, SPEC_HEADERS.manifest));
  expectSorted(
    rows,
    (a, b) =>
      Date.parse(a.depart as string) - Date.parse(b.depart as string) ||
      byCodeUnit(a.trip_id as string, b.trip_id as string) ||
      Number(a.seat) - Number(b.seat),
  );
  return rows;
}

function checkStaffList(text: string, scenario: Scenario, roster: Roster): Row[] {
  const rows = readCsv(text, SPEC_HEADERS.staff);
  const { person, vehicle, enterpriseName } = lookups(scenario);
  const first = roster.horizon.start;
  const last = addDays(first, roster.horizon.days - 1);
  const common = (personId: string, loopId: string, vehicleId: string) => {
    const who = person(personId);
    return {
      enterprise_id: who.enterpriseId,
      enterprise_name: enterpriseName(who.enterpriseId),
      person_id: personId,
      name: who.name ?? "",
      role: who.role,
      dormitory_id: who.dormitoryId,
      loop_id: loopId,
      vehicle_id: vehicleId,
      plate: vehicle(vehicleId).plate ?? "",
    };
  };
  const expected: Row[] = [
    ...roster.assignments.map((a) => ({
      ...common(a.personId, a.loopId, a.vehicleId),
      plant_id: person(a.personId).plantId as string,
      seat: String(a.seat),
      from: a.from ?? first,
      to: a.to ?? last,
    })),
    ...roster.vehicles.map((v) => ({
      ...common(v.driverId, v.loopId, v.vehicleId),
      plant_id: roster.loops.find((loop) => loop.id === v.loopId)?.plantId as string,
      seat: "0",
      from: v.from ?? first,
      to: v.to ?? last,
    })),
  ];
  expect(rows).toHaveLength(roster.assignments.length + roster.vehicles.length);
  expect(canon(rows, SPEC_HEADERS.staff)).toEqual(canon(expected, SPEC_HEADERS.staff));
  for (const row of rows.filter((r) => r.seat === "0")) expect(row.role).toBe("driver");
  expectSorted(
    rows,
    (a, b) =>
      byCodeUnit(a.enterprise_id as string, b.enterprise_id as string) ||
      byCodeUnit(a.person_id as string, b.person_id as string) ||
      byCodeUnit(a.from as string, b.from as string),
  );
  return rows;
}

function checkTesting(text: string, scenario: Scenario, roster: Roster): Row[] {
  const rows = readCsv(text, SPEC_HEADERS.testing);
  const { person, site } = lookups(scenario);
  const expected: Row[] = roster.tests.map((t) => {
    const at = localTime(t.at, scenario.timeZone);
    return {
      date: at.toISODate() as string,
      site_id: t.siteId,
      site_name: site(t.siteId)?.name as string,
      slot: at.toFormat("HH:mm"),
      kind: t.kind,
      person_id: t.personId,
      name: person(t.personId).name ?? "",
      enterprise_id: person(t.personId).enterpriseId,
      role: person(t.personId).role,
    };
  });
  expect(rows).toHaveLength(roster.tests.length);
  expect(canon(rows, SPEC_HEADERS.testing)).toEqual(canon(expected, SPEC_HEADERS.testing));
  expectSorted(
    rows,
    (a, b) =>
      byCodeUnit(a.site_id as string, b.site_id as string) ||
      byCodeUnit(a.date as string, b.date as string) ||
      byCodeUnit(a.slot as string, b.slot as string) ||
      byCodeUnit(a.person_id as string, b.person_id as string),
  );
  return rows;
}

function checkAll(scenario: Scenario, roster: Roster) {
  return {
    manifest: checkManifest(toManifestCsv(scenario, roster), scenario, roster),
    staff: checkStaffList(toStaffListCsv(scenario, roster), scenario, roster),
    testing: checkTesting(toTestingCsv(scenario, roster), scenario, roster),
  };
}

const exporters = [
  { name: "toManifestCsv", write: toManifestCsv, header: SPEC_HEADERS.manifest },
  { name: "toStaffListCsv", write: toStaffListCsv, header: SPEC_HEADERS.staff },
  { name: "toTestingCsv", write: toTestingCsv, header: SPEC_HEADERS.testing },
] as const;

// ---------------------------------------------------------------------------------------

describe("the CSV lists of the Jinshan roster", { timeout: 60_000 }, () => {
  const input = jinshanScenario();
  const scenario = parseScenario(input);
  const roster = planRoster(scenario);

  it("hold every boarding, period and test, field by field, in the spec's order", () => {
    const { manifest, staff, testing } = checkAll(scenario, roster);
    expect(manifest.length).toBeGreaterThan(1000);
    expect(staff.some((row) => row.role === "driver")).toBe(true);
    expect(new Set(testing.map((row) => row.site_id)).size).toBeGreaterThan(1);
    // Rides home after midnight are listed on their own local date.
    const nightHome = manifest.find(
      (row) => row.direction === "to-dormitory" && (row.depart as string).slice(11, 13) < "12",
    );
    expect(nightHome?.date).toBe(nightHome?.depart?.slice(0, 10));
    expect(nightHome?.date).toBeDefined();
  });

  it("have the spec's header names in the exported column lists", () => {
    expect(MANIFEST_COLUMNS.join(",")).toBe(SPEC_HEADERS.manifest);
    expect(STAFF_LIST_COLUMNS.join(",")).toBe(SPEC_HEADERS.staff);
    expect(TESTING_COLUMNS.join(",")).toBe(SPEC_HEADERS.testing);
  });

  it("start with a UTF-8 BOM only when options.bom is true", () => {
    for (const { write } of exporters) {
      const plain = write(scenario, roster);
      const withBom = write(scenario, roster, { bom: true });
      expect(plain.charCodeAt(0)).not.toBe(0xfeff);
      expect(write(scenario, roster, { bom: false })).toBe(plain);
      expect(write(scenario, roster, {})).toBe(plain);
      expect([...Buffer.from(withBom, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(withBom).toBe(`\uFEFF${plain}`);
    }
  });

  it("stream the same bytes from the row generators through a csv-stringify stream", async () => {
    const parsed = parseRoster(roster);
    const streams = [
      { rows: manifestRows, columns: MANIFEST_COLUMNS, write: toManifestCsv },
      { rows: staffListRows, columns: STAFF_LIST_COLUMNS, write: toStaffListCsv },
      { rows: testingRows, columns: TESTING_COLUMNS, write: toTestingCsv },
    ];
    for (const { rows, columns, write } of streams) {
      const format = csvStringifyOptions(columns, { bom: true });
      const chunks: Buffer[] = [];
      for await (const chunk of Readable.from(rows(scenario, parsed)).pipe(stringify(format)))
        chunks.push(Buffer.from(chunk as Buffer | string));
      // Not TextDecoder (node:stream/consumers): it drops a leading BOM.
      const streamed = Buffer.concat(chunks).toString("utf8");
      expect(streamed).toBe(write(scenario, roster, { bom: true }));
    }
  });

  it("are the same text for the same arguments, and leave the arguments untouched", () => {
    const rosterBefore = JSON.stringify(roster);
    const inputBefore = JSON.stringify(input);
    for (const { write } of exporters) {
      expect(write(input, roster)).toBe(write(scenario, JSON.parse(rosterBefore)));
      expect(JSON.stringify(roster)).toBe(rosterBefore);
      expect(JSON.stringify(input)).toBe(inputBefore);
    }
  });

  it("list each trip's riders by seat, whatever their order in the roster", () => {
    // Planned manifests come in seat order; one listed backwards must be sorted back.
    const backwards = structuredClone(roster);
    for (const trip of backwards.trips) trip.passengers.reverse();
    expect(backwards.trips.some((trip) => trip.passengers.length > 1)).toBe(true);
    expect(toManifestCsv(scenario, backwards)).toBe(toManifestCsv(scenario, roster));
  });

  it("list riders who share a seat by person id, whatever their order in the roster", () => {
    // Two on one seat breaks the capacity rule, but the list still shows both, in one order.
    const shared = structuredClone(roster);
    const trip = shared.trips.find((t) => t.passengers.length > 1);
    if (trip === undefined) throw new Error("no trip with two riders");
    const [first, second] = trip.passengers.map((p) => p.personId).sort(byCodeUnit);
    trip.passengers = [
      { personId: second as string, seat: 1 },
      { personId: first as string, seat: 1 },
    ];
    const rows = readCsv(toManifestCsv(scenario, shared), SPEC_HEADERS.manifest).filter(
      (row) => row.trip_id === trip.id,
    );
    expect(rows.map((row) => [row.seat, row.person_id])).toEqual([
      ["1", first],
      ["1", second],
    ]);
  });

  it("are the header alone for a roster with nothing in it", () => {
    const empty = { ...roster, trips: [], assignments: [], vehicles: [], tests: [] };
    for (const { write, header } of exporters) {
      expect(write(scenario, empty)).toBe(`${header}\r\n`);
      expect(readCsv(write(scenario, empty, { bom: true }), header)).toEqual([]);
    }
  });
});

describe("the CSV lists of a replanned roster", { timeout: 60_000 }, () => {
  const scenario = parseScenario(jinshanScenario());
  const roster = planRoster(scenario);
  const start = scenario.horizon.start;
  const last = addDays(start, scenario.horizon.days - 1);
  const out = roster.vehicles[0] as Roster["vehicles"][number];
  const from = addDays(start, 3);
  const result = replan(scenario, roster, [
    { kind: "vehicle-out", vehicleId: out.vehicleId, from },
  ]);
  const after = parseScenario(result.scenario);

  it("list a rider of the vehicle taken out twice: before and after the cut", () => {
    const rows = checkStaffList(toStaffListCsv(after, result.roster), after, result.roster);
    const riderId = roster.assignments.find((a) => a.vehicleId === out.vehicleId)?.personId;
    const mine = rows.filter((row) => row.person_id === riderId);
    expect(mine).toHaveLength(2);
    const [before, later] = mine as [Row, Row];
    expect(before).toMatchObject({ vehicle_id: out.vehicleId, from: start, to: addDays(from, -1) });
    expect(later).toMatchObject({ from, to: last, seat: before.seat });
    expect(later.vehicle_id).not.toBe(out.vehicleId);
  });

  it("end the driver's period on the vehicle taken out the day before the change", () => {
    const rows = checkStaffList(toStaffListCsv(after, result.roster), after, result.roster);
    const driverRows = rows.filter(
      (row) => row.person_id === out.driverId && row.vehicle_id === out.vehicleId,
    );
    expect(driverRows).toEqual([
      expect.objectContaining({ seat: "0", role: "driver", from: start, to: addDays(from, -1) }),
    ]);
  });

  it("list the replanned manifests and tests as the new roster has them", () => {
    const manifest = checkManifest(toManifestCsv(after, result.roster), after, result.roster);
    expect(
      manifest.some((row) => row.vehicle_id === out.vehicleId && (row.date as string) >= from),
    ).toBe(false);
    checkTesting(toTestingCsv(after, result.roster), after, result.roster);
  });
});

describe("the CSV lists with awkward names and ids", () => {
  const awkward = [
    '王小明, "阿明"',
    "Line one\r\nline two",
    "Li\nNa",
    "Carriage\rReturn",
    '"',
    "  spaces kept  ",
    "=SUM(A1)",
    "趙,錢,孫,李",
  ];
  const enterpriseId = 'e,"1"';
  const worker = (id: string, name: string | undefined, shift: string) => ({
    id,
    ...(name === undefined ? {} : { name }),
    enterpriseId,
    dormitoryId: "d1",
    plantId: "p1",
    role: "worker" as const,
    schedule: { cycle: [shift], anchor: "2022-05-16" },
  });
  const input: ScenarioInput = oneLoopScenario({
    workers: [
      ...awkward.map((name, i) => worker(`w${i},"x"\n`, name, "day")),
      ...[1, 2, 3, 4, 5].map((n) => worker(`plain-${n}`, undefined, "day")),
      worker("night-1", "夜班 one", "night"),
    ],
    enterprises: [
      {
        id: enterpriseId,
        name: '金山, "Jinshan" Co.\r\n二廠',
        closedHousing: true,
        positiveCases: [],
      },
    ],
    sites: [
      { id: "d1", name: '亭林人才公寓, "A"\n1號樓', kind: "dormitory", node: "a" },
      { id: "p1", name: "Plant", kind: "plant", node: "b" },
    ],
    vehicles: [
      { id: "v1", plate: '沪A,"12"\n3', seats: 19, seatsPerRow: 3 },
      { id: "v2", seats: 19 },
    ],
  });
  const staffInput = (input.staff ?? []).map((person) =>
    person.role === "driver" ? { ...person, enterpriseId } : person,
  );
  const scenario = parseScenario({ ...input, staff: staffInput });
  const roster = planRoster(scenario);

  it("come back exactly through csv-parse", () => {
    expect(roster.unserved).toEqual([]);
    const { manifest, staff, testing } = checkAll(scenario, roster);
    for (const rows of [manifest, staff, testing]) {
      const names = new Set(rows.map((row) => row.name));
      for (const name of awkward) expect(names).toContain(name);
      expect(names).toContain(""); // workers without a name
    }
    expect(new Set(staff.map((row) => row.enterprise_name))).toEqual(
      new Set(['金山, "Jinshan" Co.\r\n二廠']),
    );
    expect(new Set(testing.map((row) => row.site_name))).toEqual(
      new Set(['亭林人才公寓, "A"\n1號樓']),
    );
    // Both vehicles ride: one with a plate full of separators, one with none.
    expect(new Set(manifest.map((row) => row.plate))).toEqual(new Set(['沪A,"12"\n3', ""]));
    // v1 has three seats a row.
    for (const row of manifest.filter((r) => r.vehicle_id === "v1"))
      expect(Number(row.row)).toBe(Math.floor((Number(row.seat) + 2) / 3));
  });

  it("quote exactly the fields that need it, and only those", () => {
    const text = toStaffListCsv(scenario, roster);
    expect(text).toContain('"金山, ""Jinshan"" Co.\r\n二廠"');
    expect(text).toContain(",plain-1,,worker,"); // empty name: nothing, not ""
    expect(text).toContain(",  spaces kept  ,worker,"); // spaces alone need no quotes
  });
});

describe("bad arguments", () => {
  const scenario = parseScenario(
    oneLoopScenario({
      workers: [1, 2].map((n) => ({
        id: `w${n}`,
        enterpriseId: "e1",
        dormitoryId: "d1",
        plantId: "p1",
        role: "worker" as const,
        schedule: { cycle: ["day"], anchor: "2022-05-16" },
      })),
    }),
  );
  const roster = planRoster(scenario);
  const rider = roster.trips.find((t) => t.passengers.length > 0) as Roster["trips"][number];
  const withTrip = (trip: Roster["trips"][number]) => ({
    ...roster,
    trips: roster.trips.map((t) => (t.id === rider.id ? trip : t)),
  });

  it("throw RosterError for anything not of the roster's shape", () => {
    for (const { write } of exporters) {
      for (const bad of [
        null,
        "roster",
        42,
        {},
        { ...roster, version: 2 },
        { ...roster, trips: 1 },
      ])
        expect(() => write(scenario, bad)).toThrow(RosterError);
    }
  });

  it("throw NotFoundError naming an id the scenario or roster lacks", () => {
    const ghostRider = withTrip({ ...rider, passengers: [{ personId: "ghost", seat: 1 }] });
    expect(() => toManifestCsv(scenario, ghostRider)).toThrow(NotFoundError);
    expect(() => toManifestCsv(scenario, ghostRider)).toThrow(/ghost/);
    const ghostBus = withTrip({ ...rider, vehicleId: "ghost-bus" });
    expect(() => toManifestCsv(scenario, ghostBus)).toThrow(/ghost-bus/);
    const assignments = roster.assignments.map((a, i) =>
      i === 0 ? { ...a, personId: "nobody" } : a,
    );
    expect(() => toStaffListCsv(scenario, { ...roster, assignments })).toThrow(NotFoundError);
    const vehicles = roster.vehicles.map((v) => ({ ...v, loopId: "no-loop" }));
    expect(() => toStaffListCsv(scenario, { ...roster, vehicles })).toThrow(/no-loop/);
    const tests = roster.tests.map((t) => ({ ...t, siteId: "nowhere" }));
    expect(() => toTestingCsv(scenario, { ...roster, tests })).toThrow(NotFoundError);
  });

  it("throw InvalidArgumentError for options that are not { bom?: boolean }", () => {
    for (const { write } of exporters) {
      for (const bad of [{ bom: "yes" }, { bom: 1 }, 5, "bom", null])
        expect(() => write(scenario, roster, bad as never)).toThrow(InvalidArgumentError);
    }
  });
});

describe("the CSV lists over generated scenarios", () => {
  test.prop([scenarioArbitrary({ maxWorkers: 40, maxDays: 4 })], { numRuns: 15 })(
    "hold every boarding, period and test of the planned roster, in order",
    (input) => {
      const scenario = parseScenario(input);
      checkAll(scenario, planRoster(scenario));
    },
    60_000,
  );
});
