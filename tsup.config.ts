import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts", synthetic: "src/synthetic/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
  },
  {
    // The command line: ESM only, with a shebang, never imported by library users.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
