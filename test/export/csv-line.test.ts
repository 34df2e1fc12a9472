/**
 * The fast CSV writer (src/export/csv/csv-line.ts) against csv-stringify itself: for any
 * header and rows of any strings — full Unicode, and text made of the characters that might
 * make csv-stringify quote or change a field (delimiter, quote, CR, LF, spaces at either
 * end, a byte order mark, formula starters, empty strings) — the text is csv-stringify
 * sync's, byte for byte, BOM and header included, for the CSV lists' options (CRLF) and the
 * GTFS files' (LF, numbers and empty cells too). The seed is in each property's test name.
 */
import { fc, test } from "@fast-check/vitest";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { CSV_CHUNK_LENGTH, CsvLineWriter, textChunks } from "../../src/export/csv/csv-line.js";
import { csvStringifyOptions } from "../../src/export/csv/csv-options.js";
import { gtfsCsvOptions } from "../../src/export/gtfs/gtfs.js";
import { InvalidArgumentError } from "../../src/index.js";

const NUM_RUNS = 300;

/** Characters csv-stringify looks at, or might: quoting, line breaks, formulas, BOM, spaces. */
const tricky = fc.constantFrom(
  ",",
  '"',
  "\r",
  "\n",
  " ",
  "\t",
  "=",
  "+",
  "-",
  "@",
  "\uFEFF",
  "a",
  "中",
);

const text = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: tricky }),
  fc.string({ unit: fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 1 })) }),
  fc.constantFrom("", " ", " a ", '"', '""', ",", "\r\n", "\r", "\n", "=1+1", "-1", "\uFEFFx"),
);

/** A header of `width` names and rows of as many cells. */
const table = <T>(cell: fc.Arbitrary<T>) =>
  fc.integer({ min: 0, max: 6 }).chain((width) =>
    fc.record({
      columns: fc.array(text, { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
    }),
  );

describe("CsvLineWriter", () => {
  test.prop([table(text), fc.boolean()], { numRuns: NUM_RUNS })(
    "writes the CSV lists' text as csv-stringify does, BOM and header included",
    ({ columns, rows }, bom) => {
      const format = csvStringifyOptions(columns, { bom });
      const csv = new CsvLineWriter(format);

      const written = csv.head + rows.map((row) => csv.line(row)).join("");
      const joined = [
        ...textChunks(
          csv.head,
          rows.map((row) => csv.line(row)),
        ),
      ].join("");

      expect(written).toBe(stringify(rows, format));
      expect(joined).toBe(written);
    },
  );

  test.prop([table(fc.oneof(text, fc.double(), fc.integer(), fc.constant(undefined)))], {
    numRuns: NUM_RUNS,
  })(
    "writes GTFS-style text (LF, numbers, empty cells) as csv-stringify does",
    ({ columns, rows }) => {
      const format = { header: true, columns };
      const csv = new CsvLineWriter(format);

      expect(csv.head + rows.map((row) => csv.line(row)).join("")).toBe(stringify(rows, format));
    },
  );

  it("takes the GTFS files' options", () => {
    const csv = new CsvLineWriter(gtfsCsvOptions("calendar_dates.txt"));

    expect(csv.head).toBe("service_id,date,exception_type\n");
    expect(csv.line(["20220516", "a,b", 1])).toBe('20220516,"a,b",1\n');
  });

  it("refuses options under which a plain field could change", () => {
    for (const format of [
      { quoted: true },
      { quoted_string: true },
      { quoted_match: "a" },
      { quoted_empty: true },
      { escape_formulas: true },
      { delimiter: ";" },
      { quote: "'" },
      { escape: "\\" },
      { eof: false },
      { record_delimiter: "\r" },
      { record_delimiter: "\r\n", quote_record_delimiter: false },
      { cast: { string: (value: string) => value } },
    ])
      expect(() => new CsvLineWriter(format)).toThrow(InvalidArgumentError);
  });
});

describe("textChunks", () => {
  it("gives the head alone when there are no lines", () => {
    expect([...textChunks("h\r\n", [])]).toEqual(["h\r\n"]);
  });

  it("cuts long text into chunks of about CSV_CHUNK_LENGTH, in order", () => {
    const line = `${"x".repeat(999)}\n`;
    const lines = Array.from({ length: Math.floor((3 * CSV_CHUNK_LENGTH) / 1000) }, () => line);

    const chunks = [...textChunks("h\n", lines)];

    expect(chunks.length).toBe(3);
    expect(chunks.join("")).toBe(`h\n${lines.join("")}`);
    for (const chunk of chunks.slice(0, -1))
      expect(chunk.length).toBeGreaterThanOrEqual(CSV_CHUNK_LENGTH);
  });
});
