// Builds the CLI and the DSL entry into dist/ with esbuild (dependencies stay external), and the
// DSL's type declarations into dist/types, which `moncc check --typecheck` and users' editors read.
import { build } from "esbuild";
import ts from "typescript";

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
};

function emitDslDeclarations() {
  const program = ts.createProgram(["src/dsl/index.ts"], {
    declaration: true,
    emitDeclarationOnly: true,
    strict: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    rootDir: "src",
    outDir: "dist/types",
  });
  // Type errors are tsc's job (npm run typecheck); here only what stops a declaration from being written.
  const problems = program.emit().diagnostics;
  if (problems.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => "\n" };
    throw new Error(`declarations of src/dsl:\n${ts.formatDiagnostics(problems, host)}`);
  }
}

await Promise.all([
  build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js" }),
  build({ ...common, entryPoints: ["src/dsl/index.ts"], outfile: "dist/dsl.js" }),
  build({ ...common, entryPoints: ["src/index.ts"], outfile: "dist/index.js" }),
]);
emitDslDeclarations();
