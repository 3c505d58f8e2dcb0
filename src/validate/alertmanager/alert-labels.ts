// Which labels a generated alert can carry beyond its own: those its query result keeps, from the
// PromQL label flow of its expression.

import { routedAlerts, type CheckContext, type RoutedAlert } from "../check.js";
import { promqlContext, type CheckedExpression } from "../promql/expressions.js";

/**
 * The labels each routed alert's query result keeps, by alert id; undefined when moncc cannot know
 * them (a metric it has no declaration for).
 */
export function queryLabelsOf(context: CheckContext): (alert: RoutedAlert) => readonly string[] | undefined {
  const promql = promqlContext(context);
  const exact = (expression: CheckedExpression): string[] | undefined => {
    const labels = expression.tree && promql.labels.labels(expression.tree);
    return labels?.exact ? [...labels.names] : undefined;
  };
  const byId = new Map<string, readonly string[] | undefined>();
  for (const expression of promql.expressions) {
    if (expression.alert) {
      for (const rule of expression.alert.rules) byId.set(rule.id, exact(expression) ?? expression.alert.query.labels);
    }
    if (expression.slo) {
      // An SLO's alerts read its SLI series, which keep the labels of its indicator queries.
      const key = `slo/${expression.slo.id}`;
      const labels = exact(expression);
      const known = byId.has(key) ? byId.get(key) : [];
      byId.set(key, known && labels ? [...new Set([...known, ...labels])] : undefined);
    }
  }
  // A drift monitor's alert aggregates by its `by` labels.
  for (const service of context.model.services) for (const monitor of service.monitors ?? []) byId.set(monitor.id, monitor.by);
  return (alert) => byId.get(alert.id.startsWith("slo/") ? alert.id.slice(0, alert.id.lastIndexOf("/")) : alert.id);
}

/** Every routed alert of the model, with the labels its query keeps. */
export function* alertsWithQueryLabels(context: CheckContext) {
  const queryLabels = queryLabelsOf(context);
  for (const alert of routedAlerts(context.model)) yield { alert, queryLabels: queryLabels(alert) };
}
