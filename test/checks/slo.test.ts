import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf } from "../helpers.js";

const withSlo = (slo: string) => baseProject({
  alerts: "",
  serviceExtra: `slos: [\n    ${slo}\n  ],`,
  escalation: `P1: { notify: ["page"] }, P3: { notify: ["chat"] },`,
});

async function codes(source: string, code: string) {
  const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
  return { found: result.diagnostics.filter((d) => d.code === code), all: result.diagnostics };
}

const ratio = (extra: string) => `slo.ratio("availability", { errors: requests.where({ code: "5xx" }), total: requests, ${extra} })`;

describe("SLO checks", () => {
  it("accepts a well-formed SLO with no diagnostics at all", async () => {
    const { all } = await codes(withSlo(ratio(`objective: "99.9%"`)), "MON401");
    expect(all).toEqual([]);
  });

  it.each([
    ["a ratio where a percent is expected", "objective: 0.999 as never", 'did you mean "99.9%"'],
    ["a bare percent number", "objective: 99.9 as never", 'did you mean "99.9%"'],
    ["100%", `objective: "100%"`, "leaves no error budget"],
  ])("MON401 reports %s at the SLO", async (_name, objective, message) => {
    const source = withSlo(ratio(objective));
    const { found } = await codes(source, "MON401");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(message);
    expect(found[0].span?.line).toBe(lineOf(source, 'slo.ratio("availability"'));
  });

  it("MON402 reports the 14.4 page tier on a 90% objective (1.44 > 1), and not the 6× one (0.6)", async () => {
    const source = withSlo(ratio(`objective: "90%"`));
    const { found } = await codes(source, "MON402");
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining("page tier 5m/1h needs an error ratio above 14.4 × 0.1 = 1.44")]);
    expect(found[0].span?.line).toBe(lineOf(source, 'slo.ratio("availability"'));
  });

  it("MON402 is quiet at 99%", async () => {
    const { found } = await codes(withSlo(ratio(`objective: "99%"`)), "MON402");
    expect(found).toEqual([]);
  });

  it("MON403 reports a long window not shorter than the period", async () => {
    const source = withSlo(ratio(`objective: "99.9%", period: "7d", alerting: { ticket: { tiers: [{ short: "6h", long: "7d", budget: "10%" }] } }`));
    const { found } = await codes(source, "MON403");
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('"7d" is not shorter than the 7d period')]);
  });

  it("MON403 reports a low-traffic guard on an availability SLI", async () => {
    const source = withSlo(`slo.availability("up", { gauge: memory, objective: "99%", minEvents: 100 })`);
    const { found } = await codes(source, "MON403");
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining("minEvents needs an event-based SLI")]);
  });

  it("MON108 reports a latency SLO threshold that is not a bucket boundary", async () => {
    const source = withSlo(`slo.latency("latency", { histogram: latency, threshold: "150ms", objective: "99%" })`);
    const { found } = await codes(source, "MON108");
    expect(found).toHaveLength(1);
    expect(found[0].span?.line).toBe(lineOf(source, 'slo.latency("latency"'));
  });

  it("MON303 reports an SLO page group whose severity the team does not route", async () => {
    const source = baseProject({
      alerts: "",
      serviceExtra: `slos: [${ratio(`objective: "99.9%"`)}],`,
      escalation: `P3: { notify: ["chat"] }, P2: { notify: ["page"] },`,
    });
    const { found } = await codes(source, "MON303");
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining("(page)\" P1 has no receiver")]);
  });
});

describe("MON404 slo/integer-le", () => {
  const rawSlo = `slo.raw("latency", { objective: "99%", errorRatio: '1 - sum(rate(http_request_duration_seconds_bucket{le="1"}[{{.window}}])) / sum(rate(http_request_duration_seconds_count[{{.window}}]))' })`;

  it("reports le=\"1\" under a Prometheus 3 target, at the SLO", async () => {
    const source = withSlo(rawSlo).replace('prometheus: "2.42"', 'prometheus: "3.5"');
    const { found } = await codes(source, "MON404");
    expect(found).toHaveLength(1);
    expect(found[0].span?.line).toBe(lineOf(source, 'slo.raw("latency"'));
  });

  it("accepts the same SLO under a Prometheus 2 target, and the regex form under 3", async () => {
    expect((await codes(withSlo(rawSlo), "MON404")).found).toEqual([]);
    const regexForm = withSlo(rawSlo.replace('le="1"', 'le=~"1(\\\\\\\\.0)?"')).replace('prometheus: "2.42"', 'prometheus: "3.5"');
    expect((await codes(regexForm, "MON404")).found).toEqual([]);
  });

  it("does not trip over moncc's own latency SLO under a Prometheus 3 target", async () => {
    const source = withSlo(`slo.latency("latency", { histogram: latency, threshold: "1s", objective: "99%" })`).replace('prometheus: "2.42"', 'prometheus: "3.5"');
    const { all } = await codes(source, "MON404");
    expect(all).toEqual([]);
  });
});

describe("per-tier settings", () => {
  it("gives a tier with its own severity, for and labels an alert of its own, routed by that severity", async () => {
    const source = baseProject({
      alerts: "",
      escalation: `P0: { notify: ["page", "chat"] }, P1: { notify: ["page"] }, P3: { notify: ["chat"] },`,
      serviceExtra: `slos: [${ratio(`objective: "99.9%", alerting: { page: { tiers: [
        { short: "5m", long: "1h", budget: "2%", severity: "P0", for: "2m", labels: { escalate: "now" } },
        { short: "30m", long: "6h", budget: "5%" },
      ] } }`)}],`,
    });
    const result = await compileFiles({ "moncc.config.ts": source });
    expect(result.diagnostics).toEqual([]);
    const { parse } = await import("yaml");
    const rules = (parse(result.files!.find((f) => f.path === "prometheus/rules/api.yml")!.content) as { groups: { rules: { alert?: string; for?: string; expr: string; labels: Record<string, string> }[] }[] })
      .groups.flatMap((g) => g.rules).filter((r) => r.alert);
    const byTier = Object.fromEntries(rules.map((r) => [r.labels.tier, r]));
    expect(Object.keys(byTier).sort()).toEqual(["page", "page-5m-1h", "ticket"]);
    expect(byTier["page-5m-1h"]).toMatchObject({ for: "2m", labels: { severity: "P0", escalate: "now", sloth_severity: "page" } });
    expect(byTier["page-5m-1h"].expr).toContain("ratio_rate1h");
    expect(byTier["page-5m-1h"].expr).not.toContain("ratio_rate6h");
    expect(byTier.page.expr).toContain("ratio_rate6h");
    expect(byTier.page.expr).not.toContain("ratio_rate1h");
    expect(byTier.page.labels.severity).toBe("P1");
  });

  it("MON303 checks the tier's own severity against the team's routing", async () => {
    const source = baseProject({
      alerts: "",
      escalation: `P1: { notify: ["page"] }, P3: { notify: ["chat"] },`,
      serviceExtra: `slos: [${ratio(`objective: "99.9%", alerting: { page: { tiers: [{ short: "5m", long: "1h", budget: "2%", severity: "P0" }] } }`)}],`,
    });
    const { found } = await codes(source, "MON303");
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining("(page-5m-1h)\" P0 has no receiver")]);
  });
});
