// `moncc check --typecheck`: runs the TypeScript checker (ts-morph's bundled compiler) over
// moncc.config.ts and everything it imports, and reports type errors as MON005. Off the hot path:
// loading itself only bundles with esbuild, which strips types without checking them.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type * as TsMorph from "ts-morph";
type ts = typeof TsMorph.ts;
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export const TYPE_ERROR_CODE = "MON005";

const HINT = "fix the code at this position; moncc's types describe what each definition accepts, and tsc reports the same error";

/**
 * moncc's own types for `import ... from "moncc"`: the declarations emitted next to the built CLI
 * (dist/types), or the DSL sources when moncc runs from source (tests).
 */
function monccTypes(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, "types", "dsl", "index.d.ts"), path.join(here, "..", "dsl", "index.ts")];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`moncc's type declarations are missing (looked for ${candidates.map((c) => path.basename(c)).join(", ")}); rebuild moncc`);
  return found;
}

/** The project's tsconfig.json if it has one, else strict defaults for code that runs in Node. */
function compilerOptions(ts: ts, root: string, monccIndex: string): TsMorph.ts.CompilerOptions {
  const tsconfig = path.join(root, "tsconfig.json");
  let base: TsMorph.ts.CompilerOptions;
  if (fs.existsSync(tsconfig)) {
    const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
    base = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, root, undefined, tsconfig).options;
  } else {
    const hasNodeTypes = (() => {
      try {
        createRequire(path.join(root, "package.json")).resolve("@types/node/package.json");
        return true;
      } catch {
        return false;
      }
    })();
    base = {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      // The definitions run in Node, not a browser: no DOM types, which are also the slowest to load.
      lib: ["lib.es2022.d.ts"],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      types: hasNodeTypes ? ["node"] : [],
    };
  }
  return {
    ...base,
    // Checking only: emit settings of the user's config (composite, declaration) do not apply.
    noEmit: true,
    composite: false,
    incremental: false,
    declaration: false,
    emitDeclarationOnly: false,
    // ts-morph's compiler may be newer than the user's tsc; its deprecations are not the user's errors.
    ignoreDeprecations: "6.0",
    paths: { ...base.paths, moncc: [monccIndex] },
  };
}

/** Type errors in the user's files, as MON005 with spans relative to `root`. */
export function typecheckProject(configFile: string, root: string): Diagnostic[] {
  // Loaded here, not at the top: TypeScript takes about a second to load, and only --typecheck needs it.
  const { Project, ts } = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;
  const monccIndex = monccTypes();
  const monccDir = path.dirname(monccIndex);
  const project = new Project({ compilerOptions: compilerOptions(ts, root, monccIndex) });
  project.addSourceFileAtPath(configFile);
  project.resolveSourceFileDependencies();
  const isUserFile = (file: string) => !file.split("/").includes("node_modules") && !path.resolve(file).startsWith(monccDir + path.sep);
  return project.getPreEmitDiagnostics().flatMap(({ compilerObject: d }): Diagnostic[] => {
    if (d.category !== ts.DiagnosticCategory.Error) return [];
    // One line: "Type A is not assignable to type B. Object literal may only specify known properties …".
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n").map((l) => l.trim()).filter(Boolean).join(" ");
    const message = `${text} (TS${d.code})`;
    if (!d.file) return [{ code: TYPE_ERROR_CODE, severity: "error", message, span: undefined, hint: HINT }];
    if (!isUserFile(d.file.fileName)) return [];
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const relative = path.relative(root, d.file.fileName).split(path.sep).join("/");
    return [{ code: TYPE_ERROR_CODE, severity: "error", message, span: { file: relative, line: line + 1, column: character + 1 }, hint: HINT }];
  });
}
