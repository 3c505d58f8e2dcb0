// Metadata rules: objective, budget, period, burn rates and remaining budget, plus an info series.

import { formatNumber, parseDuration } from "../../../dsl/promql.js";
import { sliRecordName } from "../../../model/conventions.js";
import type { Slo } from "../../../model/schema.js";
import { canonical } from "./sli-rules.js";
import { sloIdLabels, sloSelector, sortLabels } from "./selectors.js";

export function metadataRules(slo: Slo) {
  const objective = slo.objective ?? Number.NaN;
  const ids = sloSelector(slo);
  const labels = sortLabels({ ...slo.labels, ...sloIdLabels(slo) });
  const burn = (window: string) =>
    `${sliRecordName(window)}${ids}\n/ on (sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio${ids}`;
  const days = (parseDuration(slo.period) ?? 0) / 86_400_000;
  return [
    { record: "slo:objective:ratio", expr: `vector(${formatNumber(objective)})`, labels },
    { record: "slo:error_budget:ratio", expr: `vector(1 - ${formatNumber(objective)})`, labels },
    { record: "slo:time_period:days", expr: `vector(${formatNumber(days)})`, labels },
    { record: "slo:current_burn_rate:ratio", expr: burn("5m"), labels },
    { record: "slo:period_burn_rate:ratio", expr: burn(canonical(slo.period)), labels },
    { record: "slo:period_error_budget_remaining:ratio", expr: `1 - slo:period_burn_rate:ratio${ids}`, labels },
    {
      record: "sloth_slo_info",
      expr: "vector(1)",
      labels: sortLabels({ ...labels, sloth_mode: "moncc", sloth_objective: formatNumber(Number((objective * 100).toPrecision(15))) }),
    },
  ];
}
