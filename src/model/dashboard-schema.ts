// moncc's own dashboard model: what a dashboard shows, independent of Grafana's JSON. Generated
// dashboards (service, SLO, overview) and user-declared ones share it, so the dashboard checks read
// one shape and the Grafana generator is the only place that knows the SDK.

import { z } from "zod";
import { MetricSchema, OptionalSpan, TemplateSegmentSchema } from "./schema-parts.js";

export const PANEL_TYPES = ["timeseries", "stat", "gauge", "bargauge", "heatmap", "table", "text"] as const;

/** Grafana's grid: 24 columns; heights in grid units of 30 px. */
export const GRID_COLUMNS = 24;

export const GridPosSchema = z.object({ x: z.number().int(), y: z.number().int(), w: z.number().int(), h: z.number().int() });

export const PanelQuerySchema = z.object({
  /** PromQL with Grafana variables ($__rate_interval, $model) left in. */
  expr: z.string(),
  legend: z.string().optional(),
  /** Instant query (stat, gauge, table) rather than a range. */
  instant: z.boolean(),
  format: z.enum(["time_series", "table", "heatmap"]),
  /** Offsets of the user's `promql` template, to point a PromQL error into it. */
  template: z.array(TemplateSegmentSchema).optional(),
  span: OptionalSpan,
});

export const ThresholdStepSchema = z.object({
  /** null is the base step, below every other. */
  value: z.number().nullable(),
  color: z.string(),
});

export const PanelLinkSchema = z.object({ title: z.string(), url: z.string() });

export const PanelSchema = z.object({
  type: z.enum(PANEL_TYPES),
  title: z.string(),
  description: z.string().optional(),
  /** A Grafana unit id ("s", "percentunit", "reqps"). */
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  decimals: z.number().int().optional(),
  /** Ascending steps, the base (null) first. */
  thresholds: z.array(ThresholdStepSchema).optional(),
  /** How a time series draws its thresholds; stats and gauges color by them instead. */
  thresholdStyle: z.enum(["off", "line", "area", "line+area", "dashed"]).optional(),
  /** `$name` or `${name}` of a datasource variable, or a fixed datasource uid. */
  datasource: z.string(),
  queries: z.array(PanelQuerySchema),
  /** Markdown of a text panel. */
  content: z.string().optional(),
  /** Stacked series (good vs bad events). */
  stacked: z.boolean().optional(),
  /** Links on each table row or series point (Grafana data links). */
  dataLinks: z.array(PanelLinkSchema).optional(),
  /**
   * The queries are a definition's own expressions (an alert's, an SLO's), fixed windows and all, so
   * threshold lines mean what the alert means; the dashboard-linter rules on windows and job/instance
   * matchers skip them.
   */
  definitionQuery: z.boolean().optional(),
  /** Who wrote the panel: moncc's generators, or the user's DSL (also inside a generated dashboard). */
  author: z.enum(["moncc", "user"]),
  span: OptionalSpan,
});

/** A panel before layout: its size, and a place inside its row when the author fixed one. */
export const PanelSpecSchema = PanelSchema.extend({
  width: z.number(),
  height: z.number(),
  /** x in columns, y in lines below the row header. */
  position: z.object({ x: z.number(), y: z.number() }).optional(),
});

export const RowSpecSchema = z.object({
  /** Undefined for the panels above the first row header. */
  title: z.string().optional(),
  collapsed: z.boolean(),
  panels: z.array(PanelSpecSchema),
  span: OptionalSpan,
});

/** A laid-out panel: where it sits, absolute. */
export const PlacedPanelSchema = PanelSchema.extend({
  gridPos: GridPosSchema,
  /** True when the author fixed the position; false when moncc's layout chose it. */
  placed: z.boolean(),
});

export const DashboardRowSchema = z.object({
  /** Undefined for the panels above the first row header. */
  title: z.string().optional(),
  collapsed: z.boolean(),
  /** The row header's line; undefined for the untitled top. */
  y: z.number().int().optional(),
  panels: z.array(PlacedPanelSchema),
  span: OptionalSpan,
});

export const DashboardVariableSchema = z.object({
  kind: z.enum(["datasource", "query"]),
  name: z.string(),
  label: z.string().optional(),
  /** datasource: the plugin type ("prometheus"); query: label_values(…) or query_result(…). */
  query: z.string(),
  multi: z.boolean(),
  includeAll: z.boolean(),
  /** The regex "All" stands for; ".*" or ".+" so `=~"$var"` keeps working. */
  allValue: z.string().optional(),
  span: OptionalSpan,
});

export const DashboardLinkSchema = z.object({
  title: z.string(),
  /** A dashboard link by tag (Grafana's "dashboards" link), or a plain URL. */
  tags: z.array(z.string()).optional(),
  url: z.string().optional(),
  asDropdown: z.boolean(),
});

const DashboardFields = {
  /** Stable, ≤ 40 characters, derived from the definition. */
  uid: z.string(),
  title: z.string(),
  /** Grafana folder: the owning team, or "general". */
  folder: z.string(),
  origin: z.enum(["service", "slo", "overview", "custom"]),
  /** For diagnostics: "dashboard Fraud deep dive", "service fraud-detection (generated dashboard)". */
  subject: z.string(),
  description: z.string().optional(),
  tags: z.array(z.string()),
  /** Default time range and refresh. */
  time: z.object({ from: z.string(), to: z.string() }),
  refresh: z.string(),
  variables: z.array(DashboardVariableSchema),
  links: z.array(DashboardLinkSchema),
  /** Declared metrics its queries read (by object), besides the services' metrics. */
  metrics: z.array(MetricSchema),
  /** Silenced warnings of the dashboard checks: code → reason (user dashboards only). */
  ignore: z.record(z.string(), z.string()).optional(),
  span: OptionalSpan,
};

/** A dashboard as declared: rows of panels not yet laid out. */
export const DashboardSpecSchema = z.object({ ...DashboardFields, rows: z.array(RowSpecSchema) });

/** A dashboard ready to generate: every panel at its grid position. */
export const DashboardSchema = z.object({ ...DashboardFields, rows: z.array(DashboardRowSchema) });

export type GridPos = z.infer<typeof GridPosSchema>;
export type PanelQuery = z.infer<typeof PanelQuerySchema>;
export type ThresholdStep = z.infer<typeof ThresholdStepSchema>;
export type PanelLink = z.infer<typeof PanelLinkSchema>;
export type Panel = z.infer<typeof PanelSchema>;
export type PanelSpec = z.infer<typeof PanelSpecSchema>;
export type RowSpec = z.infer<typeof RowSpecSchema>;
export type PlacedPanel = z.infer<typeof PlacedPanelSchema>;
export type DashboardSpec = z.infer<typeof DashboardSpecSchema>;
export type PanelType = Panel["type"];
export type DashboardRow = z.infer<typeof DashboardRowSchema>;
export type DashboardVariable = z.infer<typeof DashboardVariableSchema>;
export type DashboardLink = z.infer<typeof DashboardLinkSchema>;
export type Dashboard = z.infer<typeof DashboardSchema>;
