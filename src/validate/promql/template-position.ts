// Maps an offset in a `promql` template's expression back to file:line:col in the TS source.

import type { SourceTexts } from "../../diagnostics/diagnostic.js";
import { offsetAt, spanAt } from "../../diagnostics/source-position.js";
import type { QueryIR, Span } from "../../model/schema.js";

export function locateInTemplate(query: QueryIR, offset: number, sources: SourceTexts): Span | undefined {
  const span = query.span;
  const segments = query.template;
  if (!span || !segments) return undefined;
  const text = sources.get(span.file);
  if (text === undefined) return undefined;
  const position = (index: number) => spanAt(span.file, text, index);
  let cursor = offsetAt(text, span.line, span.column);
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

/** Index of the `}` closing a `${` whose body starts at `from`. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return text.length;
}
