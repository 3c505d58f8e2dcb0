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

export const DEFAULT_REQUIRE_RUNBOOK: readonly Severity[] = ["P0", "P1"];

export const alertRuleId = (service: string, alert: string, severity: Severity) => `alert/${service}/${alert}/${severity}`;
export const recordingId = (service: string, name: string) => `record/${service}/${name}`;
export const receiverName = (team: string, key: string) => `${team}-${key}`;

export const PROMETHEUS_RULES_DIR = "prometheus/rules";
export const ALERTMANAGER_DIR = "alertmanager";
export const ruleFileName = (service: string) => `${PROMETHEUS_RULES_DIR}/${service}.yml`;
export const recordingGroupName = (service: string) => `${service}.recording`;
export const alertGroupName = (service: string) => `${service}.alerts`;
