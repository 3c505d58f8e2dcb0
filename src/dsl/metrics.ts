// Typed metric declarations. Label names are literal types, so selecting a label the metric does
// not declare is a type error: `predictions.where({ statuss: "error" })` does not compile.

import { captureCallSite, type CallSite } from "./span.js";
import type { DashboardVariable } from "./dashboards.js";
import { escapeRegex, formatNumber, selectorText, type RangeWindow } from "./promql.js";
import { aggregate, grouping, Query, type AggregateOptions, type BucketRef, type MetricKind, type MetricRef, type QueryParts } from "./query.js";
import { convertQuantity, parseQuantity, type Unit } from "./units.js";

/**
 * A label value: exact string, any of a list (regex-escaped), a regex, or the negation of one; on
 * dashboards also a template variable (`=~"$model"`).
 */
export type LabelValue = string | readonly string[] | RegExp | DashboardVariable | { readonly not: string | readonly string[] | RegExp };
export type Matchers<L extends string> = { readonly [K in L]?: LabelValue };

export interface Matcher {
  readonly label: string;
  readonly op: "=" | "!=" | "=~" | "!~";
  readonly value: string;
}

export interface MetricOptions<L extends string> {
  readonly help: string;
  readonly unit?: Unit;
  readonly labels?: readonly L[];
}

export interface HistogramOptions<L extends string> extends MetricOptions<L> {
  readonly buckets: readonly number[];
}

abstract class MetricBase<L extends string> implements MetricRef {
  abstract readonly kind: MetricKind;
  readonly name: string;
  readonly help: string;
  readonly unit: Unit | undefined;
  readonly labels: readonly L[];
  readonly buckets: readonly number[] | undefined;
  readonly span: CallSite | undefined;

  constructor(name: string, options: MetricOptions<L> & { buckets?: readonly number[] }, span: CallSite | undefined) {
    this.name = name;
    this.help = options.help;
    this.unit = options.unit;
    this.labels = options.labels ?? [];
    this.buckets = options.buckets;
    this.span = span;
  }

  /** The metric as a data reference (no methods), for the model. */
  ref(): MetricRef {
    return { kind: this.kind, name: this.name, help: this.help, unit: this.unit, labels: this.labels, buckets: this.buckets, span: this.span };
  }
}

/** A metric plus label matchers. Renders as `name{a="b"}`. */
export class Selection {
  constructor(readonly metric: MetricRef, readonly matchers: readonly Matcher[]) {}

  /** The selector text for one of the metric's series, e.g. suffix "_bucket". */
  selector(suffix = "", extra: readonly Matcher[] = []): string {
    return selectorText(`${this.metric.name}${suffix}`, [...this.matchers, ...extra]);
  }

  protected parts(expr: string, unit: Unit | undefined, buckets: readonly BucketRef[] = []): QueryParts {
    return { expr, unit, labels: this.metric.labels, metrics: [this.metric], buckets };
  }

  toPromql(): QueryParts {
    return this.parts(this.selector(), this.metric.unit);
  }
}

export class CounterSelection<L extends string> extends Selection {
  /** Per-second rate over `window`. */
  rate(window: RangeWindow): Query<L> {
    return new Query(this.parts(`rate(${this.selector()}[${window}])`, undefined));
  }
  /** Increase over `window`, in the counter's unit. */
  increase(window: RangeWindow): Query<L> {
    return new Query(this.parts(`increase(${this.selector()}[${window}])`, this.metric.unit));
  }
  where(more: Matchers<L>): CounterSelection<L> {
    return new CounterSelection(this.metric, [...this.matchers, ...toMatchers(more)]);
  }
}

export class GaugeSelection<L extends string> extends Selection {
  /** The gauge's current value. */
  value(): Query<L> {
    return new Query(this.toPromql());
  }
  avgOverTime(window: RangeWindow): Query<L> {
    return new Query(this.parts(`avg_over_time(${this.selector()}[${window}])`, this.metric.unit));
  }
  maxOverTime(window: RangeWindow): Query<L> {
    return new Query(this.parts(`max_over_time(${this.selector()}[${window}])`, this.metric.unit));
  }
  avg<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return aggregate("avg", this.value(), options);
  }
  max<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return aggregate("max", this.value(), options);
  }
  min<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return aggregate("min", this.value(), options);
  }
  sum<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return aggregate("sum", this.value(), options);
  }
  where(more: Matchers<L>): GaugeSelection<L> {
    return new GaugeSelection(this.metric, [...this.matchers, ...toMatchers(more)]);
  }
}

export class HistogramSelection<L extends string> extends Selection {
  /** `histogram_quantile(q, sum by (le, ...by) (rate(name_bucket[window])))`, in the histogram's unit. */
  quantile<const B extends L = never>(q: number, window: RangeWindow, options: AggregateOptions<B> = {}): Query<B> {
    const by = ["le", ...(options.by ?? [])].join(", ");
    const expr = `histogram_quantile(${formatNumber(q)}, sum by (${by}) (rate(${this.selector("_bucket")}[${window}])))`;
    return new Query<B>({ ...this.parts(expr, this.metric.unit), labels: options.by ?? [] });
  }

  /**
   * Share of observations above `threshold` over `window` (0..1). The threshold must be a declared
   * bucket boundary: it selects the `le` bucket exactly.
   */
  fractionOver<const B extends L = never>(threshold: string | number, window: RangeWindow, options: AggregateOptions<B> = {}): Query<B> {
    const bucket = bucketRef(this.metric, threshold, captureCallSite());
    const by = options.by ?? [];
    const le = leMatcher(bucket.value ?? Number.NaN);
    const within = `sum${grouping(by)}(rate(${this.selector("_bucket", [le])}[${window}]))`;
    const total = `sum${grouping(by)}(rate(${this.selector("_count")}[${window}]))`;
    const expr = `1 - (${within} / ${total})`;
    return new Query<B>({ ...this.parts(expr, "ratio", [bucket]), labels: by });
  }

  /** Observations per second over `window`. */
  rate(window: RangeWindow): Query<L> {
    return new Query(this.parts(`rate(${this.selector("_count")}[${window}])`, undefined));
  }

  where(more: Matchers<L>): HistogramSelection<L> {
    return new HistogramSelection(this.metric, [...this.matchers, ...toMatchers(more)]);
  }
}

/** A threshold that must be one of the histogram's bucket boundaries, converted to its unit. */
export function bucketRef(metric: MetricRef, threshold: string | number, span: CallSite | undefined): BucketRef {
  const quantity = typeof threshold === "number" ? { value: threshold, unit: undefined } : parseQuantity(threshold);
  if (!quantity) return { metric: metric.name, threshold, value: undefined, conversionError: `"${threshold}" is not a number with a unit`, span };
  const converted = convertQuantity(quantity, metric.unit);
  return converted.ok
    ? { metric: metric.name, threshold, value: converted.value, conversionError: undefined, span }
    : { metric: metric.name, threshold, value: undefined, conversionError: converted.reason, span };
}

/**
 * Prometheus 3 normalizes integer `le` values to "1.0" while 2.x keeps "1"; an integer boundary is
 * matched with a regex that accepts both, so one rule works on either version.
 */
export function leMatcher(value: number): Matcher {
  if (Number.isInteger(value)) return { label: "le", op: "=~", value: `${formatNumber(value)}(\\.0)?` };
  return { label: "le", op: "=", value: formatNumber(value) };
}

export function toMatchers(matchers: Readonly<Record<string, LabelValue | undefined>>): Matcher[] {
  const out: Matcher[] = [];
  for (const label of Object.keys(matchers).sort()) {
    const value = matchers[label];
    if (value === undefined) continue;
    if (typeof value === "object" && "not" in value) {
      const positive = toMatcher(label, value.not as LabelValue);
      out.push({ ...positive, op: positive.op === "=" ? "!=" : "!~" });
    } else {
      out.push(toMatcher(label, value as LabelValue));
    }
  }
  return out;
}

function toMatcher(label: string, value: LabelValue): Matcher {
  if (typeof value === "string") return { label, op: "=", value };
  if (value instanceof RegExp) return { label, op: "=~", value: value.source };
  // Multi-value variables expand to a regex alternation, so they are matched with =~.
  if (isDashboardVariable(value)) return { label, op: "=~", value: `$${value.name}` };
  if (Array.isArray(value)) return { label, op: "=~", value: (value as readonly string[]).map(escapeRegex).join("|") };
  throw new TypeError(`label "${label}": unsupported matcher value`);
}

function isDashboardVariable(value: LabelValue): value is DashboardVariable {
  return typeof value === "object" && "kind" in value && value.kind === "dashboard-variable";
}

export class Counter<L extends string> extends MetricBase<L> {
  readonly kind = "counter" as const;
  where(matchers: Matchers<L>): CounterSelection<L> {
    return new CounterSelection(this.ref(), toMatchers(matchers));
  }
  rate(window: RangeWindow): Query<L> {
    return this.where({}).rate(window);
  }
  increase(window: RangeWindow): Query<L> {
    return this.where({}).increase(window);
  }
  toPromql(): QueryParts {
    return this.where({}).toPromql();
  }
}

export class Gauge<L extends string> extends MetricBase<L> {
  readonly kind = "gauge" as const;
  where(matchers: Matchers<L>): GaugeSelection<L> {
    return new GaugeSelection(this.ref(), toMatchers(matchers));
  }
  value(): Query<L> {
    return this.where({}).value();
  }
  avgOverTime(window: RangeWindow): Query<L> {
    return this.where({}).avgOverTime(window);
  }
  maxOverTime(window: RangeWindow): Query<L> {
    return this.where({}).maxOverTime(window);
  }
  avg<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return this.where({}).avg(options);
  }
  max<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return this.where({}).max(options);
  }
  min<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return this.where({}).min(options);
  }
  sum<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return this.where({}).sum(options);
  }
  toPromql(): QueryParts {
    return this.where({}).toPromql();
  }
}

export class Histogram<L extends string> extends MetricBase<L> {
  readonly kind = "histogram" as const;
  declare readonly buckets: readonly number[];
  where(matchers: Matchers<L>): HistogramSelection<L> {
    return new HistogramSelection(this.ref(), toMatchers(matchers));
  }
  quantile<const B extends L = never>(q: number, window: RangeWindow, options: AggregateOptions<B> = {}): Query<B> {
    return this.where({}).quantile(q, window, options);
  }
  fractionOver<const B extends L = never>(threshold: string | number, window: RangeWindow, options: AggregateOptions<B> = {}): Query<B> {
    return this.where({}).fractionOver(threshold, window, options);
  }
  rate(window: RangeWindow): Query<L> {
    return this.where({}).rate(window);
  }
  toPromql(): QueryParts {
    return this.where({}).toPromql();
  }
}

/** A summary exposes precomputed quantiles; only its _sum and _count can be aggregated. */
export class Summary<L extends string> extends MetricBase<L> {
  readonly kind = "summary" as const;
  where(matchers: Matchers<L>): GaugeSelection<L | "quantile"> {
    return new GaugeSelection(this.ref(), toMatchers(matchers));
  }
  toPromql(): QueryParts {
    return this.where({}).toPromql();
  }
}

export function counter<const L extends string = never>(name: string, options: MetricOptions<L>): Counter<L> {
  return new Counter(name, options, captureCallSite());
}

export function gauge<const L extends string = never>(name: string, options: MetricOptions<L>): Gauge<L> {
  return new Gauge(name, options, captureCallSite());
}

export function histogram<const L extends string = never>(name: string, options: HistogramOptions<L>): Histogram<L> {
  return new Histogram(name, options, captureCallSite());
}

export function summary<const L extends string = never>(name: string, options: MetricOptions<L>): Summary<L> {
  return new Summary(name, options, captureCallSite());
}

export type AnyMetric = Counter<string> | Gauge<string> | Histogram<string> | Summary<string>;

/**
 * Error ratio of two counter selections: sum(rate(errors)) / sum(rate(total)), 0..1.
 * `by` may only name labels both counters have; a label only one side carries would never match.
 */
export function errorRatio<E extends string, T extends string, const B extends E & T = never>(
  errors: CounterSelection<E> | Counter<E>,
  total: CounterSelection<T> | Counter<T>,
  window: RangeWindow,
  options: AggregateOptions<B> = {},
): Query<B> {
  const bad = errors.rate(window).sum(options);
  const all = total.rate(window).sum(options);
  return new Query<B>({
    expr: `${bad.expr} / ${all.expr}`,
    unit: "ratio",
    labels: options.by ?? [],
    metrics: [...bad.metrics, ...all.metrics],
    buckets: [],
  });
}
