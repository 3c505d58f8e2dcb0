import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Span } from "../../model/schema.js";
import { report, type Check } from "../check.js";

interface Named {
  readonly key: string;
  readonly what: string;
  readonly span: Span | undefined;
  /** Two entries with the same key and the same `identity` are one definition seen twice. */
  readonly identity?: string;
}

/**
 * Two services, teams, receivers or time intervals with one name; two recording rules with one name
 * and the same static labels; one alert name twice in a service; two SLOs with one id
 * (`<service>-<slo>`); one metric name declared twice with different definitions.
 */
export const duplicateName: Check = {
  code: "MON101",
  name: "definitions/duplicate-name",
  severity: "error",
  summary: "two definitions share one name",
  run: ({ model }) => {
    const entries: Named[] = [];
    for (const team of model.teams) {
      entries.push({ key: `team:${team.name}`, what: `team "${team.name}"`, span: team.span });
      // Receivers are named `<team>-<key>` in alertmanager.yml, so "a"/"b-c" and "a-b"/"c" collide.
      // The same team and key twice is already reported as a duplicate team.
      for (const receiver of team.receivers) {
        entries.push({
          key: `receiver:${receiver.id}`,
          what: `receiver "${receiver.id}" (team "${team.name}", key "${receiver.key}")`,
          span: receiver.span,
          identity: JSON.stringify([team.name, receiver.key]),
        });
      }
    }
    for (const interval of model.timeIntervals) {
      entries.push({ key: `interval:${interval.name}`, what: `time interval "${interval.name}"`, span: interval.span });
    }
    for (const service of model.services) {
      entries.push({ key: `service:${service.name}`, what: `service "${service.name}"`, span: service.span });
      for (const alert of service.alerts) {
        entries.push({ key: `alert:${service.name}/${alert.name}`, what: `alert "${alert.name}" in service "${service.name}"`, span: alert.span });
      }
      // A monitor's alert shares the alert names of its service.
      for (const monitor of service.monitors ?? []) {
        entries.push({ key: `alert:${service.name}/${monitor.name}`, what: `drift monitor "${monitor.name}" in service "${service.name}"`, span: monitor.span });
      }
      for (const recording of service.recordings) {
        // Rules may share a name when their static labels tell their series apart.
        const labels = Object.entries(recording.labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(",");
        entries.push({
          key: `record:${recording.name}{${labels}}`,
          what: `recording rule "${recording.name}"${labels ? ` with labels {${labels}}` : ""}`,
          span: recording.span,
        });
      }
      // The id labels every SLO series (sloth_id), so "a"/"b-c" and "a-b"/"c" collide like receivers.
      for (const slo of service.slos) {
        entries.push({ key: `slo:${slo.id}`, what: `SLO "${slo.name}" of service "${service.name}" (id "${slo.id}")`, span: slo.span });
      }
    }
    const metrics = model.services.flatMap((s) => s.metrics);
    for (const metric of metrics) {
      entries.push({
        key: `metric:${metric.name}`,
        what: `metric "${metric.name}"`,
        span: metric.span,
        identity: JSON.stringify([metric.kind, metric.unit, metric.labels, metric.buckets, metric.span]),
      });
    }
    return findDuplicates(entries);
  },
};

function findDuplicates(entries: readonly Named[]): Diagnostic[] {
  const first = new Map<string, Named>();
  const out: Diagnostic[] = [];
  for (const entry of entries) {
    const earlier = first.get(entry.key);
    if (!earlier) {
      first.set(entry.key, entry);
      continue;
    }
    if (entry.identity !== undefined && entry.identity === earlier.identity) continue;
    const where = earlier.span ? ` (first at ${earlier.span.file}:${earlier.span.line}:${earlier.span.column})` : "";
    out.push(report(duplicateName, `${entry.what} is declared more than once${where}`, entry.span, "rename one of them, or reuse the first definition"));
  }
  return out;
}
