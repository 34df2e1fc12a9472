/**
 * `toManifestCsv` (SPEC §7.3): "one vehicle, one trip, one list" — every boarding of the
 * roster as a CSV row, in the order the buses leave. One walk over the boardings feeds both
 * the row generator (string arrays, for a csv-stringify stream) and the text chunks the
 * string function joins, which write a trip's columns once per trip and a person's once per
 * person, so that a boarding's line is a few concatenations (issue #12).
 */
import { parseRoster } from "../../roster/parse.js";
import type { Passenger, Roster, Trip } from "../../roster/schema.js";
import { type ScenarioModel, scenarioModel } from "../../scenario/model.js";
import type { Scenario, ScenarioInput, Staff, Vehicle } from "../../scenario/schema.js";
import { formatCivilDate } from "../../time/civil-date.js";
import { parseInstant } from "../../time/instant.js";
import { ZoneClock } from "../../time/zone-clock.js";
import { compareText } from "../../util/order.js";
import { CsvLineWriter, TextChunks } from "./csv-line.js";
import { type CsvOptions, csvStringifyOptions, known } from "./csv-options.js";

/** Options of {@link toManifestCsv}. */
export type ManifestCsvOptions = CsvOptions;

/** The manifest's header, in column order. */
export const MANIFEST_COLUMNS = [
  "date",
  "trip_id",
  "loop_id",
  "vehicle_id",
  "plate",
  "driver_id",
  "direction",
  "from",
  "to",
  "depart",
  "arrive",
  "seat",
  "row",
  "person_id",
  "name",
  "enterprise_id",
] as const;

/** The trips' indexes by departure instant, then trip id (unique in a parsed roster). */
function tripOrder(trips: readonly Trip[]): { order: number[]; departMs: Float64Array } {
  const departMs = new Float64Array(trips.length);
  for (let t = 0; t < trips.length; t++) departMs[t] = parseInstant((trips[t] as Trip).depart) ?? 0; // parsed rosters have instants
  const order = Array.from(trips, (_, t) => t);
  order.sort(
    (a, b) =>
      (departMs[a] as number) - (departMs[b] as number) ||
      compareText((trips[a] as Trip).id, (trips[b] as Trip).id) ||
      a - b,
  );
  return { order, departMs };
}

/** A trip's passengers by seat (then person id, so that a shared seat still sorts one way). */
function bySeat(passengers: readonly Passenger[]): number[] {
  const order = Array.from(passengers, (_, p) => p);
  // Planned manifests are in seat order already: seats that rise need no sort.
  let rising = true;
  for (let p = 1; p < passengers.length && rising; p++)
    rising = (passengers[p - 1] as Passenger).seat < (passengers[p] as Passenger).seat;
  if (rising) return order;
  return order.sort((a, b) => {
    const x = passengers[a] as Passenger;
    const y = passengers[b] as Passenger;
    return x.seat - y.seat || compareText(x.personId, y.personId) || a - b;
  });
}

/** A trip with a list, as the list needs it. */
interface ListedTrip {
  /** The trip's index in `roster.trips`. */
  t: number;
  trip: Trip;
  vehicle: Vehicle;
  /** The trip's local departure date. */
  date: string;
  /** Its passengers' indexes, by seat. */
  seats: number[];
}

/**
 * The trips with passengers in the list's order (by departure instant, trip id), each with
 * its vehicle, local date and passengers by seat. Lazy, like the generators built on it.
 */
function* listedTrips(
  model: ScenarioModel,
  roster: Roster,
): Generator<ListedTrip, void, undefined> {
  const clock = new ZoneClock(model.zone);
  const { trips } = roster;
  const { order, departMs } = tripOrder(trips);
  for (const t of order) {
    const trip = trips[t] as Trip;
    if (trip.passengers.length === 0) continue; // an empty run has no list
    const vehicle =
      model.vehicles.get(trip.vehicleId) ??
      known(model.vehicles, trip.vehicleId, "vehicle", `trips[${t}].vehicleId`);
    const date = formatCivilDate(clock.dayOf(departMs[t] as number));
    yield { t, trip, vehicle, date, seats: bySeat(trip.passengers) };
  }
}

/** The person on passenger `p` of trip `t`; the place named in the error is made only when needed. */
function rider(model: ScenarioModel, personId: string, t: number, p: number): Staff {
  return (
    model.staff.get(personId) ??
    known(model.staff, personId, "person", `trips[${t}].passengers[${p}].personId`)
  );
}

/**
 * The manifest's data rows (no header), one per boarding, in the list's order: by departure
 * instant, trip id, seat. Each row holds the values of {@link MANIFEST_COLUMNS}: the trip's
 * local departure date in the scenario's zone, its ids, the vehicle's plate (empty when it has
 * none), `depart`/`arrive` as the roster writes them, the seat and its row
 * (`ceil(seat / seatsPerRow)`), and the person's id, name (empty when none) and enterprise.
 * Lazy: nothing is read until the first row is asked for.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster `parseRoster` returned (this generator does not check its shape)
 * @returns a generator of fresh string arrays, for a csv-stringify stream
 * @throws {NotFoundError} when a trip names a vehicle or a passenger the scenario lacks
 * @example
 * const stream = Readable.from(manifestRows(scenario, parseRoster(roster)));
 * stream.pipe(stringify(csvStringifyOptions(MANIFEST_COLUMNS, { bom: true }))).pipe(file);
 */
export function* manifestRows(
  scenario: ScenarioInput | Scenario,
  roster: Roster,
): Generator<string[], void, undefined> {
  const model = scenarioModel(scenario);
  for (const { t, trip, vehicle, date, seats } of listedTrips(model, roster))
    for (const p of seats) {
      const { personId, seat } = trip.passengers[p] as Passenger;
      const person = rider(model, personId, t, p);
      yield [
        date,
        trip.id,
        trip.loopId,
        trip.vehicleId,
        vehicle.plate ?? "",
        trip.driverId,
        trip.direction,
        trip.from,
        trip.to,
        trip.depart,
        trip.arrive,
        String(seat),
        String(Math.ceil(seat / vehicle.seatsPerRow)),
        person.id,
        person.name ?? "",
        person.enterpriseId,
      ];
    }
}

/**
 * The manifests' CSV text (see {@link toManifestCsv}) in chunks of about 64 Ki characters, the
 * header (and byte order mark) in the first: for a file written piece by piece. Lazy:
 * nothing is read until the first chunk is asked for.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster `parseRoster` returned (this generator does not check its shape)
 * @param options - `bom: true` starts the text with a UTF-8 BOM
 * @returns a generator of strings that, joined, are `toManifestCsv`'s text
 * @throws {NotFoundError} when a trip names a vehicle or a passenger the scenario lacks
 * @throws {InvalidArgumentError} when `options` is not an object or `bom` not a boolean
 * @example
 * for (const chunk of manifestCsvChunks(scenario, parseRoster(input), { bom: true })) out.write(chunk);
 */
export function* manifestCsvChunks(
  scenario: ScenarioInput | Scenario,
  roster: Roster,
  options?: ManifestCsvOptions | undefined,
): Generator<string, void, undefined> {
  const model = scenarioModel(scenario);
  const csv = new CsvLineWriter(csvStringifyOptions(MANIFEST_COLUMNS, options));
  const field = (value: string) => csv.field(value);
  const chunks = new TextChunks();
  chunks.add(csv.head);
  // A trip's columns are joined once per trip, a person's once per person, each into a
  // flat string that every line of theirs copies: a line is a few concatenations.
  const personText = new Map<string, string>();
  for (const { t, trip, vehicle, date, seats } of listedTrips(model, roster)) {
    const { id, loopId, vehicleId, driverId, direction, from, to, depart, arrive } = trip;
    const values = [date, id, loopId, vehicleId, vehicle.plate ?? "", driverId, direction];
    values.push(from, to, depart, arrive);
    const tripText = `${values.map(field).join(",")},`;
    for (const p of seats) {
      const { personId, seat } = trip.passengers[p] as Passenger;
      let text = personText.get(personId);
      if (text === undefined) {
        const person = rider(model, personId, t, p);
        const { name, enterpriseId } = person;
        const last = field(enterpriseId) + csv.end;
        text = ["", field(person.id), field(name ?? ""), last].join(",");
        personText.set(personId, text);
      }
      // A number's text never holds a comma, a quote or a line break: written as it is.
      const row = Math.ceil(seat / vehicle.seatsPerRow);
      if (chunks.add(`${tripText}${seat},${row}${text}`)) yield chunks.take();
    }
  }
  if (!chunks.empty) yield chunks.take();
}

/**
 * The manifests as one RFC 4180 CSV text: header
 * `date,trip_id,loop_id,vehicle_id,plate,driver_id,direction,from,to,depart,arrive,seat,row,person_id,name,enterprise_id`,
 * then a row per boarding by departure, trip id and seat (see {@link manifestRows}), CRLF after
 * every record.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster of the §5 shape
 * @param options - `bom: true` starts the text with a UTF-8 BOM
 * @returns the CSV text
 * @throws {ScenarioError} when the scenario is not valid
 * @throws {RosterError} when the roster is not of the §5 shape
 * @throws {NotFoundError} when a trip names a vehicle or a passenger the scenario lacks
 * @throws {InvalidArgumentError} when `options` is not an object or `bom` not a boolean
 * @example
 * const scenario = jinshanScenario();
 * const csv = toManifestCsv(scenario, planRoster(scenario), { bom: true });
 * csv.split("\r\n")[0] //=> "\uFEFFdate,trip_id,loop_id,vehicle_id,plate,driver_id,direction,from,to,depart,arrive,seat,row,person_id,name,enterprise_id"
 */
export function toManifestCsv(
  scenario: ScenarioInput | Scenario,
  roster: unknown,
  options?: ManifestCsvOptions | undefined,
): string {
  const parsedScenario = scenarioModel(scenario).scenario;
  const parsed = parseRoster(roster);
  return Array.from(manifestCsvChunks(parsedScenario, parsed, options)).join("");
}
