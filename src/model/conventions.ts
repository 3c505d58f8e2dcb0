// The one place that names things moncc generates: labels it adds, ids, receiver and file names.

import { createHash } from "node:crypto";
import { formatDuration, parseDuration, promqlString } from "../dsl/promql.js";
import type { Monitor, Severity, Slo } from "./schema.js";

/** Labels moncc sets on every alert it generates. */
export const SERVICE_LABEL = "service";
export const TEAM_LABEL = "team";
/** Severity label values are the levels themselves: severity="P0" … severity="P3". */
export const SEVERITY_LABEL = "severity";
export const RUNBOOK_ANNOTATION = "runbook_url";

export const DEFAULT_ROUTING = {
  groupBy: ["alertname", SERVICE_LABEL],
  groupWait: "30s",
  groupInterval: "5m",
  repeat: "4h",
} as const;

/** Prometheus' default scrape interval, and the labels every scrape target adds to its series. */
export const DEFAULT_SCRAPE = {
  interval: "1m",
  targetLabels: ["instance", "job"],
} as const;

export const DEFAULT_REQUIRE_RUNBOOK: readonly Severity[] = ["P0", "P1"];

export const alertRuleId = (service: string, alert: string, severity: Severity) => `alert/${service}/${alert}/${severity}`;
export const recordingId = (service: string, name: string) => `record/${service}/${name}`;
export const receiverName = (team: string, key: string) => `${team}-${key}`;

export const PROMETHEUS_RULES_DIR = "prometheus/rules";
export const ALERTMANAGER_DIR = "alertmanager";
export const ruleFileName = (service: string) => `${PROMETHEUS_RULES_DIR}/${service}.yml`;
export const recordingGroupName = (service: string) => `${service}.recording`;
export const alertGroupName = (service: string) => `${service}.alerts`;

// SLOs. Rule names and labels follow Sloth's conventions so existing Sloth dashboards work.
export const DEFAULT_SLO_PERIOD = "30d";
/** Google SRE workbook tiers: budget share spent when the tier fires, short and long window. */
export const DEFAULT_TIERS = {
  page: [
    { short: "5m", long: "1h", budget: "2%" },
    { short: "30m", long: "6h", budget: "5%" },
  ],
  ticket: [
    { short: "2h", long: "1d", budget: "10%" },
    { short: "6h", long: "3d", budget: "10%" },
  ],
} as const;
export const sloId = (service: string, slo: string) => `${service}-${slo}`;
/** "fraud-detection" + "prediction-latency" → "FraudDetectionPredictionLatencyBudgetBurn". */
export const sloAlertName = (service: string, slo: string) =>
  `${`${service}-${slo}`.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("")}BudgetBurn`;
/** A window as rule names spell it: "1d", never "24h"; "4w" for 28d. */
export const canonicalWindow = (window: string) => formatDuration(parseDuration(window) ?? 0);
export const sliRecordName = (window: string) => `slo:sli_error:ratio_rate${window}`;
/** Sloth's per-SLO metadata series, which dashboards and reports read. */
export const SLO_RECORDS = {
  objective: "slo:objective:ratio",
  errorBudget: "slo:error_budget:ratio",
  periodDays: "slo:time_period:days",
  currentBurnRate: "slo:current_burn_rate:ratio",
  periodBurnRate: "slo:period_burn_rate:ratio",
  budgetRemaining: "slo:period_error_budget_remaining:ratio",
  info: "sloth_slo_info",
} as const;
/** Sloth's identifying labels of an SLO's series. */
export const sloIdLabels = (slo: Pick<Slo, "id" | "service" | "name">) => ({ sloth_id: slo.id, sloth_service: slo.service, sloth_slo: slo.name });

/** `{sloth_id="…", sloth_service="…", sloth_slo="…"}` */
export const sloSelector = (slo: Pick<Slo, "id" | "service" | "name">) =>
  `{${Object.entries(sloIdLabels(slo)).map(([k, v]) => `${k}=${promqlString(v)}`).join(", ")}}`;
export const sloSliGroupName = (id: string) => `sloth-slo-sli-recordings-${id}`;
export const sloMetaGroupName = (id: string) => `sloth-slo-meta-recordings-${id}`;
export const sloAlertGroupName = (id: string) => `sloth-slo-alerts-${id}`;

// Drift monitors.
/** Names of the series a drift monitor records, `level:metric:operations`. */
export function driftRecordNames(monitor: Pick<Monitor, "by" | "metric" | "window" | "reference">) {
  const level = monitor.by.length > 0 ? monitor.by.join("_") : "global";
  const name = (stat: string, op: string) => `${level}:${monitor.metric}_${stat}:${op}`;
  const w = monitor.window;
  const ref = `ref${monitor.reference}`;
  return {
    cumulative: name("bucket_cum", `increase${w}`),
    cumulativeRef: name(`bucket_cum_${ref}`, `increase${w}`),
    count: name("count", `increase${w}`),
    countRef: name(`count_${ref}`, `increase${w}`),
    bins: name("bin_count", `increase${w}`),
    binsRef: name(`bin_count_${ref}`, `increase${w}`),
    probabilities: name("bin_prob", w),
    probabilitiesRef: name(`bin_prob_${ref}`, w),
    psi: name(`psi_${ref}`, w),
    nullP99: name(`psi_null_p99_${ref}`, w),
  };
}

// Grafana dashboards.
export const GRAFANA_DIR = "grafana";
export const DASHBOARDS_DIR = `${GRAFANA_DIR}/dashboards`;
/** Dashboards of no team sit at the top of the dashboards folder: Grafana's General folder. */
export const GENERAL_FOLDER = "general";
export const dashboardFile = (folder: string, uid: string) =>
  folder === GENERAL_FOLDER ? `${DASHBOARDS_DIR}/${uid}.json` : `${DASHBOARDS_DIR}/${folder}/${uid}.json`;
export const DASHBOARD_PROVIDER_FILE = `${GRAFANA_DIR}/provisioning/dashboards/moncc.yml`;
export const defaultDashboardsPath = (project: string) => `/var/lib/grafana/dashboards/${project}`;
/** The datasource variable every dashboard declares and every panel reads. */
export const DATASOURCE_VARIABLE = "datasource";
export const DATASOURCE_REF = "${datasource}";
/** Tags that find moncc's dashboards of each kind (dashboard links by tag). */
export const DASHBOARD_TAGS = { all: "moncc", service: "moncc-service", slo: "moncc-slo", overview: "moncc-overview" } as const;
/** Threshold colors: the severity's urgency. */
export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { P0: "red", P1: "orange", P2: "yellow", P3: "blue" };
export const OK_COLOR = "green";

/**
 * A readable uid: kind and name slugged. Grafana allows 40 characters; a longer slug keeps its head and
 * gets a hash of the whole. Two names that slug alike give one uid, which MON704 reports.
 */
const UID_MAX = 40;
export function dashboardUid(kind: string, name: string): string {
  const slug = `${kind}-${name}`.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-|-$/g, "");
  if (slug.length <= UID_MAX) return slug;
  const hash = createHash("sha256").update(`${kind}\0${name}`).digest("hex").slice(0, 8);
  return `${slug.slice(0, UID_MAX - 9).replace(/-$/, "")}-${hash}`;
}
