// Classic Grafana dashboard JSON → a static HTML page that draws its grid: each panel a box at its
// gridPos with title, type, unit, thresholds and queries. Pure and deterministic: no clock, no I/O.

import Handlebars from "handlebars";
import { byText } from "../../model/order.js";
import { cssColor } from "./colors.js";
import { GRID_COLUMNS } from "../../model/dashboard-schema.js";
import { GRID_CELL_HEIGHT, GRID_MARGIN, layoutDashboard, parseDashboard, variableQuery, type Panel, type Placed } from "./dashboard.js";
import { INDEX_TEMPLATE, PREVIEW_TEMPLATE } from "./templates.js";

export interface PreviewIndexEntry {
  readonly title: string;
  /** Path of the page relative to the index. */
  readonly file: string;
  readonly folder: string;
}

/** One grid unit of height plus the margin below it, in px. */
const CELL_PITCH = GRID_CELL_HEIGHT + GRID_MARGIN;

const env = Handlebars.create();
let previewTemplate: Handlebars.TemplateDelegate | undefined;
let indexTemplate: Handlebars.TemplateDelegate | undefined;

export function renderDashboardPreview(dashboard: unknown): string {
  const parsed = parseDashboard(dashboard);
  const layout = layoutDashboard(parsed);
  const rowCount = layout.rows.length;
  const panelCount = layout.panels.length;
  previewTemplate ??= env.compile(PREVIEW_TEMPLATE, { strict: true });
  return previewTemplate({
    title: parsed.title,
    uid: parsed.uid,
    tags: parsed.tags,
    description: parsed.description ?? null,
    variables: parsed.templating.list.map((v) => ({ name: v.name, label: v.label ?? null, type: v.type, query: variableQuery(v) })),
    summary: [
      plural(panelCount, "panel"),
      plural(rowCount, "row"),
      parsed.schemaVersion === undefined ? null : `schemaVersion ${parsed.schemaVersion}`,
      `drawn on Grafana's ${GRID_COLUMNS}-column grid`,
    ].filter((part) => part !== null).join(" · "),
    gridStyle: `height: ${px(Math.max(0, layout.height * CELL_PITCH - GRID_MARGIN))}`,
    rows: layout.rows.map((row) => ({
      title: row.panel.title,
      collapsed: row.panel.collapsed === true,
      grid: gridAttribute(row.panel),
      drawnY: String(row.drawnY),
      style: `top: ${px(row.drawnY * CELL_PITCH)}`,
    })),
    panels: layout.panels.map(panelView),
  });
}

export function renderPreviewIndex(entries: readonly PreviewIndexEntry[]): string {
  const folders = [...new Set(entries.map((e) => e.folder))].sort(byText).map((folder) => ({
    name: folder,
    pages: entries
      .filter((e) => e.folder === folder)
      .sort((a, b) => byText(a.title, b.title) || byText(a.file, b.file))
      .map((e) => ({ title: e.title, file: e.file })),
  }));
  indexTemplate ??= env.compile(INDEX_TEMPLATE, { strict: true });
  return indexTemplate({
    summary: entries.length === 0 ? "No dashboards." : `${plural(entries.length, "dashboard")} in ${plural(folders.length, "folder")}.`,
    folders,
  });
}

function panelView(placed: Placed) {
  const { panel, drawnY } = placed;
  const { x, w, h } = panel.gridPos;
  const defaults = panel.fieldConfig?.defaults;
  const percentMode = defaults?.thresholds?.mode === "percentage";
  const outside = x < 0 || x + w > GRID_COLUMNS;
  return {
    classes: ["panel", `panel-${panel.type.replace(/[^a-z0-9-]/gi, "-")}`, placed.collapsedRow === undefined ? null : "in-collapsed-row", outside ? "outside-grid" : null]
      .filter((c) => c !== null)
      .join(" "),
    id: panel.id === undefined ? "" : String(panel.id),
    type: panel.type,
    title: panel.title,
    description: panel.description ?? null,
    unit: defaults?.unit ?? null,
    range: defaults?.min === undefined && defaults?.max === undefined ? null : `min ${defaults?.min ?? "auto"} · max ${defaults?.max ?? "auto"}`,
    thresholds: (defaults?.thresholds?.steps ?? []).map((step) => ({
      value: step.value === null || step.value === undefined ? "base" : `${step.value}${percentMode ? "%" : ""}`,
      color: step.color,
      css: cssColor(step.color),
    })),
    queries: panel.targets.map((target, i) => ({
      refId: target.refId ?? String.fromCharCode(65 + (i % 26)),
      flags: [target.instant ? "instant" : null, target.format && target.format !== "time_series" ? target.format : null].filter((f) => f !== null).join(" · "),
      expr: target.expr ?? "",
      legend: target.legendFormat ?? null,
    })),
    content: panel.type === "text" ? (panel.options?.content ?? null) : null,
    outside,
    grid: gridAttribute(panel),
    drawnY: String(drawnY),
    style: [
      `top: ${px(drawnY * CELL_PITCH)}`,
      `left: ${percent(x / GRID_COLUMNS)}`,
      `width: calc(${percent(w / GRID_COLUMNS)} - ${px(GRID_MARGIN)})`,
      `height: ${px(Math.max(0, h * CELL_PITCH - GRID_MARGIN))}`,
    ].join("; "),
  };
}

const gridAttribute = (panel: Panel) => [panel.gridPos.x, panel.gridPos.y, panel.gridPos.w, panel.gridPos.h].join(",");
const px = (value: number) => `${value}px`;
const percent = (ratio: number) => `${Number((ratio * 100).toFixed(4))}%`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
