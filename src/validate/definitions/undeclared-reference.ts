import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { report, type Check } from "../check.js";

/** A service owner, receiver key or time interval that no definition declares. */
export const undeclaredReference: Check = {
  code: "MON102",
  name: "definitions/undeclared-reference",
  severity: "error",
  summary: "a reference to a team, receiver or time interval that is not declared",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const teams = new Map(model.teams.map((t) => [t.name, t]));
    const intervals = new Set(model.timeIntervals.map((i) => i.name));
    const teamList = [...teams.keys()].join(", ") || "none";

    for (const service of model.services) {
      if (!teams.has(service.owner)) {
        out.push(report(undeclaredReference, `service "${service.name}" is owned by team "${service.owner}", which the project does not list`, service.span,
          `add the team to project({ teams: [...] }); declared teams: ${teamList}`, `service ${service.name}`));
      }
    }
    for (const team of model.teams) {
      const keys = new Set(team.receivers.map((r) => r.key));
      const known = [...keys].join(", ") || "none";
      const check = (key: string, where: string) => {
        if (!keys.has(key)) {
          out.push(report(undeclaredReference, `team "${team.name}": ${where} notifies receiver "${key}", which the team does not declare`, team.span,
            `declared receivers: ${known}`, `team ${team.name}`));
        }
      };
      for (const step of team.escalation) {
        step.notify.forEach((key) => check(key, `escalation ${step.severity}`));
        for (const name of [...step.activeDuring, ...step.mutedDuring]) {
          if (!intervals.has(name)) {
            out.push(report(undeclaredReference, `team "${team.name}": escalation ${step.severity} uses time interval "${name}", which is not declared`, team.span,
              "declare it with timeInterval(...) and list it in project({ timeIntervals })", `team ${team.name}`));
          }
        }
      }
      team.routes.forEach((route, index) => route.notify.forEach((key) => check(key, `route #${index + 1}`)));
    }
    const fallback = model.defaultReceiver;
    const owner = teams.get(fallback.team);
    if (!owner || !owner.receivers.some((r) => r.key === fallback.receiver)) {
      out.push(report(undeclaredReference, `the default receiver "${fallback.team}/${fallback.receiver}" is not declared`, fallback.span,
        "use team.receiver(\"key\") of a team listed in the project"));
    }
    return out;
  },
};
