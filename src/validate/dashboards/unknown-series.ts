import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { walk } from "../../model/promql/tree.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";
import { nearest } from "./nearest.js";
import { dashboardQueries, dashboardSeries } from "./queries.js";

/**
 * Every series a panel or variable reads is a declared metric's or a generated recording rule's:
 * a dashboard left reading a renamed metric or a removed rule shows "No data" and nothing else.
 */
export const unknownSeries: Check = {
  code: "MON702",
  name: "dashboards/unknown-series",
  severity: "error",
  summary: "a dashboard query reading a series that no declared metric or generated recording rule provides",
  run: (context) => {
    const out: Diagnostic[] = [];
    for (const query of dashboardQueries(context)) {
      if (!query.tree) continue;
      const series = dashboardSeries(context, query.dashboard);
      const reported = new Set<string>();
      for (const node of walk(query.tree)) {
        if (node.kind !== "selector" || node.name === undefined || series.catalog.lookup(node.name) || reported.has(node.name)) continue;
        // A name made of Grafana variables is only known when the dashboard is viewed.
        if (query.uses.some((use) => use.as === "name" && use.from < query.toOriginal(node.to) && query.toOriginal(node.from) < use.to)) continue;
        reported.add(node.name);
        const suggestion = nearest(node.name, series.names());
        out.push(report(unknownSeries,
          `${query.where}: reads ${node.name}, which no declared metric or generated recording rule provides${suggestion ? `; did you mean ${suggestion}?` : ""}`,
          query.locate(query.toOriginal(node.from)),
          suggestion
            ? `read ${suggestion}, or declare the metric and list it in a service's metrics`
            : "declare the metric and list it in a service's metrics (or read it through its object), or read a recording rule the project defines",
          subjectOf.dashboard(query.dashboard)));
      }
    }
    return out;
  },
};
