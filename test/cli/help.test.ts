/**
 * The built command line's help, version and usage errors without a command (SPEC §7.4):
 * `--help` on the program and on each command exits 0 with an example; no command is a
 * usage error (exit 2).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, hasStackTrace, runCli } from "./built-cli.js";

const TIMEOUT = 60_000;
const COMMANDS = ["plan", "validate", "trace", "replan", "export", "schema"] as const;
const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

beforeAll(ensureBuilt, 300_000);

describe.concurrent("help", () => {
  it.each([["--help"], ["-h"]])(
    "%s prints every command, the exit codes and an example; exit 0",
    async (flag) => {
      const { code, stdout, stderr } = await runCli([flag]);
      expect(code).toBe(0);
      expect(stderr).toBe("");
      expect(stdout).toMatch(/^Usage: closed-loop-commute/);
      for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
      expect(stdout).toContain("Exit codes: 0 ok, 1 violations found, 2 bad input");
      expect(stdout).toContain("Example");
    },
    TIMEOUT,
  );

  const perCommand = COMMANDS.flatMap((command) => [
    [command, "--help"],
    [command, "-h"],
  ]);
  it.each(perCommand)(
    "%s %s prints the command's usage and an example; exit 0",
    async (command, flag) => {
      const { code, stdout, stderr } = await runCli([command, flag]);
      expect(code).toBe(0);
      expect(stderr).toBe("");
      expect(stdout).toMatch(new RegExp(`^Usage: closed-loop-commute ${command}\\b`));
      expect(stdout).toContain("Example");
      expect(stdout).toContain(`$ closed-loop-commute ${command}`);
    },
    TIMEOUT,
  );

  it(
    "help after a command's arguments still wins: validate a b --help exits 0",
    async () => {
      const { code, stdout } = await runCli(["validate", "a.json", "b.json", "--help"]);
      expect(code).toBe(0);
      expect(stdout).toContain("Example");
    },
    TIMEOUT,
  );
});

describe.concurrent("version", () => {
  it.each([["--version"], ["-V"]])(
    "%s prints package.json's version; exit 0",
    async (flag) => {
      const { code, stdout, stderr } = await runCli([flag]);
      expect(code).toBe(0);
      expect(stdout).toBe(`${version}\n`);
      expect(stderr).toBe("");
    },
    TIMEOUT,
  );
});

describe.concurrent("no command, or one that does not exist", () => {
  it(
    "no command: usage on stderr, exit 2",
    async () => {
      const { code, stdout, stderr } = await runCli([]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain("Usage: closed-loop-commute");
      expect(hasStackTrace(stderr)).toBe(false);
    },
    TIMEOUT,
  );

  it.each([["frobnicate"], ["help"]])(
    "%s: unknown command, exit 2",
    async (command) => {
      const { code, stderr } = await runCli([command]);
      expect(code).toBe(2);
      expect(stderr).toContain(`unknown command '${command}'`);
      expect(stderr).toContain("--help");
      expect(hasStackTrace(stderr)).toBe(false);
    },
    TIMEOUT,
  );
});
