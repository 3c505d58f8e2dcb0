// A diagnostic is data; each output format has its own renderer in ./render-*.ts.

export type Severity = "error" | "warning";

/** A source position: file relative to the project root (posix separators), 1-based line and column. */
export interface Span {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span | undefined;
  readonly hint: string | undefined;
  /** Which definition was being processed, e.g. "alert fraud-detector/HighLatency". */
  readonly subject?: string;
  /** Stack trace of an internal error (MON900); printed only with --debug, never in machine formats. */
  readonly stack?: string;
}

/** Source text by project-relative file, for code frames and for locating text inside a span. */
export interface SourceTexts {
  get(file: string): string | undefined;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { errors, warnings: diagnostics.length - errors };
}

/** Stable order for output: by file, line, column, then code and message. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.span?.file ?? "", d.span?.line ?? 0, d.span?.column ?? 0, d.code, d.message] as const;
  return [...diagnostics].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] < kb[i]) return -1;
      if (ka[i] > kb[i]) return 1;
    }
    return 0;
  });
}
