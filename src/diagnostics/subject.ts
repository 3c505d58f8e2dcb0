// Attributes a crash inside moncc to the definition being processed, so an internal error (MON900)
// names the alert, SLO, service, team or receiver and points at it, instead of being a bare stack trace.

import type { Span } from "./diagnostic.js";

/** An exception thrown while processing one definition; the innermost definition wins. */
export class SubjectError extends Error {
  constructor(readonly subject: string, readonly span: Span | undefined, readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
    this.name = "SubjectError";
    if (original instanceof Error && original.stack) this.stack = original.stack;
  }
}

/** Runs `work`; an exception it throws is tagged with `subject` (e.g. "alert api/HighLatency") and `span`. */
export function withSubject<T>(subject: string, span: Span | undefined, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SubjectError) throw error;
    throw new SubjectError(subject, span, error);
  }
}
