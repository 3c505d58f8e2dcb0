import { report, type Check } from "../check.js";

/** Objectives are percentages strictly between 0 and 100, written "99.9%". */
export const sloObjective: Check = {
  code: "MON401",
  name: "slo/objective",
  severity: "error",
  summary: "an SLO objective that is not a percentage between 0% and 100%",
  run: ({ model }) =>
    model.services.flatMap((s) => s.slos).flatMap((slo) => {
      if (slo.objectiveProblem) {
        return [report(sloObjective, `SLO "${slo.id}": ${slo.objectiveProblem}`, slo.span, 'write the objective as a percentage string, e.g. objective: "99.9%"', `slo ${slo.id}`)];
      }
      if (slo.objective !== undefined && (slo.objective <= 0 || slo.objective >= 1)) {
        return [report(sloObjective, `SLO "${slo.id}": objective ${slo.objectiveText} leaves ${slo.objective >= 1 ? "no" : "all of the"} error budget`, slo.span,
          "an objective must be above 0% and below 100%; 100% leaves no budget, so every error would page", `slo ${slo.id}`)];
      }
      return [];
    }),
};
