// The dashboard preview as HTML text: every panel and row is drawn at its gridPos, dashboard text is
// escaped, colors cannot inject CSS, and the same dashboard always gives the same bytes.

import { describe, expect, it } from "vitest";
import { renderDashboardPreview, renderPreviewIndex } from "../../src/generators/preview/render.js";
import { sampleDashboard } from "./sample-dashboard.js";

interface GridPos { x: number; y: number; w: number; h: number }
interface JsonPanel { id?: number; type: string; title: string; gridPos: GridPos; panels?: JsonPanel[] }

/** The opening tags of the elements with this class, with their attributes. */
function elements(html: string, className: string): Record<string, string>[] {
  const tags = html.match(new RegExp(`<(?:section|div) class="${className}(?: [^"]*)?"[^>]*>`, "g")) ?? [];
  return tags.map((tag) => Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])));
}

const grid = (p: GridPos) => `${p.x},${p.y},${p.w},${p.h}`;

function panel(id: number, gridPos: GridPos, extra: Record<string, unknown> = {}) {
  return { id, type: "timeseries", title: `panel ${id}`, gridPos, targets: [{ refId: "A", expr: `up{panel="${id}"}` }], ...extra };
}

describe("renderDashboardPreview", () => {
  it("draws every panel of an SDK-built dashboard with its gridPos, type, unit and queries", () => {
    const dashboard = sampleDashboard();
    const html = renderDashboardPreview(dashboard);
    const all = (dashboard.panels as JsonPanel[]).flatMap((p) => (p.type === "row" ? p.panels ?? [] : [p]));
    expect(all).toHaveLength(11);
    expect(elements(html, "panel").map((e) => [e["data-panel-id"], e["data-panel-type"], e["data-grid"]]))
      .toEqual(all.map((p) => [String(p.id), p.type, grid(p.gridPos)]));
    expect(html).toContain('<span class="badge unit">reqps</span>');
    expect(html).toContain("sum by (code) (rate(http_requests_total{service&#x3D;&quot;checkout&quot;}[$__rate_interval]))");
    expect(html).toContain('legend <code>{{code}}</code>');
    expect(html).toContain('<span class="flags">instant · table</span>');
    expect(html).toContain('<tr data-variable="model"><td><code>$model</code> (Model)</td><td>query</td>');
    expect(html).toContain("<p class=\"summary\">11 panels · 3 rows · schemaVersion 42 · drawn on Grafana&#x27;s 24-column grid</p>");
  });

  it("draws each row as a full-width header at its own grid row", () => {
    const html = renderDashboardPreview(sampleDashboard());
    expect(elements(html, "row-header").map((e) => [e["data-row-title"], e["data-grid"], e.style]))
      .toEqual([["RED", "0,0,24,1", "top: 0px"], ["Model", "0,14,24,1", "top: 532px"], ["Resources", "0,23,24,1", "top: 874px"]]);
  });

  it("places boxes on Grafana's grid: x/24 of the width, 38 px per grid unit of height", () => {
    const html = renderDashboardPreview({ uid: "g", title: "g", panels: [panel(1, { x: 6, y: 2, w: 9, h: 4 })] });
    expect(elements(html, "panel")[0].style).toBe("top: 76px; left: 25%; width: calc(37.5% - 8px); height: 144px");
    expect(html).toContain('<main class="grid" style="height: 220px">');
  });

  it("draws a collapsed row's panels under it and moves the panels after it down", () => {
    const html = renderDashboardPreview({
      uid: "c",
      title: "collapsed",
      panels: [
        panel(1, { x: 0, y: 0, w: 24, h: 4 }),
        { type: "row", title: "Hidden", collapsed: true, gridPos: { x: 0, y: 4, w: 24, h: 1 }, panels: [panel(2, { x: 0, y: 5, w: 12, h: 6 }), panel(3, { x: 12, y: 5, w: 12, h: 3 })] },
        { type: "row", title: "After", collapsed: false, gridPos: { x: 0, y: 5, w: 24, h: 1 }, panels: [] },
        panel(4, { x: 0, y: 6, w: 24, h: 2 }),
      ],
    });
    expect(elements(html, "row-header").map((e) => [e["data-row-title"], e.class, e["data-drawn-y"]]))
      .toEqual([["Hidden", "row-header collapsed", "4"], ["After", "row-header", "11"]]);
    expect(elements(html, "panel").map((e) => [e["data-panel-id"], e.class, e["data-grid"], e["data-drawn-y"]])).toEqual([
      ["1", "panel panel-timeseries", "0,0,24,4", "0"],
      ["2", "panel panel-timeseries in-collapsed-row", "0,5,12,6", "5"],
      ["3", "panel panel-timeseries in-collapsed-row", "12,5,12,3", "5"],
      ["4", "panel panel-timeseries", "0,6,24,2", "12"],
    ]);
    expect(html).toContain("collapsed in Grafana; its panels are drawn below it");
  });

  it("escapes dashboard text: titles, tags, descriptions, queries and markdown are shown, not run", () => {
    const html = renderDashboardPreview({
      uid: "x\"><script>alert(1)</script>",
      title: "<script>alert('title')</script>",
      tags: ["<b>tag</b>"],
      templating: { list: [{ type: "query", name: "v", query: { query: "label_values(up, <i>job</i>)" } }] },
      panels: [
        panel(1, { x: 0, y: 0, w: 12, h: 4 }, { title: "<img src=x onerror=alert(2)>", description: "{{ $labels.x }} & <u>u</u>", targets: [{ refId: "A", expr: "a < b", legendFormat: "</code><script>" }] }),
        panel(2, { x: 12, y: 0, w: 12, h: 4 }, { type: "text", title: "t", options: { content: "<script>alert(3)</script>" } }),
      ],
    });
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>/);
    expect(html).toContain("<title>&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; · dashboard preview</title>");
    expect(html).toContain('<code class="uid">x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect(html).toContain("&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;");
    expect(html).toContain("{{ $labels.x }} &amp; &lt;u&gt;u&lt;/u&gt;");
    expect(html).toContain('<code class="expr">a &lt; b</code>');
    expect(html).toContain('<pre class="content">&lt;script&gt;alert(3)&lt;/script&gt;</pre>');
    expect(html).toContain("<code>label_values(up, &lt;i&gt;job&lt;/i&gt;)</code>");
  });

  it("shows threshold steps with a swatch of the Grafana color, and never lets a color string into CSS", () => {
    const html = renderDashboardPreview({
      uid: "t",
      title: "t",
      panels: [panel(1, { x: 0, y: 0, w: 24, h: 4 }, {
        fieldConfig: { defaults: { unit: "s", min: 0, thresholds: { mode: "absolute", steps: [
          { value: null, color: "green" },
          { value: 0.2, color: "semi-dark-red" },
          { value: 0.5, color: "#ABCDEF" },
          { value: 0.9, color: "red; background: url(http://example.com/x.png)" },
        ] } } },
      })],
    });
    const swatches = [...html.matchAll(/<li><span class="swatch" style="background: ([^"]*)"><\/span>([^<]*) <span class="color-name">([^<]*)<\/span><\/li>/g)]
      .map((m) => [m[1], m[2], m[3]]);
    expect(swatches).toEqual([
      ["#73BF69", "base", "green"],
      ["#E02F44", "0.2", "semi-dark-red"],
      ["#ABCDEF", "0.5", "#ABCDEF"],
      ["#6E6E6E", "0.9", "red; background: url(http://example.com/x.png)"],
    ]);
    expect(html).toContain('<p class="range">min 0 · max auto</p>');
    expect(html).not.toMatch(/style="[^"]*url\(/);
  });

  it("flags a panel that sticks out of the 24 columns", () => {
    const html = renderDashboardPreview({ uid: "o", title: "o", panels: [panel(1, { x: 18, y: 0, w: 12, h: 4 })] });
    expect(elements(html, "panel")[0].class).toBe("panel panel-timeseries outside-grid");
    expect(html).toContain("extends beyond Grafana's 24 grid columns");
  });

  it("is deterministic: the same dashboard gives the same bytes, whatever the key order", () => {
    const dashboard = sampleDashboard();
    const first = renderDashboardPreview(dashboard);
    expect(renderDashboardPreview(sampleDashboard())).toBe(first);
    expect(renderDashboardPreview(reorderKeys(dashboard))).toBe(first);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}T|\/work\/|\/tmp\//);
  });

  it("says what is wrong when given something that is not a dashboard", () => {
    expect(() => renderDashboardPreview({ title: "x", panels: [{ type: "stat", title: "no gridPos" }] })).toThrow(/not a classic Grafana dashboard JSON:[\s\S]*panels\[0\]\.gridPos/);
  });
});

describe("renderPreviewIndex", () => {
  it("links every page, grouped by folder and sorted, with escaped titles", () => {
    const html = renderPreviewIndex([
      { title: "Zeta", file: "team-b/zeta.html", folder: "team-b" },
      { title: "<Alpha>", file: "team-b/alpha.html", folder: "team-b" },
      { title: "Overview", file: "general/overview.html", folder: "general" },
    ]);
    const sections = [...html.matchAll(/<section class="folder" data-folder="([^"]*)">[\s\S]*?<\/section>/g)]
      .map((m) => [m[1], [...m[0].matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((a) => `${a[1]} ${a[2]}`)]);
    expect(sections).toEqual([
      ["general", ["general/overview.html Overview"]],
      ["team-b", ["team-b/alpha.html &lt;Alpha&gt;", "team-b/zeta.html Zeta"]],
    ]);
    expect(html).toContain("3 dashboards in 2 folders.");
  });

  it("says when there is nothing to link", () => {
    expect(renderPreviewIndex([])).toContain("No dashboards.");
  });
});

/** A deep copy with every object's keys in reverse order. */
function reorderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorderKeys(v)]));
}
