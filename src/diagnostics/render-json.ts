// The versioned JSON form (docs/diagnostics.md, docs/diagnostics.schema.json). Fields are only ever
// added within a version; renaming or removing one needs a new version.

import type { Diagnostic } from "./diagnostic.js";
import { displayPath, type RenderOptions } from "./render.js";

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
      subject: d.subject ?? null,
    })),
  }, null, 2);
}
