// Queries: PromQL expressions built from typed metrics. A query knows its text, the unit of its
// result, which labels survive in it (at the type level and at run time), the metrics it reads and
// the histogram buckets it depends on, so later stages can check it without parsing PromQL.

import { captureCallSite, type CallSite } from "./span.js";
import { formatNumber, type Duration } from "./promql.js";
import type { Unit } from "./units.js";

export type MetricKind = "counter" | "gauge" | "histogram" | "summary";

/** What the model needs to know about a metric a query reads. */
export interface MetricRef {
  readonly kind: MetricKind;
  readonly name: string;
  readonly help: string;
  readonly unit: Unit | undefined;
  readonly labels: readonly string[];
  readonly buckets: readonly number[] | undefined;
  readonly span: CallSite | undefined;
}

/** A histogram bucket a query selects with `le`; it must be a declared boundary. */
export interface BucketRef {
  readonly metric: string;
  readonly threshold: string | number;
  /** The threshold in the histogram's unit, when it converts. */
  readonly value: number | undefined;
  readonly conversionError: string | undefined;
  readonly span: CallSite | undefined;
}

/** How the text of a `promql` template maps back to its literal and interpolated parts. */
export interface TemplateSegment {
  readonly start: number;
  readonly end: number;
  /** Index into the template's interpolations, or undefined for literal text. */
  readonly interpolation: number | undefined;
  /** Literal text exactly as written in the source (undefined for interpolations). */
  readonly raw: string | undefined;
}

export interface QueryParts {
  readonly expr: string;
  readonly unit: Unit | undefined;
  /** Labels present in the result; undefined when unknown (raw PromQL). */
  readonly labels: readonly string[] | undefined;
  readonly metrics: readonly MetricRef[];
  readonly buckets: readonly BucketRef[];
  readonly template?: readonly TemplateSegment[];
}

export interface AggregateOptions<B extends string> {
  readonly by?: readonly B[];
}

export type Aggregation = "sum" | "avg" | "max" | "min" | "count";

export class Query<L extends string = string> implements QueryParts {
  readonly kind = "query" as const;
  readonly expr: string;
  readonly unit: Unit | undefined;
  readonly labels: readonly string[] | undefined;
  readonly metrics: readonly MetricRef[];
  readonly buckets: readonly BucketRef[];
  readonly template: readonly TemplateSegment[] | undefined;
  readonly span: CallSite | undefined;
  /** Phantom: the label names this query's result carries, for type checking. */
  declare readonly __labels?: L;

  /** Only `promql` templates record a span (to map PromQL errors into the string); other queries
   *  are located by the alert or rule that uses them, which keeps DSL calls cheap. */
  constructor(parts: QueryParts, span: CallSite | undefined = undefined) {
    this.expr = parts.expr;
    this.unit = parts.unit;
    this.labels = parts.labels;
    this.metrics = parts.metrics;
    this.buckets = parts.buckets;
    this.template = parts.template;
    this.span = span;
  }

  sum<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return aggregate("sum", this, options);
  }
  avg<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return aggregate("avg", this, options);
  }
  max<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return aggregate("max", this, options);
  }
  min<const B extends L = never>(options: AggregateOptions<B> = {}): Query<B> {
    return aggregate("min", this, options);
  }
  /** Declares the unit of the result, for raw PromQL whose unit moncc cannot infer. */
  withUnit(unit: Unit): Query<L> {
    return new Query({ ...this, unit }, this.span);
  }
  toString(): string {
    return this.expr;
  }
}

export function aggregate<L extends string, const B extends L>(
  op: Aggregation,
  query: Query<L>,
  options: AggregateOptions<B> = {},
): Query<B> {
  const by = options.by ?? [];
  return new Query<B>({
    expr: `${op}${grouping(by)}(${query.expr})`,
    unit: op === "count" ? "count" : query.unit,
    labels: by,
    metrics: query.metrics,
    buckets: query.buckets,
  });
}

/** " by (a, b) " for a non-empty label list, "" otherwise: `sum by (a) (x)` but `sum(x)`. */
export function grouping(by: readonly string[]): string {
  return by.length > 0 ? ` by (${by.join(", ")}) ` : "";
}

/** The union of several queries' facts, for expressions that combine them. */
export function mergeFacts(queries: readonly QueryParts[]): Pick<QueryParts, "metrics" | "buckets"> {
  return {
    metrics: queries.flatMap((q) => q.metrics),
    buckets: queries.flatMap((q) => q.buckets),
  };
}

/** Values a `promql` template accepts between `${ }`. */
export type PromqlValue = QueryParts | { toPromql(): QueryParts } | number | Duration;

/**
 * Raw PromQL escape hatch: promql`sum(rate(${requests}[5m])) > ${limit}`.
 * Literal text is used exactly as typed (raw). Interpolated metrics and selectors render as
 * selectors, queries are wrapped in parentheses and numbers print canonically. Each part's offset is kept so a PromQL error maps into the template.
 */
export function promql(strings: TemplateStringsArray, ...values: PromqlValue[]): Query<string> {
  const segments: TemplateSegment[] = [];
  const used: QueryParts[] = [];
  let expr = "";
  const push = (text: string, interpolation: number | undefined, raw: string | undefined) => {
    segments.push({ start: expr.length, end: expr.length + text.length, interpolation, raw });
    expr += text;
  };
  // Literal text is taken raw, as typed: PromQL has its own escapes, so `\d` in the template must
  // reach PromQL as `\d`, not as the `d` a cooked JS string would give.
  strings.raw.forEach((literal, index) => {
    push(literal, undefined, literal);
    if (index < values.length) {
      const value = values[index];
      const rendered = renderInterpolation(value);
      if (rendered.parts) used.push(rendered.parts);
      push(rendered.text, index, undefined);
    }
  });
  const facts = mergeFacts(used);
  return new Query({ expr, unit: undefined, labels: undefined, ...facts, template: segments }, captureCallSite());
}

function renderInterpolation(value: PromqlValue): { text: string; parts?: QueryParts } {
  if (typeof value === "number") return { text: formatNumber(value) };
  if (typeof value === "string") return { text: value };
  const parts = "toPromql" in value ? value.toPromql() : value;
  const isSelector = parts.expr.length > 0 && /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?$/s.test(parts.expr);
  return { text: isSelector ? parts.expr : `(${parts.expr})`, parts };
}
