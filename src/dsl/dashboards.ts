// User-declared Grafana dashboards and panels. Panels read typed queries, template variables are
// declared from a metric's label, and SLO series are taken from the SLO object itself, so renaming a
// metric, a label or an SLO updates every dashboard or fails to compile.

import type * as GrafanaUnits from "@grafana/grafana-foundation-sdk/units";
import { captureCallSite, type CallSite } from "./span.js";
import type { Ignore, Severity } from "./alerts.js";
import type { AnyMetric } from "./metrics.js";
import type { Duration } from "./promql.js";
import type { Query } from "./query.js";
import type { Slo } from "./slos.js";
import type { Team } from "./teams.js";

/** A unit id Grafana knows ("s", "percentunit", "reqps"), or one of its custom-unit forms. */
export type GrafanaUnit =
  | Extract<(typeof GrafanaUnits)[keyof typeof GrafanaUnits], string>
  | `suffix:${string}` | `prefix:${string}` | `si:${string}` | `count:${string}` | `currency:${string}`;

/**
 * A dashboard template variable over one label of a metric: `label_values(metric, label)`. Use it as a
 * label value in `.where({ model })` to select what the dashboard's picker selects.
 */
export interface DashboardVariable {
  readonly kind: "dashboard-variable";
  readonly name: string;
  readonly label: string;
  readonly metric: AnyMetric;
  readonly multi: boolean;
  readonly includeAll: boolean;
  readonly span: CallSite | undefined;
}

export interface VariableOptions {
  /** Shown next to the picker; default the label name. */
  readonly title?: string;
  /** Allow several values and an "All" entry (default true). */
  readonly multi?: boolean;
}

/** `variable(predictions, "model")`: a picker over the values of `model` in model_predictions_total. */
export function variable<L extends string>(metric: AnyMetric & { readonly labels: readonly L[] }, label: NoInfer<L>, options: VariableOptions = {}): DashboardVariable {
  const multi = options.multi ?? true;
  return { kind: "dashboard-variable", name: label, label: options.title ?? label, metric, multi, includeAll: multi, span: captureCallSite() };
}

/** Series moncc records for every SLO (Sloth's names), read by object. */
export type SloSeriesName = "error-ratio" | "burn-rate" | "budget-remaining" | "objective";

export interface SloSeries {
  readonly kind: "slo-series";
  readonly slo: Slo;
  readonly series: SloSeriesName;
  /** error-ratio only: the SLI window; default 5m. */
  readonly window: Duration | undefined;
  readonly span: CallSite | undefined;
}

/** A recorded series of an SLO: `sloSeries(availability, "budget-remaining")`. */
export function sloSeries(slo: Slo, series: SloSeriesName, window?: Duration): SloSeries {
  return { kind: "slo-series", slo, series, window, span: captureCallSite() };
}

export type PanelQueryInput = Query<string> | SloSeries | { readonly query: Query<string> | SloSeries; readonly legend?: string };

export interface ThresholdSpec {
  /** In the query's unit: 0.2, or "200ms" / "5%" converted to it. */
  readonly value: number | string;
  /** The severity's color (P0 red … P3 blue), unless `color` is given. */
  readonly severity?: Severity;
  readonly color?: string;
}

export interface PanelOptions {
  readonly query: PanelQueryInput | readonly PanelQueryInput[];
  readonly description?: string;
  /** Grafana unit; default derived from the query's unit. */
  readonly unit?: GrafanaUnit;
  readonly min?: number;
  readonly max?: number;
  readonly thresholds?: readonly ThresholdSpec[];
  /** Grid columns (of 24) and rows (of 30 px); defaults depend on the panel type. */
  readonly width?: number;
  readonly height?: number;
  /** Fixed place inside its row: x in columns, y in lines below the row header. */
  readonly position?: { readonly x: number; readonly y: number };
}

export type PanelType = "timeseries" | "stat" | "gauge" | "bargauge" | "heatmap" | "table";

export interface Panel {
  readonly kind: "panel";
  readonly type: PanelType | "text";
  readonly title: string;
  readonly options: PanelOptions | TextPanelOptions;
  readonly span: CallSite | undefined;
}

export interface TextPanelOptions {
  /** Markdown. */
  readonly content: string;
  readonly width?: number;
  readonly height?: number;
  readonly position?: { readonly x: number; readonly y: number };
}

function panelOf(type: PanelType) {
  return (title: string, options: PanelOptions): Panel => ({ kind: "panel", type, title, options, span: captureCallSite() });
}

export const panel = {
  timeseries: panelOf("timeseries"),
  stat: panelOf("stat"),
  gauge: panelOf("gauge"),
  bargauge: panelOf("bargauge"),
  heatmap: panelOf("heatmap"),
  table: panelOf("table"),
  text: (title: string, options: TextPanelOptions): Panel => ({ kind: "panel", type: "text", title, options, span: captureCallSite() }),
};

export interface Row {
  readonly kind: "row";
  readonly title: string;
  readonly panels: readonly Panel[];
  readonly collapsed: boolean;
  readonly span: CallSite | undefined;
}

export function row(title: string, panels: readonly Panel[], options: { readonly collapsed?: boolean } = {}): Row {
  return { kind: "row", title, panels, collapsed: options.collapsed ?? false, span: captureCallSite() };
}

export interface DashboardOptions {
  /** Default: derived from the title. Grafana allows 40 characters. */
  readonly uid?: string;
  /** Grafana folder: a team (its name) or a folder name; default "general". */
  readonly folder?: Team<any> | string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly variables?: readonly DashboardVariable[];
  /** Panels above the first row, then rows. */
  readonly panels?: readonly Panel[];
  readonly rows?: readonly Row[];
  /** Default time range, Grafana syntax ("now-6h"); default the last 6 hours. */
  readonly from?: string;
  readonly refresh?: Duration;
  /**
   * The datasource of every panel: a datasource variable (`${datasource}`, declared automatically)
   * or a fixed datasource uid.
   */
  readonly datasource?: string;
  /** Silence a dashboard check's warning on this dashboard, with the reason: `{ MON707: "why" }`. */
  readonly ignore?: Ignore;
}

export interface Dashboard extends DashboardOptions {
  readonly kind: "dashboard";
  readonly title: string;
  readonly span: CallSite | undefined;
}

export function dashboard(title: string, options: DashboardOptions): Dashboard {
  return { kind: "dashboard", title, ...options, span: captureCallSite() };
}
