import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { matchesAll } from "../../model/routing.js";
import { report, type Check, type CheckContext } from "../check.js";
import { alertsWithQueryLabels } from "./alert-labels.js";

/**
 * The label names an alert of each team can carry: its generated labels plus the labels its query
 * result keeps. A team is left out when some alert's query labels are unknown (raw PromQL).
 */
function teamAlertLabels(context: CheckContext): Map<string, Set<string>> {
  const unknown = new Set<string>();
  const labels = new Map<string, Set<string>>();
  for (const { alert, queryLabels: fromQuery } of alertsWithQueryLabels(context)) {
    if (fromQuery === undefined) unknown.add(alert.owner);
    // Prometheus adds alertname to every alert.
    const set = labels.get(alert.owner) ?? new Set<string>(["alertname"]);
    for (const name of [...Object.keys(alert.labels), ...(fromQuery ?? [])]) set.add(name);
    labels.set(alert.owner, set);
  }
  for (const team of unknown) labels.delete(team);
  return labels;
}

/**
 * A custom route matcher that needs a label no alert of the team can carry never matches, so the
 * route (a remediation hook, say) is dead. amtool cannot know which labels alerts will have.
 */
export const unknownRouteLabel: Check = {
  code: "MON305",
  name: "alertmanager/unknown-route-label",
  severity: "error",
  summary: "a custom route matcher on a label no alert of the team carries",
  run: (context) => {
    const out: Diagnostic[] = [];
    const carried = teamAlertLabels(context);
    const { model } = context;
    for (const team of model.teams) {
      const labels = carried.get(team.name);
      if (!labels) continue;
      team.routes.forEach((route, index) => {
        for (const matcher of route.matchers) {
          // A matcher an absent label satisfies (`!=`, or a regex matching "") is not dead.
          if (labels.has(matcher.label) || matchesAll([matcher], {})) continue;
          out.push(report(unknownRouteLabel,
            `route #${index + 1} of team "${team.name}" (${route.notify.join(", ")}) matches on label "${matcher.label}", which no alert of the team carries, so the route never matches`,
            team.span,
            `match on a label the team's alerts have (${[...labels].sort().join(", ")}), or add "${matcher.label}" to the alerts' labels`,
            `team ${team.name}`));
        }
      });
    }
    return out;
  },
};
