// GitHub Actions workflow commands: one `::error` or `::warning` line per diagnostic, which GitHub
// shows as an annotation on the file and line.

import type { Diagnostic } from "./diagnostic.js";
import { displayPath, type RenderOptions } from "./render.js";

/** Escaping of a command's message, as GitHub's toolkit does it. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escaping of a command property value: the message escapes plus `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function renderGithub(diagnostics: readonly Diagnostic[], options: Pick<RenderOptions, "root" | "cwd">): string {
  return diagnostics.map((d) => {
    const properties: [string, string | number][] = d.span
      ? [["file", displayPath(d.span.file, options)], ["line", d.span.line], ["col", d.span.column]]
      : [];
    properties.push(["title", d.code]);
    const props = properties.map(([key, value]) => `${key}=${escapeGithubProperty(String(value))}`).join(",");
    const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
    return `::${d.severity} ${props}::${escapeGithubData(message)}`;
  }).join("\n");
}
