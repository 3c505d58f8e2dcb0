// The dashboard preview in a real browser: Debian's chromium driven by playwright-core. Each page loads
// from a file with no network request; every panel box is visible, inside the page, overlaps no other
// box, and sits where its gridPos says on Grafana's 24-column grid. A screenshot of the top of the page
// is taken; with MONCC_UPDATE_SCREENSHOTS=1 it replaces docs/images/preview-<uid>.png.

import fs from "node:fs";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDashboardPreview } from "../../src/generators/preview/render.js";
import { compile } from "../../src/pipeline.js";
import { tempDir } from "../helpers.js";
import { sampleDashboard } from "./sample-dashboard.js";

const CHROMIUM = "/usr/bin/chromium";
const VIEWPORT = { width: 1280, height: 900 };
const GRID_COLUMNS = 24;
const CELL_PITCH = 38;
const MARGIN = 8;
/** Sub-pixel rounding of percentage widths. */
const EPSILON = 1;

interface Box {
  readonly kind: "panel" | "row";
  readonly label: string;
  readonly grid: readonly number[];
  readonly drawnY: number;
  readonly visible: boolean;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

interface PageGeometry {
  readonly boxes: Box[];
  readonly grid: { left: number; top: number; width: number };
  readonly clientWidth: number;
  readonly scrollWidth: number;
}

let context: BrowserContext;
const pagesDir = tempDir("moncc-preview-pages-");
/** Dashboards of examples/ai-platform from the generator; empty until it emits grafana/dashboards. */
const generated = await generatedDashboards();

async function generatedDashboards(): Promise<{ uid: string; json: Record<string, unknown> }[]> {
  const result = await compile(path.resolve("examples/ai-platform"));
  return (result.files ?? [])
    .filter((f) => /^grafana\/dashboards\/.+\.json$/.test(f.path))
    .map((f) => JSON.parse(f.content) as Record<string, unknown>)
    .map((json) => ({ uid: String(json.uid), json }));
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is not installed: install it with scripts/install-tools.sh (Debian package chromium)`);
  context = await chromium.launchPersistentContext(tempDir("moncc-chromium-"), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
});

/** Opens the rendered page, asserts it made no request and raised no error, and measures every box. */
async function openPreview(dashboard: Record<string, unknown>, name: string) {
  const file = path.join(pagesDir, `${name}.html`);
  fs.writeFileSync(file, renderDashboardPreview(dashboard));
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(`file://${file}`);
  expect(requests).toEqual([`file://${file}`]);
  expect(errors).toEqual([]);
  const geometry: PageGeometry = await page.evaluate(() => {
    const rect = (el: Element) => el.getBoundingClientRect();
    const box = (el: Element, kind: "panel" | "row") => {
      const r = rect(el);
      const style = getComputedStyle(el);
      return {
        kind,
        label: kind === "panel" ? `panel ${el.getAttribute("data-panel-id")}` : `row ${el.getAttribute("data-row-title")}`,
        grid: (el.getAttribute("data-grid") ?? "").split(",").map(Number),
        drawnY: Number(el.getAttribute("data-drawn-y")),
        visible: style.visibility === "visible" && style.display !== "none" && Number(style.opacity) > 0,
        left: r.left + window.scrollX,
        top: r.top + window.scrollY,
        width: r.width,
        height: r.height,
      };
    };
    const grid = rect(document.querySelector("main.grid")!);
    return {
      boxes: [...document.querySelectorAll("section.panel")].map((el) => box(el, "panel"))
        .concat([...document.querySelectorAll("div.row-header")].map((el) => box(el, "row"))),
      grid: { left: grid.left + window.scrollX, top: grid.top + window.scrollY, width: grid.width },
      clientWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
  return { page, geometry };
}

/** Grid panels of a classic dashboard: top-level ones and those inside rows. */
function gridPanels(dashboard: Record<string, unknown>): { id: number; gridPos: { x: number; y: number; w: number; h: number } }[] {
  type P = { id: number; type: string; gridPos: { x: number; y: number; w: number; h: number }; panels?: P[] };
  return (dashboard.panels as P[]).flatMap((p) => (p.type === "row" ? p.panels ?? [] : [p]));
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left) > EPSILON &&
  Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top) > EPSILON;

function assertLayout(dashboard: Record<string, unknown>, geometry: PageGeometry): void {
  const panels = geometry.boxes.filter((b) => b.kind === "panel");
  expect(panels.map((b) => b.label)).toEqual(gridPanels(dashboard).map((p) => `panel ${p.id}`));
  expect(geometry.scrollWidth).toBeLessThanOrEqual(geometry.clientWidth);
  const column = geometry.grid.width / GRID_COLUMNS;
  for (const b of geometry.boxes) {
    const [x, , w, h] = b.grid;
    expect(b.visible, b.label).toBe(true);
    expect(b.width, b.label).toBeGreaterThan(0);
    expect(b.height, b.label).toBeGreaterThan(0);
    expect(b.left, b.label).toBeGreaterThanOrEqual(0);
    expect(b.left + b.width, b.label).toBeLessThanOrEqual(geometry.clientWidth);
    // Where gridPos says: x/24 of the grid's width, y and h in 38 px grid units, 8 px gaps.
    expect(Math.abs(b.left - (geometry.grid.left + x * column)), b.label).toBeLessThan(EPSILON);
    expect(Math.abs(b.width - (w * column - MARGIN)), b.label).toBeLessThan(EPSILON);
    expect(Math.abs(b.top - (geometry.grid.top + b.drawnY * CELL_PITCH)), b.label).toBeLessThan(EPSILON);
    if (b.kind === "panel") expect(Math.abs(b.height - (h * CELL_PITCH - MARGIN)), b.label).toBeLessThan(EPSILON);
  }
  const overlapping = geometry.boxes.flatMap((a, i) => geometry.boxes.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.label} overlaps ${b.label}`));
  expect(overlapping).toEqual([]);
  // Relative geometry: left-to-right order and widths follow x and w.
  for (const a of panels) {
    for (const b of panels) {
      if (a.grid[0] < b.grid[0]) expect(a.left, `${a.label} left of ${b.label}`).toBeLessThan(b.left);
      if (a.grid[2] > b.grid[2]) expect(a.width, `${a.label} wider than ${b.label}`).toBeGreaterThan(b.width);
    }
  }
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The top of the page, header and first rows: what the README shows. */
const SHOT_HEIGHT = 1500;

async function screenshot(page: Awaited<ReturnType<typeof openPreview>>["page"], uid: string, gridBottom: number) {
  const update = process.env.MONCC_UPDATE_SCREENSHOTS === "1";
  const target = update ? path.resolve("docs/images", `preview-${uid}.png`) : path.join(tempDir("moncc-preview-shot-"), `preview-${uid}.png`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const height = Math.min(SHOT_HEIGHT, Math.ceil(gridBottom));
  await page.screenshot({ path: target, fullPage: true, clip: { x: 0, y: 0, width: VIEWPORT.width, height }, animations: "disabled" });
  const size = pngSize(fs.readFileSync(target));
  expect(size).toEqual({ width: VIEWPORT.width, height });
}

describe("the dashboard preview in chromium", () => {
  it("draws an SDK-built dashboard (3 rows, one collapsed; 11 panels in widths 6 to 12) as its gridPos says", async () => {
    const dashboard = sampleDashboard();
    const { page, geometry } = await openPreview(dashboard, "sample");
    expect(geometry.boxes.filter((b) => b.kind === "panel")).toHaveLength(11);
    expect(geometry.boxes.filter((b) => b.kind === "row")).toHaveLength(3);
    assertLayout(dashboard, geometry);
    await page.close();
  });

  it("draws every generated dashboard of examples/ai-platform as its gridPos says", async () => {
    expect(generated.length).toBeGreaterThan(0);
    // The screenshot shows the dashboard with the most panels.
    const shown = [...generated].sort((a, b) => gridPanels(b.json).length - gridPanels(a.json).length || (a.uid < b.uid ? -1 : 1))[0].uid;
    for (const { uid, json } of generated) {
      const { page, geometry } = await openPreview(json, `generated-${uid}`);
      expect(geometry.boxes.filter((b) => b.kind === "panel").length, uid).toBeGreaterThan(0);
      assertLayout(json, geometry);
      if (uid === shown) await screenshot(page, uid, Math.max(...geometry.boxes.map((b) => b.top + b.height)));
      await page.close();
    }
  });
});
