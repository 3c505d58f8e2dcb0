import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Span } from "../../model/schema.js";
import { report, type Check } from "../check.js";

/**
 * `group_by: ["..."]` groups by every label; Alertmanager refuses to load a config that lists other
 * labels next to it. moncc reports it at the definition rather than at deploy time.
 */
export const groupByEllipsis: Check = {
  code: "MON310",
  name: "alertmanager/group-by-ellipsis",
  severity: "error",
  summary: `a groupBy that lists "..." together with other labels`,
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const check = (groupBy: readonly string[] | undefined, where: string, span: Span | undefined, subject: string) => {
      if (!groupBy?.includes("...") || groupBy.length === 1) return;
      const others = groupBy.filter((label) => label !== "...");
      out.push(report(groupByEllipsis,
        `${where}: groupBy lists "..." (group by every label) together with ${others.map((l) => `"${l}"`).join(", ")}; Alertmanager rejects this combination`,
        span, `use either ["..."] to group by all labels, or only the labels: [${others.map((l) => `"${l}"`).join(", ")}]`, subject));
    };
    check(model.routing.groupBy, "project routing", model.span, "project routing");
    for (const team of model.teams) {
      check(team.groupBy, `team "${team.name}"`, team.span, `team ${team.name}`);
      team.routes.forEach((route, index) => check(route.groupBy, `team "${team.name}" route #${index + 1}`, team.span, `team ${team.name}`));
    }
    return out;
  },
};
