/**
 * `toTestingCsv` (SPEC §7.3): the testing point's list (定檢) — every test appointment as a
 * CSV row with its local date and slot, so each dormitory's point knows who comes when.
 * One sorted list of appointments feeds both the row generator (string arrays, for a
 * csv-stringify stream) and the text chunks the string function joins, which write a
 * site's, a slot's and a person's columns once each (issue #12).
 */
import { parseRoster } from "../../roster/parse.js";
import type { Roster, TestAppointment } from "../../roster/schema.js";
import { scenarioModel } from "../../scenario/model.js";
import type { Scenario, ScenarioInput, Site, Staff } from "../../scenario/schema.js";
import { formatCivilDate } from "../../time/civil-date.js";
import { formatClockTime } from "../../time/clock-time.js";
import { parseInstant } from "../../time/instant.js";
import { ZoneClock } from "../../time/zone-clock.js";
import { compareText } from "../../util/order.js";
import { CsvLineWriter, textChunks } from "./csv-line.js";
import { type CsvOptions, csvStringifyOptions, known } from "./csv-options.js";

/** Options of {@link toTestingCsv}. */
export type TestingCsvOptions = CsvOptions;

/** The testing list's header, in column order. */
export const TESTING_COLUMNS = [
  "date",
  "site_id",
  "site_name",
  "slot",
  "kind",
  "person_id",
  "name",
  "enterprise_id",
  "role",
] as const;

/** One appointment with what its row and its place in the list need. */
interface Appointment {
  test: TestAppointment;
  site: Site;
  person: Staff;
  index: number;
  ms: number;
  /** Local wall-clock minutes since 1970-01-01 00:00: the date and the slot in one number. */
  local: number;
}

function bySiteDateSlotPerson(a: Appointment, b: Appointment): number {
  return (
    compareText(a.site.id, b.site.id) ||
    a.local - b.local ||
    compareText(a.person.id, b.person.id) ||
    compareText(a.test.kind, b.test.kind) ||
    a.ms - b.ms ||
    a.index - b.index
  );
}

/** The roster's appointments in the list's order: by site id, local date, slot, person id. */
function appointmentsInOrder(scenario: ScenarioInput | Scenario, roster: Roster): Appointment[] {
  const model = scenarioModel(scenario);
  const clock = new ZoneClock(model.zone);
  const appointments = roster.tests.map((test, index): Appointment => {
    const site = known(model.sites, test.siteId, "site", `tests[${index}].siteId`);
    const person = known(model.staff, test.personId, "person", `tests[${index}].personId`);
    const ms = parseInstant(test.at) ?? 0; // parsed rosters have instants
    return { test, site, person, index, ms, local: clock.localMinutes(ms) };
  });
  return appointments.sort(bySiteDateSlotPerson);
}

/**
 * The testing list's data rows (no header): one per test appointment of the roster, by site
 * id, local date, slot and person id. Each holds the values of {@link TESTING_COLUMNS}: the
 * appointment's local date and time (`HH:mm`) in the scenario's zone, the site's id and name,
 * the test kind, and the person's id, name (empty when none), enterprise and role. Sorting
 * needs every appointment, so the first row comes after one pass over the tests.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster `parseRoster` returned (this generator does not check its shape)
 * @returns a generator of fresh string arrays, for a csv-stringify stream
 * @throws {NotFoundError} when a test names a person or site the scenario lacks
 * @example
 * const stream = Readable.from(testingRows(scenario, parseRoster(roster)));
 * stream.pipe(stringify(csvStringifyOptions(TESTING_COLUMNS))).pipe(file);
 */
export function* testingRows(
  scenario: ScenarioInput | Scenario,
  roster: Roster,
): Generator<string[], void, undefined> {
  for (const { test, site, person, local } of appointmentsInOrder(scenario, roster)) {
    const day = Math.floor(local / 1440);
    yield [
      formatCivilDate(day),
      site.id,
      site.name,
      formatClockTime(local - day * 1440),
      test.kind,
      person.id,
      person.name ?? "",
      person.enterpriseId,
      person.role,
    ];
  }
}

/** The testing list's records as text, one line per appointment (the rows of {@link testingRows}). */
function* testingLines(
  scenario: ScenarioInput | Scenario,
  roster: Roster,
  csv: CsvLineWriter,
): Generator<string, void, undefined> {
  const field = (value: string) => csv.field(value);
  // The date, site and slot columns change only between runs of the sorted list: joined
  // once per run into a flat string; a person's columns once per person.
  let site: Site | undefined;
  let local = Number.NaN;
  let slotText = "";
  const personText = new Map<Staff, string>();
  for (const appointment of appointmentsInOrder(scenario, roster)) {
    const { person } = appointment;
    if (appointment.site !== site || appointment.local !== local) {
      site = appointment.site;
      local = appointment.local;
      const day = Math.floor(local / 1440);
      const slot = formatClockTime(local - day * 1440);
      slotText = [formatCivilDate(day), site.id, site.name, slot, ""].map(field).join(",");
    }
    let text = personText.get(person);
    if (text === undefined) {
      const { id, name, enterpriseId, role } = person;
      const last = field(role) + csv.end;
      text = ["", field(id), field(name ?? ""), field(enterpriseId), last].join(",");
      personText.set(person, text);
    }
    yield slotText + field(appointment.test.kind) + text;
  }
}

/**
 * The testing list's CSV text (see {@link toTestingCsv}) in chunks of about 64 Ki characters, the
 * header (and byte order mark) in the first: for a file written piece by piece. Lazy:
 * nothing is read until the first chunk is asked for.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster `parseRoster` returned (this generator does not check its shape)
 * @param options - `bom: true` starts the text with a UTF-8 BOM
 * @returns a generator of strings that, joined, are `toTestingCsv`'s text
 * @throws {NotFoundError} when a test names a person or site the scenario lacks
 * @throws {InvalidArgumentError} when `options` is not an object or `bom` not a boolean
 * @example
 * for (const chunk of testingCsvChunks(scenario, parseRoster(input))) out.write(chunk);
 */
export function* testingCsvChunks(
  scenario: ScenarioInput | Scenario,
  roster: Roster,
  options?: TestingCsvOptions | undefined,
): Generator<string, void, undefined> {
  const csv = new CsvLineWriter(csvStringifyOptions(TESTING_COLUMNS, options));
  yield* textChunks(csv.head, testingLines(scenario, roster, csv));
}

/**
 * The test appointments as one RFC 4180 CSV text: header
 * `date,site_id,site_name,slot,kind,person_id,name,enterprise_id,role`, then a row per
 * appointment by site, local date, slot and person (see {@link testingRows}), CRLF after
 * every record.
 *
 * @param scenario - a scenario input or a parsed scenario
 * @param roster - a roster of the §5 shape
 * @param options - `bom: true` starts the text with a UTF-8 BOM
 * @returns the CSV text
 * @throws {ScenarioError} when the scenario is not valid
 * @throws {RosterError} when the roster is not of the §5 shape
 * @throws {NotFoundError} when a test names a person or site the scenario lacks
 * @throws {InvalidArgumentError} when `options` is not an object or `bom` not a boolean
 * @example
 * const scenario = jinshanScenario();
 * const csv = toTestingCsv(scenario, planRoster(scenario));
 * csv.split("\r\n")[0] //=> "date,site_id,site_name,slot,kind,person_id,name,enterprise_id,role"
 */
export function toTestingCsv(
  scenario: ScenarioInput | Scenario,
  roster: unknown,
  options?: TestingCsvOptions | undefined,
): string {
  const parsedScenario = scenarioModel(scenario).scenario;
  const parsed = parseRoster(roster);
  return Array.from(testingCsvChunks(parsedScenario, parsed, options)).join("");
}
