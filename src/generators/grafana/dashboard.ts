// One dashboard of moncc's model → classic Grafana dashboard JSON (schemaVersion 42), built with the
// Grafana Foundation SDK and then made canonical: the SDK returns shared mutable objects in builder
// order with unset ids, so the result is copied, ids run from 1 in grid order, every query gets a
// refId and the panel's datasource, and keys are sorted.

import * as common from "@grafana/grafana-foundation-sdk/common";
import {
  DashboardBuilder, DashboardLinkBuilder, DashboardLinkType, DatasourceVariableBuilder, QueryVariableBuilder, RowBuilder, ThresholdsConfigBuilder, ThresholdsMode,
  VariableRefresh, VariableSort, type Dashboard as GrafanaDashboard,
} from "@grafana/grafana-foundation-sdk/dashboard";
import { PanelBuilder as BarGaugePanel } from "@grafana/grafana-foundation-sdk/bargauge";
import { PanelBuilder as GaugePanel } from "@grafana/grafana-foundation-sdk/gauge";
import { PanelBuilder as HeatmapPanel } from "@grafana/grafana-foundation-sdk/heatmap";
import { DataqueryBuilder, PromQueryFormat } from "@grafana/grafana-foundation-sdk/prometheus";
import { PanelBuilder as StatPanel } from "@grafana/grafana-foundation-sdk/stat";
import { PanelBuilder as TablePanel } from "@grafana/grafana-foundation-sdk/table";
import { PanelBuilder as TextPanel, TextMode } from "@grafana/grafana-foundation-sdk/text";
import { PanelBuilder as TimeseriesPanel } from "@grafana/grafana-foundation-sdk/timeseries";
import type { Dashboard, DashboardVariable, PlacedPanel } from "../../model/dashboard-schema.js";
import { DATASOURCE_REF } from "../../model/conventions.js";

type AnyPanelBuilder = TimeseriesPanel | StatPanel | GaugePanel | BarGaugePanel | HeatmapPanel | TablePanel | TextPanel;

export function dashboardJson(dashboard: Dashboard): GrafanaDashboard {
  const builder = new DashboardBuilder(dashboard.title)
    .uid(dashboard.uid)
    .tags([...dashboard.tags])
    .editable()
    .time({ from: dashboard.time.from, to: dashboard.time.to })
    .refresh(dashboard.refresh)
    .timezone("browser");
  if (dashboard.description) builder.description(dashboard.description);
  for (const variable of dashboard.variables) builder.withVariable(variableBuilder(variable));
  for (const link of dashboard.links) {
    const linkBuilder = new DashboardLinkBuilder(link.title).asDropdown(link.asDropdown).includeVars(true).keepTime(true);
    if (link.tags) linkBuilder.type(DashboardLinkType.Dashboards).tags([...link.tags]);
    else linkBuilder.type(DashboardLinkType.Link).url(link.url ?? "");
    builder.link(linkBuilder);
  }
  for (const row of dashboard.rows) {
    if (row.title !== undefined) {
      const rowBuilder = new RowBuilder(row.title).gridPos({ x: 0, y: row.y ?? 0, w: 24, h: 1 }).collapsed(row.collapsed);
      if (row.collapsed) {
        // A collapsed row holds its panels; an open one is followed by them.
        for (const panel of row.panels) rowBuilder.withPanel(panelBuilder(panel) as TimeseriesPanel);
        builder.withRow(rowBuilder);
        continue;
      }
      builder.withRow(rowBuilder);
    }
    for (const panel of row.panels) builder.withPanel(panelBuilder(panel));
  }
  return canonical(builder.build());
}

function variableBuilder(variable: DashboardVariable) {
  if (variable.kind === "datasource") {
    return new DatasourceVariableBuilder(variable.name).label(variable.label ?? variable.name).type(variable.query);
  }
  const builder = new QueryVariableBuilder(variable.name)
    .label(variable.label ?? variable.name)
    .query(variable.query)
    .definition(variable.query)
    .datasource({ type: "prometheus", uid: DATASOURCE_REF })
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(variable.multi)
    .includeAll(variable.includeAll);
  if (variable.allValue !== undefined) builder.allValue(variable.allValue);
  return builder;
}

function panelBuilder(panel: PlacedPanel): AnyPanelBuilder {
  const builder = newPanel(panel);
  builder.title(panel.title).gridPos({ ...panel.gridPos });
  if (panel.description) builder.description(panel.description);
  if (panel.type === "text") {
    (builder as TextPanel).mode(TextMode.Markdown).content(panel.content ?? "");
    return builder;
  }
  builder.datasource({ type: "prometheus", uid: panel.datasource });
  if (panel.unit !== undefined) builder.unit(panel.unit);
  if (panel.min !== undefined) builder.min(panel.min);
  if (panel.max !== undefined) builder.max(panel.max);
  if (panel.decimals !== undefined) builder.decimals(panel.decimals);
  if (panel.thresholds) {
    builder.thresholds(new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(panel.thresholds.map((s) => ({ value: s.value, color: s.color }))));
  }
  if (panel.dataLinks) builder.dataLinks(panel.dataLinks.map((l) => new DashboardLinkBuilder(l.title).type(DashboardLinkType.Link).url(l.url)));
  panel.queries.forEach((query, index) => {
    const target = new DataqueryBuilder()
      .expr(query.expr)
      .refId(refId(index))
      .datasource({ type: "prometheus", uid: panel.datasource })
      .format(query.format === "table" ? PromQueryFormat.Table : query.format === "heatmap" ? PromQueryFormat.Heatmap : PromQueryFormat.TimeSeries);
    if (query.instant) target.instant();
    else target.range();
    if (query.legend !== undefined) target.legendFormat(query.legend);
    builder.withTarget(target);
  });
  if (panel.type === "timeseries") {
    const series = builder as TimeseriesPanel;
    if (panel.thresholdStyle) series.thresholdsStyle(new common.GraphThresholdsStyleConfigBuilder().mode(panel.thresholdStyle as common.GraphThresholdsStyleMode));
    if (panel.stacked) series.stacking(new common.StackingConfigBuilder().mode(common.StackingMode.Normal)).fillOpacity(40);
    series.legend(new common.VizLegendOptionsBuilder().showLegend(true).displayMode(common.LegendDisplayMode.List).placement(common.LegendPlacement.Bottom));
  }
  if (panel.type === "stat") (builder as StatPanel).graphMode(common.BigValueGraphMode.None).reduceOptions(new common.ReduceDataOptionsBuilder().calcs(["lastNotNull"]));
  return builder;
}

function newPanel(panel: PlacedPanel): AnyPanelBuilder {
  switch (panel.type) {
    case "timeseries": return new TimeseriesPanel();
    case "stat": return new StatPanel();
    case "gauge": return new GaugePanel();
    case "bargauge": return new BarGaugePanel();
    case "heatmap": return new HeatmapPanel();
    case "table": return new TablePanel();
    case "text": return new TextPanel();
  }
}

/** A, B, … Z, AA, AB, …: Grafana's refIds. */
export function refId(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : refId(Math.floor(index / 26) - 1) + letter;
}

/** A deep copy with keys sorted (the SDK's objects are shared and in builder order), ids from 1 in panel order (rows and the panels inside collapsed rows too). */
function canonical(built: GrafanaDashboard): GrafanaDashboard {
  let id = 1;
  const numbered = (panel: object): object => ({ ...panel, id: id++ });
  const panels = (built.panels ?? []).map((panel) => {
    const row = numbered(panel) as { panels?: object[] };
    return row.panels ? { ...row, panels: row.panels.map(numbered) } : row;
  });
  return sortedCopy({ ...built, panels }) as GrafanaDashboard;
}

/** JSON values only: undefined members are dropped, as JSON.stringify would. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) out[key] = sortedCopy(member);
  }
  return out;
}
