// Threshold alerts (one definition, several severities) and recording rules.

import { captureCallSite, type CallSite } from "./span.js";
import type { Duration } from "./promql.js";
import { Query, type QueryParts } from "./query.js";

export const SEVERITIES = ["P0", "P1", "P2", "P3"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const COMPARISONS = [">", ">=", "<", "<=", "==", "!="] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Silenced policy warnings of a definition: code → the reason, e.g. { MON602: "one group by design" }. */
export type Ignore = Readonly<Record<string, string>>;

/** A threshold with its unit, e.g. "200ms", "80%", "0.95", or a plain number in the query's unit. */
export type ThresholdValue = number | string;

export interface SeverityLevel {
  readonly op: Comparison;
  readonly value: ThresholdValue;
  readonly for?: Duration;
  readonly keepFiringFor?: Duration;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Shorthand `"> 200ms for 5m"`, or the object form for extra labels per severity. */
export type SeveritySpec = `${Comparison} ${string}` | SeverityLevel;

export type ThresholdAlertOptions = {
  readonly query: Query<string>;
  /** One line for humans; Prometheus templates such as {{ $labels.model }} pass through untouched. */
  readonly summary: string;
  readonly description?: string;
  readonly runbook?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  /** Silences a policy warning about this alert: code → why it is expected, e.g. { MON601: "…" }. */
  readonly ignore?: Ignore;
} & { readonly [S in Severity]?: SeveritySpec };

export interface ThresholdAlert {
  readonly kind: "threshold-alert";
  readonly name: string;
  readonly query: Query<string>;
  readonly severities: readonly { readonly severity: Severity; readonly spec: SeveritySpec }[];
  readonly summary: string;
  readonly description: string | undefined;
  readonly runbook: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly ignore: Ignore | undefined;
  readonly span: CallSite | undefined;
}

function thresholdAlert(name: string, options: ThresholdAlertOptions): ThresholdAlert {
  const span = captureCallSite();
  return {
    kind: "threshold-alert",
    name,
    query: options.query,
    severities: SEVERITIES.filter((s) => options[s] !== undefined).map((severity) => ({ severity, spec: options[severity]! })),
    summary: options.summary,
    description: options.description,
    runbook: options.runbook,
    labels: options.labels ?? {},
    annotations: options.annotations ?? {},
    ignore: options.ignore,
    span,
  };
}

export const alert = { threshold: thresholdAlert };
export { thresholdAlert };

export interface RecordingRule<L extends string = string> {
  readonly kind: "recording-rule";
  readonly name: string;
  readonly query: Query<string>;
  readonly labels: Readonly<Record<string, string>>;
  readonly span: CallSite | undefined;
  /** The recorded series as a query, so alerts can be built on it instead of repeating the expression. */
  series(): Query<L>;
  /** Interpolated into a promql`` template, a recording rule renders as its series name. */
  toPromql(): QueryParts;
}

/** A recording rule; the name should follow `level:metric:operations`. */
export function record<L extends string>(
  name: string,
  query: Query<L>,
  options: { readonly labels?: Readonly<Record<string, string>> } = {},
): RecordingRule<L> {
  const parts = (): QueryParts => ({ expr: name, unit: query.unit, labels: query.labels, metrics: [], buckets: [] });
  return {
    kind: "recording-rule",
    name,
    query,
    labels: options.labels ?? {},
    span: captureCallSite(),
    series: () => new Query<L>(parts()),
    toPromql: parts,
  };
}
