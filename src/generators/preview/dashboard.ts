// The part of classic Grafana dashboard JSON the preview draws, read with zod, and its layout on the
// page. A collapsed row's panels are drawn under it, as if the row were expanded: the panels after it
// move down by the height they take, the way Grafana moves them when a reviewer opens the row.

import { z } from "zod";

/** Grafana's grid rows (its columns: GRID_COLUMNS in the dashboard model): 30 px with 8 px between cells (GRID_CELL_HEIGHT, GRID_CELL_VMARGIN). */
export const GRID_CELL_HEIGHT = 30;
export const GRID_MARGIN = 8;

const GridPosSchema = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });

const TargetSchema = z.object({
  refId: z.string().optional(),
  expr: z.string().optional(),
  legendFormat: z.string().optional(),
  instant: z.boolean().optional(),
  format: z.string().optional(),
});

const ThresholdStepSchema = z.object({ value: z.number().nullable().optional(), color: z.string() });

const PanelSchema = z.object({
  id: z.number().optional(),
  type: z.string(),
  title: z.string().default(""),
  description: z.string().optional(),
  gridPos: GridPosSchema,
  collapsed: z.boolean().optional(),
  fieldConfig: z.object({
    defaults: z.object({
      unit: z.string().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      thresholds: z.object({ mode: z.string().optional(), steps: z.array(ThresholdStepSchema).default([]) }).optional(),
    }).optional(),
  }).optional(),
  targets: z.array(TargetSchema).default([]),
  options: z.object({ content: z.string().optional() }).optional(),
});

const TopLevelPanelSchema = PanelSchema.extend({ panels: z.array(PanelSchema).default([]) });

const VariableSchema = z.object({
  name: z.string(),
  type: z.string(),
  label: z.string().optional(),
  definition: z.string().optional(),
  /** A string, or an object holding `query` (the SDK's query variables). */
  query: z.unknown().optional(),
});

export const DashboardSchema = z.object({
  uid: z.string().default(""),
  title: z.string().default(""),
  description: z.string().optional(),
  tags: z.array(z.string()).default([]),
  schemaVersion: z.number().optional(),
  panels: z.array(TopLevelPanelSchema).default([]),
  templating: z.object({ list: z.array(VariableSchema).default([]) }).default({ list: [] }),
});

export type Dashboard = z.infer<typeof DashboardSchema>;
export type Panel = z.infer<typeof PanelSchema>;
export type Variable = z.infer<typeof VariableSchema>;

export function parseDashboard(json: unknown): Dashboard {
  const parsed = DashboardSchema.safeParse(json);
  if (!parsed.success) throw new Error(`not a classic Grafana dashboard JSON:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A row or panel with the grid row it is drawn at. */
export interface Placed {
  readonly panel: Panel;
  readonly drawnY: number;
  /** Title of the collapsed row holding the panel, when it is one. */
  readonly collapsedRow?: string;
}

export interface Layout {
  readonly rows: readonly Placed[];
  readonly panels: readonly Placed[];
  /** Grid units from the top to the bottom of the lowest box. */
  readonly height: number;
}

export function layoutDashboard(dashboard: Dashboard): Layout {
  const rows: Placed[] = [];
  const panels: Placed[] = [];
  let shift = 0;
  for (const top of dashboard.panels) {
    const drawnY = top.gridPos.y + shift;
    if (top.type !== "row") {
      panels.push({ panel: top, drawnY });
      continue;
    }
    rows.push({ panel: top, drawnY });
    if (!top.collapsed || top.panels.length === 0) continue;
    const firstY = Math.min(...top.panels.map((p) => p.gridPos.y));
    const bottom = Math.max(...top.panels.map((p) => p.gridPos.y + p.gridPos.h));
    for (const child of top.panels) panels.push({ panel: child, drawnY: drawnY + 1 + child.gridPos.y - firstY, collapsedRow: top.title });
    shift += bottom - firstY;
  }
  const bottoms = [...rows, ...panels].map((p) => p.drawnY + p.panel.gridPos.h);
  return { rows, panels, height: Math.max(0, ...bottoms) };
}

/** The query text of a template variable, whichever shape it was written in. */
export function variableQuery(variable: Variable): string {
  if (variable.definition) return variable.definition;
  const query = variable.query;
  if (typeof query === "string") return query;
  if (query && typeof query === "object" && "query" in query && typeof query.query === "string") return query.query;
  return "";
}
