// moncc report --prometheus against a real Prometheus holding 30 days of backfilled synthetic
// counters with a known set of bad minutes. The report's SLI, budget remaining, burn rates and
// burn-down are compared with values computed here, independently, from the synthetic data.
//
// What the live report measures: the SLO's own SLI queries (sum(rate(errors[w])) / sum(rate(total[w])))
// evaluated over each window at one instant `at`. The test recomputes those from the synthetic
// counters for the report's own `at`, with rate()'s documented extrapolation (promRate below), and
// separately checks them against the plain count of bad minutes. Recording rules are not involved:
// their history starts when Prometheus starts, after the backfill.

import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import type { Report } from "../../src/generators/report/index.js";
import { compile } from "../../src/pipeline.js";
import { baseProject, tempDir, writeProject, runCli } from "../helpers.js";
import { requireTool } from "../tools/tools.js";
import { backfilledTsdb, freePort, startPrometheus, type RunningServer } from "./servers.js";

const MINUTE = 60;
const DAY = 86_400;
const PERIOD = 30 * DAY;
const PER_MINUTE = 100; // requests per minute, all of them failing in a bad minute
const OBJECTIVE = 0.99;
const BUDGET = 1 - OBJECTIVE;

/** Tolerances: the window ratio is emulated exactly, so only float noise remains. */
const RATIO_TOLERANCE = 1e-9;
const REMAINING_TOLERANCE = 1e-6;
/**
 * The burn-down sums rate() over 150 steps of 4.8 h. Each step counts the increase between its own
 * first and last sample and extrapolates it uniformly, so the events of the one scrape interval
 * between two steps' samples are spread by extrapolation rather than counted: a bad minute there
 * is lost. Measured on this data: 1.6 of 432 budget minutes (0.0037). Tolerance: 0.01 of the budget
 * (4.3 minutes, about four bad minutes falling between steps).
 */
const BURN_DOWN_TOLERANCE = 0.01;

let prometheus: RunningServer;
let project: string;
/** Timestamp of the last synthetic sample; samples every minute for 30 days before it. */
let last: number;
/** bad[i] is true when the minute ending at last − i × 60 failed. */
const badMinutesAgo = new Set<number>();

function defineOutages(): void {
  const add = (fromMinutesAgo: number, minutes: number) => {
    for (let i = 0; i < minutes; i++) badMinutesAgo.add(fromMinutesAgo - i);
  };
  add(20 * 1440, 60); // a one-hour outage 20 days ago
  add(10 * 1440, 30); // 30 minutes 10 days ago
  for (let d = 5; d < 25; d++) add(d * 1440 + 333, 1); // 20 single bad minutes, days 5 to 24
  add(9, 10); // the last 10 minutes: fast burn now (page quick tier)
}

/** Counter values at `minutesAgo` (cumulative from the first sample, 30 days before `last`). */
function series(): { t: number; ok: number; bad: number }[] {
  const out: { t: number; ok: number; bad: number }[] = [];
  let ok = 0;
  let bad = 0;
  for (let m = PERIOD / MINUTE; m >= 0; m--) {
    if (m < PERIOD / MINUTE) {
      if (badMinutesAgo.has(m)) bad += PER_MINUTE;
      else ok += PER_MINUTE;
    }
    out.push({ t: last - m * MINUTE, ok, bad });
  }
  return out;
}

/**
 * rate() of one counter over (at − window, at] as Prometheus 2.x computes it (extrapolatedRate):
 * the increase between the first and last sample inside, extrapolated to the window's edges when
 * the samples come within 1.1 average intervals of them (half an interval otherwise), and never
 * extrapolated back below zero.
 */
function promRate(points: { t: number; v: number }[], at: number, window: number): number {
  const inside = points.filter((p) => p.t > at - window && p.t <= at);
  const first = inside[0];
  const end = inside[inside.length - 1];
  const increase = end.v - first.v;
  const sampled = end.t - first.t;
  const average = sampled / (inside.length - 1);
  let toStart = first.t - (at - window);
  const toEnd = at - end.t;
  if (increase > 0 && first.v >= 0) toStart = Math.min(toStart, sampled * (first.v / increase));
  const threshold = average * 1.1;
  const interval = sampled + (toStart < threshold ? toStart : average / 2) + (toEnd < threshold ? toEnd : average / 2);
  return (increase * (interval / sampled)) / window;
}

/** The SLO's error ratio, sum(rate(5xx)) / sum(rate(all)), from the synthetic counters. */
function expectedErrorRatio(data: ReturnType<typeof series>, at: number, window: number): number {
  const bad = promRate(data.map((s) => ({ t: s.t, v: s.bad })), at, window);
  const ok = promRate(data.map((s) => ({ t: s.t, v: s.ok })), at, window);
  return bad / (bad + ok);
}

let data: ReturnType<typeof series>;

beforeAll(async () => {
  requireTool("promtool");
  last = Math.floor(Date.now() / 1000 / MINUTE) * MINUTE - MINUTE;
  defineOutages();
  data = series();

  project = writeProject({
    "moncc.config.ts": baseProject({
      alerts: "",
      serviceExtra: `slos: [
    slo.ratio("availability", {
      errors: requests.where({ code: "5xx" }),
      total: requests,
      objective: "99%",
      period: "30d",
      description: "99% of API requests succeed | {{ $labels.route }} stays as written",
      alerting: { runbook: "https://runbooks.example.com/api/slo" },
      // Every SLI rule at the 1s test interval, so the recorded values exist within the test's wait.
      sliIntervals: "global",
    }),
  ],`,
    }),
  });
  const result = await compile(project);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const out = path.join(project, "generated");
  writeOutputAtomically(out, result.files!);

  // OpenMetrics, timestamps in seconds, samples in time order, closed by # EOF.
  const lines = ["# HELP http_requests Requests.", "# TYPE http_requests counter"];
  for (const s of data) {
    lines.push(`http_requests_total{code="200",route="/"} ${s.ok} ${s.t}`);
    lines.push(`http_requests_total{code="5xx",route="/"} ${s.bad} ${s.t}`);
  }
  lines.push("# EOF");
  const work = tempDir("moncc-report-live-");
  const tsdb = backfilledTsdb(work, lines);

  const config = path.join(work, "prometheus.yml");
  fs.writeFileSync(config, [
    "global: { scrape_interval: 1s, evaluation_interval: 1s }",
    `rule_files: [${JSON.stringify(path.join(out, "prometheus/rules/*.yml"))}]`,
    "scrape_configs: []",
    "",
  ].join("\n"));
  prometheus = await startPrometheus(config, { storageDir: tsdb, extraArgs: ["--storage.tsdb.retention.time=60d"] });

  // Wait until the rules have evaluated: the page alert fires on the last 10 bad minutes.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent('ALERTS{alertstate="firing",sloth_id="api-availability"}')}`);
    const body = (await response.json()) as { data: { result: unknown[] } };
    if (body.data.result.length > 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
}, 180_000);

afterAll(async () => {
  await prometheus?.stop();
});

describe("moncc report --prometheus against backfilled synthetic data", () => {
  it("reports the period SLI, budget remaining, burn rates, firing tiers and burn-down the data implies", async () => {
    const result = await runCli(["report", project, "--format", "json", "--prometheus", prometheus.url]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/\[1\/1\] api-availability: 30d window/);
    const report = JSON.parse(result.stdout) as Report;
    expect(report).toMatchObject({ version: 1, mode: "live", prometheus: prometheus.url });
    const [slo] = report.slos;
    const live = slo.live!;
    const at = report.evaluatedAt!;

    // The known bad-minute count, independent of any Prometheus semantics: 120 of 43 200 minutes.
    expect(badMinutesAgo.size).toBe(120);
    const naive = badMinutesAgo.size / (PERIOD / MINUTE);
    // Exact expectation for the report's instant (a few good minutes at the start fall out of the window).
    const periodRatio = expectedErrorRatio(data, at, PERIOD);
    expect(Math.abs(periodRatio - naive) / naive).toBeLessThan(1e-3);

    expect(live.sli.errorRatio).toBeCloseTo(periodRatio, 9);
    expect(Math.abs(live.sli.errorRatio! - periodRatio)).toBeLessThan(RATIO_TOLERANCE);
    expect(Math.abs(live.sli.ratio! - (1 - periodRatio))).toBeLessThan(RATIO_TOLERANCE);
    const remaining = 1 - periodRatio / BUDGET;
    expect(Math.abs(live.budgetRemaining.ratio! - remaining)).toBeLessThan(REMAINING_TOLERANCE);
    expect(Math.abs(live.budgetRemaining.minutes! - remaining * BUDGET * PERIOD / MINUTE)).toBeLessThan(REMAINING_TOLERANCE * 432);
    // Against the plain count: 1 − 120 / 432 budget minutes = 72.2%, within 0.1% of the budget.
    expect(Math.abs(live.budgetRemaining.ratio! - (1 - naive / BUDGET))).toBeLessThan(1e-3);

    // Burn rate per window, against the same emulation.
    for (const w of live.windows) {
      const expected = expectedErrorRatio(data, at, w.seconds);
      expect(Math.abs(w.errorRatio! - expected), w.window).toBeLessThan(RATIO_TOLERANCE);
      expect(Math.abs(w.burnRate! - expected / BUDGET), w.window).toBeLessThan(1e-6);
    }
    expect(live.windows.map((w) => w.window)).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d"]);

    // Only the page quick tier (5m and 1h above 14.4 × 1%) holds now; Prometheus agrees.
    expect(slo.tiers.map((t) => `${t.short}/${t.long}:${t.conditionMet}`)).toEqual(["5m/1h:true", "30m/6h:false", "2h/1d:false", "6h/3d:false"]);
    expect(live.alerts).toEqual([{ group: "page", state: "firing" }, { group: "ticket", state: "inactive" }]);
    expect(live.recordedBudgetRemaining).not.toBeNull();

    // Burn-down: 150 steps of 4.8 h plus the period start at 100%, never rising, ending at the budget remaining.
    const points = live.burnDown.points;
    expect(live.burnDown.stepSeconds).toBe(4.8 * 3600);
    expect(points).toHaveLength(151);
    expect(points[0][1]).toBe(1);
    expect(points[points.length - 1][0]).toBe(at);
    for (let i = 1; i < points.length; i++) expect(points[i][1]!).toBeLessThanOrEqual(points[i - 1][1]! + 1e-12);
    expect(Math.abs(points[points.length - 1][1]! - remaining)).toBeLessThan(BURN_DOWN_TOLERANCE);
    // Independent check of the middle: 20 days ago (the one-hour outage) the curve drops by 60/432.
    const before = points.filter(([t]) => t <= last - 20 * DAY - 2 * 3600).at(-1)![1]!;
    const after = points.filter(([t]) => t >= last - 20 * DAY + 5 * 3600).at(0)![1]!;
    expect(Math.abs(before - after - 60 / 432)).toBeLessThan(BURN_DOWN_TOLERANCE);
  });

  it("renders the live report as markdown and a self-contained HTML file", async () => {
    const md = await runCli(["report", project, "--format", "markdown", "--prometheus", prometheus.url]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain("| SLI over 30d |");
    expect(md.stdout).toContain("\\| {{ $labels.route }} stays as written");
    const file = path.join(tempDir(), "report.html");
    const html = await runCli(["report", project, "--format", "html", "--prometheus", prometheus.url, "--out", file]);
    expect(html.code, html.stderr).toBe(0);
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain('data-points="151"');
    expect(text).not.toMatch(/<script|<link|src="http/);

    // In a real browser: the SLO is shown and the chart has all 151 burn-down points.
    if (!fs.existsSync("/usr/bin/chromium")) throw new Error("/usr/bin/chromium is not installed: install it with scripts/install-tools.sh");
    const context = await chromium.launchPersistentContext(tempDir("moncc-chromium-"), {
      executablePath: "/usr/bin/chromium",
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const page = await context.newPage();
      await page.goto(`file://${file}`);
      expect(await page.locator("section.slo h2").allTextContents()).toEqual(["api / availability"]);
      expect(await page.locator("section.slo td.budget-remaining").textContent()).toMatch(/^72\.2\d*%$/);
      expect(await page.$eval("svg.burn-down polyline", (line) => (line as SVGPolylineElement).points.numberOfItems)).toBe(151);
    } finally {
      await context.close();
    }
  });

  it("fails with one clear line and exit code 2 when Prometheus is unreachable", async () => {
    const port = await freePort();
    const result = await runCli(["report", project, "--format", "json", "--prometheus", `http://127.0.0.1:${port}`]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n").filter((l) => !l.includes("] api-availability:"));
    expect(lines).toEqual([`moncc report: cannot reach Prometheus at http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`]);
  });
});
