// SLI recording rules: slo:sli_error:ratio_rate<w> for every tier window and for the period.

import { canonicalWindow, sliRecordName } from "../../../model/conventions.js";
import { sortedRecord } from "../../../model/order.js";
import type { Slo } from "../../../model/schema.js";
import { sliWindows } from "../../../model/slo.js";
import { sloIdLabels, sloSelector, withWindow } from "./selectors.js";

/** The error ratio over one window, straight from the SLI queries. */
export function errorRatioExpr(slo: Slo, window: string): string {
  const errors = withWindow(slo.sli.errorQuery, window);
  if (slo.sli.totalQuery === undefined) return `(${errors})`;
  return `(${errors})\n/\n(${withWindow(slo.sli.totalQuery, window)})`;
}

export function sliRules(slo: Slo) {
  const labels = (window: string) => sortedRecord({ ...slo.labels, ...sloIdLabels(slo), sloth_window: window });
  const period = canonicalWindow(slo.period);
  const windowRules = sliWindows(slo).map((window) => ({
    record: sliRecordName(window),
    expr: errorRatioExpr(slo, window),
    labels: labels(window),
  }));
  // Sloth's cheap period form averages the 5m ratio over time; "raw" divides event counts instead.
  const periodExpr = slo.periodSli === "raw"
    ? errorRatioExpr(slo, period)
    : `sum_over_time(${sliRecordName("5m")}${sloSelector(slo)}[${period}])\n/ ignoring (sloth_window)\ncount_over_time(${sliRecordName("5m")}${sloSelector(slo)}[${period}])`;
  return [...windowRules, { record: sliRecordName(period), expr: periodExpr, labels: labels(period) }];
}
