// model: user-declared dashboards and service panels → dashboard specs. Queries become PromQL text,
// SLO series are resolved by object to the SLO's recorded series, thresholds convert into the
// query's unit, sizes get their defaults. Layout happens later (./dashboards/layout.ts), when the
// generated rows above a service's own panels are known.

import type * as dsl from "../dsl/index.js";
import type { Panel as DslPanel, PanelOptions, PanelQueryInput, Row as DslRow, SloSeries, TextPanelOptions } from "../dsl/dashboards.js";
import type { Query as DslQuery, MetricRef } from "../dsl/query.js";
import { convertQuantity, parseQuantity, type Unit } from "../dsl/units.js";
import {
  DASHBOARD_TAGS, DATASOURCE_REF, dashboardUid, GENERAL_FOLDER, OK_COLOR, SEVERITY_COLORS, sliRecordName, SLO_RECORDS, sloSelector,
} from "./conventions.js";
import type { DashboardSpec, DashboardVariable, PanelQuery, PanelSpec, RowSpec, ThresholdStep } from "./dashboard-schema.js";
import { datasourceVariable, labelValuesQuery, PANEL_SIZE } from "./dashboards/panels.js";
import { grafanaUnit } from "./dashboards/units.js";
import { readIgnore, type MetricCollector, type SpanOf } from "./normalize.js";
import type { Problem, Span } from "./schema.js";

/** The SLO behind each SLO object of the project: its id, service and name. */
export type SloIndex = ReadonlyMap<dsl.Slo, { id: string; service: string; name: string }>;

export interface DashboardContext {
  readonly span: SpanOf;
  readonly problems: Problem[];
  readonly slos: SloIndex;
  /** Collects the declared metrics the queries read. */
  readonly metrics: MetricCollector;
}

export function normalizeDashboard(definition: dsl.Dashboard, context: DashboardContext): DashboardSpec {
  const subject = `dashboard ${definition.title}`;
  const span = context.span(definition.span);
  const folder = definition.folder === undefined ? GENERAL_FOLDER : typeof definition.folder === "string" ? definition.folder : definition.folder.name;
  const variables: DashboardVariable[] = [
    datasourceVariable(),
    ...(definition.variables ?? []).map((v) => labelVariable(v, context)),
  ];
  const datasource = definition.datasource ?? DATASOURCE_REF;
  const top: RowSpec[] = (definition.panels ?? []).length > 0
    ? [{ collapsed: false, panels: (definition.panels ?? []).map((p) => normalizePanel(p, datasource, subject, context)), span }]
    : [];
  const rows = (definition.rows ?? []).map((r) => normalizeRow(r, datasource, subject, context));
  return {
    uid: definition.uid ?? dashboardUid("dash", definition.title),
    title: definition.title,
    folder,
    origin: "custom",
    subject,
    description: definition.description,
    tags: [...new Set([DASHBOARD_TAGS.all, ...(definition.tags ?? [])])].sort(),
    time: { from: definition.from ?? "now-6h", to: "now" },
    refresh: definition.refresh ?? "1m",
    variables,
    rows: [...top, ...rows],
    links: [],
    metrics: context.metrics.list(),
    ignore: readIgnore(definition.ignore, subject, span, context.problems),
    span,
  };
}

/** A service's own panels: loose panels and rows, in order; loose panels between rows share a row "Custom". */
export function normalizeServicePanels(items: readonly (DslPanel | DslRow)[], subject: string, context: DashboardContext): RowSpec[] {
  const rows: RowSpec[] = [];
  let loose: PanelSpec[] = [];
  const flush = () => {
    if (loose.length > 0) rows.push({ title: "Custom", collapsed: false, panels: loose });
    loose = [];
  };
  for (const item of items) {
    if (item.kind === "row") {
      flush();
      rows.push(normalizeRow(item, DATASOURCE_REF, subject, context));
    } else {
      loose.push(normalizePanel(item, DATASOURCE_REF, subject, context));
    }
  }
  flush();
  return rows;
}

function labelVariable(variable: dsl.DashboardVariable, context: DashboardContext): DashboardVariable {
  context.metrics.add(variable.metric.ref());
  return {
    kind: "query",
    name: variable.name,
    label: variable.label,
    query: labelValuesQuery(variable.metric, variable.name),
    multi: variable.multi,
    includeAll: variable.includeAll,
    ...(variable.includeAll ? { allValue: ".*" } : {}),
    span: context.span(variable.span),
  };
}

function normalizeRow(definition: DslRow, datasource: string, subject: string, context: DashboardContext): RowSpec {
  return {
    title: definition.title,
    collapsed: definition.collapsed,
    panels: definition.panels.map((p) => normalizePanel(p, datasource, subject, context)),
    span: context.span(definition.span),
  };
}

function normalizePanel(definition: DslPanel, datasource: string, dashboard: string, context: DashboardContext): PanelSpec {
  const span = context.span(definition.span);
  const size = PANEL_SIZE[definition.type] ?? PANEL_SIZE.timeseries;
  const options = definition.options;
  const common = {
    title: definition.title,
    datasource,
    author: "user" as const,
    width: options.width ?? size.width,
    height: options.height ?? size.height,
    ...(options.position ? { position: { x: options.position.x, y: options.position.y } } : {}),
    span,
  };
  if (definition.type === "text") {
    return { ...common, type: "text", queries: [], content: (options as TextPanelOptions).content };
  }
  const panelOptions = options as PanelOptions;
  const inputs = Array.isArray(panelOptions.query) ? (panelOptions.query as readonly PanelQueryInput[]) : [panelOptions.query as PanelQueryInput];
  const queries = inputs.map((input) => panelQuery(input, definition.type, span, context));
  const unit = queries.map((q) => q.unit).find((u) => u !== undefined);
  const subject = `${dashboard}, panel ${definition.title}`;
  return {
    ...common,
    type: definition.type,
    ...(panelOptions.description !== undefined ? { description: panelOptions.description } : {}),
    unit: panelOptions.unit ?? grafanaUnit(unit),
    ...(panelOptions.min !== undefined ? { min: panelOptions.min } : {}),
    ...(panelOptions.max !== undefined ? { max: panelOptions.max } : {}),
    queries: queries.map((q) => q.query),
    ...(panelOptions.thresholds ? { thresholds: thresholdSteps(panelOptions.thresholds, unit, subject, span, context.problems), thresholdStyle: "line" as const } : {}),
  };
}

interface ResolvedQuery {
  readonly query: PanelQuery;
  readonly unit: Unit | undefined;
}

function panelQuery(input: PanelQueryInput, type: PanelSpec["type"], panelSpan: Span | undefined, context: DashboardContext): ResolvedQuery {
  const source = isWrapped(input) ? input.query : input;
  const legend = isWrapped(input) ? input.legend : undefined;
  const instant = type === "stat" || type === "gauge" || type === "bargauge" || type === "table";
  const format = type === "table" ? "table" as const : type === "heatmap" ? "heatmap" as const : "time_series" as const;
  const base = { ...(legend !== undefined ? { legend } : {}), instant, format };
  if (isSloSeries(source)) {
    const expr = sloSeriesExpr(source, context);
    return { query: { expr, ...base, span: context.span(source.span) ?? panelSpan }, unit: source.series === "burn-rate" ? undefined : "ratio" };
  }
  const query = source as DslQuery<string>;
  for (const metric of query.metrics as readonly MetricRef[]) context.metrics.add(metric);
  return {
    query: {
      expr: query.expr,
      ...base,
      ...(query.template ? { template: query.template.map((t) => ({ start: t.start, end: t.end, interpolation: t.interpolation, raw: t.raw })) } : {}),
      span: context.span(query.span) ?? panelSpan,
    },
    unit: query.unit,
  };
}

const isWrapped = (input: PanelQueryInput): input is { readonly query: DslQuery<string> | SloSeries; readonly legend?: string } =>
  typeof input === "object" && input !== null && "query" in input && !("expr" in input);

const isSloSeries = (value: unknown): value is SloSeries =>
  typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "slo-series";

/** The recorded series an SLO object names; an SLO no service lists is a problem, shown as an empty query. */
function sloSeriesExpr(series: SloSeries, context: DashboardContext): string {
  const slo = context.slos.get(series.slo);
  if (!slo) {
    context.problems.push({
      message: `sloSeries() reads SLO "${series.slo?.name}", which no service of the project lists`,
      hint: "add the SLO to a service's slos, or read one that is",
      subject: `SLO ${series.slo?.name}`,
      span: context.span(series.span),
    });
    return `vector(0)`;
  }
  const selector = sloSelector(slo);
  switch (series.series) {
    case "error-ratio": return `${sliRecordName(series.window ?? "5m")}${selector}`;
    case "burn-rate": return `${SLO_RECORDS.currentBurnRate}${selector}`;
    case "budget-remaining": return `${SLO_RECORDS.budgetRemaining}${selector}`;
    case "objective": return `${SLO_RECORDS.objective}${selector}`;
  }
}

/** Threshold specs → Grafana steps: a green base, then each value in ascending order with its color. */
function thresholdSteps(specs: readonly dsl.ThresholdSpec[], unit: Unit | undefined, subject: string, span: Span | undefined, problems: Problem[]): ThresholdStep[] {
  const steps: ThresholdStep[] = [];
  for (const spec of specs) {
    const value = thresholdValue(spec.value, unit);
    if (typeof value === "string") {
      problems.push({ message: `threshold ${JSON.stringify(spec.value)}: ${value}`, hint: "write a number in the query's unit, or a quantity that converts to it (\"200ms\", \"5%\")", subject, span });
      continue;
    }
    steps.push({ value, color: spec.color ?? (spec.severity ? SEVERITY_COLORS[spec.severity] : "red") });
  }
  steps.sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  return [{ value: null, color: OK_COLOR }, ...steps];
}

/** The value in the query's unit, or why it does not convert. */
function thresholdValue(raw: number | string, unit: Unit | undefined): number | string {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : "is not a finite number";
  const quantity = parseQuantity(String(raw));
  if (!quantity) return "is not a number with a unit";
  const converted = convertQuantity(quantity, unit);
  return converted.ok ? converted.value : converted.reason;
}
