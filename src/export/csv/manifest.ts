/**
 * `toManifestCsv` (SPEC §7.3): "one vehicle, one trip, one list" — every boarding of the
 * roster as a CSV row, in the order the buses leave. The rows come from a generator, so a
 * command line can stream a district's manifests through csv-stringify without building the
 * whole text; the string function runs the same generator through the sync writer.
 */
import { parseRoster } from "../../roster/parse.js";
import type { Passenger, Roster, Trip } from "../../roster/schema.js";
import { scenarioModel } from "../../scenario/model.js";
import type { Scenario, ScenarioInput } from "../../scenario/schema.js";
import { formatCivilDate } from "../../time/civil-date.js";
import { parseInstant } from "../../time/instant.js";
import { ZoneClock } from "../../time/zone-clock.js";
import { compareText } from "../../util/order.js";
import { type CsvOptions, csvStringifyOptions, known, writeCsv } from "./csv-options.js";

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
  return order.sort((a, b) => {
    const x = passengers[a] as Passenger;
    const y = passengers[b] as Passenger;
    return x.seat - y.seat || compareText(x.personId, y.personId) || a - b;
  });
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
  const clock = new ZoneClock(model.zone);
  const { trips } = roster;
  const { order, departMs } = tripOrder(trips);
  for (const t of order) {
    const trip = trips[t] as Trip;
    if (trip.passengers.length === 0) continue; // an empty run has no list
    const vehicle = known(model.vehicles, trip.vehicleId, "vehicle", `trips[${t}].vehicleId`);
    const date = formatCivilDate(clock.dayOf(departMs[t] as number));
    for (const p of bySeat(trip.passengers)) {
      const { personId, seat } = trip.passengers[p] as Passenger;
      const where = `trips[${t}].passengers[${p}].personId`;
      const person = known(model.staff, personId, "person", where);
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
  const format = csvStringifyOptions(MANIFEST_COLUMNS, options);
  return writeCsv(manifestRows(parsedScenario, parsed), format);
}
