// A check is a pure function from the model to diagnostics, with a stable code and a doc page
// at docs/checks/<code>.md.

import type { Diagnostic, Severity, SourceTexts } from "../diagnostics/diagnostic.js";
import type { RouteNode } from "../model/routing.js";
import { SEVERITY_LABEL } from "../model/conventions.js";
import { sloAlertUnits } from "../model/slo.js";
import type { Model, Severity as AlertSeverity, Span } from "../model/schema.js";

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
  /** A warning a definition may silence with `ignore: { CODE: "reason" }` (see ./suppress.ts). */
  readonly silenceable?: boolean;
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

/** One generated alert as routing sees it: threshold alert severities, SLO burn-rate groups and monitors. */
export interface RoutedAlert {
  readonly id: string;
  /** For messages: the alert name, with the SLO group when it is one. */
  readonly name: string;
  readonly alertname: string;
  readonly owner: string;
  readonly severity: AlertSeverity;
  readonly labels: Readonly<Record<string, string>>;
  readonly span: Span | undefined;
}

export function* routedAlerts(model: Model): Generator<RoutedAlert> {
  for (const service of model.services) {
    for (const alert of service.alerts) {
      for (const rule of alert.rules) {
        // Rule group labels reach the alert too; the rule's own labels win on a clash.
        const labels = { ...service.groupLabels, ...rule.labels };
        yield { id: rule.id, name: alert.name, alertname: alert.name, owner: service.owner, severity: rule.severity, labels, span: alert.span };
      }
    }
    for (const slo of service.slos) {
      if (slo.profile === "sloth") continue;
      for (const unit of sloAlertUnits(slo)) {
        const labels = { ...slo.labels, ...slo.alertLabels, ...unit.labels, [SEVERITY_LABEL]: unit.severity, sloth_severity: unit.group, tier: unit.tier };
        yield { id: `slo/${slo.id}/${unit.tier}`, name: `${slo.alertName} (${unit.tier})`, alertname: slo.alertName, owner: service.owner, severity: unit.severity, labels, span: slo.span };
      }
    }
    for (const monitor of service.monitors ?? []) {
      const labels = { ...service.groupLabels, ...monitor.labels };
      yield { id: monitor.id, name: monitor.name, alertname: monitor.name, owner: service.owner, severity: monitor.severity, labels, span: monitor.span };
    }
  }
}
