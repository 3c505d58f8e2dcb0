// The generated service dashboards of examples/ai-platform: scope, variables, RED and model panels,
// alert thresholds drawn from the alert levels, the author's own rows, and every query parses.

import { beforeAll, describe, expect, it } from "vitest";
import { allDashboards } from "../../src/model/dashboards/index.js";
import type { Dashboard, PlacedPanel } from "../../src/model/dashboard-schema.js";
import { syntaxTree } from "../../src/model/promql/tree.js";
import type { Model } from "../../src/model/schema.js";
import { compile } from "../../src/pipeline.js";
import { baseProject, compileFiles } from "../helpers.js";

let model: Model;
let fraud: Dashboard;
const panels = (d: Dashboard) => d.rows.flatMap((r) => r.panels);
const panelNamed = (d: Dashboard, title: string): PlacedPanel => {
  const found = panels(d).find((p) => p.title === title);
  if (!found) throw new Error(`no panel "${title}" in ${d.uid}: ${panels(d).map((p) => p.title).join(", ")}`);
  return found;
};

beforeAll(async () => {
  const result = await compile("examples/ai-platform", { validateOnly: true });
  model = result.model!;
  fraud = allDashboards(model).find((d) => d.uid === "svc-fraud-detection")!;
});

describe("service dashboards", () => {
  it("one per service, in the owning team's folder", () => {
    const services = allDashboards(model).filter((d) => d.origin === "service");
    expect(services.map((d) => [d.uid, d.folder])).toEqual(model.services.map((s) => [`svc-${s.name}`, s.owner]));
  });

  it("select the service's series by the matchers all its queries share, plus job, instance and label variables", () => {
    const rate = panelNamed(fraud, "model_predictions_total rate");
    expect(rate.queries[0].expr).toBe('sum (rate(model_predictions_total{model="fraud-detection", instance=~"$instance", job=~"$job", version=~"$version"}[$__rate_interval]))');
    expect(fraud.variables.map((v) => v.name)).toEqual(["datasource", "instance", "job", "version"]);
    // model-serving's queries share no model matcher: model becomes a variable instead.
    const serving = allDashboards(model).find((d) => d.uid === "svc-model-serving")!;
    expect(serving.variables.map((v) => v.name)).toContain("model");
  });

  it("draws p50/p95/p99 from the latency histogram with the latency SLO threshold as a line", () => {
    const latency = panelNamed(fraud, "model_prediction_latency_seconds quantiles");
    expect(latency.queries.map((q) => q.legend)).toEqual(["p50", "p95", "p99"]);
    expect(latency.unit).toBe("s");
    expect(latency.thresholds).toEqual([{ value: null, color: "green" }, { value: 0.1, color: "red" }]);
  });

  it("shows accuracy against its 7-day baseline and the confidence distribution as a heatmap", () => {
    const accuracy = panelNamed(fraud, "model_online_accuracy_ratio");
    expect(accuracy.queries.map((q) => q.legend)).toEqual(["{{version}}", "7-day baseline"]);
    expect(accuracy.queries[1].expr).toContain("[7d] offset 1d");
    const heatmap = panelNamed(fraud, "model_prediction_confidence distribution");
    expect(heatmap.type).toBe("heatmap");
    expect(heatmap.queries[0].format).toBe("heatmap");
  });

  it("draws each alert's levels as threshold steps in severity colors, upward for > and downward for <", () => {
    expect(panelNamed(fraud, "ModelLatencyHigh").thresholds).toEqual([
      { value: null, color: "green" }, { value: 0.1, color: "yellow" }, { value: 0.2, color: "orange" }, { value: 1, color: "red" },
    ]);
    // P2 < 60%, P3 < 70%: P2's color below 0.6, P3's from 0.6, green from 0.7.
    expect(panelNamed(fraud, "ModelLowConfidence").thresholds).toEqual([
      { value: null, color: "yellow" }, { value: 0.6, color: "blue" }, { value: 0.7, color: "green" },
    ]);
    const alertPanel = panelNamed(fraud, "ModelErrorRateHigh");
    expect(alertPanel.definitionQuery).toBe(true);
    expect(alertPanel.queries[0].expr).toBe(model.services.find((s) => s.name === "fraud-detection")!.alerts.find((a) => a.name === "ModelErrorRateHigh")!.query.expr);
  });

  it("puts the author's rows last, with thresholds converted into the query's unit", () => {
    const lastRow = fraud.rows[fraud.rows.length - 1];
    expect(lastRow.title).toBe("Payments");
    expect(lastRow.panels[0].thresholds).toEqual([{ value: null, color: "green" }, { value: 0.002, color: "yellow" }, { value: 0.01, color: "orange" }]);
    expect(lastRow.panels[0].span?.file).toBe("models/fraud-detection.ts");
  });

  it("every query of every generated dashboard parses once Grafana's variables are substituted", () => {
    const substitute = (expr: string) => expr.replace(/\$__(rate_interval|interval|range)/g, "5m").replace(/\$\w+/g, "x");
    const failures = allDashboards(model).flatMap((d) => panels(d).flatMap((p) => p.queries
      .filter((q) => syntaxTree(substitute(q.expr)) === undefined)
      .map((q) => `${d.uid} / ${p.title}: ${q.expr}`)));
    expect(failures).toEqual([]);
  });
});

describe("a project without alerts", () => {
  it("gets no panels on ALERTS (Prometheus records none) and no overview when there is nothing to overview", async () => {
    const result = await compileFiles({ "moncc.config.ts": baseProject({ alerts: "" }) });
    expect(result.diagnostics).toEqual([]);
    const dashboards = allDashboards(result.model!);
    expect(dashboards.map((d) => d.uid)).toEqual(["svc-api"]);
    expect(panels(dashboards[0]).flatMap((p) => p.queries.map((q) => q.expr)).filter((e) => e.includes("ALERTS"))).toEqual([]);
    expect(panels(dashboards[0]).length).toBeGreaterThan(0);
  });
});

describe("grafana: { generated: false }", () => {
  it("writes no generated dashboards and no provisioning file when the project declares none of its own", async () => {
    const result = await compileFiles({ "moncc.config.ts": baseProject({ projectExtra: "grafana: { generated: false }," }) });
    expect(result.diagnostics).toEqual([]);
    expect(allDashboards(result.model!)).toEqual([]);
    expect(result.files!.filter((f) => f.path.startsWith("grafana/"))).toEqual([]);
    expect(result.counts).toMatchObject({ dashboards: 0, panels: 0 });
  });
});
