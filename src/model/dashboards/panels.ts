// Panel shapes the generated dashboards share: sized panels reading the datasource variable,
// range and instant queries, threshold steps, and the variables and links every dashboard carries.

import { escapeRegex, promqlString, selectorText } from "../../dsl/promql.js";
import type { MetricKind } from "../../dsl/query.js";
import { WINDOW } from "../../dsl/slos.js";
import { DATASOURCE_REF, DATASOURCE_VARIABLE, OK_COLOR } from "../conventions.js";
import { byText } from "../order.js";
import type { DashboardVariable, PanelQuery, PanelSpec, ThresholdStep } from "../dashboard-schema.js";

/** Grafana's rate window: at least four scrape intervals, whatever the zoom. */
export const RATE_WINDOW = "$__rate_interval";

/** Default sizes by panel type, generated and declared alike, in grid units (24 columns, lines of 30 px). */
export const PANEL_SIZE: Readonly<Record<PanelSpec["type"], { width: number; height: number }>> = {
  stat: { width: 6, height: 4 },
  gauge: { width: 6, height: 6 },
  timeseries: { width: 12, height: 8 },
  bargauge: { width: 12, height: 8 },
  heatmap: { width: 12, height: 8 },
  table: { width: 24, height: 8 },
  text: { width: 24, height: 3 },
};

/** A panel of the type's size on the datasource variable; `rest` overrides anything, the size too. */
export function panel(type: PanelSpec["type"], title: string, queries: PanelQuery[], rest: Partial<PanelSpec> = {}): PanelSpec {
  return { type, title, datasource: DATASOURCE_REF, queries, author: "moncc", ...PANEL_SIZE[type], ...rest };
}

/** A markdown panel tall enough for its lines: a grid unit is 30 px plus an 8 px gap, a line about 21 px, the header 56. */
export function textPanel(title: string, content: string, rest: Partial<PanelSpec> = {}): PanelSpec {
  const lines = content.split("\n").length;
  return panel("text", title, [], { content, height: Math.max(PANEL_SIZE.text.height, Math.ceil((21 * lines + 56) / 38)), ...rest });
}

export const range = (expr: string, legend?: string): PanelQuery =>
  ({ expr, ...(legend !== undefined ? { legend } : {}), instant: false, format: "time_series" });

export const instant = (expr: string, format: PanelQuery["format"] = "time_series", legend?: string): PanelQuery =>
  ({ expr, ...(legend !== undefined ? { legend } : {}), instant: true, format });

/** Steps from a base color up through each level, in the order given (ascending). */
export function steps(base: string, levels: readonly { value: number; color: string }[]): ThresholdStep[] {
  return [{ value: null, color: base }, ...levels.map((l) => ({ value: l.value, color: l.color }))];
}

/** Remaining error budget: red once spent, yellow under a quarter left. */
export const BUDGET_REMAINING_STEPS: readonly ThresholdStep[] = steps("red", [{ value: 0, color: "yellow" }, { value: 0.25, color: OK_COLOR }]);

/** An SLI query template (Sloth's `{{.window}}`) over Grafana's rate window. */
export const atRateWindow = (template: string) => template.split(WINDOW).join(RATE_WINDOW);

/** `label=~"a|b"`: any of the values, literally; the values sorted, as their order means nothing. */
export const anyOf = (label: string, values: readonly string[]) =>
  `${label}=~${promqlString([...new Set(values)].sort(byText).map(escapeRegex).join("|"))}`;

/** The datasource variable every panel reads. */
export const datasourceVariable = (): DashboardVariable =>
  ({ kind: "datasource", name: DATASOURCE_VARIABLE, label: "Data source", query: "prometheus", multi: false, includeAll: false });

/**
 * A variable query for the values of `label` among a metric's series. A histogram or summary is
 * read through its _count series, which carries every label but le and quantile.
 */
export function labelValuesQuery(metric: { readonly name: string; readonly kind: MetricKind }, label: string, matchers: readonly { label: string; value: string }[] = []): string {
  const series = metric.kind === "histogram" || metric.kind === "summary" ? `${metric.name}_count` : metric.name;
  return `label_values(${selectorText(series, matchers.map((m) => ({ ...m, op: "=" })))}, ${label})`;
}
