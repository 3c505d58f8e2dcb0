// Grid layout: flow, wrapping, rows stacking, author-placed panels kept, and nothing "corrected".

import { describe, expect, it } from "vitest";
import type { PanelSpec, RowSpec } from "../../src/model/dashboard-schema.js";
import { layoutRows, overlaps } from "../../src/model/dashboards/layout.js";
import { dashboardUid } from "../../src/model/conventions.js";

const spec = (title: string, width: number, height: number, position?: { x: number; y: number }): PanelSpec =>
  ({ type: "timeseries", title, datasource: "${datasource}", queries: [], author: "user", width, height, ...(position ? { position } : {}) });

const positions = (rows: RowSpec[]) => layoutRows(rows).flatMap((r) => r.panels.map((p) => [p.title, p.gridPos.x, p.gridPos.y, p.gridPos.w, p.gridPos.h]));

describe("layoutRows", () => {
  it("flows panels left to right and wraps at 24 columns under the row header", () => {
    const rows: RowSpec[] = [{ title: "A", collapsed: false, panels: [spec("a", 12, 8), spec("b", 12, 8), spec("c", 18, 8)] }];
    expect(positions(rows)).toEqual([["a", 0, 1, 12, 8], ["b", 12, 1, 12, 8], ["c", 0, 9, 18, 8]]);
  });

  it("fills a gap left beside a shorter panel only after the cursor (reading order is kept)", () => {
    const rows: RowSpec[] = [{ title: "A", collapsed: false, panels: [spec("tall", 12, 8), spec("short", 12, 4), spec("next", 12, 4)] }];
    expect(positions(rows)).toEqual([["tall", 0, 1, 12, 8], ["short", 12, 1, 12, 4], ["next", 12, 5, 12, 4]]);
  });

  it("stacks rows: a row header sits below the tallest panel of the row above", () => {
    const laid = layoutRows([
      { collapsed: false, panels: [spec("top", 24, 2)] },
      { title: "One", collapsed: false, panels: [spec("a", 6, 4), spec("b", 6, 9)] },
      { title: "Two", collapsed: false, panels: [] },
      { title: "Three", collapsed: false, panels: [spec("c", 24, 3)] },
    ]);
    expect(laid.map((r) => r.y)).toEqual([undefined, 2, 12, 13]);
    expect(laid[3].panels[0].gridPos).toEqual({ x: 0, y: 14, w: 24, h: 3 });
  });

  it("keeps author-placed panels where they are and flows the others around them", () => {
    const rows: RowSpec[] = [{ title: "A", collapsed: false, panels: [spec("auto", 12, 4), spec("fixed", 12, 4, { x: 0, y: 0 })] }];
    const laid = layoutRows(rows)[0].panels;
    expect(laid.map((p) => [p.title, p.gridPos, p.placed])).toEqual([
      ["auto", { x: 12, y: 1, w: 12, h: 4 }, false],
      ["fixed", { x: 0, y: 1, w: 12, h: 4 }, true],
    ]);
  });

  it("leaves an author's overlap and an over-wide panel for the checks to report", () => {
    const rows: RowSpec[] = [{ title: "A", collapsed: false, panels: [spec("p", 12, 4, { x: 0, y: 0 }), spec("q", 12, 4, { x: 6, y: 2 }), spec("wide", 30, 2)] }];
    const laid = layoutRows(rows)[0].panels;
    expect(overlaps(laid[0].gridPos, laid[1].gridPos)).toBe(true);
    expect(laid[2].gridPos).toEqual({ x: 0, y: 7, w: 30, h: 2 });
  });
});

describe("dashboardUid", () => {
  it("slugs kind and name, and hashes only what would pass 40 characters", () => {
    expect(dashboardUid("svc", "fraud-detection")).toBe("svc-fraud-detection");
    expect(dashboardUid("dash", "Model comparison")).toBe("dash-model-comparison");
    const long = dashboardUid("slo", "fraud-detection-prediction-availability");
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^slo-fraud-detection-prediction-[0-9a-f]{8}$/);
    expect(dashboardUid("slo", "fraud-detection-prediction-availabilitx")).not.toBe(long);
  });
});
