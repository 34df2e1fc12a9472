/**
 * `toStaffListCsv` (SPEC §7.3): the list of round-trip staff (往返人員名單) an enterprise files
 * in advance — a row per period in which a worker holds a seat or a driver a vehicle, so a
 * re-planned roster shows each person's seat before and after the change. Rows come from a
 * generator (for a csv-stringify stream); the text chunks the string function joins write
 * those rows with the line writer of csv-line.ts.
 */
import { parseRoster } from "../../roster/parse.js";
import type { Assignment, Roster, RosterLoop, RosterVehicle } from "../../roster/schema.js";
import { scenarioModel } from "../../scenario/model.js";
import type { Scenario, ScenarioInput, Staff } from "../../scenario/schema.js";
import { civilDay, formatCivilDate } from "../../time/civil-date.js";
import { compareText } from "../../util/order.js";
import { CsvLineWriter, textChunks } from "./csv-line.js";
import { type CsvOptions, csvStringifyOptions, known } from "./csv-options.js";

/** Options of {@link toStaffListCsv}. */
export type StaffListCsvOptions = CsvOptions;

/** The staff list's header, in column order. */
export const STAFF_LIST_COLUMNS = [
  "enterprise_id",
  "enterprise_name",
  "person_id",
  "name",
  "role",
  "dormitory_id",
  "plant_id",
  "loop_id",
  "vehicle_id",
  "plate",
  "seat",
  "from",
  "to",
] as const;

/** One period of a person on a vehicle, before it is written out. */
interface Period {
  person: Staff;
  /** 0 for a worker's assignment, 1 for a driver's vehicle entry (the order on a tie). */
  kind: 0 | 1;
  index: number;
  loopId: string;
  vehicleId: string;
  seat: number;
  plantId: string;
  from: string;
  to: string;
}

function byEnterprisePersonFrom(a: Period, b: Period): number {
  return (
    compareText(a.person.enterpriseId, b.person.enterpriseId) ||
    compareText(a.person.id, b.person.id) ||
    compareText(a.from, b.from) ||
    compareText(a.to, b.to) ||
    a.kind - b.kind ||
    compareText(a.vehicleId, b.vehicleId) ||
    a.index - b.index
  );
}

/**
 * The staff list's data rows (no header): one per assignment (a worker's seat) and one per
 * vehicle entry (a driver's vehicle) of the roster, by enterprise id, person id and `from`.
 * Each holds the values of {@link STAFF_LIST_COLUMNS}: the person's enterprise (id, name),
 * id, name (empty when none), role and dormitory; the plant (a worker's own, a driver's
 * loop's); the loop, vehicle and plate (empty when none); the seat (0 for a driver); and the
 * period's `from`/`to`, the roster horizon's first/last day where the entry leaves it open.
 * Sorting needs every period, so the first row comes after one pass over the lists.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster `parseRoster` returned (this generator does not check its shape)
 * @returns a generator of fresh string arrays, for a csv-stringify stream
 * @throws {NotFoundError} when an entry names a person or vehicle the scenario lacks, or a
 *   driver's entry a loop the roster lacks
 * @example
 * const stream = Readable.from(staffListRows(scenario, parseRoster(roster)));
 * stream.pipe(stringify(csvStringifyOptions(STAFF_LIST_COLUMNS))).pipe(file);
 */
export function* staffListRows(
  scenario: ScenarioInput | Scenario,
  roster: Roster,
): Generator<string[], void, undefined> {
  const model = scenarioModel(scenario);
  const first = roster.horizon.start;
  const last = formatCivilDate(civilDay(first) + roster.horizon.days - 1);
  const loops = new Map(roster.loops.map((loop) => [loop.id, loop]));
  const periods: Period[] = [];
  roster.assignments.forEach((entry: Assignment, index) => {
    const person = known(model.staff, entry.personId, "person", `assignments[${index}].personId`);
    known(model.vehicles, entry.vehicleId, "vehicle", `assignments[${index}].vehicleId`);
    const plantId = person.plantId ?? loops.get(entry.loopId)?.plantId ?? "";
    const { loopId, vehicleId, seat } = entry;
    const period = { loopId, vehicleId, seat, plantId, from: entry.from ?? first };
    periods.push({ person, kind: 0, index, ...period, to: entry.to ?? last });
  });
  roster.vehicles.forEach((entry: RosterVehicle, index) => {
    const person = known(model.staff, entry.driverId, "person", `vehicles[${index}].driverId`);
    known(model.vehicles, entry.vehicleId, "vehicle", `vehicles[${index}].vehicleId`);
    const where = `vehicles[${index}].loopId`;
    const loop: RosterLoop = known(loops, entry.loopId, "loop", where, "the roster");
    const { loopId, vehicleId } = entry;
    const period = { loopId, vehicleId, seat: 0, plantId: loop.plantId, from: entry.from ?? first };
    periods.push({ person, kind: 1, index, ...period, to: entry.to ?? last });
  });
  periods.sort(byEnterprisePersonFrom);
  for (const period of periods) {
    const { person } = period;
    const enterprise = known(model.enterprises, person.enterpriseId, "enterprise", "a person");
    yield [
      enterprise.id,
      enterprise.name,
      person.id,
      person.name ?? "",
      person.role,
      person.dormitoryId,
      period.plantId,
      period.loopId,
      period.vehicleId,
      model.vehicles.get(period.vehicleId)?.plate ?? "",
      String(period.seat),
      period.from,
      period.to,
    ];
  }
}

/**
 * The staff list's CSV text (see {@link toStaffListCsv}) in chunks of about 64 Ki
 * characters, the header (and byte order mark) in the first: for a file written piece by
 * piece. Lazy: nothing is read until the first chunk is asked for.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster `parseRoster` returned (this generator does not check its shape)
 * @param options - `bom: true` starts the text with a UTF-8 BOM
 * @returns a generator of strings that, joined, are `toStaffListCsv`'s text
 * @throws {NotFoundError} when an entry names a person, vehicle or loop nobody has
 * @throws {InvalidArgumentError} when `options` is not an object or `bom` not a boolean
 * @example
 * for (const chunk of staffListCsvChunks(scenario, parseRoster(input))) out.write(chunk);
 */
export function* staffListCsvChunks(
  scenario: ScenarioInput | Scenario,
  roster: Roster,
  options?: StaffListCsvOptions | undefined,
): Generator<string, void, undefined> {
  const csv = new CsvLineWriter(csvStringifyOptions(STAFF_LIST_COLUMNS, options));
  function* lines() {
    for (const row of staffListRows(scenario, roster)) yield csv.line(row);
  }
  yield* textChunks(csv.head, lines());
}

/**
 * The staff list as one RFC 4180 CSV text: header
 * `enterprise_id,enterprise_name,person_id,name,role,dormitory_id,plant_id,loop_id,vehicle_id,plate,seat,from,to`,
 * then a row per assignment period of a worker and per vehicle period of a driver, by
 * enterprise, person and `from` (see {@link staffListRows}), CRLF after every record.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster of the §5 shape
 * @param options - `bom: true` starts the text with a UTF-8 BOM
 * @returns the CSV text
 * @throws {ScenarioError} when the scenario is not valid
 * @throws {RosterError} when the roster is not of the §5 shape
 * @throws {NotFoundError} when an entry names a person, vehicle or loop nobody has
 * @throws {InvalidArgumentError} when `options` is not an object or `bom` not a boolean
 * @example
 * const scenario = jinshanScenario();
 * const csv = toStaffListCsv(scenario, planRoster(scenario));
 * csv.split("\r\n")[0] //=> "enterprise_id,enterprise_name,person_id,name,role,dormitory_id,plant_id,loop_id,vehicle_id,plate,seat,from,to"
 */
export function toStaffListCsv(
  scenario: ScenarioInput | Scenario,
  roster: unknown,
  options?: StaffListCsvOptions | undefined,
): string {
  const parsedScenario = scenarioModel(scenario).scenario;
  const parsed = parseRoster(roster);
  return Array.from(staffListCsvChunks(parsedScenario, parsed, options)).join("");
}
