import type { Metric } from "../../model/schema.js";
import { report, type Check } from "../check.js";

/** The series a declared metric is exposed as: histograms and summaries add _bucket, _count and _sum. */
function exposedSeries(metric: Metric): string[] {
  if (metric.kind === "histogram") return [metric.name, `${metric.name}_bucket`, `${metric.name}_count`, `${metric.name}_sum`];
  if (metric.kind === "summary") return [metric.name, `${metric.name}_count`, `${metric.name}_sum`];
  return [metric.name];
}

/**
 * A recording rule named like a declared metric writes its results into the metric's own name.
 * Every query of the metric then also sees the recorded series (a sum counts twice), and where the
 * labels coincide the recorded samples collide with the scraped ones. Prometheus accepts the rule.
 */
export const recordClashesMetric: Check = {
  code: "MON116",
  name: "definitions/record-clashes-metric",
  severity: "error",
  summary: "a recording rule whose name is the name of a declared metric",
  run: ({ model }) => {
    const series = new Map<string, Metric>();
    for (const metric of model.services.flatMap((s) => s.metrics)) {
      for (const name of exposedSeries(metric)) if (!series.has(name)) series.set(name, metric);
    }
    return model.services.flatMap((s) => s.recordings).flatMap((recording) => {
      const metric = series.get(recording.name);
      if (!metric) return [];
      const what = metric.name === recording.name ? `the declared ${metric.kind} "${metric.name}"` : `a series of the declared ${metric.kind} "${metric.name}"`;
      return [report(recordClashesMetric,
        `recording rule "${recording.name}" writes into the name of ${what}; queries of the metric would also read the recorded series`,
        recording.span, 'give the rule a level:metric:operations name of its own, e.g. "job:http_requests:rate5m"', `recording rule ${recording.name}`)];
    });
  },
};
