// Drift monitors: what the DSL normalizes to, the generated rule group, routing, and MON605
// (a fixed PSI threshold within the noise of low-count windows, without minCount).

import { describe, expect, it } from "vitest";
import { histogram, monitor } from "../../src/dsl/index.js";
import { driftRules } from "../../src/generators/prometheus/monitors/drift.js";
import type { Monitor } from "../../src/model/schema.js";
import { routedAlerts } from "../../src/validate/check.js";
import { baseProject, compileFiles, lineOf, withCode } from "../helpers.js";

const IMPORTS = "alert, counter, errorRatio, gauge, histogram, monitor, project, service, slack, pagerduty, slo, team";
const HEAD = `const featureValue = histogram("model_feature_value", { help: "Feature values.", labels: ["model", "feature"], buckets: [0.25, 0.5, 0.75, 1] });`;

async function compileMonitor(options: string) {
  const source = baseProject({
    imports: IMPORTS,
    head: HEAD,
    serviceExtra: `monitors: [monitor.drift("FeatureDrift", { histogram: featureValue, by: ["model", "feature"], summary: "drift", ${options} })],`,
  });
  return { source, result: await compileFiles({ "moncc.config.ts": source }) };
}

const baseMonitor: Monitor = {
  kind: "drift", id: "monitor/api/FeatureDrift", name: "FeatureDrift", service: "api", metric: "x", matchers: [],
  buckets: [1, 2], by: [], window: "1h", reference: "7d", severity: "P2", labels: { severity: "P2" }, annotations: { summary: "s" },
};

describe("monitor.drift", () => {
  it("keeps only the histogram's labels in by (a type error otherwise)", () => {
    const h = histogram("x", { help: "x", labels: ["model"], buckets: [1] });
    // @ts-expect-error "feature" is not a label of the histogram
    monitor.drift("D", { histogram: h, by: ["feature"], summary: "s" });
    expect(monitor.drift("D", { histogram: h.where({ model: "m" }), by: ["model"], summary: "s" }).matchers).toEqual([{ label: "model", op: "=", value: "m" }]);
  });

  it("compiles clean with defaults, one rule group of 10 recordings and the alert, routed like other alerts", async () => {
    const { result } = await compileMonitor("threshold: 0.2, minCount: 500");
    expect(result.diagnostics).toEqual([]);
    const file = result.files!.find((f) => f.path === "prometheus/rules/api.yml")!;
    expect(file.content).toContain("name: api.drift.FeatureDrift");
    expect(file.content).toContain("model_feature_value_bucket[1h] offset 7d");
    expect(file.content).toContain("alert: FeatureDrift");
  });

  it("reports a by label the histogram lacks, from plain JS, as an invalid definition", async () => {
    const { source, result } = await compileMonitor(`...({ by: ["model", "tenant"] } as any)`);
    expect(withCode(result, "MON004").map((d) => [d.span?.line, d.message])).toEqual([
      [lineOf(source, "monitor.drift("), 'monitor api/FeatureDrift: by label "tenant" is not a label of model_feature_value'],
    ]);
  });
});

describe("monitor.drift on something that is not a histogram", () => {
  it("is an invalid definition, reported at the monitor, and compiles nothing", async () => {
    const source = baseProject({
      imports: IMPORTS,
      serviceExtra: `monitors: [monitor.drift("FeatureDrift", { histogram: requests as any, summary: "drift" })],`,
    });
    const result = await compileFiles({ "moncc.config.ts": source });
    expect(withCode(result, "MON004").map((d) => [d.span?.line, d.message])).toEqual([
      [lineOf(source, "monitor.drift("), 'monitor api/FeatureDrift: "http_requests_total" is not a histogram with declared buckets'],
    ]);
  });
});

describe("drift rules", () => {
  it("shift the declared buckets in ascending order, +Inf last, with k × 0.5 smoothing and the χ² quantile for k − 1", () => {
    const rules = driftRules({ ...baseMonitor, buckets: [1, 2.5] });
    const byName = (suffix: string) => String(rules.find((r) => String(r.record ?? "").includes(suffix))?.expr);
    expect(byName("_bin_count:")).toBe(
      'clamp_min((global:x_bucket_cum:increase1h - (label_replace(global:x_bucket_cum:increase1h{le="1"}, "le", "2.5", "", "") ' +
      'or label_replace(global:x_bucket_cum:increase1h{le="2.5"}, "le", "+Inf", "", ""))) or global:x_bucket_cum:increase1h{le="1"}, 0)');
    expect(byName("_bin_prob:")).toContain("+ 1.5)");
    expect(byName("_psi_null_p99_")).toBe("(1 / global:x_count:increase1h + 1 / global:x_count_ref7d:increase1h) * 9.21");
  });

  it("gate the alert on the adaptive threshold alone when neither threshold nor minCount is given", () => {
    const alert = driftRules(baseMonitor).find((r) => r.alert)!;
    expect(alert.expr).toBe([
      "global:x_psi_ref7d:1h > global:x_psi_null_p99_ref7d:1h",
      "and on () count (global:x_bin_prob:1h) == 3",
      "and on () count (global:x_bin_prob_ref7d:1h) == 3",
    ].join("\n"));
  });

  it("are known to routing with the monitor's severity and labels", async () => {
    const { result } = await compileMonitor(`severity: "P3"`);
    const routed = [...routedAlerts(result.model!)].find((a) => a.alertname === "FeatureDrift");
    expect(routed).toMatchObject({ id: "monitor/api/FeatureDrift", severity: "P3", owner: "web", labels: { service: "api", team: "web", severity: "P3" } });
  });
});

describe("MON605 policy/drift-fixed-threshold", () => {
  it("reports a fixed threshold inside the noise of 50 observations a window, with the numbers and a minCount", async () => {
    const { source, result } = await compileMonitor(`threshold: 0.2, traffic: "50/h"`);
    const found = withCode(result, "MON605");
    expect(found.map((d) => [d.span?.line, d.severity, d.subject])).toEqual([[lineOf(source, "monitor.drift("), "warning", "monitor api/FeatureDrift"]]);
    expect(found[0].message).toBe('drift monitor "FeatureDrift": at about 50 observations per 1h window (50/h), PSI under no drift exceeds the fixed threshold 0.2 in 28% of windows (its 99th percentile over 5 bins is 0.53), so the threshold alone would fire on noise');
    expect(found[0].hint).toContain("add minCount: 133");
  });

  it("stays quiet with minCount, with enough traffic, without a fixed threshold, or without declared traffic", async () => {
    for (const options of [`threshold: 0.2, traffic: "50/h", minCount: 133`, `threshold: 0.2, traffic: "200/h"`, `traffic: "50/h"`, `threshold: 0.2`]) {
      const { result } = await compileMonitor(options);
      expect(withCode(result, "MON605"), options).toEqual([]);
    }
  });

  it("is silenced by the monitor's ignore entry", async () => {
    const { result } = await compileMonitor(`threshold: 0.2, traffic: "50/h", ignore: { MON605: "adaptive threshold is the gate" }`);
    expect(result.diagnostics).toEqual([]);
  });
});
