// Diagnostics for people: file:line:col, severity, code, message, a code frame that underlines the
// token at the span, and the hint.

import { codeFrameColumns } from "@babel/code-frame";
import pc from "picocolors";
import type { Diagnostic } from "./diagnostic.js";
import { displayPath, type RenderOptions } from "./render.js";

export function renderPretty(diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  const c = pc.createColors(options.color);
  const blocks = diagnostics.map((d) => {
    const where = d.span ? `${displayPath(d.span.file, options)}:${d.span.line}:${d.span.column}` : "moncc";
    const severity = d.severity === "error" ? c.red(c.bold("error")) : c.yellow(c.bold("warning"));
    const lines = [`${c.cyan(where)} ${severity} ${c.dim(d.code)} ${d.message}`];
    const source = d.span ? options.sources.get(d.span.file) : undefined;
    if (d.span && source !== undefined) {
      const lineText = source.split("\n")[d.span.line - 1] ?? "";
      const start = { line: d.span.line, column: d.span.column };
      const end = { line: d.span.line, column: tokenEnd(lineText, d.span.column) };
      lines.push(codeFrameColumns(source, { start, end }, { highlightCode: options.color, forceColor: options.color }));
    }
    if (d.hint) lines.push(`  ${c.green("hint:")} ${d.hint}`);
    if (options.debug && d.stack) lines.push(c.dim(d.stack));
    return lines.join("\n");
  });
  return blocks.join("\n\n");
}

/**
 * The 1-based column just past the token that starts at `column`: a quoted string up to its closing
 * quote, a (dotted) identifier or number, or else the single character. Spans carry only a start.
 */
export function tokenEnd(lineText: string, column: number): number {
  const start = column - 1;
  const first = lineText[start];
  if (first === undefined) return column + 1;
  if (first === '"' || first === "'" || first === "`") {
    for (let i = start + 1; i < lineText.length; i++) {
      if (lineText[i] === "\\") i++;
      else if (lineText[i] === first) return i + 2;
    }
    return lineText.length + 1;
  }
  const word = /^[\w$.]+/.exec(lineText.slice(start));
  return column + (word ? word[0].length : 1);
}
