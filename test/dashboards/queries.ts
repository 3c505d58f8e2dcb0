// Reading the PromQL of built dashboards in tests: parse with Grafana's variables substituted, and
// list the series each query reads.

import type { DashboardSpec, PanelSpec } from "../../src/model/dashboard-schema.js";
import { syntaxTree, walk, type NodeOf, type PromqlNode } from "../../src/model/promql/tree.js";

/** The tree of a panel query once `$__rate_interval` reads as Prometheus would see it; undefined when it does not parse. */
export function parseQuery(expr: string): PromqlNode | undefined {
  return syntaxTree(expr.split("$__rate_interval").join("5m"));
}

export function selectorsOf(expr: string): NodeOf<"selector">[] {
  const tree = parseQuery(expr);
  if (!tree) throw new Error(`does not parse: ${expr}`);
  return [...walk(tree)].filter((node): node is NodeOf<"selector"> => node.kind === "selector");
}

/** Names of the series a query reads, sorted and distinct. */
export const seriesOf = (expr: string) => [...new Set(selectorsOf(expr).map((s) => s.name ?? ""))].sort();

export const panelsOf = <P>(dashboard: { rows: readonly { panels: readonly P[] }[] }): P[] => dashboard.rows.flatMap((row) => row.panels);

export function panelTitled(dashboard: DashboardSpec, title: string): PanelSpec {
  const panel = panelsOf(dashboard).find((p) => p.title === title);
  if (!panel) throw new Error(`${dashboard.uid} has no panel "${title}"`);
  return panel;
}
