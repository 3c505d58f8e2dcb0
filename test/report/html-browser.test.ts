// The HTML report in a real browser: Debian's chromium driven by playwright-core. The page loads from
// a file with no network request, shows every SLO, and each burn-down chart has one vertex per point
// as the browser parsed it. A missing chromium fails the test and names scripts/install-tools.sh.

import fs from "node:fs";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveReport, planReport, renderReport, type RawLive, type Report } from "../../src/generators/report/index.js";
import { compile } from "../../src/pipeline.js";
import { baseProject, tempDir, writeProject } from "../helpers.js";

const CHROMIUM = "/usr/bin/chromium";

let context: BrowserContext;
let report: Report;
let file: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is not installed: install it with scripts/install-tools.sh (Debian package chromium)`);
  const project = writeProject({
    "moncc.config.ts": baseProject({
      serviceExtra: `slos: [
    slo.ratio("availability", { errors: requests.where({ code: "5xx" }), total: requests, objective: "99.9%", description: "<b>not bold</b> {{ $value }}" }),
    slo.latency("latency", { histogram: latency, threshold: "200ms", objective: "95%", period: "28d" }),
    slo.availability("up", { gauge: memory, objective: "99%", period: "7d", alerting: { page: false, ticket: false } }),
  ],`,
    }),
  });
  const result = await compile(project, { validateOnly: true });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const at = 1_800_000_000;
  const plans = planReport(result.model!, at);
  const raws: RawLive[] = plans.map((plan) => {
    const times = Array.from({ length: plan.burnDown.steps }, (_, i) => plan.burnDown.start + i * plan.burnDown.stepSeconds);
    return {
      windows: plan.windows.map((w) => ({ window: w.window, error: 0.02, total: 100 })),
      alerts: [],
      recordedBudgetRemaining: null,
      burnError: times.map((t, i) => [t, i % 7 === 0 ? 0.05 : 0.01] as [number, number]),
      burnTotal: times.map((t) => [t, 100] as [number, number]),
    };
  });
  report = liveReport(result.model!, plans, raws, { prometheus: "http://127.0.0.1:9090", evaluatedAt: at });
  file = path.join(tempDir("moncc-report-html-"), "report.html");
  fs.writeFileSync(file, renderReport(report, "html"));
  context = await chromium.launchPersistentContext(tempDir("moncc-chromium-"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
});

describe("the HTML report in chromium", () => {
  it("loads without network requests, shows each SLO and draws every burn-down point", async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    expect(await page.title()).toBe("SLO report: fixture");
    expect(requests).toEqual([`file://${file}`]);
    expect(errors).toEqual([]);

    const sections = await page.$$eval("section.slo", (nodes) => nodes.map((n) => ({
      id: n.getAttribute("data-slo-id"),
      title: n.querySelector("h2")?.textContent,
      visible: (n as HTMLElement).offsetHeight > 0,
    })));
    expect(sections).toEqual(report.slos.map((s) => ({ id: s.id, title: `${s.service} / ${s.name}`, visible: true })));
    // User text is text, not markup.
    expect(await page.locator("section.slo >> nth=0 >> p").first().textContent()).toBe("<b>not bold</b> {{ $value }}");

    const charts = await page.$$eval("svg.burn-down", (svgs) => svgs.map((svg) => {
      const line = svg.querySelector("polyline") as SVGPolylineElement;
      const box = svg.getBoundingClientRect();
      return { id: svg.getAttribute("data-slo-id"), points: line.points.numberOfItems, width: box.width, height: box.height };
    }));
    expect(charts.map((c) => [c.id, c.points])).toEqual(report.slos.map((s) => [s.id, s.live!.burnDown.points.length]));
    expect(charts.map((c) => c.points)).toEqual([151, 150, 149]);
    for (const chart of charts) expect(chart.width * chart.height).toBeGreaterThan(0);
  });
});
