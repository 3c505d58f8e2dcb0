// The one place that names things moncc generates: labels it adds, ids, receiver and file names.

import type { Severity } from "./schema.js";

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
export const sliRecordName = (window: string) => `slo:sli_error:ratio_rate${window}`;
export const sloSliGroupName = (id: string) => `sloth-slo-sli-recordings-${id}`;
export const sloMetaGroupName = (id: string) => `sloth-slo-meta-recordings-${id}`;
export const sloAlertGroupName = (id: string) => `sloth-slo-alerts-${id}`;
