// The authoring API: everything a definition file imports from "moncc".
export { counter, gauge, histogram, summary, errorRatio } from "./metrics.js";
export type { Counter, Gauge, Histogram, Summary, LabelValue, Matchers, AnyMetric } from "./metrics.js";
export { promql, Query } from "./query.js";
export { alert, thresholdAlert, record, SEVERITIES } from "./alerts.js";
export type { Severity, Comparison, SeveritySpec, SeverityLevel, ThresholdAlert, RecordingRule, Ignore } from "./alerts.js";
export { slack, pagerduty, webhook, email, opsgenie } from "./receivers.js";
export type { Receiver, ReceiverType } from "./receivers.js";
export { team, timeInterval } from "./teams.js";
export type { Team, TimeInterval, EscalationStep, CustomRoute, InhibitRule, ReceiverRef, AlertBudget } from "./teams.js";
export { service, project } from "./service.js";
export { slo } from "./slos.js";
export { monitor } from "./monitors.js";
export type { Monitor, DriftMonitor, DriftMonitorOptions } from "./monitors.js";
export type { Slo, SloCommon, TierSpec, AlertGroupSpec, Objective, Traffic } from "./slos.js";
export type { Service, Project, Version } from "./service.js";
export type { Duration } from "./promql.js";
export type { Unit } from "./units.js";
