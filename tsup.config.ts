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
    // Its dependencies are bundled in: Node 20's ESM loader took about 0.1 s of every command's
    // start resolving and loading their many files (zod 4 alone is about a hundred), a third of a
    // `--version`. The CommonJS ones among them (stream-json) get a `require` of their own.
    banner: {
      js: '#!/usr/bin/env node\nimport { createRequire as __cliRequire } from "node:module";\nconst require = __cliRequire(import.meta.url);',
    },
    noExternal: [/.*/],
  },
]);
