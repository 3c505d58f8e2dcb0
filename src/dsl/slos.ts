// Service level objectives: ratio (bad over total events), latency (from a histogram and a
// threshold), availability (from a 0/1 gauge such as `up`), and raw (an error-ratio template).
// Each SLO has its own period and multiwindow burn-rate alert tiers.

import { captureCallSite, type CallSite } from "./span.js";
import type { Ignore, Severity } from "./alerts.js";
import type { Duration } from "./promql.js";
import type { BucketRef, MetricRef } from "./query.js";
import { bucketRef, leMatcher, Selection, type Counter, type CounterSelection, type Gauge, type GaugeSelection, type Histogram, type HistogramSelection } from "./metrics.js";

/** The window placeholder in error and total query templates, as in Sloth. */
export const WINDOW = "{{.window}}";

export type Objective = `${number}%`;

/** Expected events (requests, predictions) per second, minute, hour or day, e.g. "5/h". */
export type Traffic = `${number}/${"s" | "m" | "h" | "d"}`;

const TRAFFIC_UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** "5/h" → 5 / 3600 events per second; undefined when it does not read or is not positive. */
export function parseTraffic(text: unknown): number | undefined {
  const match = typeof text === "string" ? /^\s*(\d+(?:\.\d+)?)\s*\/\s*([smhd])\s*$/.exec(text) : null;
  if (!match || Number(match[1]) <= 0) return undefined;
  return Number(match[1]) / TRAFFIC_UNIT_SECONDS[match[2] as keyof typeof TRAFFIC_UNIT_SECONDS];
}

/** One burn-rate tier: fires when both windows burn faster than its budget share allows. */
export interface TierSpec {
  readonly short: Duration;
  readonly long: Duration;
  /** Share of the period's error budget spent when the tier fires, e.g. "2%". */
  readonly budget: Objective;
  /**
   * A tier with its own severity, `for` or labels becomes an alert of its own (tier label
   * `<group>-<short>-<long>`); tiers without them are joined into the group's alert.
   */
  readonly severity?: Severity;
  readonly for?: Duration;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface AlertGroupSpec {
  /** moncc severity of the alert, used for routing (page default P1, ticket default P3). */
  readonly severity?: Severity;
  /** Prometheus `for` of the group's alert. */
  readonly for?: Duration;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  /** Replaces the default tiers of this group (page: 2%/5m/1h and 5%/30m/6h; ticket: 10%/2h/1d and 10%/6h/3d). */
  readonly tiers?: readonly TierSpec[];
}

export interface SloCommon {
  readonly objective: Objective;
  /** The SLO's own period (default 30d). */
  readonly period?: Duration;
  readonly description?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly alerting?: {
    /** Alert name; default `<Service><Slo>BudgetBurn` in CamelCase. */
    readonly name?: string;
    readonly runbook?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    /** `false` disables the group. */
    readonly page?: AlertGroupSpec | false;
    readonly ticket?: AlertGroupSpec | false;
  };
  /** Low-traffic guard: page only when the long window saw at least this many events. */
  readonly minEvents?: number;
  /**
   * Expected traffic of the SLI's events, e.g. "5/h". With it, moncc warns (MON601) when so few
   * events reach a page tier's window that one failure pages, and minEvents is not set.
   */
  readonly traffic?: Traffic;
  /** Silences a policy warning about this SLO: code → why it is expected. */
  readonly ignore?: Ignore;
  /** Alert when the SLI has no data for this long. */
  readonly noData?: { readonly for: Duration };
  /**
   * How the period-window SLI is computed: "derived" averages the 5m SLI over the period (Sloth's
   * cheap form, weighting time slices), "raw" divides raw event counts over the period (exact,
   * weighting events, but costly on high-cardinality metrics).
   */
  readonly periodSli?: "derived" | "raw";
  /**
   * "scaled" (default) evaluates SLI windows of 6h or more every 2m, and of a day or more every 5m;
   * "global" keeps every SLI rule at Prometheus' global evaluation interval.
   */
  readonly sliIntervals?: "scaled" | "global";
}

export interface SliQueries {
  /** Error events (or error ratio, for raw SLIs) with the {{.window}} placeholder. */
  readonly errorQuery: string;
  /** Total events with the {{.window}} placeholder; undefined when errorQuery is already a ratio. */
  readonly totalQuery: string | undefined;
}

export interface Slo {
  readonly kind: "slo";
  readonly type: "ratio" | "latency" | "availability" | "raw";
  readonly name: string;
  readonly sli: SliQueries;
  readonly metrics: readonly MetricRef[];
  readonly buckets: readonly BucketRef[];
  readonly options: SloCommon;
  readonly span: CallSite | undefined;
}

type CounterLike = Counter<string> | CounterSelection<string>;
type HistogramLike = Histogram<string> | HistogramSelection<string>;
type GaugeLike = Gauge<string> | GaugeSelection<string>;

const selectionOf = (value: Selection | { where(matchers: object): Selection }): Selection =>
  value instanceof Selection ? value : value.where({});

function ratio(name: string, options: SloCommon & { readonly errors: CounterLike; readonly total: CounterLike }): Slo {
  const errors = selectionOf(options.errors);
  const total = selectionOf(options.total);
  return {
    kind: "slo",
    type: "ratio",
    name,
    sli: {
      errorQuery: `sum(rate(${errors.selector()}[${WINDOW}]))`,
      totalQuery: `sum(rate(${total.selector()}[${WINDOW}]))`,
    },
    metrics: [errors.metric, total.metric],
    buckets: [],
    options,
    span: captureCallSite(),
  };
}

function latency(name: string, options: SloCommon & { readonly histogram: HistogramLike; readonly threshold: string | number }): Slo {
  const span = captureCallSite();
  const histogram = selectionOf(options.histogram);
  const bucket = bucketRef(histogram.metric, options.threshold, span);
  const le = leMatcher(bucket.value ?? Number.NaN);
  const total = `sum(rate(${histogram.selector("_count")}[${WINDOW}]))`;
  return {
    kind: "slo",
    type: "latency",
    name,
    sli: {
      errorQuery: `(${total} - sum(rate(${histogram.selector("_bucket", [le])}[${WINDOW}])))`,
      totalQuery: total,
    },
    metrics: [histogram.metric],
    buckets: [bucket],
    options,
    span,
  };
}

function availability(name: string, options: SloCommon & { readonly gauge: GaugeLike }): Slo {
  const gauge = selectionOf(options.gauge);
  return {
    kind: "slo",
    type: "availability",
    name,
    sli: { errorQuery: `1 - avg(avg_over_time(${gauge.selector()}[${WINDOW}]))`, totalQuery: undefined },
    metrics: [gauge.metric],
    buckets: [],
    options,
    span: captureCallSite(),
  };
}

/** `errorRatio` is PromQL with `{{.window}}` where the window goes, e.g. `[{{.window}}]`. */
function raw(name: string, options: SloCommon & { readonly errorRatio: string }): Slo {
  return {
    kind: "slo",
    type: "raw",
    name,
    sli: { errorQuery: options.errorRatio, totalQuery: undefined },
    metrics: [],
    buckets: [],
    options,
    span: captureCallSite(),
  };
}

export const slo = { ratio, latency, availability, raw };
