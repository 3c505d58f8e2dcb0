import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { parseDuration } from "../../dsl/promql.js";
import { report, type Check } from "../check.js";

/** The period must be a duration, and every tier window a duration shorter than the period. */
export const sloWindows: Check = {
  code: "MON403",
  name: "slo/windows",
  severity: "error",
  summary: "an SLO period or tier window that is not a duration, or not shorter than the period",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const slo of model.services.flatMap((s) => s.slos)) {
      const period = parseDuration(slo.period);
      if (!period) {
        out.push(report(sloWindows, `SLO "${slo.id}": period ${JSON.stringify(slo.period)} is not a non-zero duration`, slo.span, 'write the period as a duration such as "30d" or "28d"', `slo ${slo.id}`));
        continue;
      }
      for (const tier of [...(slo.page?.tiers ?? []), ...(slo.ticket?.tiers ?? [])]) {
        for (const window of [tier.short, tier.long]) {
          const ms = parseDuration(window);
          if (!ms || ms >= period) {
            out.push(report(sloWindows,
              `SLO "${slo.id}": ${tier.group} tier window ${JSON.stringify(window)} ${ms ? `is not shorter than the ${slo.period} period` : "is not a non-zero duration"}`,
              slo.span, "tier windows must be durations shorter than the period; the long window sets how much budget a tier may spend", `slo ${slo.id}`));
          }
        }
        if ((parseDuration(tier.short) ?? 0) >= (parseDuration(tier.long) ?? Infinity)) {
          out.push(report(sloWindows, `SLO "${slo.id}": ${tier.group} tier short window ${tier.short} is not shorter than its long window ${tier.long}`,
            slo.span, "the short window exists to reset the alert quickly; make it shorter than the long one (the workbook uses 1/12)", `slo ${slo.id}`));
        }
        if (!(tier.budget > 0 && tier.budget <= 1)) {
          out.push(report(sloWindows, `SLO "${slo.id}": ${tier.group} tier ${tier.short}/${tier.long} has no valid budget share`, slo.span, 'write the share as a percentage such as budget: "2%"', `slo ${slo.id}`));
        }
      }
      if (slo.minEvents !== undefined && slo.sli.totalQuery === undefined) {
        out.push(report(sloWindows, `SLO "${slo.id}": minEvents needs an event-based SLI (ratio or latency); a ${slo.type} SLI has no event count`,
          slo.span, "drop minEvents, or express the SLI as slo.ratio with error and total counters", `slo ${slo.id}`));
      }
    }
    return out;
  },
};
