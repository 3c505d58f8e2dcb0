// The series names the dashboard checks take as recorded (src/model/promql/series.ts) are exactly
// those the Prometheus generator records: the services' own rules, SLO and drift-monitor series.

import { describe, expect, it } from "vitest";
import { generatePrometheusRules } from "../../src/generators/prometheus/rules.js";
import { recordedSeriesNames } from "../../src/model/promql/series.js";
import { compile } from "../../src/pipeline.js";
import { baseProject, writeProject } from "../helpers.js";

const SLOTH_SPEC = `version: "prometheus/v1"
service: "checkout"
slos:
  - name: "requests-availability"
    objective: 99.5
    sli:
      events:
        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total[{{.window}}]))
    alerting:
      name: CheckoutHighErrorRate
`;

async function namesBothWays(target: string) {
  const result = await compile(target, { validateOnly: true });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const model = result.model!;
  const generated = new Set(generatePrometheusRules(model).objects.filter((o) => o.kind === "recording").map((o) => o.name));
  return { derived: [...recordedSeriesNames(model)].sort(), generated: [...generated].sort() };
}

describe("recordedSeriesNames", () => {
  it("matches the generator on examples/ai-platform (recordings, latency/ratio/availability SLOs, a drift monitor)", async () => {
    const { derived, generated } = await namesBothWays("examples/ai-platform");
    expect(generated.some((name) => name.includes("psi"))).toBe(true);
    expect(derived).toEqual(generated);
  });

  it("matches the generator on a project with an imported Sloth spec", async () => {
    const { derived, generated } = await namesBothWays(writeProject({ "moncc.config.ts": baseProject(), "sloth/checkout.yml": SLOTH_SPEC }));
    expect(generated).toContain("slo:sli_error:ratio_rate30d");
    expect(derived).toEqual(generated);
  });
});
