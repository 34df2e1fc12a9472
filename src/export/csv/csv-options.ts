/**
 * What the three CSV lists of SPEC §7.3 share: RFC 4180 text quoted by csv-stringify (so
 * quoting of commas, quotes and line breaks is a tested library's, not ours: csv-line.ts
 * hands it every field it would change), CRLF after every record including the last, an
 * optional UTF-8 BOM, and the lookup that turns a roster id the scenario lacks into a
 * `NotFoundError` naming where the roster uses it.
 */
import type { Options } from "csv-stringify";
import { InvalidArgumentError, NotFoundError } from "../../util/errors.js";

/** Options of the CSV exports (`toManifestCsv`, `toStaffListCsv`, `toTestingCsv`). */
export interface CsvOptions {
  /** Start the text with a UTF-8 byte order mark, so spreadsheet programs read Chinese names. */
  bom?: boolean | undefined;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return typeof value === "string" ? JSON.stringify(value) : `a value of type ${typeof value}`;
}

/**
 * The csv-stringify options that write a list with its header: the same settings for the
 * sync functions here and for a stream (`stringify(csvStringifyOptions(...))`) that a
 * command line pipes rows into. `quote_record_delimiter` is set because csv-stringify stops
 * quoting a lone `\n` or `\r` once `record_delimiter` is given, and a name may hold one.
 *
 * @param columns - the header, in order
 * @param options - `{ bom?: boolean }`, or undefined
 * @returns options for `stringify` from `csv-stringify` or `csv-stringify/sync`
 * @throws {InvalidArgumentError} when `options` is not an object or `bom` not a boolean
 * @example
 * stringify([["1", "a,b"]], csvStringifyOptions(["n", "s"])) //=> 'n,s\r\n1,"a,b"\r\n'
 */
export function csvStringifyOptions(
  columns: readonly string[],
  options?: CsvOptions | undefined,
): Options {
  if (options !== undefined && (options === null || typeof options !== "object"))
    throw new InvalidArgumentError(`options must be an object, got ${describe(options)}`);
  const bom: unknown = options?.bom;
  if (bom !== undefined && typeof bom !== "boolean")
    throw new InvalidArgumentError(`options.bom must be a boolean, got ${describe(bom)}`);
  return {
    header: true,
    columns: [...columns],
    record_delimiter: "\r\n",
    quote_record_delimiter: true,
    eof: true,
    bom: bom === true,
  };
}

/**
 * An id the roster uses, looked up in one of the scenario's (or roster's) maps.
 *
 * @param map - the scenario's things by id
 * @param id - the id the roster names
 * @param what - the kind of thing, for the message ("person", "vehicle", …)
 * @param where - where the roster names it ("trips[3].vehicleId")
 * @param owner - whose list should hold it ("the scenario" by default)
 * @throws {NotFoundError} when the map has no such id
 * @example
 * known(model.vehicles, "V01", "vehicle", "trips[0].vehicleId").seats //=> 45
 */
export function known<T>(
  map: ReadonlyMap<string, T>,
  id: string,
  what: string,
  where: string,
  owner = "the scenario",
): T {
  const found = map.get(id);
  if (found === undefined)
    throw new NotFoundError(`${where} names ${what} ${JSON.stringify(id)}, which ${owner} lacks`);
  return found;
}
