// Metadata rules: objective, budget, period, burn rates and remaining budget, plus an info series.

import { formatNumber, parseDuration } from "../../../dsl/promql.js";
import { canonicalWindow, sliRecordName, SLO_RECORDS } from "../../../model/conventions.js";
import { roundFloat } from "../../../dsl/units.js";
import { sortedRecord } from "../../../model/order.js";
import type { Slo } from "../../../model/schema.js";
import { sloIdLabels, sloSelector } from "./selectors.js";

export function metadataRules(slo: Slo) {
  const objective = slo.objective ?? Number.NaN;
  const ids = sloSelector(slo);
  const labels = sortedRecord({ ...slo.labels, ...sloIdLabels(slo) });
  const burn = (window: string) =>
    `${sliRecordName(window)}${ids}\n/ on (sloth_id, sloth_slo, sloth_service) group_left\n${SLO_RECORDS.errorBudget}${ids}`;
  const days = (parseDuration(slo.period) ?? 0) / 86_400_000;
  // Sloth divides the percent as written (99.9 / 100 = 0.9990000000000001) and labels the info
  // series with the spec version; moncc rounds to 15 significant digits.
  const ratio = slo.sloth ? slo.sloth.objectivePercent / 100 : objective;
  const info: Record<string, string> = slo.sloth
    ? { sloth_mode: "moncc", sloth_objective: goFloatText(slo.sloth.objectivePercent), sloth_spec: slo.sloth.spec }
    : { sloth_mode: "moncc", sloth_objective: formatNumber(roundFloat(objective * 100)) };
  return [
    { record: SLO_RECORDS.objective, expr: `vector(${formatNumber(ratio)})`, labels },
    { record: SLO_RECORDS.errorBudget, expr: `vector(1 - ${formatNumber(ratio)})`, labels },
    { record: SLO_RECORDS.periodDays, expr: `vector(${formatNumber(days)})`, labels },
    { record: SLO_RECORDS.currentBurnRate, expr: burn("5m"), labels },
    { record: SLO_RECORDS.periodBurnRate, expr: burn(canonicalWindow(slo.period)), labels },
    { record: SLO_RECORDS.budgetRemaining, expr: `1 - ${SLO_RECORDS.periodBurnRate}${ids}`, labels },
    {
      record: SLO_RECORDS.info,
      expr: "vector(1)",
      labels: sortedRecord({ ...labels, ...info }),
    },
  ];
}

/** Go's strconv.FormatFloat(x, 'f', -1, 64): the shortest digits, never an exponent. */
export function goFloatText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exponentText] = text.split(/e/i);
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const [whole, fraction = ""] = mantissa.replace("-", "").split(".");
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const body = point <= 0 ? `0.${"0".repeat(-point)}${digits}`
    : point >= digits.length ? digits + "0".repeat(point - digits.length)
    : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? "-" : "") + body;
}
