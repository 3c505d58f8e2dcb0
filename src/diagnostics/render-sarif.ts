// SARIF 2.1.0 for code-scanning tools. One run; the rules are every code moncc can report, the results
// the diagnostics. File URIs are relative to the working directory (uriBaseId %SRCROOT%).

import type { Diagnostic } from "./diagnostic.js";
import type { RuleDescriptor } from "./codes.js";
import { displayPath, type RenderOptions } from "./render.js";

/**
 * Where the check pages are published. A fixed URL keeps the output the same on every machine; SARIF
 * requires helpUri to be absolute, so a path relative to the project cannot be used.
 */
export const CHECK_DOCS_BASE_URI = "https://github.com/moncc/moncc/blob/main/docs/checks/";

const LEVEL = { error: "error", warning: "warning" } as const;

export function renderSarif(
  diagnostics: readonly Diagnostic[],
  options: Pick<RenderOptions, "root" | "cwd"> & { readonly rules: readonly RuleDescriptor[] },
): string {
  // A code without a descriptor still gets a rule, so every result's ruleIndex is valid.
  const known = new Map(options.rules.map((r) => [r.code, r]));
  for (const d of diagnostics) {
    if (!known.has(d.code)) known.set(d.code, { code: d.code, name: d.code, severity: d.severity, summary: d.code });
  }
  const rules = [...known.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const index = new Map(rules.map((r, i) => [r.code, i]));
  return JSON.stringify({
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "moncc",
          informationUri: `${CHECK_DOCS_BASE_URI}README.md`,
          rules: rules.map((r) => ({
            id: r.code,
            name: r.name,
            shortDescription: { text: r.summary },
            helpUri: `${CHECK_DOCS_BASE_URI}${r.code}.md`,
            defaultConfiguration: { level: LEVEL[r.severity] },
          })),
        },
      },
      columnKind: "utf16CodeUnits",
      results: diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: index.get(d.code),
        level: LEVEL[d.severity],
        message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
        ...(d.span ? {
          locations: [{
            physicalLocation: {
              artifactLocation: { uri: encodeURI(displayPath(d.span.file, options)), uriBaseId: "%SRCROOT%" },
              region: { startLine: d.span.line, startColumn: d.span.column },
            },
          }],
        } : {}),
      })),
    }],
  }, null, 2);
}
