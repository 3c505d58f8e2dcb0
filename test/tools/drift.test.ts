// Drift monitor rules in the real promtool, on the input series of the verified reference test
// /work/shared/reference/ml/drift.test.yml: a week of steady traffic, then a shift at 175h. At 177h
// the reference PSI values are amount 0.7315 (strong shift, fires), merchant_risk 1.1113 (finite
// although a bin went empty, fires), tenure 0.0039 (mild, does not fire) and age 0 (does not fire).

import fs from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { compileFiles, tempDir } from "../helpers.js";
import { runTool } from "./tools.js";

const source = (gates: string) => `import { histogram, monitor, project, service, slack, team } from "moncc";
const featureValue = histogram("model_feature_value", { help: "Feature values.", labels: ["model", "feature", "instance"], buckets: [0.25, 0.5, 0.75, 1] });
const ml = team("ml", {
  receivers: { chat: slack({ channel: "#ml", apiUrlFile: "/etc/am/slack" }) },
  escalation: { P2: { notify: ["chat"] } },
});
export default project({
  name: "drift",
  targets: { prometheus: "2.42", alertmanager: "0.25" },
  teams: [ml],
  services: [service("fraud", { owner: ml, monitors: [
    monitor.drift("FeatureDrift", {
      histogram: featureValue,
      by: ["model", "feature"],
      ${gates}
      for: "15m",
      summary: "PSI drift (week over week) for {{ $labels.model }}/{{ $labels.feature }}",
      runbook: "https://runbooks.example/ml/feature-drift",
    }),
  ] })],
  defaultReceiver: ml.receiver("chat"),
});
`;

// The reference's input series per feature and bucket; instance "b" writes le="1.0" as Prometheus 3 does.
const SERIES: Record<string, Record<string, string>> = {
  amount: { "0.25": "0+5x2100 10501+1x35", "0.5": "0+15x2100 31505+5x35", "0.75": "0+35x2100 73515+15x35", "1": "0+45x2100 94535+35x35", "+Inf": "0+50x2136" },
  age: { "0.25": "0+5x2136", "0.5": "0+15x2136", "0.75": "0+35x2136", "1": "0+45x2136", "+Inf": "0+50x2136" },
  merchant_risk: { "0.25": "0+5x2100 10500+0x35", "0.5": "0+15x2100 31505+5x35", "0.75": "0+35x2100 73515+15x35", "1": "0+45x2100 94535+35x35", "+Inf": "0+50x2136" },
  tenure: { "0.25": "0+5x2100 10505.5+5.5x35", "0.5": "0+15x2100 31516+16x35", "0.75": "0+35x2136", "1": "0+45x2100 94544.5+44.5x35", "+Inf": "0+50x2136" },
};

const inputSeries = Object.entries(SERIES).flatMap(([feature, buckets]) => ["a", "b"].flatMap((instance) =>
  Object.entries(buckets).map(([le, values]) => ({
    series: `model_feature_value_bucket{model="fraud-v3",feature="${feature}",instance="${instance}",le="${instance === "b" && le === "1" ? "1.0" : le}"}`,
    values,
  }))));

const PSI = "model_feature:model_feature_value_psi_ref7d:1h";
let out: string;
let rulesFile: string;
let adaptiveOnlyFile: string;
let alertRule: { alert: string; labels: Record<string, string>; annotations: Record<string, string> };

async function build(gates: string, name: string): Promise<string> {
  const result = await compileFiles({ "moncc.config.ts": source(gates) });
  expect(result.diagnostics).toEqual([]);
  writeOutputAtomically(path.join(out, name), result.files!);
  return path.join(out, name, "prometheus/rules/fraud.yml");
}

beforeAll(async () => {
  out = tempDir("moncc-drift-");
  rulesFile = await build("threshold: 0.2, minCount: 500,", "gated");
  adaptiveOnlyFile = await build("", "adaptive-only");
  const file = parse(fs.readFileSync(rulesFile, "utf8")) as { groups: { rules: (typeof alertRule)[] }[] };
  alertRule = file.groups.flatMap((g) => g.rules).find((r) => r.alert)!;
});

/** The alert as promtool reports it for one feature: rule labels, series labels, expanded summary. */
function expectedAlert(feature: string) {
  return {
    exp_labels: { ...alertRule.labels, model: "fraud-v3", feature },
    exp_annotations: { ...alertRule.annotations, summary: `PSI drift (week over week) for fraud-v3/${feature}` },
  };
}

function runPromtool(name: string, test: Record<string, unknown>, rules = rulesFile) {
  const file = path.join(out, `${name}.test.yml`);
  fs.writeFileSync(file, stringify({ rule_files: [rules], evaluation_interval: "5m", tests: [{ interval: "5m", input_series: inputSeries, ...test }] }));
  return runTool("promtool", ["test", "rules", file]);
}

const psiSamples = (values: Record<string, number>) =>
  Object.entries(values).map(([feature, value]) => ({ labels: `{model="fraud-v3",feature="${feature}"}`, value }));

describe("drift monitor rules in promtool", () => {
  it("pass promtool check rules --lint-fatal", () => {
    const result = runTool("promtool", ["check", "rules", "--lint-fatal", rulesFile]);
    expect(result.status, result.output).toBe(0);
  });

  it("reproduce the reference PSI values (×10⁴, rounded) after the shift and 0 before it", () => {
    const result = runPromtool("psi", {
      promql_expr_test: [
        { expr: `round(${PSI} * 10000)`, eval_time: "177h", exp_samples: psiSamples({ amount: 7315, age: 0, merchant_risk: 11113, tenure: 39 }) },
        { expr: `round(${PSI} * 10000)`, eval_time: "174h", exp_samples: psiSamples({ amount: 0, age: 0, merchant_risk: 0, tenure: 0 }) },
        { expr: `round(model_feature:model_feature_value_psi_null_p99_ref7d:1h * 100000)`, eval_time: "177h", exp_samples: psiSamples({ amount: 2213, age: 2213, merchant_risk: 2213, tenure: 2213 }) },
      ],
    });
    expect(result.status, result.output).toBe(0);
  });

  it("fire for amount and merchant_risk, not for tenure or age, and nothing before the shift", () => {
    const result = runPromtool("alerts", {
      alert_rule_test: [
        { alertname: "FeatureDrift", eval_time: "177h", exp_alerts: [expectedAlert("amount"), expectedAlert("merchant_risk")] },
        { alertname: "FeatureDrift", eval_time: "174h", exp_alerts: [] },
      ],
    });
    expect(result.status, result.output).toBe(0);
  });

  it("tell the mild change from noise with the adaptive threshold alone (no threshold, no minCount)", () => {
    // tenure's PSI 0.0039 is under (1/1200 + 1/1200) · 13.277 = 0.0221; amount and merchant_risk are far over it.
    const result = runPromtool("adaptive-only", {
      alert_rule_test: [
        { alertname: "FeatureDrift", eval_time: "177h", exp_alerts: [expectedAlert("amount"), expectedAlert("merchant_risk")] },
        { alertname: "FeatureDrift", eval_time: "174h", exp_alerts: [] },
      ],
    }, adaptiveOnlyFile);
    expect(result.status, result.output).toBe(0);
  });

  it("a wrong expectation fails, so the test can fail", () => {
    const result = runPromtool("wrong", {
      alert_rule_test: [{ alertname: "FeatureDrift", eval_time: "177h", exp_alerts: [expectedAlert("tenure")] }],
    });
    expect(result.status).not.toBe(0);
  });
});
