import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { DATASOURCE_REF } from "../../model/conventions.js";
import { allDashboards } from "../../model/dashboards/index.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";
import { panelSpan, panelWhere } from "./queries.js";

/** `$name`, `${name}`, `${name:format}` or `[[name]]`: a datasource given by a variable. */
const VARIABLE_REF = /^\$(\w+)$|^\$\{(\w+)(?::[^}]*)?\}$|^\[\[(\w+)(?::[^\]]*)?\]\]$/;

/**
 * Each panel reads a datasource variable the dashboard declares, so one dashboard file works on any
 * Grafana; a variable it does not declare leaves the panel with no datasource at all.
 */
export const dashboardDatasource: Check = {
  code: "MON705",
  name: "dashboards/datasource",
  severity: "error",
  summary: "a panel datasource naming a variable the dashboard does not declare as a datasource variable, or a fixed datasource uid on a dashboard without one",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const dashboard of allDashboards(model)) {
      const datasourceVariables = dashboard.variables.filter((v) => v.kind === "datasource").map((v) => v.name);
      const declared = (name: string) => datasourceVariables.includes(name);
      for (const row of dashboard.rows) {
        for (const panel of row.panels) {
          // A text panel reads no data; Grafana ignores its datasource.
          if (panel.queries.length === 0) continue;
          const problem = (message: string, hint: string) =>
            out.push(report(dashboardDatasource, `${panelWhere(dashboard, panel)}: ${message}`, panelSpan(dashboard, panel), hint, subjectOf.dashboard(dashboard)));
          const match = VARIABLE_REF.exec(panel.datasource);
          const name = match ? match[1] ?? match[2] ?? match[3] : undefined;
          const choices = datasourceVariables.map((v) => `"\${${v}}"`).join(" or ") || `"${DATASOURCE_REF}"`;
          if (name !== undefined && !declared(name)) {
            const other = dashboard.variables.find((v) => v.name === name);
            problem(other
              ? `datasource "${panel.datasource}" names the ${other.kind} variable $${name}, not a datasource variable`
              : `datasource "${panel.datasource}" names variable $${name}, which the dashboard does not declare`,
            `use the dashboard's datasource variable: datasource: ${choices}`);
          } else if (name === undefined && datasourceVariables.length === 0) {
            problem(`datasource "${panel.datasource}" is a fixed datasource uid and the dashboard has no datasource variable, so it works only on the Grafana that has that uid`,
              `read the datasource from a variable: datasource: "${DATASOURCE_REF}"`);
          }
        }
      }
    }
    return out;
  },
};
