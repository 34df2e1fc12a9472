/**
 * toICalendar (SPEC §7.3): calendars are read back with ical.js, a consumer we did not
 * write, registering the calendar's own VTIMEZONE, and held to the roster: one event per
 * ride, per trip driven and per test appointment of the person, each starting and ending at
 * the roster's instants (compared in UTC), in the scenario's zone; summaries naming the
 * vehicle, plate, seat and sites; UIDs unique, kept across a re-plan for rides it did not
 * change. DST: a spring-forward night and a fall-back ride home in the repeated hour, and a
 * property over generated scenarios (Berlin and New York horizons across DST changes).
 * The VTIMEZONE itself is checked hour by hour against luxon in several zones.
 */
import { fc, test } from "@fast-check/vitest";
import ICAL from "ical.js";
import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { toICalendar } from "../../src/export/icalendar.js";
import { vtimezone } from "../../src/export/vtimezone.js";
import {
  jinshanScenario,
  NotFoundError,
  parseScenario,
  planRoster,
  type Roster,
  RosterError,
  replan,
  type Scenario,
  type ScenarioInput,
  type Trip,
} from "../../src/index.js";
import { scenarioArbitrary } from "../arbitraries/scenario.js";
import { oneLoopScenario } from "../fixtures/one-loop.js";

// ---------------------------------------------------------------------------------------
// Reading a calendar back with ical.js.

interface ReadEvent {
  uid: string;
  category: string;
  start: number;
  end: number;
  /** The zone ical.js read DTSTART in (`UTC` for a UTC time). */
  zone: string;
  summary: string;
  description: string;
  location: string;
}

interface ReadCalendar {
  root: ICAL.Component;
  events: ReadEvent[];
  timezoneIds: string[];
}

function readBack(ics: string): ReadCalendar {
  const root = new ICAL.Component(ICAL.parse(ics));
  const timezones = root.getAllSubcomponents("vtimezone");
  // The consumer's side: the calendar's own zone definitions, not a tz database of its own.
  for (const timezone of timezones) ICAL.TimezoneService.register(timezone);
  const events = root.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      category: String(component.getFirstPropertyValue("categories")),
      start: event.startDate.toUnixTime() * 1000,
      end: event.endDate.toUnixTime() * 1000,
      zone: event.startDate.zone?.tzid ?? "floating",
      summary: event.summary,
      description: event.description,
      location: event.location,
    };
  });
  return {
    root,
    events,
    timezoneIds: timezones.map((tz) => String(tz.getFirstPropertyValue("tzid"))),
  };
}

const ms = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

/** What the roster says the person's calendar holds: category, start, end; sorted. */
function expectedTimes(scenario: Scenario, roster: Roster, personId: string): string[] {
  const out: string[] = [];
  for (const trip of roster.trips) {
    if (trip.passengers.some((p) => p.personId === personId))
      out.push(`RIDE ${ms(trip.depart)} ${ms(trip.arrive)}`);
    if (trip.driverId === personId) out.push(`DRIVE ${ms(trip.depart)} ${ms(trip.arrive)}`);
  }
  const tests = new Set<string>();
  for (const test of roster.tests.filter((t) => t.personId === personId)) {
    const site = scenario.sites.find((s) => s.id === test.siteId);
    const slot = site?.testing?.slotMinutes ?? 15;
    tests.add(`TEST ${ms(test.at)} ${ms(test.at) + slot * 60_000} ${test.kind} ${test.siteId}`);
  }
  for (const test of tests) out.push(test.split(" ").slice(0, 3).join(" "));
  return out.sort();
}

const readTimes = (calendar: ReadCalendar) =>
  calendar.events.map((e) => `${e.category} ${e.start} ${e.end}`).sort();

/** Whether the local wall time of an instant is also shown at another instant (a DST overlap). */
function shownTwice(instant: number, zone: string): boolean {
  const wall = DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd HH:mm:ss.SSS");
  for (let minutes = -180; minutes <= 180; minutes += 15) {
    if (minutes === 0) continue;
    const other = DateTime.fromMillis(instant + minutes * 60_000, { zone });
    if (other.toFormat("yyyy-MM-dd HH:mm:ss.SSS") === wall) return true;
  }
  return false;
}

/** Everything the calendar must say about a person, checked against the roster. */
function checkAgainstRoster(ics: string, scenario: Scenario, roster: Roster, personId: string) {
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  // RFC 5545 §3.1: lines of at most 75 octets, CRLF line ends only.
  for (const line of ics.split("\r\n")) {
    expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/[\r\n]/);
  }
  const calendar = readBack(ics);
  expect(calendar.timezoneIds).toEqual([scenario.timeZone]);
  expect(calendar.root.getFirstPropertyValue("x-wr-timezone")).toBe(scenario.timeZone);
  expect(readTimes(calendar)).toEqual(expectedTimes(scenario, roster, personId));
  expect(new Set(calendar.events.map((e) => e.uid)).size).toBe(calendar.events.length);
  for (const event of calendar.events) {
    const writtenInUtc =
      shownTwice(event.start, scenario.timeZone) || shownTwice(event.end, scenario.timeZone);
    expect(event.zone).toBe(writtenInUtc ? "UTC" : scenario.timeZone);
  }
  // DTSTAMP is UTC (RFC 5545 §3.8.7.2) and the same for every event.
  const stamps = calendar.root
    .getAllSubcomponents("vevent")
    .map((event) => event.getFirstProperty("dtstamp")?.toICALString());
  expect(new Set(stamps).size).toBeLessThanOrEqual(1);
  for (const stamp of stamps) expect(stamp).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
  return calendar;
}

function tripOfEvent(roster: Roster, event: ReadEvent, personId: string): Trip {
  const found = roster.trips.filter(
    (t) =>
      ms(t.depart) === event.start &&
      (event.category === "DRIVE"
        ? t.driverId === personId
        : t.passengers.some((p) => p.personId === personId)),
  );
  expect(found).toHaveLength(1);
  return found[0] as Trip;
}

// ---------------------------------------------------------------------------------------

describe("toICalendar on the Jinshan roster", () => {
  const input = jinshanScenario();
  const scenario = parseScenario(input);
  const roster = planRoster(scenario);
  const worker = roster.assignments[0]?.personId as string;
  // A driver with an empty run among their trips.
  const driver = roster.trips.find((t) => t.passengers.length === 0)?.driverId as string;

  it("gives a worker one event per ride and per test, at the roster's instants", () => {
    const calendar = checkAgainstRoster(
      toICalendar(scenario, roster, worker),
      scenario,
      roster,
      worker,
    );
    expect(calendar.events.filter((e) => e.category === "RIDE").length).toBeGreaterThan(10);
    expect(calendar.events.some((e) => e.category === "TEST")).toBe(true);
    expect(calendar.events.some((e) => e.category === "DRIVE")).toBe(false);
  });

  it("names the vehicle, its plate, the seat and the sites in each ride", () => {
    const calendar = readBack(toICalendar(scenario, roster, worker));
    for (const event of calendar.events.filter((e) => e.category === "RIDE")) {
      const trip = tripOfEvent(roster, event, worker);
      const seat = trip.passengers.find((p) => p.personId === worker)?.seat as number;
      const vehicle = scenario.vehicles.find((v) => v.id === trip.vehicleId);
      const from = scenario.sites.find((s) => s.id === trip.from)?.name as string;
      const to = scenario.sites.find((s) => s.id === trip.to)?.name as string;
      expect(event.summary).toContain(trip.vehicleId);
      expect(event.summary).toContain(vehicle?.plate as string);
      expect(event.summary).toMatch(new RegExp(`seat ${seat}\\b`));
      expect(event.summary).toContain(`${from} → ${to}`);
      expect(event.description).toContain(
        `Seat: ${seat} (row ${Math.ceil(seat / (vehicle?.seatsPerRow ?? 4))})`,
      );
      expect(event.description).toContain(trip.id);
      expect(event.location).toBe(from);
    }
  });

  it("gives a driver one event per trip driven, empty runs included, and their tests", () => {
    const calendar = checkAgainstRoster(
      toICalendar(scenario, roster, driver),
      scenario,
      roster,
      driver,
    );
    const driven = roster.trips.filter((t) => t.driverId === driver);
    expect(driven.some((t) => t.passengers.length === 0)).toBe(true);
    const drives = calendar.events.filter((e) => e.category === "DRIVE");
    expect(drives).toHaveLength(driven.length);
    expect(calendar.events.some((e) => e.category === "RIDE")).toBe(false);
    for (const event of drives) {
      const trip = tripOfEvent(roster, event, driver);
      expect(event.summary).toContain(trip.vehicleId);
      if (trip.passengers.length === 0) expect(event.summary).toContain("empty run");
      else expect(event.description).toContain(`Passengers: ${trip.passengers.length}`);
    }
  });

  it("names the kind and the testing point of each test", () => {
    const calendar = readBack(toICalendar(scenario, roster, worker));
    const tests = roster.tests.filter((t) => t.personId === worker);
    for (const event of calendar.events.filter((e) => e.category === "TEST")) {
      const matching = tests.filter((t) => ms(t.at) === event.start);
      expect(matching.length).toBeGreaterThan(0);
      const site = scenario.sites.find((s) => s.id === matching[0]?.siteId)?.name as string;
      expect(matching.some((t) => event.summary === `${t.kind} test at ${site}`)).toBe(true);
      expect(event.location).toBe(site);
    }
  });

  it("is the same text for the same arguments (input or parsed scenario), and leaves them untouched", () => {
    const rosterBefore = JSON.stringify(roster);
    const inputBefore = JSON.stringify(input);
    const first = toICalendar(input, roster, worker);
    expect(toICalendar(scenario, JSON.parse(rosterBefore), worker)).toBe(first);
    expect(JSON.stringify(roster)).toBe(rosterBefore);
    expect(JSON.stringify(input)).toBe(inputBefore);
  });

  it("keeps the UIDs and times of a rider's unchanged rides when someone else is isolated", () => {
    const vehicleId = roster.assignments.find((a) => a.personId === worker)?.vehicleId;
    const neighbour = roster.assignments.find(
      (a) => a.vehicleId === vehicleId && a.personId !== worker,
    )?.personId as string;
    const result = replan(scenario, roster, [
      { kind: "isolate", personId: neighbour, from: "2022-05-19", to: "2022-05-22" },
    ]);
    const before = readBack(toICalendar(scenario, roster, worker));
    const after = readBack(toICalendar(result.scenario, result.roster, worker));
    checkAgainstRoster(
      toICalendar(result.scenario, result.roster, worker),
      parseScenario(result.scenario),
      result.roster,
      worker,
    );
    // Rides whose trip is still there, same id and times, with the worker in the same seat.
    const seatOf = (trip: Trip | undefined) =>
      trip?.passengers.find((p) => p.personId === worker)?.seat;
    const unchanged = roster.trips.filter((trip) => {
      const now = result.roster.trips.find((t) => t.id === trip.id);
      return (
        seatOf(trip) !== undefined &&
        now !== undefined &&
        now.depart === trip.depart &&
        now.arrive === trip.arrive &&
        seatOf(now) === seatOf(trip)
      );
    });
    // Some of those trips lost the neighbour: the trip changed, the worker's ride did not.
    const lostNeighbour = unchanged.filter((trip) => {
      const now = result.roster.trips.find((t) => t.id === trip.id) as Trip;
      return JSON.stringify(now.passengers) !== JSON.stringify(trip.passengers);
    });
    expect(lostNeighbour.length).toBeGreaterThan(0);
    expect(unchanged.length).toBe(roster.trips.filter((t) => seatOf(t) !== undefined).length);
    const rideBefore = (trip: Trip) =>
      before.events.find((e) => e.category === "RIDE" && e.start === ms(trip.depart)) as ReadEvent;
    for (const trip of unchanged) {
      const old = rideBefore(trip);
      const now = after.events.find((e) => e.uid === old.uid);
      expect(now).toBeDefined();
      expect([now?.start, now?.end, now?.summary]).toEqual([old.start, old.end, old.summary]);
    }
  });

  it("drops the rides of an isolated person and keeps the UIDs of those before the period", () => {
    const from = "2022-05-20";
    const result = replan(scenario, roster, [{ kind: "isolate", personId: worker, from }]);
    const before = readBack(toICalendar(scenario, roster, worker));
    const after = readBack(toICalendar(result.scenario, result.roster, worker));
    const cut = ms(DateTime.fromISO(from, { zone: scenario.timeZone }).toISO() as string);
    const rides = (calendar: ReadCalendar) => calendar.events.filter((e) => e.category === "RIDE");
    const earlier = rides(before).filter((e) => e.start < cut);
    expect(earlier.length).toBeGreaterThan(0);
    expect(rides(after).filter((e) => e.start < cut)).toEqual(earlier);
    // At most the ride home of a shift begun before the period remains after it.
    expect(rides(after).filter((e) => e.start >= cut).length).toBeLessThanOrEqual(1);
    expect(rides(after).length).toBeLessThan(rides(before).length);
  });

  it("refuses an unknown person and a roster not of the §5 shape", () => {
    for (const bad of ["nobody", "", 42, undefined, null])
      expect(() => toICalendar(scenario, roster, bad as string)).toThrow(NotFoundError);
    for (const bad of [{ ...roster, version: 2 }, null, "roster", { ...roster, trips: {} }])
      expect(() => toICalendar(scenario, bad, worker)).toThrow(RosterError);
  });
});

// ---------------------------------------------------------------------------------------

describe("toICalendar with awkward ids and names", () => {
  const workers = ["p", "1.p", "q@x;y,z"].map((id) => ({
    id,
    name: `Li; "Ming", back\\slash\nnewline 李明 🚌`,
    enterpriseId: "e1",
    dormitoryId: "d1",
    plantId: "p1",
    role: "worker" as const,
    schedule: { cycle: ["day"], anchor: "2022-05-16" },
  }));
  const input: ScenarioInput = oneLoopScenario({
    workers,
    sites: [
      { id: "d1", name: "Dorm, East; \\ Block 3", kind: "dormitory", node: "a" },
      { id: "p1", name: "工厂 Plant", kind: "plant", node: "b" },
    ],
    vehicles: [{ id: "v.1", plate: "沪A,12;3", seats: 19 }],
  });
  const scenario = parseScenario(input);
  const roster = planRoster(scenario);

  it("writes text that reads back to the very names (control characters replaced)", () => {
    const calendar = checkAgainstRoster(
      toICalendar(scenario, roster, "q@x;y,z"),
      scenario,
      roster,
      "q@x;y,z",
    );
    const ride = calendar.events.find((e) => e.category === "RIDE") as ReadEvent;
    expect(ride.summary).toContain("v.1 (沪A,12;3)");
    expect(ride.summary).toMatch(
      /Dorm, East; \\ Block 3 → 工厂 Plant|工厂 Plant → Dorm, East; \\ Block 3/,
    );
    // ical.js does not know NAME (RFC 7986) as TEXT and leaves it escaped: unescape as RFC 5545 says.
    const name = String(calendar.root.getFirstPropertyValue("name"));
    expect(
      name.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === "n" ? "\n" : c)),
    ).toBe(`Shuttle rides of Li; "Ming", back\\slash\uFFFDnewline 李明 🚌`);
  });

  it("gives distinct UIDs to rides whose trip and person ids would run together", () => {
    // Trip "t.1" carrying "p" and trip "t" carrying "1.p": joined with dots, both read "t.1.p".
    const ridden = (personId: string) =>
      roster.trips.findIndex((t) => t.passengers.some((p) => p.personId === personId));
    const a = ridden("p");
    const b = roster.trips.findIndex(
      (t, index) => index !== a && t.passengers.some((p) => p.personId === "1.p"),
    );
    expect(a).toBeGreaterThan(-1);
    expect(b).toBeGreaterThan(-1);
    const edited = structuredClone(roster);
    (edited.trips[a] as Trip).id = "t.1";
    (edited.trips[b] as Trip).id = "t";
    const uids = (personId: string) =>
      new Set(readBack(toICalendar(scenario, edited, personId)).events.map((e) => e.uid));
    const first = uids("p");
    for (const uid of uids("1.p")) expect(first.has(uid)).toBe(false);
    for (const uid of [...first, ...uids("q@x;y,z")])
      expect(uid).toMatch(/^[\w~%.-]+@closed-loop-commute$/);
  });

  it("writes a calendar with its VTIMEZONE and no events for a person with none", () => {
    const idle = scenario.staff.find(
      (s) => s.role === "driver" && !roster.trips.some((t) => t.driverId === s.id),
    );
    expect(idle).toBeDefined();
    const ics = toICalendar(scenario, roster, idle?.id as string);
    const calendar = readBack(ics);
    expect(calendar.events).toEqual([]);
    expect(calendar.timezoneIds).toEqual([scenario.timeZone]);
  });
});

// ---------------------------------------------------------------------------------------

describe("toICalendar across DST changes", () => {
  const worker = (id: string, shift: string) => ({
    id,
    enterpriseId: "e1",
    dormitoryId: "d1",
    plantId: "p1",
    role: "worker" as const,
    schedule: { cycle: [shift], anchor: "2022-03-01" },
  });

  it("a night over New York's spring-forward gap (2022-03-13)", () => {
    const scenario = parseScenario(
      oneLoopScenario({
        timeZone: "America/New_York",
        horizon: { start: "2022-03-12", days: 2 },
        workers: [worker("w1", "night")],
      }),
    );
    const roster = planRoster(scenario);
    const calendar = checkAgainstRoster(
      toICalendar(scenario, roster, "w1"),
      scenario,
      roster,
      "w1",
    );
    const offsets = calendar.events.map(
      (e) => DateTime.fromMillis(e.start, { zone: "America/New_York" }).offset,
    );
    expect(new Set(offsets)).toEqual(new Set([-300, -240]));
  });

  it("rides home in both showings of New York's repeated hour (2022-11-06) are written in UTC", () => {
    const scenario = parseScenario(
      oneLoopScenario({
        timeZone: "America/New_York",
        horizon: { start: "2022-11-05", days: 2 },
        shifts: [
          // Ending at 01:00 and 01:55 EDT (the first showing): rides home leave 10 minutes later.
          { id: "late", start: "17:00", end: "01:00" },
          { id: "later", start: "18:00", end: "01:55" },
        ],
        workers: [worker("w1", "late"), worker("w2", "later")],
      }),
    );
    const roster = planRoster(scenario);
    for (const [personId, offset] of [
      ["w1", "-04:00"],
      ["w2", "-05:00"],
    ] as const) {
      const home = roster.trips.find(
        (t) =>
          t.direction === "to-dormitory" &&
          t.depart.startsWith("2022-11-06") &&
          t.passengers.some((p) => p.personId === personId),
      );
      expect(home?.depart).toMatch(new RegExp(`T01:\\d\\d:00${offset}$`));
      const calendar = checkAgainstRoster(
        toICalendar(scenario, roster, personId),
        scenario,
        roster,
        personId,
      );
      const event = calendar.events.find((e) => e.start === ms(home?.depart as string));
      expect(event?.zone).toBe("UTC");
      expect(calendar.events.filter((e) => e.zone === "America/New_York").length).toBeGreaterThan(
        0,
      );
    }
  });

  it("Berlin's spring-forward (2022-03-27) with a shift starting in the gap", () => {
    const scenario = parseScenario(
      oneLoopScenario({
        timeZone: "Europe/Berlin",
        horizon: { start: "2022-03-26", days: 3 },
        shifts: [
          { id: "early", start: "02:30", end: "10:00" },
          { id: "night", start: "20:00", end: "05:00" },
        ],
        workers: [worker("w1", "early"), worker("w2", "night")],
      }),
    );
    const roster = planRoster(scenario);
    for (const id of ["w1", "w2", "k1"])
      checkAgainstRoster(toICalendar(scenario, roster, id), scenario, roster, id);
  });
});

describe("vtimezone against luxon", () => {
  const zones = [
    "Asia/Shanghai",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "America/Santiago",
  ];

  it.each(zones)(
    "%s: each local hour of 2021–2022 read through ical.js is luxon's instant",
    (zone) => {
      const component = new ICAL.Component(
        ICAL.parse(`BEGIN:VCALENDAR\r\n${vtimezone(zone, 2021, 2022)}END:VCALENDAR\r\n`),
      ).getFirstSubcomponent("vtimezone") as ICAL.Component;
      const timezone = new ICAL.Timezone(component);
      expect(timezone.tzid).toBe(zone);
      const hour = 3_600_000;
      const iana = IANAZone.create(zone);
      const start = DateTime.fromObject({ year: 2021 }, { zone }).toMillis();
      const end = DateTime.fromObject({ year: 2023 }, { zone }).toMillis();
      // Offsets hour by hour from 3 h before the start, looked up once each.
      const offsets: number[] = [];
      for (let t = start - 3 * hour; t <= end + 3 * hour; t += hour) offsets.push(iana.offset(t));
      const wallOf = (t: number) => t + iana.offset(t) * 60_000;
      let changes = 0;
      for (let i = 3; start + (i - 3) * hour < end; i++) {
        const t = start + (i - 3) * hour;
        if (offsets[i] !== offsets[i - 1]) changes++;
        const wall = new Date(t + (offsets[i] as number) * 60_000);
        const time = new ICAL.Time(
          {
            year: wall.getUTCFullYear(),
            month: wall.getUTCMonth() + 1,
            day: wall.getUTCDate(),
            hour: wall.getUTCHours(),
            minute: wall.getUTCMinutes(),
            second: 0,
          },
          timezone,
        );
        const read = time.toUnixTime() * 1000;
        // Near a change a wall time may be shown twice (an overlap), and be read as either.
        const near = offsets[i - 3] !== offsets[i + 3];
        const twice = near
          ? [-3, -2, -1, -0.5, 0.5, 1, 2, 3]
              .map((hours) => t + hours * hour)
              .filter((other) => wallOf(other) === wall.getTime())
          : [];
        if (twice.length === 0) expect(read, `${zone} ${wall.toISOString()}`).toBe(t);
        else expect([t, ...twice]).toContain(read);
      }
      const fixed = zone === "Asia/Shanghai" || zone === "Asia/Kathmandu";
      if (fixed) expect(changes).toBe(0);
      else expect(changes).toBeGreaterThanOrEqual(4);
    },
    60_000,
  );
});

// ---------------------------------------------------------------------------------------

describe("toICalendar over generated scenarios", () => {
  test.prop([scenarioArbitrary({ maxWorkers: 40, maxDays: 4 }), fc.nat()], { numRuns: 15 })(
    "a random person's events are their rides, drives and tests, at the roster's instants",
    (input, pick) => {
      const scenario = parseScenario(input);
      const roster = planRoster(scenario);
      const person = scenario.staff[pick % scenario.staff.length];
      if (person === undefined) return;
      checkAgainstRoster(toICalendar(scenario, roster, person.id), scenario, roster, person.id);
    },
    60_000,
  );
});
