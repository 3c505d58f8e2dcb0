import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { matchesAll } from "../../model/routing.js";
import { report, type Check } from "../check.js";
import { alertTitle, inhibitingTeams } from "./inhibitions.js";

/**
 * An inhibit rule whose source and target both match one alert. Such an alert would mute itself;
 * Alertmanager prevents that by ignoring, for an alert on both sides, every source that is also on
 * both sides, so the rule silently does less than it says.
 */
export const selfInhibition: Check = {
  code: "MON307",
  name: "alertmanager/self-inhibition",
  severity: "error",
  summary: "an inhibit rule whose source and target match the same alert",
  run: (context) => {
    const out: Diagnostic[] = [];
    for (const { team, alerts, rules } of inhibitingTeams(context)) {
      for (const rule of rules.filter((r) => r.declared)) {
        const both = alerts.filter((a) => matchesAll(rule.source, a.labels) && matchesAll(rule.target, a.labels));
        if (both.length === 0) continue;
        const shown = both.slice(0, 3).map(alertTitle).join(", ") + (both.length > 3 ? ` and ${both.length - 3} more` : "");
        out.push(report(selfInhibition,
          `${rule.name} of team "${team.name}": source and target overlap; ${shown} match${both.length === 1 ? "es" : ""} both, and Alertmanager never lets such alerts mute each other`,
          team.span, "make source and target disjoint, e.g. source { severity: \"P1\" } and target { severity: [\"P2\", \"P3\"] }", `team ${team.name}`));
      }
    }
    return out;
  },
};
