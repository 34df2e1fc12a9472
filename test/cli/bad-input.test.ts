/**
 * Bad input to the built command line, class by class, as a user would give it (SPEC §7.4):
 * every one is exit 2 with the problem named — the file and its line and column, the path
 * inside a scenario, the option — and never a stack trace. None of them needs a plan: the
 * scenario is the built-in one written to a file, and the command fails before planning.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jinshanScenario } from "../../src/index.js";
import { type CliResult, ensureBuilt, expectBadInput, runCli } from "./built-cli.js";
import { entries, removeFolder, tempFolder } from "./consumers.js";

const TIMEOUT = 60_000;

let tmp: string;
let scenarioFile: string;
/** The built-in scenario as indented JSON, one member a line. */
let scenarioText: string;

beforeAll(async () => {
  await ensureBuilt();
  tmp = tempFolder("bad-input");
  scenarioText = JSON.stringify(jinshanScenario(), null, 2);
  scenarioFile = join(tmp, "scenario.json");
  writeFileSync(scenarioFile, scenarioText);
}, 300_000);

afterAll(() => removeFolder(tmp));

/** Writes `content` to `name` in the temp folder; returns its path. */
function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** Bad input as `expectBadInput` says, and no temporary file left behind. */
function expectRefused(result: CliResult, ...named: string[]): void {
  expectBadInput(result, ...named);
  expect(entries(tmp).filter((name) => name.endsWith(".tmp"))).toEqual([]);
}

describe.concurrent("files that are not JSON: the file, line and column named", () => {
  it(
    "a comma missing between two members of a scenario: the line and column of the next member",
    async () => {
      const lines = scenarioText.split("\n");
      // The line of "horizon" ends in a comma: remove the one after the time zone before it.
      const at = lines.findIndex((line) => line.startsWith('  "timeZone"'));
      expect(at).toBeGreaterThan(0);
      lines[at] = (lines[at] as string).replace(/,$/, "");
      const next = lines[at + 1] as string;
      const broken = file("missing-comma.json", lines.join("\n"));
      const out = join(tmp, "never-missing-comma");
      const result = await runCli(["plan", broken, "--out", out]);
      const column = next.length - next.trimStart().length + 1;
      expectRefused(result, `${broken}:${at + 2}:${column}:`, "not valid JSON");
      // The input is read before the output folder is made: none is left behind.
      expect(existsSync(out)).toBe(false);
    },
    TIMEOUT,
  );

  it.each([
    { what: "a value missing", text: '{\n  "a": 1,\n  "b": ,\n}\n', at: "3:8", reason: "value" },
    {
      what: "a trailing comma (CRLF lines)",
      text: '{\r\n  "a": 1,\r\n}',
      at: "3:1",
      reason: "comma",
    },
    { what: "a cut-off file", text: '{"a": [1, 2', at: "1:12", reason: "ends before" },
    { what: "an empty file", text: "", at: "1:1", reason: "empty" },
    { what: "single quotes", text: "{'a': 1}", at: "1:2", reason: "not valid JSON" },
    {
      what: "text after the value",
      text: '{"a": 1}\n{"b": 2}',
      at: "2:1",
      reason: "not valid JSON",
    },
    {
      what: "Chinese before the error",
      text: '{"name": "金山区", "x": }',
      at: "1:22",
      reason: "value",
    },
    {
      what: "a byte order mark before the error",
      text: '\uFEFF{"x": }',
      at: "1:7",
      reason: "value",
    },
  ])(
    "$what: exit 2 at line:column $at",
    async ({ what, text, at, reason }) => {
      const path = file(`malformed-${what.replace(/\W+/g, "-")}.json`, text);
      const result = await runCli(["validate", path, path]);
      expectRefused(result, `${path}:${at}:`, reason);
    },
    TIMEOUT,
  );

  it(
    "a roster that is not JSON, after a good scenario: the roster named with its position",
    async () => {
      const roster = file("malformed-roster.json", '{\n  "version": 1\n  "timeZone": "x"\n}');
      const result = await runCli(["validate", scenarioFile, roster]);
      expectRefused(result, `${roster}:3:3:`);
    },
    TIMEOUT,
  );

  it(
    "bytes that are not UTF-8: exit 2, said so",
    async () => {
      const path = file("latin1.json", Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
      const result = await runCli(["validate", path, path]);
      expectRefused(result, path, "not UTF-8");
    },
    TIMEOUT,
  );
});

describe.concurrent("files that cannot be read", () => {
  it(
    "a missing file: exit 2, no such file",
    async () => {
      const missing = join(tmp, "missing.json");
      const result = await runCli(["validate", missing, scenarioFile]);
      expectRefused(result, missing, "no such file");
    },
    TIMEOUT,
  );

  it(
    "a missing roster after a good scenario: exit 2, no such file",
    async () => {
      const missing = join(tmp, "no-roster.json");
      const result = await runCli(["trace", scenarioFile, missing, "alloy-0001"]);
      expectRefused(result, missing, "no such file");
    },
    TIMEOUT,
  );

  it(
    "a folder given as a file: exit 2, it is a folder",
    async () => {
      const folder = join(tmp, "a-folder");
      mkdirSync(folder, { recursive: true });
      const result = await runCli(["validate", folder, scenarioFile]);
      expectRefused(result, folder, "it is a folder");
    },
    TIMEOUT,
  );
});

describe.concurrent("scenarios that break the schema: every issue with its path", () => {
  it(
    "an unknown time zone: exit 2, timeZone named",
    async () => {
      const path = file(
        "mars.json",
        JSON.stringify({ ...jinshanScenario(), timeZone: "Mars/Olympus_Mons" }),
      );
      const result = await runCli(["plan", path, "--out", join(tmp, "mars-out")]);
      expectRefused(result, path, "timeZone", "Mars/Olympus_Mons");
    },
    TIMEOUT,
  );

  it(
    "an object with none of a scenario's fields: exit 2, each missing one named",
    async () => {
      const path = file("not-a-scenario.json", '{"version": 1}');
      const result = await runCli(["validate", path, path]);
      expectRefused(result, path, "at horizon", "at staff", "at vehicles", "at version");
    },
    TIMEOUT,
  );

  it(
    "a staff member's enterprise that does not exist: exit 2, the path into staff named",
    async () => {
      const scenario = jinshanScenario();
      const member = scenario.staff[3];
      if (member === undefined) throw new Error("no staff");
      (member as { enterpriseId: string }).enterpriseId = "no-such-enterprise";
      const path = file("ghost-enterprise.json", JSON.stringify(scenario));
      const result = await runCli(["plan", path, "--out", join(tmp, "ghost-out")]);
      expectRefused(result, path, "staff[3]", "no-such-enterprise");
    },
    TIMEOUT,
  );

  it(
    "JSON that is an array, not a scenario: exit 2",
    async () => {
      const path = file("array.json", "[1, 2, 3]");
      const result = await runCli(["plan", path, "--out", join(tmp, "array-out")]);
      expectRefused(result, path);
    },
    TIMEOUT,
  );
});

describe.concurrent("usage errors: commander's, exit 2", () => {
  it(
    "an unknown option --output: exit 2, unknown option, and the option meant",
    async () => {
      const result = await runCli(["plan", "--output", join(tmp, "x")]);
      expectRefused(result, "unknown option '--output'", "--out");
    },
    TIMEOUT,
  );

  it(
    "--out without a value: exit 2, argument missing",
    async () => {
      const result = await runCli(["plan", "--out"]);
      expectRefused(result, "--out", "argument missing");
    },
    TIMEOUT,
  );

  it(
    "validate a b c: exit 2, too many arguments",
    async () => {
      const result = await runCli(["validate", "a", "b", "c"]);
      expectRefused(result, "too many arguments");
    },
    TIMEOUT,
  );

  it(
    "validate with one file: exit 2, the missing argument named",
    async () => {
      const result = await runCli(["validate", scenarioFile]);
      expectRefused(result, "missing required argument", "roster.json");
    },
    TIMEOUT,
  );

  it(
    "trace without the person: exit 2, the missing argument named",
    async () => {
      const result = await runCli(["trace", scenarioFile, scenarioFile]);
      expectRefused(result, "missing required argument", "person");
    },
    TIMEOUT,
  );
});

describe.concurrent("outputs that cannot be written: exit 2 before any planning, the path named", () => {
  it(
    "plan --out pointing at an existing file: a file is in the way, the file untouched",
    async () => {
      const inTheWay = file("in-the-way", "keep me");
      const started = Date.now();
      const result = await runCli(["plan", "--out", inTheWay]);
      expectRefused(result, inTheWay, "in the way");
      expect(readFileSync(inTheWay, "utf8")).toBe("keep me");
      // The folder is checked before the work: the built-in plan takes seconds.
      expect(result.stdout).toBe("");
      expect(Date.now() - started).toBeLessThan(30_000);
    },
    TIMEOUT,
  );

  it(
    "replan --out below an existing file: exit 2, the folder named",
    async () => {
      const inTheWay = file("blocker", "keep me");
      const changes = file("changes.json", "[]");
      const result = await runCli([
        "replan",
        scenarioFile,
        scenarioFile,
        changes,
        "--out",
        join(inTheWay, "sub"),
      ]);
      expectRefused(result, inTheWay);
      expect(readFileSync(inTheWay, "utf8")).toBe("keep me");
    },
    TIMEOUT,
  );

  it(
    "export --out into a folder that does not exist: exit 2, the folder named",
    async () => {
      const roster = await planForExport();
      const target = join(tmp, "no-such-folder", "manifests.csv");
      const result = await runCli(["export", "csv", scenarioFile, roster, "--out", target]);
      expectRefused(result, target, "does not exist");
    },
    TIMEOUT,
  );

  it(
    "export --out onto a folder: exit 2, it is a folder, the folder untouched",
    async () => {
      const roster = await planForExport();
      const folder = join(tmp, "folder-target");
      mkdirSync(folder, { recursive: true });
      file("folder-target/keep.txt", "keep me");
      const result = await runCli(["export", "csv", scenarioFile, roster, "--out", folder]);
      expectRefused(result, folder, "it is a folder");
      expect(entries(folder)).toEqual(["keep.txt"]);
    },
    TIMEOUT,
  );

  it(
    "export gtfs --out onto a file (not .zip): exit 2, not a folder, the file untouched",
    async () => {
      const roster = await planForExport();
      const target = file("feed", "keep me");
      const result = await runCli(["export", "gtfs", scenarioFile, roster, "--out", target]);
      expectRefused(result, target, "not a folder");
      expect(readFileSync(target, "utf8")).toBe("keep me");
    },
    TIMEOUT,
  );
});

/** A roster an export can read: planned once, by the command line, for the output tests. */
let rosterForExport: Promise<string> | undefined;
function planForExport(): Promise<string> {
  rosterForExport ??= (async () => {
    const dir = join(tmp, "planned");
    const result = await runCli(["plan", scenarioFile, "--out", dir, "--quiet"]);
    if (result.code !== 0) throw new Error(`plan failed (${result.code}): ${result.stderr}`);
    return join(dir, "roster.json");
  })();
  return rosterForExport;
}
