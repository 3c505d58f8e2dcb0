import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { durationSeconds, formatNumber } from "../../dsl/promql.js";
import { chiSquareQuantile99, chiSquareSurvival } from "../../generators/prometheus/monitors/chi-square.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";

const round = (value: number) => formatNumber(Number(value.toPrecision(2)));

/**
 * A drift monitor with a fixed PSI threshold and no minCount, whose declared traffic puts so few
 * observations in a window that PSI under no drift, ≈ (2/N)·χ²(k−1) for two windows of N, exceeds
 * the threshold in more than 1% of windows: the fixed threshold fires on noise, and only the
 * adaptive threshold stands between it and a page.
 */
export const driftFixedThreshold: Check = {
  code: "MON605",
  name: "policy/drift-fixed-threshold",
  severity: "warning",
  silenceable: true,
  summary: "a drift monitor whose fixed PSI threshold is within the noise of its low-count windows, without minCount",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const monitor of model.services.flatMap((s) => s.monitors ?? [])) {
      const windowSeconds = durationSeconds(monitor.window);
      if (monitor.threshold === undefined || monitor.minCount !== undefined || !monitor.traffic || !windowSeconds || monitor.buckets.length === 0) continue;
      const perWindow = monitor.traffic.perSecond * windowSeconds;
      const df = monitor.buckets.length; // k − 1: the declared boundaries plus +Inf make k bins
      const p99 = (2 / perWindow) * chiSquareQuantile99(df);
      if (p99 <= monitor.threshold) continue;
      const exceeds = chiSquareSurvival(monitor.threshold * perWindow / 2, df);
      const minCount = Math.ceil(2 * chiSquareQuantile99(df) / monitor.threshold);
      out.push(report(driftFixedThreshold,
        `drift monitor "${monitor.name}": at about ${round(perWindow)} observations per ${monitor.window} window (${monitor.traffic.text}), ` +
          `PSI under no drift exceeds the fixed threshold ${formatNumber(monitor.threshold)} in ${formatNumber(Math.floor(exceeds * 100))}% of windows ` +
          `(its 99th percentile over ${df + 1} bins is ${round(p99)}), so the threshold alone would fire on noise`,
        monitor.span,
        `add minCount: ${minCount} so windows with too few observations are not judged, or drop threshold and rely on the adaptive threshold; ` +
          `if this is expected, say why with ignore: { MON605: "…" }`,
        subjectOf.monitor(monitor)));
    }
    return out;
  },
};
