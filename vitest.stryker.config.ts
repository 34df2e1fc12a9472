import { defineConfig } from "vitest/config";

// Mutation testing runs the validator's example, corruption and report tests for each
// mutant; the 1,000-run never-throws and reader-against-zod properties stay in the main
// suite (they would cost seconds per mutant and kill few mutants the rule tests do not).
export default defineConfig({
  test: {
    include: [
      "test/validate/**/*.test.ts",
      "test/scenario/**/*.test.ts",
      "test/roster/**/*.test.ts",
    ],
    exclude: ["test/validate/never-throws.test.ts", "test/validate/read-roster.property.test.ts"],
  },
});
