/**
 * `toTestingCsv` (SPEC §7.3): the testing point's list (定檢) — every test appointment as a
 * CSV row with its local date and slot, so each dormitory's point knows who comes when.
 * Rows come from a generator (for a streamed command-line file); the string function runs it
 * through the sync writer.
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
import { type CsvOptions, csvStringifyOptions, known, writeCsv } from "./csv-options.js";

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
  const model = scenarioModel(scenario);
  const clock = new ZoneClock(model.zone);
  const appointments = roster.tests.map((test, index): Appointment => {
    const site = known(model.sites, test.siteId, "site", `tests[${index}].siteId`);
    const person = known(model.staff, test.personId, "person", `tests[${index}].personId`);
    const ms = parseInstant(test.at) ?? 0; // parsed rosters have instants
    return { test, site, person, index, ms, local: clock.localMinutes(ms) };
  });
  appointments.sort(bySiteDateSlotPerson);
  for (const { test, site, person, local } of appointments) {
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
  const format = csvStringifyOptions(TESTING_COLUMNS, options);
  return writeCsv(testingRows(parsedScenario, parsed), format);
}
