// What moncc knows about each series name: its kind and labels, from the typed metric
// declarations and the project's recording rules. This is what turns pint's "online" checks
// (is this a counter? does this label exist?) into static ones.

import { canonicalWindow, driftRecordNames, sliRecordName, SLO_RECORDS } from "../conventions.js";
import type { Metric, Model } from "../schema.js";
import { sliWindows } from "../slo.js";

export type SeriesKind = "counter" | "gauge" | "recorded";

export interface SeriesInfo {
  readonly name: string;
  readonly kind: SeriesKind;
  /** Labels of the series itself, without target labels; undefined when unknown. */
  readonly labels: readonly string[] | undefined;
  /** For messages: "gauge process_resident_memory_bytes", "histogram x (bucket series)". */
  readonly declaredAs: string;
  /** Set on a histogram's `_bucket` series. */
  readonly bucketOf?: string;
  /** Set when the name is a classic histogram's or summary's family name. */
  readonly familyOf?: Metric;
}

export interface SeriesCatalog {
  lookup(name: string): SeriesInfo | undefined;
  /** Labels the scrape adds to every scraped series (job, instance). */
  readonly targetLabels: readonly string[];
  /** Seconds. */
  readonly scrapeInterval: number;
}

/** Declared series by name. Recording rules are added by the caller with their inferred labels. */
export function declaredSeries(model: Model): Map<string, SeriesInfo> {
  const series = new Map<string, SeriesInfo>();
  for (const service of model.services) {
    for (const metric of service.metrics) {
      for (const info of metricSeries(metric)) if (!series.has(info.name)) series.set(info.name, info);
    }
  }
  return series;
}

/** The series a metric is scraped as: a histogram's _bucket, _sum and _count, a summary's quantiles too. */
export function metricSeries(metric: Metric): SeriesInfo[] {
  const labels = metric.labels;
  switch (metric.kind) {
    case "counter":
    case "gauge":
      return [{ name: metric.name, kind: metric.kind, labels, declaredAs: `${metric.kind} ${metric.name}` }];
    case "histogram":
      return [
        { name: `${metric.name}_bucket`, kind: "counter", labels: [...labels, "le"], declaredAs: `histogram ${metric.name} (bucket series)`, bucketOf: metric.name },
        { name: `${metric.name}_sum`, kind: "counter", labels, declaredAs: `histogram ${metric.name} (sum series)` },
        { name: `${metric.name}_count`, kind: "counter", labels, declaredAs: `histogram ${metric.name} (count series)` },
        { name: metric.name, kind: "gauge", labels: undefined, declaredAs: `histogram ${metric.name}`, familyOf: metric },
      ];
    case "summary":
      return [
        { name: metric.name, kind: "gauge", labels: [...labels, "quantile"], declaredAs: `summary ${metric.name} (quantile series)` },
        { name: `${metric.name}_sum`, kind: "counter", labels, declaredAs: `summary ${metric.name} (sum series)` },
        { name: `${metric.name}_count`, kind: "counter", labels, declaredAs: `summary ${metric.name} (count series)` },
      ];
  }
}

/**
 * Every series name moncc's recording rules record: the services' own rules, each SLO's SLI windows,
 * period and metadata series, and each drift monitor's series. Read from the model and the naming
 * conventions the Prometheus generator uses, without generating anything.
 */
export function recordedSeriesNames(model: Model): Set<string> {
  const names = new Set<string>();
  for (const service of model.services) {
    for (const recording of service.recordings) names.add(recording.name);
    for (const slo of service.slos) {
      for (const window of [...sliWindows(slo), canonicalWindow(slo.period)]) names.add(sliRecordName(window));
      for (const name of Object.values(SLO_RECORDS)) names.add(name);
    }
    for (const monitor of service.monitors ?? []) for (const name of Object.values(driftRecordNames(monitor))) names.add(name);
  }
  return names;
}
