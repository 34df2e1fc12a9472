/**
 * `toICalendar` (SPEC §7.3): one person's rides, drives and test appointments as an RFC 5545
 * calendar, for their phone. Written with ical-generator (escaping and line folding are
 * easy to get wrong by hand); the `VTIMEZONE` comes from `vtimezone.ts`. Every event's `UID`
 * is built from facts a re-plan keeps (trip id, person id, role; for a test its kind, site
 * and instant), so a calendar app updates a ride in place instead of doubling it.
 *
 * [Reference]: https://www.rfc-editor.org/rfc/rfc5545
 */
import { escape as escapeText, ICalCalendar } from "ical-generator";
import { DateTime } from "luxon";
import { parseRoster } from "../roster/parse.js";
import type { Roster, TestAppointment, Trip } from "../roster/schema.js";
import { type ScenarioModel, scenarioModel } from "../scenario/model.js";
import type { Scenario, ScenarioInput } from "../scenario/schema.js";
import { civilDay } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";
import { localInstant } from "../time/local-time.js";
import { ZoneClock } from "../time/zone-clock.js";
import { NotFoundError } from "../util/errors.js";
import { compareText } from "../util/order.js";
import { vtimezone } from "./vtimezone.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const UID_DOMAIN = "closed-loop-commute";
/** A dormitory without a testing point has 15-minute slots (SPEC §3). */
const DEFAULT_SLOT_MINUTES = 15;

/** One event before it is written: instants in epoch milliseconds. */
interface Item {
  uid: string;
  kind: "ride" | "drive" | "test";
  start: number;
  /** Absent when the event takes no time (RFC 5545 wants DTEND after DTSTART). */
  end: number | undefined;
  summary: string;
  /** Lines, each cleaned on its own (a newline inside a name is not a line break). */
  description: string[];
  location: string;
}

/**
 * An id as a UID part: letters, digits, `_`, `~` and `-` as they are, everything else
 * percent-encoded (lone surrogates as `%uXXXX`), so `.` can separate parts and no id can
 * break the line or pass for another.
 */
function uidPart(id: string): string {
  let out = "";
  for (const char of id) {
    const code = char.codePointAt(0) as number;
    if (/^[\w~-]$/.test(char)) out += char;
    else if (code < 0x80) out += `%${code.toString(16).toUpperCase().padStart(2, "0")}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += `%u${code.toString(16).toUpperCase()}`;
    else out += encodeURIComponent(char);
  }
  return out;
}

/** `20220516T073000Z`: an instant in a UID, whatever offset the roster wrote it with. */
function utcStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Text for a calendar: control characters and lone surrogates, which RFC 5545 text cannot hold, become U+FFFD. */
function clean(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the ones removed
    /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\uFFFD",
  );
}

function siteName(model: ScenarioModel, siteId: string): string {
  return model.sites.get(siteId)?.name ?? siteId;
}

function vehicleLabel(model: ScenarioModel, vehicleId: string): string {
  const plate = model.vehicles.get(vehicleId)?.plate;
  return plate === undefined ? vehicleId : `${vehicleId} (${plate})`;
}

function instant(text: string): number {
  // A roster of the §5 shape has parseable instants.
  return parseInstant(text) ?? 0;
}

/** The common lines of a trip's description: where it goes and on what. */
function tripLines(model: ScenarioModel, trip: Trip): string[] {
  const plate = model.vehicles.get(trip.vehicleId)?.plate;
  return [
    `Vehicle: ${trip.vehicleId}${plate === undefined ? "" : `, plate ${plate}`}`,
    `From: ${siteName(model, trip.from)} (${trip.from})`,
    `To: ${siteName(model, trip.to)} (${trip.to})`,
    `Trip: ${trip.id}, loop ${trip.loopId}`,
  ];
}

function tripTimes(trip: Trip): { start: number; end: number | undefined } {
  const start = instant(trip.depart);
  const arrive = instant(trip.arrive);
  return { start, end: arrive > start ? arrive : undefined };
}

function rideItem(model: ScenarioModel, trip: Trip, personId: string, seats: number[]): Item {
  const perRow = model.vehicles.get(trip.vehicleId)?.seatsPerRow;
  const seatText = seats
    .map((seat) => (perRow === undefined ? `${seat}` : `${seat} (row ${Math.ceil(seat / perRow)})`))
    .join(", ");
  const route = `${siteName(model, trip.from)} → ${siteName(model, trip.to)}`;
  const driver = model.staff.get(trip.driverId)?.name;
  return {
    uid: `${uidPart(trip.id)}.${uidPart(personId)}.ride@${UID_DOMAIN}`,
    kind: "ride",
    ...tripTimes(trip),
    summary: `Ride ${vehicleLabel(model, trip.vehicleId)}, seat ${seats.join(", ")}: ${route}`,
    description: [
      `Ride ${trip.direction === "to-plant" ? "to the plant" : "to the dormitory"}`,
      `Seat: ${seatText}`,
      ...tripLines(model, trip),
      `Driver: ${trip.driverId}${driver === undefined ? "" : ` (${driver})`}`,
    ],
    location: siteName(model, trip.from),
  };
}

function driveItem(model: ScenarioModel, trip: Trip, personId: string): Item {
  const count = trip.passengers.length;
  const route = `${siteName(model, trip.from)} → ${siteName(model, trip.to)}`;
  return {
    uid: `${uidPart(trip.id)}.${uidPart(personId)}.drive@${UID_DOMAIN}`,
    kind: "drive",
    ...tripTimes(trip),
    summary: `Drive ${vehicleLabel(model, trip.vehicleId)}${count === 0 ? " (empty run)" : ""}: ${route}`,
    description: [
      `Drive ${trip.direction === "to-plant" ? "to the plant" : "to the dormitory"}`,
      count === 0 ? "Empty run: no passengers" : `Passengers: ${count}`,
      ...tripLines(model, trip),
    ],
    location: siteName(model, trip.from),
  };
}

function testItem(model: ScenarioModel, test: TestAppointment): Item {
  const start = instant(test.at);
  const slot = model.sites.get(test.siteId)?.testing?.slotMinutes ?? DEFAULT_SLOT_MINUTES;
  const name = siteName(model, test.siteId);
  return {
    uid: `${uidPart(test.personId)}.${uidPart(test.kind)}.${utcStamp(start)}.${uidPart(test.siteId)}.test@${UID_DOMAIN}`,
    kind: "test",
    start,
    end: start + slot * MS_PER_MINUTE,
    summary: `${test.kind} test at ${name}`,
    description: [
      `Test: ${test.kind}`,
      `Testing point: ${name} (${test.siteId})`,
      `Slot: ${slot} minutes`,
    ],
    location: name,
  };
}

/** The person's events, by start, then UID; one per (trip, role) and per distinct test. */
function personItems(model: ScenarioModel, roster: Roster, personId: string): Item[] {
  const items = new Map<string, Item>();
  const add = (item: Item) => {
    if (!items.has(item.uid)) items.set(item.uid, item);
  };
  for (const trip of roster.trips) {
    if (trip.driverId === personId) add(driveItem(model, trip, personId));
    const seats = trip.passengers.filter((p) => p.personId === personId).map((p) => p.seat);
    if (seats.length > 0) add(rideItem(model, trip, personId, seats));
  }
  for (const test of roster.tests) if (test.personId === personId) add(testItem(model, test));
  return [...items.values()].sort((a, b) => a.start - b.start || compareText(a.uid, b.uid));
}

/**
 * Whether the wall-clock time of an instant is shown at no other instant. In a DST overlap it
 * is shown twice, and readers disagree on which a `TZID` time names (RFC 5545 says the first,
 * ical.js takes the second), so such an event is written in UTC instead.
 */
function shownOnce(clock: ZoneClock, ms: number): boolean {
  const wall = ms + clock.offsetMinutes(ms) * MS_PER_MINUTE;
  // The offsets a day either side are those before and after any change near the instant.
  for (const probe of [ms - MS_PER_DAY, ms + MS_PER_DAY]) {
    const offset = clock.offsetMinutes(probe);
    const other = wall - offset * MS_PER_MINUTE;
    if (other !== ms && clock.offsetMinutes(other) === offset) return false;
  }
  return true;
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : `a value of type ${typeof value}`;
}

/**
 * A person's calendar: one event per ride they take (summary and description naming the
 * vehicle, its plate, their seat and row, and the from → to sites), one per trip they
 * drive (empty runs included, so a driver's day is whole), and one per test appointment
 * (its kind and testing point, as long as the site's slot). Times are written in the
 * scenario's zone with its `VTIMEZONE` (an event with a time in a DST overlap, whose local
 * reading readers resolve differently, in UTC); the `UID` of a ride is
 * `<trip id>.<person id>.ride@closed-loop-commute` (`.drive` for a trip driven; a test's names
 * the person, kind, instant and site), ids percent-encoded, so it stays the same across
 * re-plans for as long as the trip does (`replan` keeps the trips it does not change, ids
 * included). `DTSTAMP` is the horizon's first local midnight rather than the current time,
 * so the same arguments give the same text.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster of the §5 shape
 * @param personId - a staff member of the scenario (a worker or a driver)
 * @returns the `VCALENDAR` text, CRLF line ends, lines folded at 75 octets
 * @throws {RosterError} when the roster is not of the §5 shape
 * @throws {NotFoundError} when the person is not staff of the scenario
 * @example
 * const scenario = jinshanScenario();
 * const roster = planRoster(scenario);
 * const ics = toICalendar(scenario, roster, roster.assignments[0].personId);
 * ics.startsWith("BEGIN:VCALENDAR") //=> true
 */
export function toICalendar(
  scenario: ScenarioInput | Scenario,
  roster: unknown,
  personId: string,
): string {
  const model = scenarioModel(scenario);
  const parsed = parseRoster(roster);
  const person = typeof personId === "string" ? model.staff.get(personId) : undefined;
  if (person === undefined) throw new NotFoundError(`no staff member ${describe(personId)}`);
  const zone = model.zone;
  const clock = new ZoneClock(zone);
  const items = personItems(model, parsed, personId);

  // The VTIMEZONE covers the local years of the roster's dates and of every event.
  const horizonStart = localInstant(civilDay(parsed.horizon.start), 0, zone);
  let first = horizonStart;
  let last = horizonStart + (parsed.horizon.days + 1) * MS_PER_DAY;
  for (const item of items) {
    first = Math.min(first, item.start);
    last = Math.max(last, item.end ?? item.start);
  }
  const yearOf = (ms: number) => DateTime.fromMillis(ms, { zone }).year;
  const component = vtimezone(zone, yearOf(first), yearOf(last));

  const calendar = new ICalCalendar({
    prodId: { company: UID_DOMAIN, product: "toICalendar", language: "EN" },
    // ical-generator writes the name as it is given: escaped here, as a TEXT value.
    name: escapeText(clean(`Shuttle rides of ${person.name ?? person.id}`), false),
    // No calendar-wide zone name: ical-generator would write DTSTAMP in it, and DTSTAMP is UTC.
    timezone: { name: null, generator: (tz) => (tz === zone ? component : null) },
    x: [["X-WR-TIMEZONE", zone]],
  });
  const stamp = DateTime.fromMillis(horizonStart, { zone: "utc" });
  for (const item of items) {
    const local =
      shownOnce(clock, item.start) && (item.end === undefined || shownOnce(clock, item.end));
    calendar.createEvent({
      id: item.uid,
      stamp,
      start: DateTime.fromMillis(item.start, { zone: "utc" }),
      end: item.end === undefined ? null : DateTime.fromMillis(item.end, { zone: "utc" }),
      timezone: local ? zone : null,
      summary: clean(item.summary),
      description: item.description.map(clean).join("\n"),
      location: clean(item.location),
      categories: [{ name: item.kind.toUpperCase() }],
    });
  }
  // RFC 5545 ends every line, the last included, with CRLF; ical-generator leaves it off.
  const text = `${calendar.toString().replace(/(\r\n)?$/, "")}\r\n`;
  // A calendar needs one component: with no event in the zone, the VTIMEZONE goes in alone.
  return text.includes("BEGIN:VTIMEZONE")
    ? text
    : text.replace(/END:VCALENDAR\r\n$/, `${component}END:VCALENDAR\r\n`);
}
