import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { walk } from "../../model/promql/tree.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";
import { dashboardQueries, dashboardSeries } from "./queries.js";

const TARGET_VARIABLES = ["job", "instance"];

/**
 * The dashboard-linter's job and instance rules, where they apply: on a dashboard with a $job or
 * $instance picker, every selector of a scraped metric must follow it, or that panel shows every
 * target whatever the viewer picked. Recorded series are left alone: their rules may have
 * aggregated the target labels away. Panels showing a definition's own expression keep it as is,
 * and so do the user's panels on a generated dashboard: its pickers are moncc's, and the DSL has no
 * way to name them.
 */
export const jobInstanceMatchers: Check = {
  code: "MON708",
  name: "dashboards/job-instance-matchers",
  severity: "warning",
  silenceable: true,
  summary: "a selector of a scraped metric that ignores the dashboard's $job or $instance variable",
  run: (context) => {
    const out: Diagnostic[] = [];
    for (const query of dashboardQueries(context)) {
      if (!query.tree || !query.panel) continue;
      if (query.panel.author === "user" && query.dashboard.origin !== "custom") continue;
      const pickers = TARGET_VARIABLES.filter((label) => query.dashboard.variables.some((v) => v.name === label));
      if (pickers.length === 0) continue;
      const { catalog } = dashboardSeries(context, query.dashboard);
      for (const node of walk(query.tree)) {
        if (node.kind !== "selector" || node.name === undefined) continue;
        const info = catalog.lookup(node.name);
        if (!info || info.kind === "recorded" || info.familyOf) continue;
        const missing = pickers.filter((label) => !node.matchers.some((m) => m.label === label && readsVariable(m.value, label)));
        if (missing.length === 0) continue;
        const wanted = missing.map((label) => `${label}=~"$${label}"`).join(", ");
        out.push(report(jobInstanceMatchers,
          `${query.where}: ${node.name} is selected without ${wanted}, so the panel ignores the dashboard's ${missing.map((l) => `$${l}`).join(" and ")} picker`,
          query.locate(query.toOriginal(node.from)),
          `add ${wanted} to the selector`,
          subjectOf.dashboard(query.dashboard)));
      }
    }
    return out;
  },
};

const readsVariable = (value: string, name: string) => new RegExp(`\\$${name}\\b|\\$\\{${name}(:[^}]*)?\\}|\\[\\[${name}(:[^\\]]*)?\\]\\]`).test(value);
