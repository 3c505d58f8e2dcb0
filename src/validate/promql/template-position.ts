// Maps an offset in a `promql` template's (or a plain string literal's) expression back to
// file:line:col in the TS source.

import type { SourceTexts } from "../../diagnostics/diagnostic.js";
import type { QueryIR, Span } from "../../model/schema.js";

export function locateInTemplate(query: QueryIR, offset: number, sources: SourceTexts): Span | undefined {
  const span = query.span;
  const segments = query.template;
  if (!span || !segments) return undefined;
  const text = sources.get(span.file);
  if (text === undefined) return undefined;
  const position = (index: number) => positionIn(span.file, text, index);
  let cursor = indexOf(text, span.line, span.column);
  cursor = text.indexOf("`", cursor);
  if (cursor < 0) return undefined;
  cursor += 1;
  for (const segment of segments) {
    const inside = offset >= segment.start && (offset < segment.end || segment === segments[segments.length - 1]);
    if (segment.interpolation === undefined) {
      const length = segment.raw?.length ?? segment.end - segment.start;
      if (inside) return position(cursor + Math.min(offset - segment.start, length));
      cursor += length;
    } else {
      const end = closingBrace(text, cursor + 2);
      if (inside) return position(cursor);
      cursor = end + 1;
    }
  }
  return position(cursor);
}

/**
 * Maps an offset in a PromQL string written as a plain string literal (an SLO's `errorRatio`) to
 * file:line:col, when the text appears as written after the definition's position. Text that moncc
 * composed, or a literal with escapes, is not found, and the caller falls back to the definition.
 */
export function locateInLiteral(expr: string, offset: number, span: Span | undefined, sources: SourceTexts): Span | undefined {
  if (!span) return undefined;
  const text = sources.get(span.file);
  if (text === undefined) return undefined;
  const at = text.indexOf(expr, indexOf(text, span.line, span.column));
  return at < 0 ? undefined : positionIn(span.file, text, at + offset);
}

function indexOf(text: string, line: number, column: number): number {
  let index = 0;
  for (let l = 1; l < line; l++) index = text.indexOf("\n", index) + 1;
  return index + column - 1;
}

function positionIn(file: string, text: string, index: number): Span {
  const before = text.slice(0, index);
  return { file, line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

/** Index of the `}` closing a `${` whose body starts at `from`. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return text.length;
}
