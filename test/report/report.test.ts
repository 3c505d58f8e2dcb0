// moncc report: the static report data, its rendering (markdown, JSON, HTML) and the CLI's error
// handling against a fake Prometheus API. The live path against a real Prometheus is in
// test/e2e/report-live.test.ts.

import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveReport, markdownCell, planReport, renderReport, staticReport, type RawLive } from "../../src/generators/report/index.js";
import type { Model } from "../../src/model/schema.js";
import { compile } from "../../src/pipeline.js";
import { baseProject, writeProject, runCli } from "../helpers.js";

const fixture = () => writeProject({
  "moncc.config.ts": baseProject({
    serviceExtra: `slos: [
    slo.ratio("availability", {
      errors: requests.where({ code: "5xx" }),
      total: requests,
      objective: "99.9%",
      description: "Requests | succeed <script>alert(1)</script> {{ $labels.route }} {{#each x}}",
      alerting: { runbook: "https://runbooks.example.com/api/slo" },
    }),
    slo.latency("latency", { histogram: latency, threshold: "200ms", objective: "95%", period: "28d", alerting: { ticket: false } }),
  ],`,
  }),
});

let project: string;
let model: Model;

beforeAll(async () => {
  project = fixture();
  const result = await compile(project, { validateOnly: true });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  model = result.model!;
});

describe("static SLO report data", () => {
  it("has objective, period, budget minutes and the tier table with budget spent and time to exhaustion", () => {
    const report = staticReport(model);
    expect(report).toMatchObject({ version: 1, project: "fixture", mode: "static", prometheus: null, evaluatedAt: null });
    const [availability, latency] = report.slos;
    expect(availability).toMatchObject({ id: "api-availability", objective: 0.999, errorBudget: 0.001, period: "30d", periodSeconds: 2_592_000, budgetMinutes: 43.2, live: null });
    expect(availability.tiers.map((t) => [t.group, t.severity, t.short, t.long, t.factor, t.errorRatioThreshold, t.budgetSpent, t.budgetSpentMinutes, t.exhaustion])).toEqual([
      ["page", "P1", "5m", "1h", 14.4, 0.0144, 0.02, 0.864, "2d2h"],
      ["page", "P1", "30m", "6h", 6, 0.006, 0.05, 2.16, "5d"],
      ["ticket", "P3", "2h", "1d", 3, 0.003, 0.1, 4.32, "10d"],
      ["ticket", "P3", "6h", "3d", 1, 0.001, 0.1, 4.32, "30d"],
    ]);
    // 28d: period written as Prometheus does (4w), factors from the period, ticket tiers disabled.
    expect(latency).toMatchObject({ period: "4w", errorBudget: 0.05, budgetMinutes: 2016 });
    expect(latency.tiers.map((t) => [t.factor, t.exhaustionSeconds])).toEqual([[13.44, 180_000], [5.6, 432_000]]);
  });

  it("renders deterministically: same bytes twice, no timestamps in static mode", () => {
    for (const format of ["markdown", "json", "html"] as const) {
      const a = renderReport(staticReport(model), format);
      expect(renderReport(staticReport(model), format)).toBe(a);
      expect(a).not.toMatch(/20\d\d-\d\d-\d\dT/);
    }
  });
});

describe("rendering", () => {
  it("markdown keeps Prometheus and Handlebars syntax in user text as written and escapes table cells", () => {
    const md = renderReport(staticReport(model), "markdown");
    expect(md).toContain("Requests \\| succeed &lt;script&gt;alert(1)&lt;/script&gt; {{ $labels.route }} {{#each x}}");
    expect(md).toContain("| page | P1 | 5m | 1h | 14.4 | 1.44% | 2% (0.864 min) | 2d2h |");
    expect(md).toContain("| 99.9% | 30d | 0.1% | 43.2 min |");
    expect(markdownCell("a|b\nc`d")).toBe("a\\|b c\\`d");
  });

  it("JSON is the report data, versioned", () => {
    const json = JSON.parse(renderReport(staticReport(model), "json"));
    expect(json).toEqual(JSON.parse(JSON.stringify(staticReport(model))));
    expect(json.version).toBe(1);
  });

  it("HTML escapes user text and is self-contained", () => {
    const html = renderReport(staticReport(model), "html");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; {{ $labels.route }} {{#each x}}");
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html.match(/<section class="slo"/g)).toHaveLength(2);
  });

  it("live data: ratios, burn rates, tier conditions and a burn-down from raw samples", () => {
    const at = 1_800_000_000;
    const plans = planReport(model, at);
    expect(plans[0].windows.map((w) => w.window)).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d"]);
    expect(plans[0].windows[0].error).toBe('sum(rate(http_requests_total{code="5xx"}[5m]))');
    expect(plans[0].burnDown).toMatchObject({ stepSeconds: 17_280, steps: 150, end: at });
    const raws: RawLive[] = plans.map((plan) => {
      const times = Array.from({ length: plan.burnDown.steps }, (_, i) => plan.burnDown.start + i * plan.burnDown.stepSeconds);
      return {
        // 2% errors in the short windows, 0.05% over the period; no error series at all over 6h.
        windows: plan.windows.map((w) => ({ window: w.window, error: w.window === "6h" ? null : ["5m", "1h"].includes(w.window) ? 2 : 0.05, total: 100 })),
        alerts: [{ group: "page", state: "pending" }],
        recordedBudgetRemaining: null,
        burnError: times.map((t, i) => [t, i === 10 ? 1 : 0] as [number, number]),
        burnTotal: times.map((t) => [t, 1] as [number, number]),
      };
    });
    const report = liveReport(model, plans, raws, { prometheus: "http://127.0.0.1:9090", evaluatedAt: at });
    const live = report.slos[0].live!;
    expect(live.sli).toEqual({ errorRatio: 0.0005, ratio: 0.9995, events: 259_200_000 });
    expect(live.budgetRemaining).toEqual({ ratio: 0.5, minutes: 21.6 });
    expect(live.windows.find((w) => w.window === "6h")).toMatchObject({ errorRatio: 0, burnRate: 0 });
    expect(live.windows.find((w) => w.window === "1h")).toMatchObject({ errorRatio: 0.02, burnRate: 20 });
    expect(report.slos[0].tiers.map((t) => t.conditionMet)).toEqual([true, false, false, false]);
    expect(live.alerts).toEqual([{ group: "page", state: "pending" }, { group: "ticket", state: "inactive" }]);
    // 1 error in 150 events over the period, budget 0.1%: spent 1/0.15 of it at step 10.
    expect(live.burnDown.points).toHaveLength(151);
    expect(live.burnDown.points[0]).toEqual([at - 150 * 17_280, 1]);
    expect(live.burnDown.points[11][1]).toBeCloseTo(1 - 1 / 0.15, 9);
    expect(live.burnDown.points[10][1]).toBe(1);
    const html = renderReport(report, "html");
    expect(html).toContain('data-points="151"');
    expect(html.match(/<polyline[^>]*points="([^"]*)"/)![1].split(" ")).toHaveLength(151);
    expect(renderReport(report, "markdown")).toContain("| 5m | 2% | 20 | 30000 |");
  });
});

describe("moncc report CLI", () => {
  let fake: http.Server;
  let fakeUrl: string;
  beforeAll(async () => {
    fake = http.createServer((req, res) => {
      if (req.url?.startsWith("/html")) return res.writeHead(404, { "content-type": "text/html" }).end("<html>not found</html>");
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ status: "error", errorType: "bad_data", error: "parse error at char 5" }));
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    fakeUrl = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => fake.close(resolve));
  });

  it("prints the static markdown report of the example to stdout", async () => {
    const result = await runCli(["report", "examples/ai-platform"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# SLO report: ai-platform\n/);
    expect(result.stderr).toMatch(/^moncc report: \d+ SLOs, static, markdown$/);
  });

  it("an API error is one clear line and exit code 2", async () => {
    const result = await runCli(["report", project, "--format", "json", "--prometheus", fakeUrl]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const last = result.stderr.split("\n").at(-1)!;
    expect(last).toBe(`moncc report: Prometheus at ${fakeUrl} rejected the query (HTTP 400, bad_data: parse error at char 5): sum(rate(http_requests_total{code="5xx"}[5m]))`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unreachable Prometheus is one clear line and exit code 2", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runCli(["report", project, "--prometheus", url]);
    expect(result.code).toBe(2);
    const last = result.stderr.split("\n").at(-1)!;
    expect(last).toMatch(/^moncc report: /);
    expect(last).toContain(url);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a server that is not Prometheus is one clear line and exit code 2", async () => {
    const result = await runCli(["report", project, "--prometheus", `${fakeUrl}/html`]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").at(-1)).toBe(`moncc report: ${fakeUrl}/html/api/v1/query answered HTTP 404 without a Prometheus API response; is ${fakeUrl}/html a Prometheus server?`);
  });

  it("rejects a URL that is not http(s) with exit code 2", async () => {
    const result = await runCli(["report", project, "--prometheus", "localhost:9090"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--prometheus must be an http(s) URL");
  });
});
