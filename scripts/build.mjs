// Builds the CLI and the DSL entry into dist/ with esbuild. Dependencies stay external.
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
};

await Promise.all([
  build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js" }),
  build({ ...common, entryPoints: ["src/dsl/index.ts"], outfile: "dist/dsl.js" }),
  build({ ...common, entryPoints: ["src/index.ts"], outfile: "dist/index.js" }),
]);
