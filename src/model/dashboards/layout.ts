// Grid layout: rows stack top to bottom; inside a row, panels the author placed keep their place and
// the others flow left to right into the first free spot that fits, wrapping at 24 columns. Nothing
// is corrected: a panel wider than the grid or placed over another stays so, for the checks to report.

import { GRID_COLUMNS, type Dashboard, type DashboardRow, type DashboardSpec, type GridPos, type PlacedPanel, type RowSpec } from "../dashboard-schema.js";

export function layoutDashboard(spec: DashboardSpec): Dashboard {
  return { ...spec, rows: layoutRows(spec.rows) };
}

export function layoutRows(rows: readonly RowSpec[]): DashboardRow[] {
  const out: DashboardRow[] = [];
  let y = 0;
  for (const row of rows) {
    const header = row.title === undefined ? undefined : y;
    const top = header === undefined ? y : y + 1;
    const panels = layoutPanels(row, top);
    const bottom = panels.reduce((max, p) => Math.max(max, p.gridPos.y + p.gridPos.h), top);
    out.push({ title: row.title, collapsed: row.collapsed, ...(header !== undefined ? { y: header } : {}), panels, span: row.span });
    y = bottom;
  }
  return out;
}

function layoutPanels(row: RowSpec, top: number): PlacedPanel[] {
  const taken: GridPos[] = [];
  const placed = new Map<number, GridPos>();
  row.panels.forEach((panel, index) => {
    if (!panel.position) return;
    const pos = { x: panel.position.x, y: top + panel.position.y, w: panel.width, h: panel.height };
    placed.set(index, pos);
    taken.push(pos);
  });
  let cursor = { x: 0, y: top };
  return row.panels.map((panel, index) => {
    const { width, height, position, ...rest } = panel;
    let gridPos = placed.get(index);
    if (!gridPos) {
      gridPos = freeSpot(cursor, width, height, taken);
      taken.push(gridPos);
      cursor = { x: gridPos.x + gridPos.w, y: gridPos.y };
    }
    return { ...rest, gridPos, placed: position !== undefined };
  });
}

/** The first spot at or after the cursor (reading order) where a w×h panel overlaps nothing. */
function freeSpot(cursor: { x: number; y: number }, w: number, h: number, taken: readonly GridPos[]): GridPos {
  // A panel wider than the grid (or of no real width) fits nowhere; it starts its own line.
  if (!(w <= GRID_COLUMNS && w >= 0)) return { x: 0, y: lowest(taken, cursor.y), w, h };
  for (let y = cursor.y; ; y++) {
    for (let x = y === cursor.y ? cursor.x : 0; x + w <= GRID_COLUMNS; x++) {
      const spot = { x, y, w, h };
      if (!taken.some((t) => overlaps(t, spot))) return spot;
    }
  }
}

const lowest = (taken: readonly GridPos[], from: number) => taken.reduce((max, t) => Math.max(max, t.y + t.h), from);

export function overlaps(a: GridPos, b: GridPos): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
