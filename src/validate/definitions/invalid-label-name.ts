import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Span } from "../../model/schema.js";
import { report, type Check } from "../check.js";
import { LABEL_NAME } from "./names.js";

/**
 * Label names outside [a-zA-Z_][a-zA-Z0-9_]*, or starting with "__" (reserved for Prometheus), on
 * metrics, alerts, recording rules, services, matchers and group_by lists. "..." in group_by is
 * Alertmanager's "group by all labels"; mixing it with other labels is MON310's finding.
 */
export const invalidLabelName: Check = {
  code: "MON104",
  name: "definitions/invalid-label-name",
  severity: "error",
  summary: "a label name that is invalid or reserved",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    const check = (label: string, where: string, span: Span | undefined) => {
      const problem = !LABEL_NAME.test(label) ? "is not a valid label name" : label.startsWith("__") ? "starts with __, which Prometheus reserves" : undefined;
      const key = `${label}|${where}|${span?.file}:${span?.line}`;
      if (!problem || seen.has(key)) return;
      seen.add(key);
      out.push(report(invalidLabelName, `label "${label}" on ${where} ${problem}`, span, "use letters, digits and underscores, starting with a letter"));
    };
    for (const service of model.services) {
      for (const label of Object.keys(service.labels)) check(label, `service "${service.name}"`, service.span);
      for (const metric of service.metrics) for (const label of metric.labels) check(label, `metric "${metric.name}"`, metric.span);
      for (const alert of service.alerts) {
        // Service labels are copied onto every alert; they are reported once, at the service.
        for (const rule of alert.rules) {
          for (const label of Object.keys(rule.labels)) if (!(label in service.labels)) check(label, `alert "${alert.name}"`, alert.span);
        }
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
