// A check is a pure function from the model to diagnostics, with a stable code and a doc page
// at docs/checks/<code>.md.

import type { Diagnostic, Severity, SourceTexts } from "../diagnostics/diagnostic.js";
import type { RouteNode } from "../model/routing.js";
import type { Model, Span } from "../model/schema.js";

export interface CheckContext {
  readonly model: Model;
  readonly routes: RouteNode;
  /** Original source text by project-relative file, for checks that locate text inside a span. */
  readonly sources: SourceTexts;
}

export interface Check {
  readonly code: string;
  /** Stable name, family/name, e.g. "alertmanager/shadowed-route". */
  readonly name: string;
  readonly severity: Severity;
  readonly summary: string;
  run(context: CheckContext): Diagnostic[];
}

/** Builds a diagnostic with the check's code and severity. */
export function report(
  check: Pick<Check, "code" | "severity">,
  message: string,
  span: Span | undefined,
  hint: string,
  subject?: string,
): Diagnostic {
  return { code: check.code, severity: check.severity, message, span, hint, subject };
}

/** Every alert of the model with its service, in declaration order. */
export function* allAlerts(model: Model) {
  for (const service of model.services) for (const alert of service.alerts) yield { service, alert };
}
