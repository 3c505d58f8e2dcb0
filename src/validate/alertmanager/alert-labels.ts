// Which labels a generated alert can carry beyond its own: those its query result keeps.

import type { Model, Slo } from "../../model/schema.js";
import type { RoutedAlert } from "../check.js";

/**
 * The labels each routed alert's query result keeps, by alert id; undefined when moncc cannot know
 * them (raw PromQL).
 */
export function queryLabelsOf(model: Model): (alert: RoutedAlert) => readonly string[] | undefined {
  const byId = new Map<string, readonly string[] | undefined>();
  for (const service of model.services) {
    for (const alert of service.alerts) for (const rule of alert.rules) byId.set(rule.id, alert.query.labels);
    for (const slo of service.slos) byId.set(`slo/${slo.id}`, sliLabels(slo));
  }
  return (alert) => byId.get(alert.id.startsWith("slo/") ? alert.id.slice(0, alert.id.lastIndexOf("/")) : alert.id);
}

/**
 * Labels an SLO's SLI queries keep: those of their `by (...)` clauses when every query aggregates,
 * undefined when a query may keep labels moncc cannot name (no aggregation, or `without`).
 */
function sliLabels(slo: Slo): string[] | undefined {
  const out: string[] = [];
  for (const query of [slo.sli.errorQuery, slo.sli.totalQuery]) {
    if (query === undefined) continue;
    if (/\bwithout\s*\(/.test(query) || !/\b(sum|count|avg|min|max)\s*(\bby\s*\([^)]*\)\s*)?\(/.test(query)) return undefined;
    for (const clause of query.matchAll(/\bby\s*\(([^)]*)\)/g)) out.push(...clause[1].split(",").map((l) => l.trim()).filter(Boolean));
  }
  return out;
}
