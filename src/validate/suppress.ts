// Per-definition suppression: a service, alert, SLO, monitor or dashboard may silence a silenceable warning about itself
// with `ignore: { MON601: "why this is expected" }`. This is the one place that applies it; the
// entries themselves are checked here too, since whether one is stale depends on what the checks found.
// A silenceable check must set each diagnostic's subject with `subjectOf`: that is how it is matched.

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Model, Slo, Span } from "../model/schema.js";
import { report, type Check } from "./check.js";
import { ignoreEntryProblem, invalidIgnore } from "./definitions/invalid-ignore.js";
import { unusedIgnore } from "./definitions/unused-ignore.js";

/** The `subject` of diagnostics about a definition; suppression matches on it. */
export const subjectOf = {
  service: (service: { name: string }) => `service ${service.name}`,
  alert: (alert: { service: string; name: string }) => `alert ${alert.service}/${alert.name}`,
  slo: (slo: Pick<Slo, "id">) => `slo ${slo.id}`,
  monitor: (monitor: { service: string; name: string }) => `monitor ${monitor.service}/${monitor.name}`,
  /** A dashboard names itself: "dashboard Fraud deep dive", "service api (generated dashboard)". */
  dashboard: (dashboard: { subject: string }) => dashboard.subject,
};

interface IgnoringDefinition {
  readonly subject: string;
  /** For messages: `SLO "api-requests-fast"`. */
  readonly what: string;
  readonly ignore: Readonly<Record<string, string>>;
  readonly span: Span | undefined;
}

function ignoringDefinitions(model: Model): IgnoringDefinition[] {
  const out: IgnoringDefinition[] = [];
  const add = (subject: string, what: string, ignore: Readonly<Record<string, string>> | undefined, span: Span | undefined) => {
    if (ignore && Object.keys(ignore).length > 0) out.push({ subject, what, ignore, span });
  };
  for (const service of model.services) {
    add(subjectOf.service(service), `service "${service.name}"`, service.ignore, service.span);
    for (const alert of service.alerts) add(subjectOf.alert(alert), `alert "${alert.name}"`, alert.ignore, alert.span);
    for (const slo of service.slos) add(subjectOf.slo(slo), `SLO "${slo.id}"`, slo.ignore, slo.span);
    for (const monitor of service.monitors ?? []) add(subjectOf.monitor(monitor), `monitor "${monitor.name}"`, monitor.ignore, monitor.span);
  }
  for (const dashboard of model.dashboards) add(subjectOf.dashboard(dashboard), `dashboard "${dashboard.title}"`, dashboard.ignore, dashboard.span);
  return out;
}

/**
 * Removes the diagnostics that a valid ignore entry silences, and adds one diagnostic per invalid
 * entry (MON117) and per valid entry that silenced nothing although its check ran (MON118).
 * `known` is every registered check; `ran` the ones that produced `diagnostics`.
 */
export function applyIgnores(model: Model, diagnostics: readonly Diagnostic[], ran: readonly Check[], known: readonly Check[]): Diagnostic[] {
  const checks = new Map(known.map((c) => [c.code, c]));
  const ranCodes = new Set(ran.map((c) => c.code));
  const silenceable = known.filter((c) => c.silenceable).map((c) => c.code).sort();
  const active = new Map<string, { used: boolean }>();
  const problems: Diagnostic[] = [];
  const unused: { definition: IgnoringDefinition; code: string }[] = [];

  for (const definition of ignoringDefinitions(model)) {
    for (const [code, reason] of Object.entries(definition.ignore)) {
      const check = checks.get(code);
      const problem = ignoreEntryProblem(code, reason, check);
      if (problem) {
        problems.push(report(invalidIgnore, `${definition.what}: ignore entry ${problem}`, definition.span,
          check?.silenceable
            ? `say why the warning is expected, e.g. ignore: { ${code}: "batch job, runs hourly" }`
            : `only these warnings can be silenced: ${silenceable.join(", ") || "none"}; fix the definition instead`,
          definition.subject));
        continue;
      }
      const entry = { used: false };
      active.set(`${definition.subject}\u0000${code}`, entry);
      if (ranCodes.has(code)) unused.push({ definition, code });
    }
  }

  const kept = diagnostics.filter((d) => {
    const entry = d.subject !== undefined && checks.get(d.code)?.silenceable ? active.get(`${d.subject}\u0000${d.code}`) : undefined;
    if (entry) entry.used = true;
    return !entry;
  });
  for (const { definition, code } of unused) {
    if (active.get(`${definition.subject}\u0000${code}`)?.used) continue;
    problems.push(report(unusedIgnore, `${definition.what}: ignore entry ${code} silences nothing; ${code} reports no problem here`, definition.span,
      `remove ${code} from ignore`, definition.subject));
  }
  return [...kept, ...problems];
}
