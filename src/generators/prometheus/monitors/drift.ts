// Rule group of one drift monitor: PSI between the current window of a classic histogram and the
// same window `reference` earlier, computed inside Prometheus, with a sample-size-aware threshold.
// Bucket-specific parts (the shift map, k, the smoothing constant, the χ² quantile) come from the
// histogram's declared buckets.

import { formatNumber, promqlString, selectorText } from "../../../dsl/promql.js";
import { driftRecordNames } from "../../../model/conventions.js";
import type { Monitor } from "../../../model/schema.js";
import { chiSquareQuantile99 } from "./chi-square.js";

export const driftGroupName = (monitor: Pick<Monitor, "service" | "name">) => `${monitor.service}.drift.${monitor.name}`;

/** The `le` values of the bins: declared boundaries as Prometheus 2 writes them, then +Inf. */
export function binEdges(buckets: readonly number[]): string[] {
  return [...buckets.map(formatNumber), "+Inf"];
}

const by = (labels: readonly string[]) => (labels.length > 0 ? ` by (${labels.join(", ")})` : "");
const on = (labels: readonly string[]) => `on (${labels.join(", ")})`;

export function driftRules(monitor: Monitor): Record<string, unknown>[] {
  const names = driftRecordNames(monitor);
  const edges = binEdges(monitor.buckets);
  const k = edges.length;
  const keep = monitor.by;
  const selector = selectorText(`${monitor.metric}_bucket`, monitor.matchers);
  const le = (series: string, value: string) => `${series}{le=${promqlString(value)}}`;

  // label_replace inside the sum merges le="1" (Prometheus 2) with le="1.0" (Prometheus 3).
  const cumulative = (offset: string) =>
    `sum by (${[...keep, "le"].join(", ")}) (label_replace(increase(${selector}[${monitor.window}]${offset}), "le", "$1", "le", "([0-9]+)\\\\.0"))`;
  const count = (cum: string) => `sum without (le) (${le(cum, "+Inf")})`;
  // PromQL has no "previous bucket": each boundary is relabelled as the next one and subtracted;
  // the first bin is its cumulative count. clamp_min absorbs increase() extrapolation noise.
  const bins = (cum: string) => {
    const shifted = edges.slice(0, -1).map((edge, i) => `label_replace(${le(cum, edge)}, "le", ${promqlString(edges[i + 1])}, "", "")`);
    return `clamp_min((${cum} - (${shifted.join(" or ")})) or ${le(cum, edges[0])}, 0)`;
  };
  // Jeffreys smoothing: (n + 0.5) / (N + 0.5k) is never 0, so ln() stays finite on an empty bin.
  const probabilities = (bin: string, total: string) => `(${bin} + 0.5) / ${on(keep)} group_left () (${total} + ${formatNumber(k * 0.5)})`;
  const p = names.probabilities;
  const q = names.probabilitiesRef;
  const chi2 = chiSquareQuantile99(k - 1);

  const conditions = [
    `${names.psi} > ${names.nullP99}`,
    ...(monitor.threshold !== undefined ? [`${names.psi} > ${formatNumber(monitor.threshold)}`] : []),
    ...(monitor.minCount !== undefined
      ? [`${on(keep)} ${names.count} >= ${formatNumber(monitor.minCount)}`, `${on(keep)} ${names.countRef} >= ${formatNumber(monitor.minCount)}`]
      : []),
    // A bin missing on either side would silently drop out of the sum.
    `${on(keep)} count${by(keep)} (${p}) == ${k}`,
    `${on(keep)} count${by(keep)} (${q}) == ${k}`,
  ];

  return [
    { record: names.cumulative, expr: cumulative("") },
    { record: names.cumulativeRef, expr: cumulative(` offset ${monitor.reference}`) },
    { record: names.count, expr: count(names.cumulative) },
    { record: names.countRef, expr: count(names.cumulativeRef) },
    { record: names.bins, expr: bins(names.cumulative) },
    { record: names.binsRef, expr: bins(names.cumulativeRef) },
    { record: p, expr: probabilities(names.bins, names.count) },
    { record: q, expr: probabilities(names.binsRef, names.countRef) },
    { record: names.psi, expr: `sum${by(keep)} ((${p} - ${q}) * ln(${p} / ${q}))` },
    // PSI under no drift ≈ (1/N + 1/M)·χ²(k−1); its 99th percentile is the adaptive threshold.
    { record: names.nullP99, expr: `(1 / ${names.count} + 1 / ${names.countRef}) * ${formatNumber(chi2)}` },
    {
      alert: monitor.name,
      expr: conditions.join("\nand "),
      ...(monitor.for ? { for: monitor.for } : {}),
      labels: monitor.labels,
      annotations: monitor.annotations,
    },
  ];
}
