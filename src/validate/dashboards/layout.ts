import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { GRID_COLUMNS, type Dashboard, type GridPos, type PlacedPanel } from "../../model/dashboard-schema.js";
import { allDashboards } from "../../model/dashboards/index.js";
import { overlaps } from "../../model/dashboards/layout.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";
import { panelSpan, panelWhere } from "./queries.js";

const at = (g: GridPos) => `x ${g.x}, y ${g.y}, ${g.w}×${g.h}`;
const wholeAtLeastOne = (n: number) => Number.isInteger(n) && n >= 1;

/**
 * Grafana's grid: whole sizes of at least one unit, 24 columns, no two panels on one cell, and each
 * panel between its row's header and the next one. Grafana does not refuse any of these; it moves
 * panels around on load, so the dashboard is not the one declared.
 */
export const dashboardLayout: Check = {
  code: "MON703",
  name: "dashboards/layout",
  severity: "error",
  summary: "dashboard panels that overlap, leave the 24 grid columns, have no whole size, or sit outside their row",
  run: ({ model }) => allDashboards(model).flatMap((dashboard) => layoutProblems(dashboard)),
};

/** Exported for tests: moncc's own layout never makes a panel reach into the next row. */
export function layoutProblems(dashboard: Dashboard): Diagnostic[] {
  const out: Diagnostic[] = [];
  const problem = (panel: PlacedPanel, message: string, hint: string) =>
    out.push(report(dashboardLayout, `${panelWhere(dashboard, panel)} (${at(panel.gridPos)}) ${message}`, panelSpan(dashboard, panel), hint, subjectOf.dashboard(dashboard)));
  const seen: PlacedPanel[] = [];
  dashboard.rows.forEach((row, index) => {
    const next = dashboard.rows.slice(index + 1).find((r) => r.y !== undefined);
    const top = row.y !== undefined ? row.y + 1 : 0;
    for (const panel of row.panels) {
      const { x, y, w, h } = panel.gridPos;
      if (!wholeAtLeastOne(w) || !wholeAtLeastOne(h)) {
        problem(panel, `has a size of ${w}×${h}; sizes are whole grid units of at least 1`, "set width and height to whole numbers: width in columns (1–24), height in lines of 30 px");
      } else if (w > GRID_COLUMNS) {
        problem(panel, `is ${w} columns wide; the grid has ${GRID_COLUMNS}`, `set width to ${GRID_COLUMNS} or less`);
      } else if (!Number.isInteger(x) || x < 0 || x + w > GRID_COLUMNS) {
        problem(panel, `spans columns ${x} to ${x + w}; the grid has columns 0 to ${GRID_COLUMNS}`, `move it left (position.x ${Math.max(0, GRID_COLUMNS - w)} at most) or make it narrower`);
      }
      const rowName = row.title === undefined ? "the panels above the first row" : `row "${row.title}"`;
      if (!Number.isInteger(y) || y < top) {
        problem(panel, `starts at line ${y}, above ${rowName}, which starts at line ${top}`, "give position.y as 0 or more: it counts lines below the row header");
      } else if (next?.y !== undefined && y + h > next.y) {
        problem(panel, `reaches line ${y + h}, into the next row "${next.title}" at line ${next.y}`, "move the panel up or make it shorter, or put it in the next row");
      }
      const hit = seen.find((other) => overlaps(other.gridPos, panel.gridPos));
      if (hit) {
        problem(panel, `overlaps ${hit.type} panel "${hit.title}" (${at(hit.gridPos)})`, "move one of them (position) or let moncc place it by removing its position");
      }
      seen.push(panel);
    }
  });
  return out;
}
