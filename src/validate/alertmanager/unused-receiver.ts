import { receiverName } from "../../model/conventions.js";
import { walkRoutes } from "../../model/routing.js";
import { report, type Check } from "../check.js";

/** A receiver that no route sends to: it is dead config, or a routing mistake. amtool is silent. */
export const unusedReceiver: Check = {
  code: "MON302",
  name: "alertmanager/unused-receiver",
  severity: "warning",
  summary: "a receiver nothing routes to",
  run: ({ model, routes }) => {
    const used = new Set<string>();
    walkRoutes(routes, (node) => node.receiver && used.add(node.receiver));
    used.add(receiverName(model.defaultReceiver.team, model.defaultReceiver.receiver));
    return model.teams.flatMap((team) =>
      team.receivers
        .filter((r) => !used.has(r.id))
        .map((r) => report(unusedReceiver, `receiver "${r.key}" of team "${team.name}" is never notified`, r.span,
          "reference it from the team's escalation or routes, or delete it", `receiver ${r.id}`)),
    );
  },
};
