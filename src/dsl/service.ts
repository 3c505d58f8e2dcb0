// Services (or models) tie metrics, alerts and an owning team together; the project lists them and
// declares what it targets.

import { captureCallSite, type CallSite } from "./span.js";
import type { Duration } from "./promql.js";
import type { Ignore, RecordingRule, Severity, ThresholdAlert } from "./alerts.js";
import type { Dashboard, Panel, Row } from "./dashboards.js";
import type { AnyMetric } from "./metrics.js";
import type { Monitor } from "./monitors.js";
import type { Slo } from "./slos.js";
import type { ReceiverRef, Team, TimeInterval } from "./teams.js";

export interface ServiceOptions {
  readonly owner: Team<any> | string;
  readonly description?: string;
  /** Labels added to every alert of the service. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Metrics the service exposes. Metrics read by its queries are included automatically. */
  readonly metrics?: readonly AnyMetric[];
  readonly alerts?: readonly ThresholdAlert[];
  readonly rules?: readonly RecordingRule[];
  readonly slos?: readonly Slo[];
  /** Distribution monitors, e.g. monitor.drift(…). */
  readonly monitors?: readonly Monitor[];
  /** Rule evaluation interval for the service's groups; Prometheus' global default when unset. */
  readonly interval?: Duration;
  /** Evaluate the service's groups this far in the past, so late samples are in (query_offset; Prometheus 2.53+). */
  readonly queryOffset?: Duration;
  /** Labels added to every rule of the service's groups, recording rules too (group labels; Prometheus 3.0+). */
  readonly groupLabels?: Readonly<Record<string, string>>;
  /** Most alerts or series one rule of the service may produce, else it fails; 0 is no limit (Prometheus 2.31+). */
  readonly limit?: number;
  /** Extra panels for the service's generated dashboard, below the generated rows. */
  readonly panels?: readonly (Panel | Row)[];
  /** Silences a policy warning about this service: code → why it is expected. */
  readonly ignore?: Ignore;
}

export interface Service extends ServiceOptions {
  readonly kind: "service";
  readonly name: string;
  readonly span: CallSite | undefined;
}

export function service(name: string, options: ServiceOptions): Service {
  return { kind: "service", name, ...options, span: captureCallSite() };
}

/** Prometheus "2.x"/"3.x" and Alertmanager "0.25" or later, as "MAJOR.MINOR". */
export type Version = `${number}.${number}`;

export interface ProjectOptions {
  readonly name: string;
  readonly targets: {
    readonly prometheus: Version;
    readonly alertmanager: Version;
    /** Prometheus `--enable-feature` flags the servers run with, e.g. "promql-experimental-functions". */
    readonly prometheusFeatures?: readonly string[];
  };
  /** How the metrics are scraped, for PromQL checks that depend on it. */
  readonly scrape?: {
    /** The scrape interval of the targets (default "1m", Prometheus' default). */
    readonly interval?: Duration;
    /** Labels every scraped series carries besides its own (default job and instance). */
    readonly targetLabels?: readonly string[];
  };
  readonly teams: readonly Team<any>[];
  readonly services: readonly Service[];
  readonly timeIntervals?: readonly TimeInterval[];
  /** Catch-all receiver for alerts no team route takes. */
  readonly defaultReceiver: ReceiverRef;
  /** Root route grouping and timing. */
  readonly routing?: {
    readonly groupBy?: readonly string[];
    readonly groupWait?: Duration;
    readonly groupInterval?: Duration;
    readonly repeat?: Duration;
  };
  /** Dashboards of your own, besides the generated service, SLO and overview dashboards. */
  readonly dashboards?: readonly Dashboard[];
  readonly grafana?: {
    /**
     * Where Grafana finds the generated `grafana/dashboards` folder, for the provisioning file;
     * default /var/lib/grafana/dashboards/<project name>.
     */
    readonly dashboardsPath?: string;
    /**
     * The generated service, SLO and overview dashboards (default true). With false only your own
     * dashboards are written, e.g. when the teams keep hand-made ones or the project is very large.
     */
    readonly generated?: boolean;
  };
  readonly policy?: {
    /** Severities whose alerts must carry a runbook URL (default P0 and P1). */
    readonly requireRunbook?: readonly Severity[];
    /** A firing P0/P1 silences lower severities of the same alert and service (default true). */
    readonly inhibitLowerSeverities?: boolean;
  };
}

export interface Project extends ProjectOptions {
  readonly kind: "project";
  readonly span: CallSite | undefined;
}

export function project(options: ProjectOptions): Project {
  return { kind: "project", ...options, span: captureCallSite() };
}
