import { RUNBOOK_ANNOTATION } from "../../model/conventions.js";
import { allAlerts, report, type Check } from "../check.js";

/** Severities listed in policy.requireRunbook (default P0, P1) need a runbook URL; every alert needs a summary. */
export const missingRunbook: Check = {
  code: "MON110",
  name: "policy/missing-runbook",
  severity: "error",
  summary: "an alert without the runbook or summary the policy requires",
  run: ({ model }) =>
    [...allAlerts(model)].flatMap(({ alert }) => {
      const required = alert.rules.filter((r) => model.policy.requireRunbook.includes(r.severity) && !r.annotations[RUNBOOK_ANNOTATION]);
      const out = [];
      if (required.length > 0) {
        out.push(report(missingRunbook, `alert "${alert.name}" has no runbook, but the policy requires one for ${required.map((r) => r.severity).join(", ")}`,
          alert.span, 'add runbook: "https://…"; the policy is set in project({ policy: { requireRunbook } })', `alert ${alert.service}/${alert.name}`));
      }
      if (!alert.summary || alert.summary.trim() === "") {
        out.push(report(missingRunbook, `alert "${alert.name}" has no summary`, alert.span, "add summary: a one-line description for the notification title"));
      }
      return out;
    }),
};
