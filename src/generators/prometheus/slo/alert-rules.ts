// Burn-rate alerts: one alert per group (page, ticket), each the `or` of its tiers, where a tier
// fires when both its windows burn faster than factor × budget. Optional low-traffic guard and
// no-data alert.

import { durationSeconds, formatDuration, formatNumber, parseDuration } from "../../../dsl/promql.js";
import { canonicalWindow, RUNBOOK_ANNOTATION, SEVERITY_LABEL, sliRecordName } from "../../../model/conventions.js";
import { sortedRecord } from "../../../model/order.js";
import type { Slo, SloAlertGroup, SloTier } from "../../../model/schema.js";
import { sloAlertUnits, type SloAlertUnit } from "../../../model/slo.js";
import { sloSelector, withWindow } from "./selectors.js";
import { roundFloat } from "../../../dsl/units.js";

export function alertRules(slo: Slo) {
  const burn = slo.profile === "sloth"
    ? (["page", "ticket"] as const).flatMap((name) => {
        const group = slo[name];
        return group && group.tiers.length > 0 ? [slothBurnAlert(slo, name, group)] : [];
      })
    : sloAlertUnits(slo).map((unit) => burnAlert(slo, unit));
  return slo.noDataFor ? [...burn, noDataAlert(slo)] : burn;
}

/** Sloth computes the budget from the percent: (100 - 99.9) / 100 = 0.0009999999999999432. */
function budget(slo: Slo): number {
  if (slo.sloth) return (100 - slo.sloth.objectivePercent) / 100;
  return roundFloat(1 - (slo.objective ?? Number.NaN));
}

/** The low-traffic guard applies to paging only: a ticket on little traffic is cheap. */
function tierCondition(slo: Slo, tier: SloTier): string {
  const threshold = `(${formatNumber(tier.factor)} * ${formatNumber(budget(slo))})`;
  const window = (w: string) => `max(${sliRecordName(canonicalWindow(w))}${sloSelector(slo)} > ${threshold}) without (sloth_window)`;
  const guard = tier.group === "page" && slo.minEvents !== undefined && slo.sli.totalQuery !== undefined
    ? `\n    and on ()\n    (${withWindow(slo.sli.totalQuery, canonicalWindow(tier.long))}) * ${formatNumber(durationSeconds(tier.long) ?? 0)} >= ${formatNumber(slo.minEvents)}`
    : "";
  return `(\n    ${window(tier.short)}\n    and\n    ${window(tier.long)}${guard}\n)`;
}

/** "2% of the 30d budget in 1h" and how long until the budget is gone at that burn rate. */
function explainTier(slo: Slo, tier: SloTier): string {
  const exhaustion = formatDuration(Math.round((parseDuration(slo.period) ?? 0) / tier.factor / 60_000) * 60_000);
  return `${canonicalWindow(tier.short)} and ${canonicalWindow(tier.long)} error ratios both above ${formatNumber(tier.factor)}× the budget ` +
    `(${formatNumber(roundFloat(tier.budget * 100))}% of the ${canonicalWindow(slo.period)} budget spent in ${canonicalWindow(tier.long)}; exhausted in ${exhaustion} at this rate)`;
}

function burnAlert(slo: Slo, unit: SloAlertUnit) {
  const labels = sortedRecord({ ...slo.labels, ...slo.alertLabels, ...unit.labels, [SEVERITY_LABEL]: unit.severity, sloth_severity: unit.group, tier: unit.tier });
  const annotations = sortedRecord({
    summary: `{{ $labels.sloth_service }} {{ $labels.sloth_slo }} SLO error budget burn rate is too fast`,
    title: `(${unit.group}) {{ $labels.sloth_service }} {{ $labels.sloth_slo }} SLO error budget burn rate is too fast.`,
    description: `Objective ${slo.objectiveText} over ${canonicalWindow(slo.period)}. Fires when ${unit.tiers.map((t) => explainTier(slo, t)).join(", or ")}.`,
    ...(slo.runbook ? { [RUNBOOK_ANNOTATION]: slo.runbook } : {}),
    ...slo.alertAnnotations,
    ...slo[unit.group]!.annotations,
  });
  return {
    alert: slo.alertName,
    expr: unit.tiers.map((tier) => tierCondition(slo, tier)).join("\nor\n"),
    ...(unit.for ? { for: unit.for } : {}),
    labels,
    annotations,
  };
}

function noDataAlert(slo: Slo) {
  const severity = slo.ticket?.severity ?? "P3";
  return {
    alert: `${slo.alertName}NoData`,
    expr: `absent(${sliRecordName("5m")}${sloSelector(slo)})`,
    for: slo.noDataFor,
    labels: sortedRecord({ ...slo.labels, ...slo.alertLabels, [SEVERITY_LABEL]: severity, sloth_id: slo.id, sloth_service: slo.service, sloth_slo: slo.name, tier: "no-data" }),
    annotations: sortedRecord({
      summary: `{{ $labels.sloth_service }} {{ $labels.sloth_slo }} SLI has no data`,
      description: `The 5m SLI of SLO ${slo.id} has had no samples for ${slo.noDataFor}; its burn-rate alerts cannot fire.`,
      ...(slo.runbook ? { [RUNBOOK_ANNOTATION]: slo.runbook } : {}),
    }),
  };
}

/**
 * Sloth's alert: only sloth_severity and the spec's alerting labels (the SLO labels come from the
 * SLI series at evaluation time), Sloth's default title and summary, and no `for`.
 */
function slothBurnAlert(slo: Slo, name: "page" | "ticket", group: SloAlertGroup) {
  return {
    alert: slo.alertName,
    expr: group.tiers.map((tier) => tierCondition(slo, tier)).join("\nor\n"),
    ...(group.for ? { for: group.for } : {}),
    labels: sortedRecord({ sloth_severity: name, ...slo.alertLabels, ...group.labels }),
    annotations: sortedRecord({
      title: `(${name}) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.`,
      summary: "{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.",
      ...slo.alertAnnotations,
      ...group.annotations,
    }),
  };
}
