import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Two projects. Most files share their workers' module cache (`isolate: false`): importing
 * @fast-check/vitest costs about 2 s (it wraps every chain of vitest's test modifiers), paid
 * once per worker instead of once per file. Files that mock a module (`vi.mock`) need a
 * module graph of their own and run isolated.
 *
 * test/slow/ (minutes, or gigabytes on disk) runs only with SLOW_TESTS=1: `npm run test:slow`.
 * LIBRARY_ONLY=1 (`npm run test:library`, CI's second time zone) leaves out the tests that
 * start the built command line or a browser: they run the same library code in other
 * processes, and take most of the suite's time.
 */
const ISOLATED = ["test/plan/consolidate-dst.test.ts"];
const SLOW = process.env.SLOW_TESTS === "1" ? [] : ["test/slow/**"];
const OTHER_PROCESSES =
  process.env.LIBRARY_ONLY === "1" ? ["test/cli/**", "test/export/report.browser.test.ts"] : [];

/**
 * The files that take longest, longest first. Vitest starts the files it has timed before
 * longest first, but a clean clone (CI) has no timings and starts the largest files first,
 * which left the command line's tests to the end, one core idle while they finished (127 s
 * where the work fits in about 105). Files not named keep vitest's order, after these.
 */
const LONGEST_FIRST = [
  // Measured in a clean-clone CI run of 2026-12-06 (its JSON report), longest first.
  "test/cli/trace-replan-export.test.ts",
  "test/cli/plan-validate.test.ts",
  "test/cli/atomic.test.ts",
  "test/export/report.browser.test.ts",
  "test/cli/bad-input.test.ts",
  "test/export/icalendar.test.ts",
  "test/validate/never-throws.test.ts",
  "test/roster/parsed-roster.test.ts",
  "test/export/csv.test.ts",
  "test/bench/milp.test.ts",
  "test/cli/big-roster.test.ts",
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projects = [...new Set(sorted.map((file) => file.project.name))];
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    // Projects still run one after another, in vitest's order; a stable sort keeps the rest.
    return sorted.sort(
      (a, b) =>
        projects.indexOf(a.project.name) - projects.indexOf(b.project.name) || rank(a) - rank(b),
    );
  }
}

export default defineConfig({
  test: {
    setupFiles: ["test/setup.ts"],
    // Vitest's default leaves a core free; on CI's two cores that is one worker, and the
    // command-line tests spend much of their time waiting on the processes they start.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...ISOLATED, ...SLOW, ...OTHER_PROCESSES],
          isolate: false,
          typecheck: {
            enabled: true,
            include: ["test/**/*.test-d.ts"],
            tsconfig: "./tsconfig.json",
          },
        },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
