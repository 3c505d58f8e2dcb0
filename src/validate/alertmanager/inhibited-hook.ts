import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { matchesAll } from "../../model/routing.js";
import type { Severity } from "../../model/schema.js";
import { allAlerts, report, type Check } from "../check.js";

/** Severities a firing severity inhibits, as generated when policy.inhibitLowerSeverities is on. */
const INHIBITS: Partial<Record<Severity, readonly Severity[]>> = { P0: ["P1", "P2", "P3"], P1: ["P2", "P3"] };

/**
 * Inhibition mutes an alert for every receiver, hooks included. When a lower severity of an alert is
 * routed to a custom route (say, a rollback webhook) that its inhibiting higher severity does not
 * reach, the hook stops firing exactly when things get worse. amtool cannot see this.
 */
export const inhibitedHook: Check = {
  code: "MON304",
  name: "alertmanager/inhibited-hook",
  severity: "warning",
  summary: "a custom route that inhibition silences when a higher severity of the same alert fires",
  run: ({ model }) => {
    if (!model.policy.inhibitLowerSeverities) return [];
    const out: Diagnostic[] = [];
    const teams = new Map(model.teams.map((t) => [t.name, t]));
    for (const { service, alert } of allAlerts(model)) {
      const team = teams.get(service.owner);
      if (!team) continue;
      for (const higher of alert.rules) {
        for (const lower of alert.rules.filter((r) => INHIBITS[higher.severity]?.includes(r.severity))) {
          team.routes.forEach((route, index) => {
            if (matchesAll(route.matchers, lower.labels) && !matchesAll(route.matchers, higher.labels)) {
              out.push(report(inhibitedHook,
                `alert "${alert.name}": route #${index + 1} of team "${team.name}" (${route.notify.join(", ")}) takes ${lower.severity} but not ${higher.severity}; while ${higher.severity} fires, inhibition mutes ${lower.severity} and the route never runs`,
                alert.span,
                `give ${higher.severity} the same labels (e.g. labels: { ${route.matchers.map((m) => `${m.label}: "${m.value}"`).join(", ")} }), or turn off policy.inhibitLowerSeverities`,
                lower.id));
            }
          });
        }
      }
    }
    return out;
  },
};
