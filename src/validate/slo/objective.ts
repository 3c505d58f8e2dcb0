import { formatNumber } from "../../dsl/promql.js";
import type { Slo } from "../../model/schema.js";
import { report, type Check } from "../check.js";

/** Why the SLO's objective is unusable, with a hint, if it is. Other SLO checks skip such SLOs. */
export function objectiveProblem(slo: Slo): { message: string; hint: string } | undefined {
  const percent = 'write the objective as a percentage string, e.g. objective: "99.9%"';
  if (slo.objectiveProblem) return { message: slo.objectiveProblem, hint: percent };
  const objective = slo.objective;
  if (objective === undefined) return undefined;
  if (objective >= 1) return { message: `objective ${slo.objectiveText} leaves no error budget`, hint: "an objective must be below 100%; 100% leaves no budget, so every error would page" };
  if (objective <= 0) return { message: `objective ${slo.objectiveText} allows every event to fail`, hint: "an objective must be above 0%" };
  // "0.999%" is a ratio with a percent sign; no service promises that less than 1% of events succeed.
  if (objective < 0.01) {
    return {
      message: `objective ${slo.objectiveText} is below 1%; did you mean ${formatNumber(Number((objective * 1e4).toPrecision(15)))}%?`,
      hint: "objectives are percentages: 99.9% is written \"99.9%\", not \"0.999%\"",
    };
  }
  return undefined;
}

/** Objectives are percentages strictly between 0 and 100, written "99.9%". */
export const sloObjective: Check = {
  code: "MON401",
  name: "slo/objective",
  severity: "error",
  summary: "an SLO objective that is not a percentage between 1% and 100%",
  run: ({ model }) =>
    model.services.flatMap((s) => s.slos).flatMap((slo) => {
      const problem = objectiveProblem(slo);
      return problem ? [report(sloObjective, `SLO "${slo.id}": ${problem.message}`, slo.span, problem.hint, `slo ${slo.id}`)] : [];
    }),
};
