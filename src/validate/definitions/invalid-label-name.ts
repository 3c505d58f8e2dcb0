import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Span } from "../../model/schema.js";
import { report, type Check } from "../check.js";
import { LABEL_NAME } from "./names.js";

/**
 * Label names outside [a-zA-Z_][a-zA-Z0-9_]*, starting with "__" (reserved for Prometheus) or over
 * 1,024 characters, on metrics, alerts, SLOs, recording rules, services, matchers and group_by
 * lists; annotation names follow the same grammar. "..." in group_by is
 * Alertmanager's "group by all labels"; mixing it with other labels is MON310's finding.
 */
/** Longer names are refused: YAML writes keys over 1,024 characters in a form moncc does not emit. */
const MAX_NAME_LENGTH = 1024;

export const invalidLabelName: Check = {
  code: "MON104",
  name: "definitions/invalid-label-name",
  severity: "error",
  summary: "a label name that is invalid or reserved",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    const check = (label: string, where: string, span: Span | undefined) => {
      const problem = !LABEL_NAME.test(label) ? "is not a valid label name"
        : label.startsWith("__") ? "starts with __, which Prometheus reserves"
        : label.length > MAX_NAME_LENGTH ? `is longer than ${MAX_NAME_LENGTH} characters` : undefined;
      const key = `${label}|${where}|${span?.file}:${span?.line}`;
      if (!problem || seen.has(key)) return;
      seen.add(key);
      const shown = label.length > 60 ? `${label.slice(0, 57)}...` : label;
      out.push(report(invalidLabelName, `${where.startsWith("annotation") ? "" : "label "}"${shown}" on ${where} ${problem}`, span, "use letters, digits and underscores, starting with a letter"));
    };
    const annotations = (record: Readonly<Record<string, string>>, owner: string, span: Span | undefined) => {
      for (const name of Object.keys(record)) check(name, `${owner} (an annotation name)`, span);
    };
    for (const service of model.services) {
      for (const label of Object.keys(service.labels)) check(label, `service "${service.name}"`, service.span);
      for (const metric of service.metrics) for (const label of metric.labels) check(label, `metric "${metric.name}"`, metric.span);
      for (const alert of service.alerts) {
        // Service labels are copied onto every alert; they are reported once, at the service.
        for (const rule of alert.rules) {
          for (const label of Object.keys(rule.labels)) if (!(label in service.labels)) check(label, `alert "${alert.name}"`, alert.span);
          annotations(rule.annotations, `alert "${alert.name}"`, alert.span);
        }
      }
      for (const slo of service.slos) {
        const where = `SLO "${slo.name}"`;
        const labelSets = [slo.labels, slo.alertLabels, ...[slo.page, slo.ticket].flatMap((group) => (group ? [group.labels, ...group.tiers.map((t) => t.labels ?? {})] : []))];
        for (const labels of labelSets) for (const label of Object.keys(labels)) if (!(label in service.labels)) check(label, where, slo.span);
        annotations(slo.alertAnnotations, where, slo.span);
        for (const group of [slo.page, slo.ticket]) if (group) annotations(group.annotations, where, slo.span);
      }
      for (const recording of service.recordings) for (const label of Object.keys(recording.labels)) check(label, `recording rule "${recording.name}"`, recording.span);
    }
    const groupLabels = (list: readonly string[] | undefined) => (list ?? []).filter((label) => label !== "...");
    for (const team of model.teams) {
      for (const label of groupLabels(team.groupBy)) check(label, `team "${team.name}" group_by`, team.span);
      for (const route of team.routes) {
        for (const matcher of route.matchers) check(matcher.label, `a route of team "${team.name}"`, team.span);
        for (const label of groupLabels(route.groupBy)) check(label, `a route of team "${team.name}"`, team.span);
      }
    }
    for (const label of groupLabels(model.routing.groupBy)) check(label, "the root route group_by", model.span);
    return out;
  },
};
