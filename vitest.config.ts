import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

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

export default defineConfig({
  test: {
    setupFiles: ["test/setup.ts"],
    // Vitest's default leaves a core free; on CI's two cores that is one worker, and the
    // command-line tests spend much of their time waiting on the processes they start.
    maxWorkers: availableParallelism(),
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
