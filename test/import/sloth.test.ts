// Sloth spec import: strict keys and types with YAML positions (MON501), the SLI kinds, extra
// labels, the SLO period, and specs in a project's sloth/ folder going through the SLO checks.

import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { importSlothSpecs } from "../../src/import/sloth.js";
import { compile } from "../../src/pipeline.js";
import { baseProject, readTree, tempDir, writeProject } from "../helpers.js";

const SPEC = `version: "prometheus/v1"
service: "myservice"
labels:
  owner: "myteam"
  tier: 2
slos:
  - name: "requests-availability"
    objective: 99.9
    labels:
      owner: "slo-team"
    sli:
      events:
        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total[{{ .window }}]))
    alerting:
      name: MyServiceHighErrorRate
      labels:
        category: availability
      page_alert:
        labels:
          severity: critical
      ticket_alert:
        disable: true
`;

const errors = (text: string) => importSlothSpecs(text, "slos.yml").diagnostics.map((d) => `${d.span?.file}:${d.span?.line}:${d.span?.column} ${d.code} ${d.message}`);

type RuleFile = { groups: { name: string; rules: { record?: string; alert?: string; expr: string; labels: Record<string, string>; annotations?: Record<string, string> }[] }[] };

async function buildSpec(text: string, args: string[] = []) {
  const dir = writeProject({ "spec.yml": text });
  const out = path.join(tempDir(), "out");
  const err: string[] = [];
  const code = await main(["build", path.join(dir, "spec.yml"), "--out", out, ...args], { out: () => {}, err: (t) => err.push(t), color: false, cwd: dir });
  const tree = code === 0 ? readTree(out) : {};
  const rules = Object.entries(tree).filter(([f]) => f.startsWith("prometheus/")).flatMap(([, t]) => (parse(t) as RuleFile).groups.flatMap((g) => g.rules));
  return { code, stderr: err.join("\n"), files: Object.keys(tree).sort(), rules };
}

describe("Sloth spec import: strict keys and types (MON501)", () => {
  it("reads a valid spec without diagnostics", () => {
    const result = importSlothSpecs(SPEC, "slos.yml");
    expect(result.diagnostics).toEqual([]);
    expect(result.slos.map((s) => [s.id, s.profile, s.objective, s.type, s.labels])).toEqual([
      ["myservice-requests-availability", "sloth", 0.9990000000000001, "ratio", { owner: "slo-team", tier: "2" }],
    ]);
    expect(result.slos[0].ticket).toBeUndefined();
    expect(result.slos[0].sli.totalQuery).toBe("sum(rate(http_requests_total[{{.window}}]))");
  });

  it("reports an unknown key at its YAML line and column", () => {
    expect(errors(SPEC.replace("    objective: 99.9", "    objetive: 99.9"))).toEqual([
      "slos.yml:8:5 MON501 Sloth spec: unknown key \"objetive\" in slos[0]",
      "slos.yml:7:5 MON501 Sloth spec: slos[0].objective is required",
    ]);
    expect(errors(SPEC.replace("        disable: true", "        disabled: true"))).toEqual([
      "slos.yml:23:9 MON501 Sloth spec: unknown key \"disabled\" in slos[0].alerting.ticket_alert",
    ]);
    expect(errors(`${SPEC}extra: 1\n`)).toEqual(["slos.yml:24:1 MON501 Sloth spec: unknown key \"extra\" in the spec"]);
  });

  it("rejects a wrong version, wrong types and duplicate keys", () => {
    expect(errors(SPEC.replace('"prometheus/v1"', '"prometheus/v2"'))).toEqual([
      "slos.yml:1:10 MON501 Sloth spec: version \"prometheus/v2\" is not supported",
    ]);
    expect(errors(SPEC.replace("objective: 99.9", 'objective: "99.9"'))).toEqual([
      "slos.yml:8:16 MON501 Sloth spec: slos[0].objective must be a number (a percentage such as 99.9)",
    ]);
    expect(errors(SPEC.replace("        disable: true", "        disable: yes please"))).toEqual([
      "slos.yml:23:18 MON501 Sloth spec: slos[0].alerting.ticket_alert.disable must be true or false",
    ]);
    expect(errors(SPEC.replace("  tier: 2", "  tier: [2]"))).toEqual(["slos.yml:5:9 MON501 Sloth spec: labels.tier must be a scalar value"]);
    expect(errors(SPEC.replace('service: "myservice"', 'service: "myservice"\nservice: "other"'))[0]).toMatch(/^slos\.yml:3:1 MON501 Sloth spec: YAML: Map keys must be unique/);
  });

  it("rejects a plugin SLI, an unknown template action, invalid PromQL and a missing alert name", () => {
    const plugin = SPEC.replace(/      events:\n.*\n.*\n/, "      plugin:\n        id: sloth-common/availability\n");
    expect(errors(plugin)).toEqual(["slos.yml:12:7 MON501 Sloth spec: slos[0].sli.plugin is not supported: moncc cannot run Sloth's Go SLI plugins"]);
    expect(errors(SPEC.replace("[{{.window}}]", "[{{.window}}] offset {{.offset}}"))).toEqual([
      "slos.yml:13:22 MON501 Sloth spec: slos[0].sli.events.error_query uses the template action {{.offset}}; only {{.window}} is supported",
    ]);
    expect(errors(SPEC.replace("sum(rate(http_requests_total{", "sum(rate(http_requests_total{{"))[0]).toMatch(/^slos\.yml:13:22 MON501 .*error_query is not valid PromQL/);
    expect(errors(SPEC.replace("      name: MyServiceHighErrorRate\n", ""))).toEqual([
      "slos.yml:16:7 MON501 Sloth spec: slos[0].alerting.name is required while an alert is enabled",
    ]);
    expect(errors(SPEC.replace("tier: 2", "sloth_id: x"))).toEqual(["slos.yml:5:3 MON501 Sloth spec: labels: the label sloth_id is set by Sloth itself"]);
  });

  it("reads a raw SLI and every document of a multi-document file", () => {
    const raw = SPEC.replace(/      events:\n.*\n.*\n/, "      raw:\n        error_ratio_query: 1 - avg(up[{{.window}}])\n");
    const result = importSlothSpecs(`${SPEC}---\n${raw.replace('"myservice"', '"other"')}`, "slos.yml");
    expect(result.diagnostics).toEqual([]);
    expect(result.slos.map((s) => [s.id, s.type, s.sli.totalQuery, s.span?.line])).toEqual([
      ["myservice-requests-availability", "ratio", "sum(rate(http_requests_total[{{.window}}]))", 7],
      ["other-requests-availability", "raw", undefined, 31],
    ]);
  });
});

describe("moncc build spec.yml", () => {
  it("writes only Prometheus rules and manifest.json, with Sloth's labels and annotations", async () => {
    const result = await buildSpec(SPEC);
    expect(result.code, result.stderr).toBe(0);
    expect(result.files).toEqual(["manifest.json", "prometheus/rules/myservice.yml"]);
    const alerts = result.rules.filter((r) => r.alert);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].labels).toEqual({ category: "availability", severity: "critical", sloth_severity: "page" });
    expect(alerts[0].annotations).toEqual({
      summary: "{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.",
      title: "(page) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.",
    });
    // Ticket disabled: its windows are still recorded, as Sloth does.
    expect(result.rules.filter((r) => r.record === "slo:sli_error:ratio_rate3d")).toHaveLength(1);
    expect(result.rules.find((r) => r.record === "sloth_slo_info")!.labels).toMatchObject({ sloth_objective: "99.9", sloth_spec: "prometheus/v1" });
  });

  it("--extra-label adds labels to every recording rule, overriding the spec's, and not to alerts", async () => {
    const result = await buildSpec(SPEC, ["--extra-label", "cmd=gen", "-l", "owner=platform"]);
    expect(result.code, result.stderr).toBe(0);
    for (const rule of result.rules.filter((r) => r.record)) expect(rule.labels).toMatchObject({ cmd: "gen", owner: "platform", tier: "2" });
    for (const rule of result.rules.filter((r) => r.alert)) expect(rule.labels.cmd).toBeUndefined();
    expect((await buildSpec(SPEC, ["--extra-label", "not a label"])).code).toBe(2);
  });

  it("--slo-period 28d derives the tiers from the period: 13.44, 5.6, 2.8, 0.9333…", async () => {
    const result = await buildSpec(SPEC.replace("        disable: true\n", "        labels: { severity: warning }\n"), ["--slo-period", "28d"]);
    expect(result.code, result.stderr).toBe(0);
    const factors = result.rules.filter((r) => r.alert).flatMap((r) => [...r.expr.matchAll(/> \(([\d.]+) \*/g)].map((m) => Number(m[1])));
    expect(factors).toEqual([13.44, 13.44, 5.6, 5.6, 2.8, 2.8, 0.933333333333333, 0.933333333333333]);
    expect(result.rules.find((r) => r.record === "slo:time_period:days")!.expr).toBe("vector(28)");
    expect(result.rules.find((r) => r.record === "slo:sli_error:ratio_rate4w")!.labels.sloth_window).toBe("4w");
    const tooShort = await buildSpec(SPEC, ["--slo-period", "2d"]);
    expect(tooShort.code).toBe(1);
    expect(tooShort.stderr).toMatch(/MON501 Sloth spec: the SLO period 2d is not longer than the longest alert window/);
  });

  it("prints MON501 with the spec's file:line:col and fails", async () => {
    const result = await buildSpec(SPEC.replace("    objective: 99.9", "    objetive: 99.9"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/spec\.yml:8:5 error MON501 Sloth spec: unknown key "objetive" in slos\[0\]/);
  });
});

describe("Sloth specs in a project's sloth/ folder", () => {
  it("are built with the project and go through the SLO checks", async () => {
    const ok = await compile(writeProject({ "moncc.config.ts": baseProject(), "sloth/myservice.yml": SPEC }));
    expect(ok.diagnostics).toEqual([]);
    const file = ok.files!.find((f) => f.path === "prometheus/rules/myservice.yml");
    expect(file?.content).toContain("sloth-slo-alerts-myservice-requests-availability");
    expect(ok.files!.map((f) => f.path)).toContain("prometheus/rules/api.yml");

    const low = await compile(writeProject({ "moncc.config.ts": baseProject(), "sloth/myservice.yml": SPEC.replace("objective: 99.9", "objective: 90") }));
    expect(low.diagnostics.map((d) => `${d.span?.file}:${d.span?.line} ${d.code}`)).toEqual(["sloth/myservice.yml:7 MON402"]);

    const full = await compile(writeProject({ "moncc.config.ts": baseProject(), "sloth/myservice.yml": SPEC.replace("objective: 99.9", "objective: 100") }));
    expect(full.diagnostics.map((d) => d.code)).toEqual(["MON401"]);
  });

  it("reports a spec error and a service that clashes with a TypeScript service", async () => {
    const bad = await compile(writeProject({ "moncc.config.ts": baseProject(), "sloth/a.yml": SPEC.replace("    objective: 99.9", "    objetive: 99.9") }));
    expect(bad.diagnostics.map((d) => `${d.span?.file}:${d.span?.line}:${d.span?.column} ${d.code}`)).toContain("sloth/a.yml:8:5 MON501");
    expect(bad.files).toBeUndefined();
    const clash = await compile(writeProject({ "moncc.config.ts": baseProject(), "sloth/a.yml": SPEC.replace('service: "myservice"', 'service: "api"') }));
    expect(clash.diagnostics.map((d) => d.message)).toEqual(['Sloth spec: service "api" is also a TypeScript service']);
  });

  it("leave a project without a sloth/ folder unchanged", async () => {
    const dir = writeProject({ "moncc.config.ts": baseProject() });
    const before = await compile(dir);
    fs.mkdirSync(path.join(dir, "sloth"));
    const after = await compile(dir);
    expect(after.files).toEqual(before.files);
  });
});

describe("docs/checks/MON501.md", () => {
  it("documents the load-time code and is listed in the index", () => {
    const docs = path.join(import.meta.dirname, "../../docs/checks");
    expect(fs.readFileSync(path.join(docs, "MON501.md"), "utf8").split("\n")[0]).toBe("# MON501 import/sloth-spec");
    expect(fs.readFileSync(path.join(docs, "README.md"), "utf8")).toContain("| [MON501](MON501.md) | import/sloth-spec | error |");
  });
});

describe("sloth_objective text", () => {
  it("prints like Go's FormatFloat(x, 'f', -1, 64): shortest digits, never an exponent", async () => {
    const { goFloatText } = await import("../../src/generators/prometheus/slo/metadata-rules.js");
    expect([99.9, 99, 99.99, 1e-7, 1.5e-10, 1e21].map(goFloatText)).toEqual(["99.9", "99", "99.99", "0.0000001", "0.00000000015", "1000000000000000000000"]);
  });
});
