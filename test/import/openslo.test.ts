// OpenSLO v1 SLO documents: a ratio indicator over Prometheus queries with {{.window}}, a rolling
// window as the SLO's own period, one objective; strict keys with YAML positions (MON501).

import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { importOpenSloDocuments } from "../../src/import/openslo.js";
import { compile } from "../../src/pipeline.js";
import { baseProject, readTree, tempDir, writeProject } from "../helpers.js";

const DOC = `apiVersion: openslo/v1
kind: Service
metadata:
  name: myservice
spec:
  description: My service
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: requests-availability
  labels:
    owner: myteam
spec:
  service: myservice
  indicator:
    metadata:
      name: availability
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total[{{.window}}]))
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
`;

const problems = (text: string) => importOpenSloDocuments(text, "slo.yml").diagnostics.map((d) => `${d.span?.line}:${d.span?.column} ${d.severity} ${d.message}`);

describe("OpenSLO v1 import", () => {
  it("reads an SLO with its own period, a good/total ratio and a ratio target; ignores Service documents", () => {
    const result = importOpenSloDocuments(DOC, "slo.yml");
    expect(result.diagnostics).toEqual([]);
    expect(result.slos.map((s) => [s.id, s.period, s.objective, s.sloth?.objectivePercent, s.labels, s.page, s.ticket])).toEqual([
      ["myservice-requests-availability", "28d", 0.9990000000000001, 99.9, { owner: "myteam" }, undefined, undefined],
    ]);
    expect(result.slos[0].sli).toEqual({
      errorQuery: '(sum(rate(http_requests_total[{{.window}}]))) - (sum(rate(http_requests_total{code!~"5.."}[{{.window}}])))',
      totalQuery: "sum(rate(http_requests_total[{{.window}}]))",
    });
    expect(result.slos[0].span).toEqual({ file: "slo.yml", line: 8, column: 1 });
  });

  it("reports unknown keys, unsupported indicators and missing window placeholders at the YAML position", () => {
    expect(problems(DOC.replace("  budgetingMethod:", "  budgetMethod: x\n  budgetingMethod:"))).toEqual([
      "35:3 error OpenSLO: unknown key \"budgetMethod\" in spec",
    ]);
    expect(problems(DOC.replace("apiVersion: openslo/v1\nkind: SLO", "apiVersion: openslo/v1alpha\nkind: SLO"))).toEqual([
      "8:13 error OpenSLO: apiVersion \"openslo/v1alpha\" is not supported",
    ]);
    expect(problems(DOC.replace("[{{.window}}]))\n        total", "[5m]))\n        total"))).toEqual([
      "26:22 error OpenSLO: ratioMetric.good.metricSource.spec.query has no {{.window}} placeholder",
    ]);
    expect(problems(DOC.replace("      ratioMetric:", "      thresholdMetric: {}\n      ratioMetric:"))).toEqual([
      "20:7 error OpenSLO: spec.indicator.spec.thresholdMetric is not supported",
    ]);
    expect(problems(DOC.replace("isRolling: true", "isRolling: false"))).toEqual(["33:7 error OpenSLO: calendar time windows are not supported"]);
  });

  it("warns that alertPolicies are not translated and still builds the SLI and metadata rules", async () => {
    const result = importOpenSloDocuments(`${DOC}  alertPolicies: [fast-burn]\n`, "slo.yml");
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning MON501"]);
    expect(result.slos).toHaveLength(1);
    const dir = writeProject({ "moncc.config.ts": baseProject(), "openslo/slo.yml": `${DOC}  alertPolicies: [fast-burn]\n` });
    const project = await compile(dir);
    expect(project.diagnostics.map((d) => `${d.span?.file}:${d.span?.line} ${d.severity} ${d.code}`)).toEqual(["openslo/slo.yml:38 warning MON501"]);
    expect(project.files).toBeDefined();
  });

  it("builds on its own, and from a project's openslo/ folder", async () => {
    const dir = writeProject({ "slo.yml": DOC });
    const out = path.join(tempDir(), "out");
    const code = await main(["build", path.join(dir, "slo.yml"), "--out", out], { out: () => {}, err: () => {}, color: false, cwd: dir });
    expect(code).toBe(0);
    const rules = (parse(readTree(out)["prometheus/rules/myservice.yml"]) as { groups: { rules: { record?: string; expr: string }[] }[] }).groups.flatMap((g) => g.rules);
    expect(rules.find((r) => r.record === "slo:time_period:days")!.expr).toBe("vector(28)");
    expect(rules.filter((r) => r.record?.startsWith("slo:sli_error:")).map((r) => r.record!.replace("slo:sli_error:ratio_rate", ""))).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "3d", "4w"]);

    const project = await compile(writeProject({ "moncc.config.ts": baseProject(), "openslo/availability.yml": DOC }));
    expect(project.diagnostics).toEqual([]);
    expect(project.files!.map((f) => f.path)).toContain("prometheus/rules/myservice.yml");
  });
});
