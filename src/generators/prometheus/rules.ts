// Prometheus rule files: one per service, a recording group (when the service has recording rules)
// followed by an alerting group with one rule per alert and severity, then SLO and drift monitor groups.

import { formatNumber } from "../../dsl/promql.js";
import { alertGroupName, recordingGroupName, ruleFileName } from "../../model/conventions.js";
import { needsParentheses } from "../../model/promql/syntax.js";
import type { Alert, AlertRule, Model, Recording, Service } from "../../model/schema.js";
import { byText } from "../../model/order.js";
import { sloRuleGroups } from "./slo/index.js";
import { driftGroupName, driftRules } from "./monitors/drift.js";
import { GENERATED_HEADER, type Artifact, type GeneratedObject, type GeneratorOutput } from "../artifact.js";
import { withSubject } from "../../diagnostics/subject.js";

export function generatePrometheusRules(model: Model): GeneratorOutput {
  const artifacts: Artifact[] = [];
  const objects: GeneratedObject[] = [];
  for (const service of [...model.services].sort((a, b) => byText(a.name, b.name))) {
    const file = ruleFileName(service.name);
    const groups: unknown[] = [];
    if (service.recordings.length > 0) {
      groups.push(group(recordingGroupName(service.name), service, service.recordings.map((r) => withSubject(`recording rule ${r.name}`, r.span, () => {
        const rule = recordingRule(r);
        objects.push({ id: r.id, kind: "recording", name: r.name, file, span: r.span, content: rule });
        return rule;
      }))));
    }
    if (service.alerts.length > 0) {
      groups.push(group(alertGroupName(service.name), service, service.alerts.flatMap((alert) => withSubject(`alert ${service.name}/${alert.name}`, alert.span, () => alert.rules.map((r) => {
        const rule = alertingRule(alert, r);
        objects.push({ id: r.id, kind: "alert", name: alert.name, file, span: alert.span, content: rule });
        return rule;
      })))));
    }
    for (const slo of service.slos) {
      for (const sloGroup of withSubject(`slo ${slo.id}`, slo.span, () => sloRuleGroups(slo)).groups) {
        groups.push(sloGroup);
        for (const rule of sloGroup.rules) {
          const name = String(rule.alert ?? rule.record);
          const kind = rule.alert !== undefined ? "alert" : "recording";
          const labels = rule.labels as Record<string, string>;
          const id = `slo/${slo.id}/${kind === "alert" ? `alert/${name}/${labels.tier ?? labels.sloth_severity}` : `record/${name}`}`;
          objects.push({ id, kind, name, file, span: slo.span, content: rule });
        }
      }
    }
    for (const monitor of service.monitors ?? []) {
      const rules = withSubject(`monitor ${service.name}/${monitor.name}`, monitor.span, () => driftRules(monitor));
      groups.push(group(driftGroupName(monitor), service, rules));
      for (const rule of rules) {
        const kind = rule.alert !== undefined ? "alert" : "recording";
        const name = String(rule.alert ?? rule.record);
        objects.push({ id: `${monitor.id}/${kind === "alert" ? "alert" : `record/${name}`}`, kind, name, file, span: monitor.span, content: rule });
      }
    }
    if (groups.length > 0) artifacts.push({ path: file, format: "yaml", content: { groups }, header: GENERATED_HEADER });
  }
  return { artifacts, objects };
}

/** Prometheus' key order: name, interval, query_offset, limit, labels, rules. */
function group(name: string, service: Service, rules: unknown[]) {
  return {
    name,
    ...(service.interval ? { interval: service.interval } : {}),
    ...(service.queryOffset ? { query_offset: service.queryOffset } : {}),
    ...(service.limit !== undefined ? { limit: service.limit } : {}),
    ...(service.groupLabels && Object.keys(service.groupLabels).length > 0 ? { labels: service.groupLabels } : {}),
    rules,
  };
}

function recordingRule(recording: Recording) {
  return {
    record: recording.name,
    expr: recording.query.expr,
    ...(Object.keys(recording.labels).length > 0 ? { labels: recording.labels } : {}),
  };
}

/** Fixed key order: alert, expr, for, keep_firing_for, labels, annotations. */
function alertingRule(alert: Alert, rule: AlertRule) {
  return {
    alert: alert.name,
    expr: alertExpr(alert.query.expr, rule),
    ...(rule.for ? { for: rule.for } : {}),
    ...(rule.keepFiringFor ? { keep_firing_for: rule.keepFiringFor } : {}),
    labels: rule.labels,
    annotations: rule.annotations,
  };
}

export function alertExpr(expr: string, rule: Pick<AlertRule, "op" | "threshold">): string {
  const left = needsParentheses(expr) ? `(${expr})` : expr;
  return `${left} ${rule.op} ${formatNumber(rule.threshold.value ?? Number.NaN)}`;
}
