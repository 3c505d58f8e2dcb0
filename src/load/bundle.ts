// Bundles a project's definitions in memory with esbuild. "moncc" stays external so the user's
// code and the compiler share one DSL instance.

import path from "node:path";
import { build, type Message } from "esbuild";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { toPosix } from "./source-map.js";

export const BUNDLE_OUTFILE = "moncc-definitions.js";

export type BundleResult =
  | { readonly ok: true; readonly code: string; readonly map: string }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

export async function bundleDefinitions(entry: string, root: string): Promise<BundleResult> {
  try {
    const result = await build({
      // The entry is a one-line shim that require()s the config, rather than the config itself:
      // esbuild then wraps every module in its own lazily-run function (ESM semantics and module
      // order unchanged) instead of hoisting all top-level code into one. V8 finds a call site's
      // line by scanning its function's source positions from the start, so with one hoisted
      // function each DSL call cost time proportional to the whole project (see docs/performance.md).
      stdin: {
        contents: `module.exports = require(${JSON.stringify(`./${path.basename(entry)}`)});`,
        resolveDir: path.dirname(entry),
        sourcefile: "moncc-entry.js",
        loader: "js",
      },
      absWorkingDir: root,
      outfile: path.join(root, BUNDLE_OUTFILE),
      bundle: true,
      write: false,
      format: "cjs",
      platform: "node",
      target: "node20",
      sourcemap: "external",
      sourcesContent: false,
      external: ["moncc", "moncc/*"],
      logLevel: "silent",
    });
    const code = result.outputFiles.find((f) => f.path.endsWith(".js"))!.text;
    const map = result.outputFiles.find((f) => f.path.endsWith(".map"))!.text;
    return { ok: true, code, map };
  } catch (error) {
    const messages = (error as { errors?: Message[] }).errors;
    if (!messages) throw error;
    return { ok: false, diagnostics: messages.map((m) => bundleDiagnostic(m, root)) };
  }
}

function bundleDiagnostic(message: Message, root: string): Diagnostic {
  const location = message.location;
  return {
    code: "MON001",
    severity: "error",
    message: message.text,
    span: location
      ? { file: toPosix(path.relative(root, path.resolve(root, location.file))), line: location.line, column: utf16Column(location.lineText, location.column) }
      : undefined,
    hint: message.notes.map((n) => n.text).join(" ") || "fix the TypeScript so esbuild can bundle it",
  };
}

/** esbuild counts columns in UTF-8 bytes; editors and code frames count characters. */
function utf16Column(lineText: string, byteColumn: number): number {
  return Buffer.from(lineText).subarray(0, byteColumn).toString().length + 1;
}
