import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { formatNumber } from "../../dsl/promql.js";
import { report, type Check } from "../check.js";

/**
 * A query that selects one histogram bucket by its `le` (fractionOver, latency SLOs) needs a
 * threshold that is a declared bucket boundary; any other value selects no series and the query is
 * silently empty.
 */
export const thresholdNotBucket: Check = {
  code: "MON108",
  name: "definitions/threshold-not-bucket",
  severity: "error",
  summary: "a histogram threshold that is not a declared bucket boundary",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const service of model.services) {
      const histograms = new Map(service.metrics.filter((m) => m.kind === "histogram").map((m) => [m.name, m]));
      const queries = [...service.alerts.map((a) => a.query), ...service.recordings.map((r) => r.query)];
      for (const bucket of [...queries.flatMap((q) => q.buckets), ...service.slos.flatMap((slo) => slo.buckets)]) {
        if (bucket.conversionError !== undefined) {
          out.push(report(thresholdNotBucket, `histogram "${bucket.metric}": threshold ${JSON.stringify(bucket.threshold)}: ${bucket.conversionError}`,
            bucket.span, "write the threshold in the histogram's unit"));
          continue;
        }
        const boundaries = histograms.get(bucket.metric)?.buckets ?? [];
        if (bucket.value !== undefined && !boundaries.includes(bucket.value)) {
          out.push(report(thresholdNotBucket,
            `histogram "${bucket.metric}": ${JSON.stringify(bucket.threshold)} (${formatNumber(bucket.value)}) is not a bucket boundary`,
            bucket.span, `declared boundaries: ${boundaries.map(formatNumber).join(", ") || "none"}; pick one or add it to the histogram's buckets`));
        }
      }
    }
    return out;
  },
};
