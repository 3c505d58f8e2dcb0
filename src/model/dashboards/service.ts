// The generated dashboard of one service (or model): health stats, RED, latency, model quality,
// resources, one panel per alert with its thresholds, the active alerts, then the author's own panels.
// Everything comes from the declarations: metric kinds, units and labels pick the panels; alert
// levels become threshold steps; the service's scope (the matchers all its queries share, such as
// model="fraud-detection") and label variables select the series.

import { formatNumber, promqlString, selectorText } from "../../dsl/promql.js";
import { WINDOW } from "../../dsl/slos.js";
import { roundFloat } from "../../dsl/units.js";
import {
  DASHBOARD_TAGS, dashboardUid, GENERAL_FOLDER, OK_COLOR, SERVICE_LABEL, SEVERITY_COLORS, SLO_RECORDS, sloSelector,
} from "../conventions.js";
import type { DashboardSpec, DashboardVariable, PanelSpec, RowSpec, ThresholdStep } from "../dashboard-schema.js";
import { metricSeries } from "../promql/series.js";
import { syntaxTree, walk } from "../promql/tree.js";
import { serviceHasAlerts } from "../slo.js";
import type { Alert, Metric, Model, Service } from "../schema.js";
import { atRateWindow, BUDGET_REMAINING_STEPS, datasourceVariable, instant, labelValuesQuery, panel, range, RATE_WINDOW, steps } from "./panels.js";
import { grafanaUnit } from "./units.js";

/** Labels that tell a request's outcome apart, for "rate by status". */
const STATUS_LABELS = ["code", "status", "status_code", "outcome", "result", "reason"];
const RESOURCE_NAME = /(^|_)(cpu|gpu|memory|mem|disk|gpu_memory)(_|$)/;
/** Label variables offered besides job and instance: the most shared labels of the service's metrics. */
const MAX_LABEL_VARIABLES = 3;

export function serviceDashboard(service: Service, model: Model): DashboardSpec {
  const scope = serviceScope(service);
  const targetLabels = model.scrape.targetLabels;
  const variableLabels = labelVariables(service, scope, targetLabels);
  const select = selectorFor(scope, targetLabels, variableLabels);
  const firstMetric = service.metrics[0];
  const variables: DashboardVariable[] = [
    datasourceVariable(),
    ...(firstMetric ? [...targetLabels, ...variableLabels].map((label) => labelValues(label, firstMetric, service, scope)) : []),
  ];

  // Without alerts of its own, Prometheus records no ALERTS series to read.
  const alerting = serviceHasAlerts(service);
  const rows: RowSpec[] = [
    { title: "Health", collapsed: false, panels: healthPanels(service, alerting) },
    { title: "Traffic and errors", collapsed: false, panels: trafficPanels(service, select) },
    { title: "Latency", collapsed: false, panels: latencyPanels(service, select) },
    { title: "Quality", collapsed: false, panels: qualityPanels(service, select) },
    { title: "Resources", collapsed: false, panels: resourcePanels(service, select) },
    { title: "Alerts", collapsed: false, panels: [...(alerting ? [activeAlerts(service)] : []), ...alertPanels(service)] },
    ...(service.panels ?? []),
  ].filter((row) => row.panels.length > 0);

  return {
    uid: dashboardUid("svc", service.name),
    title: `Service · ${service.name}`,
    folder: service.owner || GENERAL_FOLDER,
    origin: "service",
    subject: `service ${service.name} (generated dashboard)`,
    ...(service.description ? { description: service.description } : {}),
    tags: [DASHBOARD_TAGS.all, DASHBOARD_TAGS.service],
    time: { from: "now-6h", to: "now" },
    refresh: "1m",
    variables,
    rows,
    links: [
      { title: "SLOs", tags: [DASHBOARD_TAGS.slo], asDropdown: true },
      { title: "Overview", tags: [DASHBOARD_TAGS.overview], asDropdown: false },
    ],
    metrics: [],
    span: service.span,
  };
}

type Matchers = readonly { label: string; value: string }[];

/**
 * The equality matchers every selector of the service's own metrics carries, e.g. model="fraud-detection":
 * what makes a shared metric this service's. Empty when the queries share none.
 */
function serviceScope(service: Service): Matchers {
  const own = new Set(service.metrics.flatMap((m) => metricSeries(m).map((series) => series.name)));
  const exprs = [
    ...service.alerts.map((a) => a.query.expr),
    ...service.recordings.map((r) => r.query.expr),
    ...service.slos.flatMap((s) => [s.sli.errorQuery, s.sli.totalQuery ?? ""]).map((q) => q.split(WINDOW).join("5m")),
  ];
  let common: Map<string, string> | undefined;
  for (const expr of exprs) {
    const tree = expr ? syntaxTree(expr) : undefined;
    if (!tree) continue;
    for (const node of walk(tree)) {
      if (node.kind !== "selector" || !node.name || !own.has(node.name)) continue;
      const equal = new Map(node.matchers.filter((m) => m.op === "=" && m.label !== "le").map((m) => [m.label, m.value]));
      common = common === undefined ? equal : new Map([...common].filter(([label, value]) => equal.get(label) === value));
    }
  }
  return [...(common ?? new Map<string, string>())].map(([label, value]) => ({ label, value })).sort((a, b) => (a.label < b.label ? -1 : 1));
}

/** Labels on two or more of the service's metrics, most shared first: version, model, … */
function labelVariables(service: Service, scope: Matchers, targetLabels: readonly string[]): string[] {
  const skip = new Set([...scope.map((m) => m.label), ...targetLabels, "le", "quantile"]);
  const counts = new Map<string, number>();
  for (const metric of service.metrics) for (const label of new Set(metric.labels)) if (!skip.has(label)) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_LABEL_VARIABLES).map(([label]) => label);
}

function labelValues(label: string, metric: Metric, service: Service, scope: Matchers): DashboardVariable {
  // Values of the label among the service's own series; the first metric stands for the service.
  const source = service.metrics.find((m) => m.labels.includes(label)) ?? metric;
  return { kind: "query", name: label, label, query: labelValuesQuery(source, label, scope), multi: true, includeAll: true, allValue: ".*" };
}

type Select = (metric: Metric, suffix?: string) => string;

/** `name_suffix{scope…, job=~"$job", …}`: the scope, then a variable matcher for each label the metric has. */
function selectorFor(scope: Matchers, targetLabels: readonly string[], variableLabels: readonly string[]): Select {
  return (metric, suffix = "") => selectorText(`${metric.name}${suffix}`, [
    ...scope.filter((m) => metric.labels.includes(m.label)).map((m) => ({ label: m.label, op: "=", value: m.value })),
    ...targetLabels.map((label) => ({ label, op: "=~", value: `$${label}` })),
    ...variableLabels.filter((label) => metric.labels.includes(label)).map((label) => ({ label, op: "=~", value: `$${label}` })),
  ]);
}

const firingAlerts = (service: Service) => `ALERTS{${SERVICE_LABEL}=${promqlString(service.name)}, alertstate="firing"}`;

/** Budget left per SLO and the alerts firing now. */
function healthPanels(service: Service, alerting: boolean): PanelSpec[] {
  const firing = firingAlerts(service);
  return [
    ...service.slos.map((slo) => panel("stat", `Budget left · ${slo.name}`, [instant(`${SLO_RECORDS.budgetRemaining}${sloSelector(slo)}`)], {
      unit: "percentunit", decimals: 1,
      thresholds: [...BUDGET_REMAINING_STEPS],
      description: `Error budget of the ${slo.objectiveText} ${slo.name} SLO left over its ${slo.period} period.`,
    })),
    ...(alerting ? [panel("stat", "Firing alerts", [instant(`count(${firing}) or vector(0)`)], {
      unit: "none", thresholds: [{ value: null, color: OK_COLOR }, { value: 1, color: "red" }],
      description: "Alerts of this service firing now, every severity.",
    })] : []),
  ];
}

/** Counters: rate by outcome; ratio SLOs: their error ratio. */
function trafficPanels(service: Service, select: Select): PanelSpec[] {
  const panels: PanelSpec[] = [];
  for (const metric of service.metrics.filter((m) => m.kind === "counter")) {
    const status = STATUS_LABELS.find((label) => metric.labels.includes(label));
    const expr = `sum${status ? ` by (${status})` : ""} (rate(${select(metric)}[${RATE_WINDOW}]))`;
    panels.push(panel("timeseries", `${metric.name} rate${status ? ` by ${status}` : ""}`, [range(expr, status ? `{{${status}}}` : "rate")], {
      unit: metric.unit === "requests" || metric.unit === "predictions" ? "reqps" : "cps", description: metric.help,
    }));
  }
  for (const slo of service.slos.filter((s) => s.sli.totalQuery !== undefined && s.type === "ratio")) {
    const errors = atRateWindow(slo.sli.errorQuery);
    const total = atRateWindow(slo.sli.totalQuery ?? "");
    panels.push(panel("timeseries", `Error ratio · ${slo.name}`, [range(`(${errors}) / (${total})`, "error ratio")], {
      unit: "percentunit", min: 0, definitionQuery: true,
      thresholds: [{ value: null, color: OK_COLOR }, { value: roundFloat(1 - (slo.objective ?? 1)), color: "red" }], thresholdStyle: "line",
      description: `Errors over all events, as the ${slo.name} SLO counts them; the line is its error budget (${slo.objectiveText} objective).`,
    }));
  }
  return panels;
}

/** Time histograms: p50, p95 and p99; latency SLO thresholds as lines. */
function latencyPanels(service: Service, select: Select): PanelSpec[] {
  return service.metrics.filter((m) => m.kind === "histogram" && grafanaUnit(m.unit) !== undefined && isTime(m.unit)).map((metric) => {
    const buckets = `sum by (le) (rate(${select(metric, "_bucket")}[${RATE_WINDOW}]))`;
    const lines = service.slos.flatMap((slo) => slo.buckets.filter((b) => b.metric === metric.name && b.value !== undefined).map((b) => b.value as number));
    return panel("timeseries", `${metric.name} quantiles`, [0.5, 0.95, 0.99].map((q) => range(`histogram_quantile(${formatNumber(q)}, ${buckets})`, `p${formatNumber(q * 100)}`)), {
      unit: grafanaUnit(metric.unit), description: metric.help,
      ...(lines.length > 0 ? { thresholds: steps(OK_COLOR, [...new Set(lines)].sort((a, b) => a - b).map((value) => ({ value, color: "red" }))), thresholdStyle: "line" as const } : {}),
    });
  });
}

const isTime = (unit: string | undefined) => unit === "s" || unit === "ms" || unit === "us" || unit === "ns" || unit === "m" || unit === "h";

/** Ratio and score gauges that are not resources (accuracy with its baseline, confidence, drift), and value distributions. */
function qualityPanels(service: Service, select: Select): PanelSpec[] {
  const panels: PanelSpec[] = [];
  for (const metric of service.metrics) {
    if (metric.kind === "gauge" && metric.name !== "up" && !RESOURCE_NAME.test(metric.name) && (metric.unit === "ratio" || metric.unit === "score" || metric.unit === "percent")) {
      const by = metric.labels.filter((l) => l === "version" || l === "feature");
      const current = `avg${by.length > 0 ? ` by (${by.join(", ")})` : ""} (${select(metric)})`;
      const queries = [range(current, by.length > 0 ? by.map((l) => `{{${l}}}`).join(" ") : "current")];
      // An accuracy reads best against its own recent past: the 7 days ending yesterday.
      if (/accuracy/.test(metric.name)) queries.push(range(`avg (avg_over_time(${select(metric)}[7d] offset 1d))`, "7-day baseline"));
      panels.push(panel("timeseries", metric.name, queries, { unit: grafanaUnit(metric.unit), description: metric.help }));
    }
    if (metric.kind === "histogram" && !isTime(metric.unit)) {
      panels.push(panel("heatmap", `${metric.name} distribution`, [{ expr: `sum by (le) (rate(${select(metric, "_bucket")}[${RATE_WINDOW}]))`, legend: "{{le}}", instant: false, format: "heatmap" }], {
        unit: grafanaUnit(metric.unit), description: metric.help,
      }));
    }
  }
  return panels;
}

/** CPU, GPU and memory gauges; a utilization (ratio) is drawn against its limit, 100%. */
function resourcePanels(service: Service, select: Select): PanelSpec[] {
  return service.metrics.filter((m) => m.kind === "gauge" && RESOURCE_NAME.test(m.name)).map((metric) => {
    const instanceLabel = metric.labels.includes("instance") ? "instance" : undefined;
    const expr = `max${instanceLabel ? " by (instance)" : ""} (${select(metric)})`;
    const limit = metric.unit === "ratio" ? { thresholds: steps(OK_COLOR, [{ value: 1, color: "red" }]), thresholdStyle: "line" as const, min: 0 } : {};
    return panel("timeseries", metric.name, [range(expr, instanceLabel ? "{{instance}}" : "max")], { unit: grafanaUnit(metric.unit), description: metric.help, ...limit });
  });
}

/** The service's alerts firing now, threshold, SLO and monitor alerts alike, by name and severity. */
function activeAlerts(service: Service): PanelSpec {
  return panel("table", "Active alerts", [instant(`sum by (alertname, severity) (${firingAlerts(service)})`, "table")], {
    height: 6, description: "Alerts of this service firing now, as Prometheus evaluates them (before Alertmanager's routing and silences).",
  });
}

/** One panel per threshold alert: its own expression, with a threshold step per severity level. */
function alertPanels(service: Service): PanelSpec[] {
  return service.alerts.map((alert) => panel("timeseries", alert.name, [range(alert.query.expr, legendOf(alert))], {
    unit: grafanaUnit(alert.query.unit),
    thresholds: alertSteps(alert),
    thresholdStyle: "line",
    definitionQuery: true,
    description: alertDescription(alert),
    span: alert.span,
  }));
}

/** "The alert's own expression. Fires P0 > 1s for 2m · P1 > 200ms for 5m. Runbook: …" (summaries hold alert templates, so they stay out). */
function alertDescription(alert: Alert): string {
  const levels = alert.rules.map((r) => `${r.severity} ${r.op} ${r.threshold.raw}${r.for ? ` for ${r.for}` : ""}`).join(" · ");
  return `The ${alert.name} alert's own expression, with its rule windows. Fires ${levels}.${alert.runbook ? ` Runbook: ${alert.runbook}` : ""}`;
}

const legendOf = (alert: Alert) => (alert.query.labels && alert.query.labels.length > 0 ? alert.query.labels.map((l) => `{{${l}}}`).join(" ") : alert.name);

/**
 * Alert levels as Grafana steps. Above-thresholds (>) color upward: green, then each level's value
 * in its severity's color. Below-thresholds (<) color downward: the most severe color at the base,
 * each level's value starting the next milder color, green above the mildest.
 */
function alertSteps(alert: Alert): ThresholdStep[] {
  const levels = alert.rules
    .filter((r) => r.threshold.value !== undefined)
    .map((r) => ({ value: r.threshold.value as number, color: SEVERITY_COLORS[r.severity], below: r.op === "<" || r.op === "<=" }));
  const below = levels.filter((l) => l.below).sort((a, b) => a.value - b.value);
  const above = levels.filter((l) => !l.below).sort((a, b) => a.value - b.value);
  if (below.length > 0 && above.length === 0) {
    const out: ThresholdStep[] = [{ value: null, color: below[0].color }];
    below.forEach((level, i) => out.push({ value: level.value, color: below[i + 1]?.color ?? OK_COLOR }));
    return out;
  }
  return steps(OK_COLOR, above);
}
