import { formatNumber } from "../../dsl/promql.js";
import { report, type Check } from "../check.js";
import { objectiveProblem } from "./objective.js";

/**
 * A tier fires when the error ratio exceeds factor × budget. When that product is 1 or more, the
 * error ratio (at most 1) can never exceed it: with the 14.4 page tier, any objective at or below
 * about 93.06% makes the page silent forever. Objectives that MON401 rejects are skipped.
 */
export const tierNeverFires: Check = {
  code: "MON402",
  name: "slo/tier-never-fires",
  severity: "error",
  summary: "a burn-rate tier whose threshold (factor × budget) is at least 1, so it can never fire",
  run: ({ model }) =>
    model.services.flatMap((s) => s.slos).flatMap((slo) => {
      // An objective out of range is MON401's; every tier would be reported here too.
      if (slo.objective === undefined || objectiveProblem(slo)) return [];
      const budget = 1 - slo.objective;
      return [...(slo.page?.tiers ?? []), ...(slo.ticket?.tiers ?? [])]
        .filter((tier) => tier.factor * budget >= 1)
        .map((tier) => report(tierNeverFires,
          `SLO "${slo.id}": the ${tier.group} tier ${tier.short}/${tier.long} needs an error ratio above ${formatNumber(tier.factor)} × ${formatNumber(Number(budget.toPrecision(15)))} = ${formatNumber(Number((tier.factor * budget).toPrecision(15)))}, which is impossible`,
          slo.span,
          `raise the objective above ${formatNumber(Number(((1 - 1 / tier.factor) * 100).toPrecision(4)))}%, or give this group tiers with a smaller budget share or a longer long window`,
          `slo ${slo.id}`));
    }),
};
