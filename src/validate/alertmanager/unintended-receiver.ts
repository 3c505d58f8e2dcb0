import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { createRouter, intendedReceivers } from "../../model/routing.js";
import { report, routedAlerts, type Check } from "../check.js";

/**
 * Each generated alert, routed through the generated tree, must reach exactly the receivers its
 * team's policy names for its severity. An alert whose severity the team does not route falls
 * through to the project's default receiver, which amtool cannot notice.
 */
export const unintendedReceiver: Check = {
  code: "MON303",
  name: "alertmanager/unintended-receiver",
  severity: "error",
  summary: "an alert whose labels route to no intended receiver",
  run: ({ model, routes }) => {
    const out: Diagnostic[] = [];
    const teams = new Map(model.teams.map((t) => [t.name, t]));
    const route = createRouter(routes);
    for (const alert of routedAlerts(model)) {
      const team = teams.get(alert.owner);
      if (!team) continue;
      const intended = intendedReceivers(team, alert.severity, alert.labels);
      const actual = route(alert.labels);
      if (intended.length === 0) {
        out.push(report(unintendedReceiver,
          `alert "${alert.name}" ${alert.severity} has no receiver in team "${team.name}"'s policy and falls through to the default receiver ${actual.join(", ")}`,
          alert.span, `add ${alert.severity} to the escalation of team "${team.name}", or drop this severity`, alert.id));
      } else if (actual.join(",") !== intended.join(",")) {
        out.push(report(unintendedReceiver,
          `alert "${alert.name}" ${alert.severity} reaches ${actual.join(", ")} but the policy of team "${team.name}" intends ${intended.join(", ")}`,
          alert.span, "an earlier route takes the alert; check route order and `continue`", alert.id));
      }
    }
    return out;
  },
};
