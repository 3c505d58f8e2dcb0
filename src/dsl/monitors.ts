// Monitors compare a distribution with its own past. monitor.drift: PSI between the current window
// of a classic histogram and the same window `reference` earlier, per `by` group (model, feature).

import { captureCallSite, type CallSite } from "./span.js";
import type { Ignore, Severity } from "./alerts.js";
import type { Duration } from "./promql.js";
import type { MetricRef } from "./query.js";
import { Selection, type Histogram, type HistogramSelection, type Matcher } from "./metrics.js";
import type { Traffic } from "./slos.js";

export interface DriftMonitorOptions<L extends string, B extends L> {
  /** The classic histogram whose distribution is watched, optionally narrowed with `.where()`. */
  readonly histogram: Histogram<L> | HistogramSelection<L>;
  /** Labels kept: one PSI per distinct combination, e.g. ["model", "feature"]. */
  readonly by?: readonly B[];
  /** Window of the current distribution (default "1h"). */
  readonly window?: Duration;
  /** How far back the reference window lies (default "7d", aligned with weekly seasonality). */
  readonly reference?: Duration;
  /** Fewest observations in both windows before the alert may fire. */
  readonly minCount?: number;
  /** A fixed PSI floor (effect size) on top of the adaptive, sample-size-aware threshold. */
  readonly threshold?: number;
  /** Expected observations per group, e.g. "50/h", for checks that judge the thresholds. */
  readonly traffic?: Traffic;
  readonly severity?: Severity;
  readonly for?: Duration;
  /** One line for humans; templates such as {{ $labels.feature }} pass through. */
  readonly summary: string;
  readonly runbook?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** Silences a policy warning about this monitor: code → why it is expected. */
  readonly ignore?: Ignore;
}

export interface DriftMonitor {
  readonly kind: "drift-monitor";
  readonly name: string;
  readonly histogram: MetricRef;
  readonly matchers: readonly Matcher[];
  readonly by: readonly string[];
  readonly window: Duration | undefined;
  readonly reference: Duration | undefined;
  readonly minCount: number | undefined;
  readonly threshold: number | undefined;
  readonly traffic: Traffic | undefined;
  readonly severity: Severity | undefined;
  readonly for: Duration | undefined;
  readonly summary: string;
  readonly runbook: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly ignore: Ignore | undefined;
  readonly span: CallSite | undefined;
}

/** A drift monitor; `by` may only name labels the histogram declares. */
function drift<L extends string, const B extends L = never>(name: string, options: DriftMonitorOptions<L, B>): DriftMonitor {
  const span = captureCallSite();
  const selection = options.histogram instanceof Selection ? options.histogram : options.histogram.where({});
  return {
    kind: "drift-monitor",
    name,
    histogram: selection.metric,
    matchers: selection.matchers,
    by: [...(options.by ?? [])],
    window: options.window,
    reference: options.reference,
    minCount: options.minCount,
    threshold: options.threshold,
    traffic: options.traffic,
    severity: options.severity,
    for: options.for,
    summary: options.summary,
    runbook: options.runbook,
    labels: options.labels ?? {},
    ignore: options.ignore,
    span,
  };
}

export type Monitor = DriftMonitor;
export const monitor = { drift };
