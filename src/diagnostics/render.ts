// What every renderer shares: the output formats, display paths and the counts summary. Each
// format has its own file: render-pretty.ts, render-json.ts, render-github.ts, render-sarif.ts.

import path from "node:path";
import { countBySeverity, type Diagnostic, type SourceTexts } from "./diagnostic.js";

export const DIAGNOSTIC_FORMATS = ["pretty", "json", "github", "sarif"] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

export interface RenderOptions {
  /** Absolute project root; spans are relative to it. */
  readonly root: string;
  readonly sources: SourceTexts;
  readonly color: boolean;
  /** Paths are shown relative to this folder. */
  readonly cwd: string;
  /** Print the stack traces of internal errors (pretty format only). */
  readonly debug?: boolean;
}

/** A span's file relative to the working directory, with forward slashes. */
export function displayPath(file: string, options: Pick<RenderOptions, "root" | "cwd">): string {
  const relative = path.relative(options.cwd, path.join(options.root, file));
  return relative.split(path.sep).join("/");
}

/** "2 errors, 1 warning". */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

