// Renders diagnostics for people (file:line:col, code frame, hint, summary) and for machines (JSON).

import path from "node:path";
import { codeFrameColumns } from "@babel/code-frame";
import pc from "picocolors";
import type { Diagnostic, SourceTexts } from "./diagnostic.js";

export interface RenderOptions {
  /** Absolute project root; spans are relative to it. */
  readonly root: string;
  readonly sources: SourceTexts;
  readonly color: boolean;
  /** Paths are shown relative to this folder. */
  readonly cwd: string;
}

export function displayPath(file: string, options: Pick<RenderOptions, "root" | "cwd">): string {
  const relative = path.relative(options.cwd, path.join(options.root, file));
  return relative.split(path.sep).join("/");
}

export function renderPretty(diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  const c = pc.createColors(options.color);
  const blocks = diagnostics.map((d) => {
    const where = d.span ? `${displayPath(d.span.file, options)}:${d.span.line}:${d.span.column}` : "moncc";
    const severity = d.severity === "error" ? c.red(c.bold("error")) : c.yellow(c.bold("warning"));
    const lines = [`${c.cyan(where)} ${severity} ${c.dim(d.code)} ${d.message}`];
    const source = d.span ? options.sources.get(d.span.file) : undefined;
    if (d.span && source !== undefined) {
      lines.push(codeFrameColumns(source, { start: { line: d.span.line, column: d.span.column } }, { highlightCode: options.color, forceColor: options.color }));
    }
    if (d.hint) lines.push(`  ${c.green("hint:")} ${d.hint}`);
    return lines.join("\n");
  });
  return blocks.join("\n\n");
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

/** Versioned JSON form; spans use display paths. */
export function renderJson(diagnostics: readonly Diagnostic[], options: Pick<RenderOptions, "root" | "cwd">): string {
  return JSON.stringify({
    version: 1,
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: d.span ? displayPath(d.span.file, options) : null,
      line: d.span?.line ?? null,
      column: d.span?.column ?? null,
      hint: d.hint ?? null,
    })),
  }, null, 2);
}
