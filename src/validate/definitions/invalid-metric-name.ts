import { report, type Check } from "../check.js";
import { METRIC_NAME } from "./names.js";

export const invalidMetricName: Check = {
  code: "MON103",
  name: "definitions/invalid-metric-name",
  severity: "error",
  summary: "a metric name outside [a-zA-Z_:][a-zA-Z0-9_:]*",
  run: ({ model }) =>
    uniqueDeclarations(model.services.flatMap((s) => s.metrics))
      .filter((m) => !METRIC_NAME.test(m.name))
      .map((m) => report(invalidMetricName, `metric name "${m.name}" is not a valid Prometheus metric name`, m.span,
        `use letters, digits, underscores and colons, not starting with a digit, e.g. "${suggestName(m.name)}"`)),
};

/** One metric declaration used by several services is reported once. */
function uniqueDeclarations<T extends { name: string; span?: { file: string; line: number; column: number } }>(metrics: readonly T[]): T[] {
  const seen = new Set<string>();
  return metrics.filter((m) => {
    const key = `${m.name}@${m.span?.file}:${m.span?.line}:${m.span?.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function suggestName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_:]/g, "_");
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned || "my_metric";
}
