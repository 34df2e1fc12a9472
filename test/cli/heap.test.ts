/**
 * The V8 flags the command line gives the Node it starts for a district's files (heap.ts):
 * the heap limit asked for, old-generation room that grows with the input but never past
 * half the limit, and flags that Node itself accepts (it refuses an unknown one, exit 9).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { largeHeapFlags } from "../../src/cli/heap.js";

const MIB = 2 ** 20;

/** The value of `--name=value` among `flags`, as a number. */
function flag(flags: readonly string[], name: string): number {
  const found = flags.find((f) => f.startsWith(`--${name}=`));
  if (found === undefined) throw new Error(`no --${name} in ${flags.join(" ")}`);
  return Number(found.slice(name.length + 3));
}

describe("largeHeapFlags", () => {
  it("asks for the heap limit given; plan's old generation starts at 40 bytes per byte of input", () => {
    const flags = largeHeapFlags(16_384, "plan", 100 * MIB);
    expect(flag(flags, "max-old-space-size")).toBe(16_384);
    expect(flag(flags, "initial-old-space-size")).toBe(4_000);
  });

  it("starts with less per byte for the commands that read a roster (objects of larger text)", () => {
    for (const command of ["validate", "trace", "replan", "export"])
      expect(flag(largeHeapFlags(16_384, command, 100 * MIB), "initial-old-space-size")).toBe(400);
  });

  it("never starts the old generation at more than half the limit", () => {
    expect(flag(largeHeapFlags(16_384, "plan", 2_000 * MIB), "initial-old-space-size")).toBe(8_192);
    expect(flag(largeHeapFlags(6_001, "validate", 2_000 * MIB), "initial-old-space-size")).toBe(
      3_000,
    );
  });

  it("gives more room for a larger input", () => {
    const small = flag(largeHeapFlags(16_384, "plan", 10 * MIB), "initial-old-space-size");
    const large = flag(largeHeapFlags(16_384, "plan", 50 * MIB), "initial-old-space-size");
    expect(large).toBeGreaterThan(small);
  });

  it("gives flags Node accepts, with the heap limit in force", () => {
    const flags = largeHeapFlags(6_000, "plan", 30 * MIB);
    const run = spawnSync(
      process.execPath,
      [
        ...flags,
        "-e",
        "process.stdout.write(String(require('node:v8').getHeapStatistics().heap_size_limit))",
      ],
      { encoding: "utf8" },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(Number(run.stdout) / MIB).toBeGreaterThanOrEqual(6_000);
  });
});
