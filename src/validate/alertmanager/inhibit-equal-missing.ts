import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { matchesAll } from "../../model/routing.js";
import { report, type Check } from "../check.js";
import { alertTitle, inhibitingTeams, type InhibitedAlert } from "./inhibitions.js";

/**
 * Alertmanager compares `equal` labels by value and treats a missing label as "". An `equal` label
 * no alert carries is therefore always equal, and the rule mutes every target alert whenever any
 * source alert fires; one missing on just one side is never equal, and the rule never mutes.
 */
export const inhibitEqualMissing: Check = {
  code: "MON306",
  name: "alertmanager/inhibit-equal-missing",
  severity: "error",
  summary: "an inhibit rule whose equal names a label the source or target alerts lack",
  run: (context) => {
    const out: Diagnostic[] = [];
    for (const { team, alerts, rules } of inhibitingTeams(context)) {
      const declared = rules.filter((rule) => rule.declared);
      for (const rule of declared) {
        const sources = alerts.filter((a) => matchesAll(rule.source, a.labels));
        const targets = alerts.filter((a) => matchesAll(rule.target, a.labels));
        if (sources.length === 0 || targets.length === 0) continue;
        for (const label of rule.equal) {
          const lacking = (side: readonly InhibitedAlert[]) => side.every((a) => a.dynamicLabels !== undefined && !a.dynamicLabels.includes(label) && a.labels[label] === undefined);
          const sourcesLack = lacking(sources);
          const targetsLack = lacking(targets);
          if (!sourcesLack && !targetsLack) continue;
          const where = `${rule.name} of team "${team.name}"`;
          const message = sourcesLack && targetsLack
            ? `${where}: equal label "${label}" is carried by no source or target alert; a missing label compares equal to a missing one, so any firing source (${sources.map(alertTitle).join(", ")}) mutes every target (${targets.map(alertTitle).join(", ")})`
            : `${where}: equal label "${label}" is carried by no ${sourcesLack ? "source" : "target"} alert (${(sourcesLack ? sources : targets).map(alertTitle).join(", ")}); a missing label never equals a present one, so the rule never mutes anything`;
          out.push(report(inhibitEqualMissing, message, team.span,
            `list in equal only labels both sides carry, such as alertname or service, or add "${label}" to the alerts' labels`, `team ${team.name}`));
        }
      }
    }
    return out;
  },
};
