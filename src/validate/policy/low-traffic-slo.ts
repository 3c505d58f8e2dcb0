import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { durationSeconds, formatNumber } from "../../dsl/promql.js";
import { sloAlertUnits } from "../../model/slo.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";
import { roundFloat } from "../../dsl/units.js";

const round = (value: number) => formatNumber(Number(value.toPrecision(3)));

/**
 * An SLO that declares its expected traffic, at which a page tier's long window holds fewer than
 * 1 / (factor × budget) events: a single bad event then pushes both windows over the burn threshold
 * (the short window holds even fewer events), and it pages. minEvents is the guard; it applies to
 * the page group only, as the generator does.
 */
export const lowTrafficSlo: Check = {
  code: "MON601",
  name: "policy/low-traffic-slo",
  severity: "warning",
  silenceable: true,
  summary: "a low-traffic SLO where one bad event pages, without a minEvents guard",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const slo of model.services.flatMap((s) => s.slos)) {
      const objective = slo.objective;
      if (!slo.traffic || slo.minEvents !== undefined || slo.sli.totalQuery === undefined || objective === undefined || objective <= 0 || objective >= 1) continue;
      const budget = roundFloat(1 - objective);
      const offending = sloAlertUnits(slo)
        .filter((unit) => unit.group === "page")
        .flatMap((unit) => unit.tiers.map((tier) => {
          const events = slo.traffic!.perSecond * (durationSeconds(tier.long) ?? 0);
          return { unit, tier, events, threshold: tier.factor * budget };
        }))
        // A window that does not parse is MON403's.
        .filter(({ events, threshold }) => events > 0 && events * threshold < 1);
      if (offending.length === 0) continue;
      // The message names the tier one event pushes furthest over; the guard must cover them all.
      const { unit, tier, events, threshold } = [...offending].sort((a, b) => a.events * a.threshold - b.events * b.threshold)[0];
      const minEvents = Math.max(...offending.map((o) => Math.ceil(Number((1 / o.threshold).toPrecision(12)))));
      const seen = events < 1
        ? `less than one event in ${tier.long}, so one bad event pages (${unit.severity}): alone in the window it is 100%`
        : `about ${round(events)} event${round(events) === "1" ? "" : "s"} in ${tier.long}, so one bad event pages (${unit.severity}): 1 of ${round(events)} is ${round(100 / events)}%`;
      out.push(report(lowTrafficSlo,
        `SLO "${slo.id}": at ${slo.traffic.text} the page tier ${tier.short}/${tier.long} sees ${seen}, ` +
          `above the tier's burn threshold ${formatNumber(tier.factor)} × ${round(budget * 100)}% = ${round(threshold * 100)}%`,
        slo.span,
        `add minEvents: ${minEvents} so the page waits for enough events, or, if one bad event should page, say why with ignore: { MON601: "…" }`,
        subjectOf.slo(slo)));
    }
    return out;
  },
};
