/**
 * CSV text made fast, with csv-stringify still the authority on every quote (issue #12).
 * Millions of rows through csv-stringify's sync API cost 7–18 × `JSON.stringify(roster)`,
 * two thirds of it collecting the garbage it makes per field and per row. Under the options
 * our files use (`,` between fields, `"` to quote and escape, nothing forced into quotes, no
 * formula escaping, no custom cast) csv-stringify writes a field unchanged unless it holds
 * `,` `"` `\r` or `\n`; so such a field is written as it is, and any other is handed to
 * csv-stringify itself, one field at a time (each distinct one once). The byte order mark
 * and the header are csv-stringify's own output too. A property test holds the text to
 * csv-stringify's, byte for byte.
 */
import type { Options } from "csv-stringify";
import { normalize_options, stringify } from "csv-stringify/sync";
import { InvalidArgumentError } from "../../util/errors.js";

/** A field csv-stringify would change: it holds a delimiter, a quote or a line break. */
const NEEDS_QUOTES = /[,"\r\n]/;

/**
 * About how many UTF-16 code units a chunk of {@link textChunks} holds (64 Ki): a stream's
 * usual write, and small enough to be made in V8's young generation rather than mapped
 * afresh as a large object.
 */
export const CSV_CHUNK_LENGTH = 1 << 16;

/**
 * Writes fields and records as csv-stringify would with `format`.
 *
 * @example
 * const csv = new CsvLineWriter(csvStringifyOptions(["n", "s"]));
 * csv.head + csv.line(["1", "a,b"]) //=> 'n,s\r\n1,"a,b"\r\n'
 */
export class CsvLineWriter {
  /** The byte order mark (when `format.bom`) and the header record, as csv-stringify writes them. */
  readonly head: string;
  /** What ends every record (`format`'s record delimiter). */
  readonly end: string;
  private readonly format: Options;
  private readonly quoted = new Map<string, string>();

  /**
   * @param format - csv-stringify options: the header and BOM as you like, but the default
   *   delimiter, quote, escape and cast, nothing forced into quotes, no formula escaping, and
   *   records ending in `\n` or `\r\n` with line breaks inside fields quoted
   * @throws {InvalidArgumentError} for options under which a plain field might be changed
   */
  constructor(format: Options) {
    const [error, o] = normalize_options({ ...format });
    if (error !== undefined) throw new InvalidArgumentError(error.message);
    const plain =
      o.delimiter === "," &&
      o.quote === '"' &&
      o.escape === '"' &&
      o.quoted === false &&
      o.quoted_string === false &&
      !o.quoted_match &&
      o.quoted_empty !== true &&
      o.escape_formulas === false &&
      o.eof === true &&
      format.cast === undefined &&
      o.quote_record_delimiter === true;
    const end = o.record_delimiter;
    if (!plain || (end !== "\n" && end !== "\r\n"))
      throw new InvalidArgumentError(
        "CsvLineWriter writes plain RFC 4180 only: default delimiter, quote, escape and cast, eof, line breaks quoted",
      );
    // One field as a headless record of its own; every other option is the default (checked above).
    this.format = { record_delimiter: end, quote_record_delimiter: true, eof: false };
    this.head = stringify([], format);
    this.end = end;
  }

  /**
   * One field's text: the value itself, or csv-stringify's quoting of it.
   *
   * @example
   * new CsvLineWriter({}).field('say "hi"') //=> '"say ""hi"""'
   */
  field(value: string): string {
    if (!NEEDS_QUOTES.test(value)) return value;
    let text = this.quoted.get(value);
    if (text === undefined) {
      text = stringify([[value]], this.format);
      this.quoted.set(value, text);
    }
    return text;
  }

  /**
   * One record with its delimiter: numbers as `String(n)`, `undefined` as an empty field
   * (as csv-stringify casts them).
   *
   * @example
   * new CsvLineWriter({}).line(["a", 1, undefined]) //=> "a,1,\n"
   */
  line(fields: readonly (string | number | undefined)[]): string {
    let text = "";
    for (let i = 0; i < fields.length; i++) {
      const value = fields[i];
      if (i > 0) text += ",";
      if (typeof value === "string") text += this.field(value);
      else if (value !== undefined) text += this.field(String(value));
    }
    return text + this.end;
  }
}

/**
 * Text gathered into chunks of about {@link CSV_CHUNK_LENGTH} code units, each joined once,
 * so that no text is a chain of millions of small strings.
 *
 * @example
 * const chunks = new TextChunks();
 * if (chunks.add(line)) out.write(chunks.take());
 */
export class TextChunks {
  private parts: string[] = [];
  private length = 0;

  /** Adds `text`; true when the chunk is full (then `take` it). */
  add(text: string): boolean {
    this.parts.push(text);
    this.length += text.length;
    return this.length >= CSV_CHUNK_LENGTH;
  }

  /** True while nothing has been added since the last `take`. */
  get empty(): boolean {
    return this.parts.length === 0;
  }

  /** The text added since the last `take`, as one string. */
  take(): string {
    const chunk = this.parts.join("");
    this.parts = [];
    this.length = 0;
    return chunk;
  }
}

/**
 * `head` and then `lines` as text in chunks of about {@link CSV_CHUNK_LENGTH} code units
 * (one chunk, `head`, when there are no lines).
 *
 * @example
 * [...textChunks("h\n", ["a\n", "b\n"])] //=> ["h\na\nb\n"]
 */
export function* textChunks(head: string, lines: Iterable<string>): Generator<string, void> {
  const chunks = new TextChunks();
  chunks.add(head);
  for (const line of lines) if (chunks.add(line)) yield chunks.take();
  if (!chunks.empty) yield chunks.take();
}
