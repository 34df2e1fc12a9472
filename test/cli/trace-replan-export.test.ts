/**
 * `trace`, `replan`, `export` and `schema` run as a user runs them: the built command line in
 * a child process on the files `plan` wrote, every export read back by a consumer someone
 * else wrote (csv-parse, ical.js, fast-xml-parser, yauzl, ajv), and every usage error an
 * exit 2 naming what is wrong, without a stack trace. The first week of the built-in Jinshan
 * scenario is planned once and its folder reused.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import { XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContactTrace, jinshanScenario, type Roster } from "../../src/index.js";
import { ensureBuilt, expectBadInput, runCli } from "./built-cli.js";
import {
  csvHeader,
  entries,
  GTFS_FILES,
  PLAN_FILES,
  readCsv,
  readCsvFile,
  removeFolder,
  tempFolder,
  unzip,
} from "./consumers.js";

// ajv is CommonJS: its module object is the class, and `.default` is the class too.
const Ajv2020 = Ajv2020Module.default;

const TIMEOUT = 120_000;
const BOM = "\uFEFF";
const PERSON = "alloy-0001";

let tmp: string;
let out: string;
let scenarioFile: string;
let rosterFile: string;
let roster: Roster;

beforeAll(async () => {
  await ensureBuilt();
  tmp = tempFolder("trace-replan-export");
  out = join(tmp, "out");
  // The built-in scenario's first week: every command and exit code as on its two weeks, at
  // half the bytes for each of the thirty commands below to read and their consumers to parse.
  const week = join(tmp, "jinshan-week.json");
  const jinshan = jinshanScenario();
  writeFileSync(week, JSON.stringify({ ...jinshan, horizon: { ...jinshan.horizon, days: 7 } }));
  const planned = await runCli(["plan", week, "--out", out]);
  if (planned.code !== 0) throw new Error(`plan failed (${planned.code}): ${planned.stderr}`);
  scenarioFile = week;
  rosterFile = join(out, "roster.json");
  roster = JSON.parse(readFileSync(rosterFile, "utf8")) as Roster;
}, 300_000);

afterAll(() => removeFolder(tmp));

function strictlyAscending(ids: readonly string[]): boolean {
  return ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id);
}

describe.concurrent("trace", () => {
  it(
    "prints the contacts as text; exit 0, nothing on stderr",
    async () => {
      const result = await runCli(["trace", scenarioFile, rosterFile, PERSON]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(new RegExp(`^Contacts of ${PERSON}, \\d{4}-\\d\\d-\\d\\d`));
      expect(result.stdout).toContain("close");
      expect(result.stdout).toContain("dormitory");
    },
    TIMEOUT,
  );

  it(
    "--json: four disjoint lists sorted by person id, never the index person",
    async () => {
      const result = await runCli(["trace", scenarioFile, rosterFile, PERSON, "--json"]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      const trace = JSON.parse(result.stdout) as ContactTrace;
      expect(trace.personId).toBe(PERSON);
      expect(trace.close.length).toBeGreaterThan(0);
      expect(trace.dormitory.length).toBeGreaterThan(0);
      const lists = [
        trace.close.map((c) => c.personId),
        trace.vehicle.map((c) => c.personId),
        trace.testing.map((c) => c.personId),
        trace.dormitory,
      ];
      const seen = new Set<string>();
      for (const ids of lists) {
        expect(strictlyAscending(ids)).toBe(true);
        expect(ids).not.toContain(PERSON);
        for (const id of ids) {
          expect(seen.has(id), `${id} in two lists`).toBe(false);
          seen.add(id);
        }
      }
      const tripIds = new Set(roster.trips.map((trip) => trip.id));
      for (const contact of trace.close) {
        expect(contact.trips.length).toBeGreaterThan(0);
        for (const trip of contact.trips) expect(tripIds.has(trip)).toBe(true);
      }
    },
    TIMEOUT,
  );

  it(
    "--rows 0 keeps only the same row close: fewer close contacts, the rest on the vehicle list",
    async () => {
      const [all, sameRow] = await Promise.all([
        runCli(["trace", scenarioFile, rosterFile, PERSON, "--json"]),
        runCli(["trace", scenarioFile, rosterFile, PERSON, "--json", "--rows", "0"]),
      ]);
      expect(sameRow.code).toBe(0);
      const wide = JSON.parse(all.stdout) as ContactTrace;
      const narrow = JSON.parse(sameRow.stdout) as ContactTrace;
      expect(narrow.close.length).toBeLessThan(wide.close.length);
      const wideClose = new Set(wide.close.map((c) => c.personId));
      for (const contact of narrow.close) expect(wideClose.has(contact.personId)).toBe(true);
      expect(narrow.close.length + narrow.vehicle.length).toBe(
        wide.close.length + wide.vehicle.length,
      );
    },
    TIMEOUT,
  );

  it(
    "--from and --to set the window",
    async () => {
      const result = await runCli([
        "trace",
        scenarioFile,
        rosterFile,
        PERSON,
        "--from",
        "2022-05-18",
        "--to",
        "2022-05-20",
        "--json",
      ]);
      expect(result.code).toBe(0);
      const trace = JSON.parse(result.stdout) as ContactTrace;
      expect([trace.from, trace.to]).toEqual(["2022-05-18", "2022-05-20"]);
      for (const contact of [...trace.close, ...trace.vehicle])
        for (const date of contact.dates)
          expect(date >= "2022-05-18" && date <= "2022-05-20").toBe(true);
    },
    TIMEOUT,
  );

  it(
    "an unknown person: exit 2, the id named, no stack trace",
    async () => {
      const result = await runCli(["trace", scenarioFile, rosterFile, "nobody-9999"]);
      expectBadInput(result, "nobody-9999");
      expect(result.stdout).toBe("");
    },
    TIMEOUT,
  );

  it.each([
    ["--rows", "abc"],
    ["--rows", "-1"],
    ["--rows", "1.5"],
    ["--from", "2022-13-01"],
    ["--to", "2023-01-01"],
  ])(
    "%s %s: exit 2, the option named",
    async (option, value) => {
      const result = await runCli([
        "trace",
        scenarioFile,
        rosterFile,
        PERSON,
        `${option}=${value}`,
      ]);
      expectBadInput(result, option.slice(2), value);
    },
    TIMEOUT,
  );
});

describe.concurrent("replan", () => {
  it(
    "a positive case: exit 0, the new scenario, roster, summary and plan files; validate passes",
    async () => {
      const changes = join(tmp, "positive.json");
      writeFileSync(
        changes,
        JSON.stringify([{ kind: "positive-case", personId: PERSON, date: "2022-05-20" }]),
      );
      const dir = join(tmp, "replan");
      const result = await runCli(["replan", scenarioFile, rosterFile, changes, "--out", dir]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("Re-plan from 2022-05-20");
      expect(entries(dir)).toEqual([...PLAN_FILES, "summary.json"].sort());
      expect(entries(join(dir, "gtfs"))).toEqual([...GTFS_FILES]);

      const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as {
        from: string;
        assignmentsKept: number;
        moved: unknown[];
      };
      expect(summary.from).toBe("2022-05-20");
      expect(typeof summary.assignmentsKept).toBe("number");
      const changed = JSON.parse(readFileSync(join(dir, "scenario.json"), "utf8")) as {
        unavailable: { personId: string; reason: string }[];
      };
      expect(changed.unavailable).toContainEqual(
        expect.objectContaining({ personId: PERSON, reason: "positive-case" }),
      );

      const validate = await runCli([
        "validate",
        join(dir, "scenario.json"),
        join(dir, "roster.json"),
      ]);
      expect(validate.code, validate.stdout).toBe(0);
      // The old roster breaks the new scenario: the index person still rides.
      const stale = await runCli(["validate", join(dir, "scenario.json"), rosterFile]);
      expect(stale.code).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "a changes file that is not an array: exit 2, the file named",
    async () => {
      const changes = join(tmp, "object.json");
      writeFileSync(
        changes,
        JSON.stringify({ kind: "positive-case", personId: PERSON, date: "2022-05-20" }),
      );
      const result = await runCli([
        "replan",
        scenarioFile,
        rosterFile,
        changes,
        "--out",
        join(tmp, "replan-object"),
      ]);
      expectBadInput(result, changes, "array");
    },
    TIMEOUT,
  );

  it.each([
    ["an unknown kind", [{ kind: "earthquake" }], "kind"],
    [
      "an unknown person",
      [{ kind: "positive-case", personId: "nobody-9999", date: "2022-05-20" }],
      "nobody-9999",
    ],
    ["a bad date", [{ kind: "positive-case", personId: PERSON, date: "2022-02-30" }], "date"],
  ])(
    "a change with %s: exit 2, changes[0] named",
    async (_what, changes, named) => {
      const file = join(tmp, `changes-${named}.json`);
      writeFileSync(file, JSON.stringify(changes));
      const dir = join(tmp, `replan-${named}`);
      const result = await runCli(["replan", scenarioFile, rosterFile, file, "--out", dir]);
      expectBadInput(result, "changes[0]", named);
    },
    TIMEOUT,
  );
});

describe.concurrent("export", () => {
  it.each([
    ["csv", "manifests.csv"],
    ["staff", "staff.csv"],
    ["testing", "testing.csv"],
  ])(
    "%s to stdout: the same bytes as plan's %s, parsed by csv-parse",
    async (format, file) => {
      const result = await runCli(["export", format, scenarioFile, rosterFile]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdoutBytes.equals(readFileSync(join(out, file)))).toBe(true);
      expect(result.stdout.startsWith(BOM)).toBe(true);
      const rows = readCsv(result.stdoutBytes);
      expect(rows.length).toBeGreaterThan(0);
      if (format === "csv")
        expect(rows.length).toBe(roster.trips.reduce((n, trip) => n + trip.passengers.length, 0));
      if (format === "testing") expect(rows.length).toBe(roster.tests.length);
    },
    TIMEOUT,
  );

  it.each([["csv"], ["staff"], ["testing"]])(
    "%s --out FILE writes the file and says so; --no-bom leaves out the byte order mark",
    async (format) => {
      const file = join(tmp, `${format}.csv`);
      const plainFile = join(tmp, `${format}-no-bom.csv`);
      const [result, plain] = await Promise.all([
        runCli(["export", format, scenarioFile, rosterFile, "--out", file]),
        runCli(["export", format, scenarioFile, rosterFile, "--out", plainFile, "--no-bom"]),
      ]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`Wrote ${file}\n`);
      expect(plain.code).toBe(0);
      const withBom = readFileSync(file, "utf8");
      const without = readFileSync(plainFile, "utf8");
      expect(withBom.startsWith(BOM)).toBe(true);
      expect(without.startsWith(BOM)).toBe(false);
      expect(without).toBe(withBom.slice(1));
      expect(csvHeader(without)).toEqual(csvHeader(withBom));
      expect(readCsvFile(file).length).toBe(readCsvFile(plainFile).length);
    },
    TIMEOUT,
  );

  it(
    "ics --person: a calendar ical.js reads, with the person's rides as events",
    async () => {
      const file = join(tmp, `${PERSON}.ics`);
      const [result, toFile] = await Promise.all([
        runCli(["export", "ics", scenarioFile, rosterFile, "--person", PERSON]),
        runCli(["export", "ics", scenarioFile, rosterFile, "--person", PERSON, "--out", file]),
      ]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      const calendar = new ICAL.Component(ICAL.parse(result.stdout));
      expect(calendar.name).toBe("vcalendar");
      const events = calendar.getAllSubcomponents("vevent");
      expect(events.length).toBeGreaterThan(0);
      const rides = roster.trips.filter((trip) =>
        trip.passengers.some((passenger) => passenger.personId === PERSON),
      );
      expect(events.length).toBeGreaterThanOrEqual(rides.length);
      expect(toFile.code).toBe(0);
      expect(readFileSync(file, "utf8")).toBe(result.stdout);
    },
    TIMEOUT,
  );

  it(
    "ics without --person: exit 2, --person named",
    async () => {
      const result = await runCli(["export", "ics", scenarioFile, rosterFile]);
      expectBadInput(result, "--person");
      expect(result.stdout).toBe("");
    },
    TIMEOUT,
  );

  it(
    "ics --person of nobody: exit 2, the id named",
    async () => {
      const result = await runCli([
        "export",
        "ics",
        scenarioFile,
        rosterFile,
        "--person",
        "nobody",
      ]);
      expectBadInput(result, '"nobody"');
    },
    TIMEOUT,
  );

  it(
    "svg: well-formed XML, for the first day and for --date",
    async () => {
      const [first, later] = await Promise.all([
        runCli(["export", "svg", scenarioFile, rosterFile]),
        runCli(["export", "svg", scenarioFile, rosterFile, "--date", "2022-05-20"]),
      ]);
      for (const result of [first, later]) {
        expect(result.code).toBe(0);
        expect(result.stderr).toBe("");
        expect(result.stdout).toMatch(/^<svg /);
        expect(XMLValidator.validate(result.stdout)).toBe(true);
      }
      expect(later.stdout).not.toBe(first.stdout);
    },
    TIMEOUT,
  );

  it(
    "svg --date outside the roster's dates: exit 2, the date named",
    async () => {
      const result = await runCli([
        "export",
        "svg",
        scenarioFile,
        rosterFile,
        "--date",
        "2023-01-01",
      ]);
      expectBadInput(result, "2023-01-01");
    },
    TIMEOUT,
  );

  it(
    "html: the report page",
    async () => {
      const result = await runCli(["export", "html", scenarioFile, rosterFile]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout.slice(0, 100).toLowerCase()).toContain("<!doctype html");
      expect(result.stdout.trimEnd().endsWith("</html>")).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "gtfs --out FOLDER: the eight files, the same as plan's gtfs/",
    async () => {
      const dir = join(tmp, "gtfs-folder");
      const result = await runCli(["export", "gtfs", scenarioFile, rosterFile, "--out", dir]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`Wrote ${dir}\n`);
      expect(entries(dir)).toEqual([...GTFS_FILES]);
      for (const name of GTFS_FILES)
        expect(
          readFileSync(join(dir, name)).equals(readFileSync(join(out, "gtfs", name))),
          name,
        ).toBe(true);
      // No temporary folder of the feed is left (other tests write beside it at the same
      // time, feed.zip among them: hence a name no other test's temporary file starts with).
      expect(entries(tmp).filter((name) => name.startsWith(".gtfs-folder."))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "gtfs --out feed.zip: a zip yauzl opens, eight CSV files, one trip per roster trip; the same bytes on a piped stdout",
    async () => {
      const zipFile = join(tmp, "feed.zip");
      const [result, piped] = await Promise.all([
        runCli(["export", "gtfs", scenarioFile, rosterFile, "--out", zipFile]),
        runCli(["export", "gtfs", scenarioFile, rosterFile]),
      ]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`Wrote ${zipFile}\n`);
      const files = await unzip(zipFile);
      expect([...files.keys()].sort()).toEqual([...GTFS_FILES]);
      for (const [name, bytes] of files) {
        expect(bytes.equals(readFileSync(join(out, "gtfs", name))), name).toBe(true);
        expect(readCsv(bytes).length, name).toBeGreaterThan(0);
      }
      expect(readCsv(files.get("trips.txt") ?? "").length).toBe(roster.trips.length);

      expect(piped.code).toBe(0);
      expect(piped.stderr).toBe("");
      expect(piped.stdoutBytes.equals(readFileSync(zipFile))).toBe(true);
      expect([...(await unzip(piped.stdoutBytes)).keys()].sort()).toEqual([...GTFS_FILES]);
    },
    TIMEOUT,
  );

  it(
    "an unknown format: exit 2, the allowed ones listed",
    async () => {
      const result = await runCli(["export", "pdf", scenarioFile, rosterFile]);
      expectBadInput(result, "'pdf'", "gtfs, csv, staff, testing, ics, svg, html");
    },
    TIMEOUT,
  );
});

describe.concurrent("schema", () => {
  it.each([["scenario"], ["roster"]])(
    "schema %s: a draft 2020-12 JSON Schema that ajv compiles, met by the file planned from and the roster written",
    async (kind) => {
      const result = await runCli(["schema", kind]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      const schema = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      const validate = new Ajv2020({ allErrors: true }).compile(schema);
      const file = kind === "scenario" ? scenarioFile : rosterFile;
      expect(
        validate(JSON.parse(readFileSync(file, "utf8"))),
        JSON.stringify(validate.errors),
      ).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "schema foo: exit 2, the allowed kinds listed",
    async () => {
      const result = await runCli(["schema", "foo"]);
      expectBadInput(result, "'foo'", "scenario, roster");
      expect(result.stdout).toBe("");
    },
    TIMEOUT,
  );
});
