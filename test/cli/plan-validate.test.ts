/**
 * `plan` and `validate` run as a user runs them: the built command line in a child process,
 * its files read back by consumers someone else wrote (csv-parse), its exit codes
 * (SPEC §7.4: 0 ok, 1 violations, 2 bad input) and its silence on a stderr that is not a
 * terminal. The built-in Jinshan scenario is planned once and its folder reused.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jinshanScenario, planRoster, type Roster } from "../../src/index.js";
import { type CliResult, ensureBuilt, hasStackTrace, runCli } from "./built-cli.js";
import {
  entries,
  GTFS_FILES,
  PLAN_FILES,
  readCsv,
  readCsvFile,
  removeFolder,
  tempFolder,
} from "./consumers.js";

const TIMEOUT = 120_000;
const BOM = "\uFEFF";

let tmp: string;
let out: string;
let planned: CliResult;
/** The roster planned in this process by the library, as `plan` must write it. */
let expectedRoster: string;
let roster: Roster;

beforeAll(async () => {
  await ensureBuilt();
  tmp = tempFolder("plan-validate");
  out = join(tmp, "out");
  [planned] = await Promise.all([
    runCli(["plan", "--out", out]),
    (async () => {
      expectedRoster = `${JSON.stringify(planRoster(jinshanScenario()))}\n`;
    })(),
  ]);
  roster = JSON.parse(readFileSync(join(out, "roster.json"), "utf8")) as Roster;
}, 300_000);

afterAll(() => removeFolder(tmp));

/** A copy of the planned roster, changed by `edit`, written to `name` in the temp folder. */
function writeRoster(name: string, edit: (roster: Roster) => void): string {
  const copy = structuredClone(roster);
  edit(copy);
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

describe("plan (the built-in Jinshan scenario)", () => {
  it("exits 0, prints the summary and the files written, and nothing on stderr (not a terminal)", () => {
    expect(planned.code).toBe(0);
    expect(planned.stderr).toBe("");
    expect(planned.stdout).toContain("Jinshan district");
    expect(planned.stdout).toContain("Validation: 0 violations");
    expect(planned.stdout).toContain("Wrote:");
    for (const name of PLAN_FILES.filter((name) => name !== "gtfs"))
      expect(planned.stdout).toContain(join(out, name));
    expect(planned.stdout).toContain(`${join(out, "gtfs")}/`);
    expect(hasStackTrace(planned.stdout)).toBe(false);
  });

  it("writes exactly the plan's files, with no temporary file left beside them", () => {
    expect(entries(out)).toEqual([...PLAN_FILES]);
    expect(entries(join(out, "gtfs"))).toEqual([...GTFS_FILES]);
  });

  it("writes roster.json byte for byte as JSON.stringify of the library's plan, and a line end", () => {
    const written = readFileSync(join(out, "roster.json"), "utf8");
    expect(written.length).toBe(expectedRoster.length);
    expect(written === expectedRoster).toBe(true);
  });

  it("writes scenario.json: the built-in scenario, which a later command can read", () => {
    const scenario: unknown = JSON.parse(readFileSync(join(out, "scenario.json"), "utf8"));
    expect(scenario).toEqual(jinshanScenario());
  });

  it("writes report.html, a page of the plan", () => {
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html.slice(0, 100).toLowerCase()).toContain("<!doctype html");
    expect(html).toContain("</html>");
  });

  it("writes manifests.csv with a byte order mark and one row per boarding", () => {
    const bytes = readFileSync(join(out, "manifests.csv"));
    expect(bytes.toString("utf8").startsWith(BOM)).toBe(true);
    const rows = readCsv(bytes);
    const boardings = roster.trips.reduce((sum, trip) => sum + trip.passengers.length, 0);
    expect(rows.length).toBe(boardings);
    expect(rows.length).toBe(roster.stats.boardings);
    const withPassengers = roster.trips.filter((trip) => trip.passengers.length > 0);
    expect(new Set(rows.map((row) => row.trip_id))).toEqual(
      new Set(withPassengers.map((trip) => trip.id)),
    );
    expect(rows.every((row) => row.person_id !== undefined && row.person_id !== "")).toBe(true);
  });

  it("writes staff.csv, one row per worker or driver listed, and testing.csv, one per test", () => {
    const staff = readCsvFile(join(out, "staff.csv"));
    expect(staff.length).toBeGreaterThan(0);
    const people = new Set(staff.map((row) => row.person_id));
    for (const assignment of roster.assignments) expect(people.has(assignment.personId)).toBe(true);
    const testing = readCsvFile(join(out, "testing.csv"));
    expect(testing.length).toBe(roster.tests.length);
  });

  it("writes gtfs/ with the eight files, each CSV, and one trip per roster trip", () => {
    const feed = join(out, "gtfs");
    const tables = Object.fromEntries(
      GTFS_FILES.map((name) => [name, readCsvFile(join(feed, name))]),
    );
    for (const name of GTFS_FILES) expect(tables[name]?.length, name).toBeGreaterThan(0);
    expect(tables["trips.txt"]?.length).toBe(roster.trips.length);
    const tripIds = new Set(tables["trips.txt"]?.map((row) => row.trip_id));
    expect(tripIds).toEqual(new Set(roster.trips.map((trip) => trip.id)));
    const stops = new Set(tables["stops.txt"]?.map((row) => row.stop_id));
    for (const row of tables["stop_times.txt"] ?? []) expect(stops.has(row.stop_id)).toBe(true);
  });

  it(
    "--pretty writes indented JSON of the same roster",
    async () => {
      const prettyOut = join(tmp, "pretty");
      const result = await runCli(["plan", "--pretty", "--out", prettyOut]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      const text = readFileSync(join(prettyOut, "roster.json"), "utf8");
      expect(text).toMatch(/^\{\n {2}"version": 1,\n/);
      expect(JSON.parse(text)).toEqual(JSON.parse(expectedRoster));
    },
    TIMEOUT,
  );

  it(
    "plans a scenario file, also one saved with a UTF-8 byte order mark, into the same roster",
    async () => {
      const text = JSON.stringify(jinshanScenario(), null, 2);
      const plain = join(tmp, "jinshan.json");
      const withBom = join(tmp, "jinshan-bom.json");
      writeFileSync(plain, text);
      writeFileSync(withBom, `${BOM}${text}`);
      const runs = await Promise.all(
        [plain, withBom].map(async (file, i) => {
          const dir = join(tmp, `from-file-${i}`);
          return { dir, result: await runCli(["plan", file, "--out", dir, "--quiet"]) };
        }),
      );
      for (const { dir, result } of runs) {
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toBe("");
        expect(readFileSync(join(dir, "roster.json"), "utf8") === expectedRoster).toBe(true);
        // The scenario is the user's own file: only the built-in one is written out.
        expect(entries(dir)).toEqual(PLAN_FILES.filter((name) => name !== "scenario.json"));
      }
    },
    TIMEOUT,
  );

  it(
    "replaces an earlier plan in the same folder, leaving no temporary entries",
    async () => {
      const again = await runCli(["plan", "--out", out]);
      expect(again.code).toBe(0);
      expect(entries(out)).toEqual([...PLAN_FILES]);
      expect(entries(join(out, "gtfs"))).toEqual([...GTFS_FILES]);
      expect(readFileSync(join(out, "roster.json"), "utf8") === expectedRoster).toBe(true);
    },
    TIMEOUT,
  );
});

describe("validate", () => {
  it(
    "exits 0 on the plan and says it keeps every rule",
    async () => {
      const result = await runCli([
        "validate",
        join(out, "scenario.json"),
        join(out, "roster.json"),
      ]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("0 violations");
    },
    TIMEOUT,
  );

  it(
    "--json prints a report that parses, ok and every count 0",
    async () => {
      const result = await runCli(["validate", "scenario.json", "roster.json", "--json"], {
        cwd: out,
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      const report = JSON.parse(result.stdout) as {
        ok: boolean;
        violations: unknown[];
        counts: Record<string, number>;
        truncated: boolean;
      };
      expect(report.ok).toBe(true);
      expect(report.violations).toEqual([]);
      expect(Object.keys(report.counts)).toContain("capacity");
      for (const count of Object.values(report.counts)) expect(count).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "a passenger in seat 999 breaks the capacity rule: exit 1, the rule named, as text and as JSON",
    async () => {
      const broken = writeRoster("seat-999.json", (copy) => {
        const trip = copy.trips.find((t) => t.passengers.length > 0);
        const passenger = trip?.passengers[0];
        if (passenger === undefined) throw new Error("no passenger in the plan");
        passenger.seat = 999;
      });
      const scenario = join(out, "scenario.json");
      const [text, json] = await Promise.all([
        runCli(["validate", scenario, broken]),
        runCli(["validate", scenario, broken, "--json"]),
      ]);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain("capacity");
      expect(text.stdout).toContain("999");
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as {
        ok: boolean;
        violations: { code: string }[];
        counts: Record<string, number>;
      };
      expect(report.ok).toBe(false);
      expect(report.counts.capacity).toBeGreaterThan(0);
      expect(report.violations.some((v) => v.code === "capacity")).toBe(true);
      for (const result of [text, json]) {
        expect(result.stderr).toBe("");
        expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
      }
    },
    TIMEOUT,
  );

  it(
    "{} as the roster is not a roster: exit 2, every missing field named by its path",
    async () => {
      const empty = join(tmp, "empty-roster.json");
      writeFileSync(empty, "{}");
      const result = await runCli(["validate", join(out, "scenario.json"), empty]);
      expect(result.code).toBe(2);
      const said = result.stdout + result.stderr;
      expect(said).toContain("not a roster");
      for (const path of ["assignments", "trips", "horizon", "vehicles", "timeZone"])
        expect(said).toContain(`at ${path}`);
      expect(hasStackTrace(said)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    "{} as the roster with --json: exit 2, a roster-schema report with the paths",
    async () => {
      const empty = join(tmp, "empty-roster-json.json");
      writeFileSync(empty, "{}");
      const result = await runCli(["validate", join(out, "scenario.json"), empty, "--json"]);
      expect(result.code).toBe(2);
      const report = JSON.parse(result.stdout) as {
        ok: boolean;
        violations: { code: string; path: (string | number)[] }[];
      };
      expect(report.ok).toBe(false);
      expect(report.violations.every((v) => v.code === "roster-schema")).toBe(true);
      expect(report.violations.map((v) => v.path[0])).toContain("assignments");
      expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    "a roster whose trip names a vehicle the scenario lacks: exit 1, unknown-reference",
    async () => {
      const broken = writeRoster("ghost-vehicle.json", (copy) => {
        const trip = copy.trips[0];
        if (trip === undefined) throw new Error("no trip in the plan");
        trip.vehicleId = "ghost-bus";
      });
      const result = await runCli(["validate", join(out, "scenario.json"), broken]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("unknown-reference");
      expect(result.stdout).toContain("ghost-bus");
      expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    },
    TIMEOUT,
  );
});
