// Positions in the source texts: line/column ↔ offset, and finding a definition's text after its span.

import type { SourceTexts, Span } from "./diagnostic.js";

/** The offset of a 1-based line and column in `text`. */
export function offsetAt(text: string, line: number, column: number): number {
  let index = 0;
  for (let l = 1; l < line; l++) index = text.indexOf("\n", index) + 1;
  return index + column - 1;
}

/** The 1-based span of an offset in `text`. */
export function spanAt(file: string, text: string, index: number): Span {
  const before = text.slice(0, index);
  return { file, line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

/**
 * Where `needle` is written literally, from the start of the span's line on, moved `offset`
 * characters into it; undefined when the source does not hold it as written (composed text, escapes).
 */
export function locateText(sources: SourceTexts, span: Span | undefined, needle: string, offset = 0): Span | undefined {
  const text = span && sources.get(span.file);
  if (!span || text === undefined) return undefined;
  const at = text.indexOf(needle, offsetAt(text, span.line, 1));
  return at < 0 ? undefined : spanAt(span.file, text, at + offset);
}
