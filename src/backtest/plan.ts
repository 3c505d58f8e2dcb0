// Pure: what the backtest evaluates and where the notifications go, from the model. The alert
// rules are taken from the Prometheus generator, so the backtest replays exactly what is deployed;
// the routes from the model's routing tree, as the Alertmanager generator serializes it.

import { durationSeconds } from "../dsl/promql.js";
import { generatePrometheusRules } from "../generators/prometheus/rules.js";
import { grammarText } from "../model/promql/compat.js";
import { syntaxTree, walk } from "../model/promql/tree.js";
import { buildRoutingTree, deliveries } from "../model/routing.js";
import type { Model } from "../model/schema.js";
import type { Delivery } from "./aggregate.js";
import type { RuleTiming } from "./simulate.js";

export interface PlannedRule {
  readonly id: string;
  readonly alert: string;
  readonly expr: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly timing: RuleTiming;
  /** Recording rules the expression reads: their history starts when Prometheus began recording them. */
  readonly recorded: readonly string[];
}

export function planRules(model: Model): PlannedRule[] {
  const objects = generatePrometheusRules(model).objects;
  const recordings = new Set(objects.filter((o) => o.kind === "recording").map((o) => o.name));
  return objects.filter((o) => o.kind === "alert").map((o) => {
    const rule = o.content as { alert: string; expr: string; for?: string; keep_firing_for?: string; labels?: Record<string, string> };
    return {
      id: o.id,
      alert: rule.alert,
      expr: rule.expr,
      labels: rule.labels ?? {},
      timing: { forSeconds: seconds(rule.for), keepFiringForSeconds: seconds(rule.keep_firing_for) },
      recorded: [...seriesRead(rule.expr)].filter((name) => recordings.has(name)).sort(),
    };
  }).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function seconds(duration: string | undefined): number {
  return duration === undefined ? 0 : durationSeconds(duration) ?? 0;
}

/** The series names `expr` selects. */
function seriesRead(expr: string): Set<string> {
  const tree = syntaxTree(grammarText(expr).text);
  return new Set(tree ? [...walk(tree)].flatMap((node) => (node.kind === "selector" && node.name !== undefined ? [node.name] : [])) : []);
}

/**
 * Where Alertmanager delivers an alert with `labels`: the receivers routeAlert finds, each with the
 * repeat_interval its route has or inherits, and whether the receiver sends resolved notifications.
 */
export function deliveryPlan(model: Model): { deliver: (labels: Readonly<Record<string, string>>) => Delivery[]; teamOf: (receiver: string) => string | undefined } {
  const root = buildRoutingTree(model);
  const receivers = new Map(model.teams.flatMap((t) => t.receivers).map((r) => [r.id, r]));
  const deliver = (labels: Readonly<Record<string, string>>): Delivery[] =>
    deliveries(root, labels).map((d) => ({
      receiver: d.receiver,
      repeatSeconds: seconds(d.repeatInterval ?? model.routing.repeat),
      sendResolved: receivers.get(d.receiver)?.options.sendResolved !== false,
    }));
  return { deliver, teamOf: (receiver) => receivers.get(receiver)?.team };
}
