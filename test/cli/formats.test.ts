// build and check: machine formats, --max-warnings, the exit code table, and the Sloth options on check.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { CHECKS } from "../../src/validate/registry.js";
import { baseProject, lineOf, tempDir, writeProject, runCli } from "../helpers.js";
import diagnosticsSchema from "../../docs/diagnostics.schema.json" with { type: "json" };

/** One error (MON105, a lower-case alert name) and one warning (MON302, an unused receiver). */
const FINDINGS = baseProject({
  receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    spare: webhook({ url: "https://hooks.example.com/spare" }),`,
  alerts: `alert.threshold("bad_name", { query: memory.value(), P2: "> 1GiB", summary: "s", runbook: "https://r.example.com" }),`,
});
/** Only the MON302 warning. */
const WARNING = baseProject({
  receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    spare: webhook({ url: "https://hooks.example.com/spare" }),`,
});

describe("--format json", () => {
  it("matches docs/diagnostics.schema.json", async () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(diagnosticsSchema);
    const schema = { safeParse: (value: unknown) => (validate(value) ? { success: true, error: undefined } : { success: false, error: validate.errors }) };
    const project = writeProject({ "moncc.config.ts": FINDINGS });
    const result = await runCli(["check", project, "--format", "json"], path.dirname(project));
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout);
    expect(schema.safeParse(parsed).error).toBeUndefined();
    expect(parsed.diagnostics.map((d: { code: string }) => d.code).sort()).toEqual(["MON105", "MON302"]);
    expect(parsed.diagnostics).toContainEqual(expect.objectContaining({
      code: "MON105", severity: "error", file: `${path.basename(project)}/moncc.config.ts`, line: lineOf(FINDINGS, '"bad_name"'),
    }));
    expect(parsed.diagnostics).toContainEqual(expect.objectContaining({ code: "MON302", severity: "warning", subject: "receiver web-spare" }));
    // The schema is strict: an unknown field or severity would fail it.
    expect(schema.safeParse({ ...parsed, extra: true }).success).toBe(false);
    expect(schema.safeParse({ version: 1, diagnostics: [{ ...parsed.diagnostics[0], severity: "fatal" }] }).success).toBe(false);
  });

  it("prints an empty list for a clean project, and build prints it too", async () => {
    const project = writeProject({ "moncc.config.ts": baseProject() });
    expect(JSON.parse((await runCli(["check", project, "--format", "json"], project)).stdout)).toEqual({ version: 1, diagnostics: [] });
    const built = await runCli(["build", project, "--format", "json", "--out", path.join(tempDir(), "out")], project);
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout)).toEqual({ version: 1, diagnostics: [] });
  });
});

describe("--format github", () => {
  it("prints one workflow command per finding on stdout, paths relative to the working directory", async () => {
    const project = writeProject({ "moncc.config.ts": FINDINGS });
    const result = await runCli(["check", project, "--format", "github"], path.dirname(project));
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines).toHaveLength(2);
    const file = `${path.basename(project)}/moncc.config.ts`;
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::error file=${file},line=${lineOf(FINDINGS, '"bad_name"')},col=\\d+,title=MON105::.*bad_name.*%0A.+$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::warning file=${file},line=${lineOf(FINDINGS, "spare:")},col=\\d+,title=MON302::`)));
    expect(result.stdout).not.toContain(project);
  });
});

describe("--format sarif", () => {
  it("is SARIF 2.1.0 with every registered check as a rule and relative result locations", async () => {
    const project = writeProject({ "moncc.config.ts": FINDINGS });
    const result = await runCli(["check", project, "--format", "sarif"], path.dirname(project));
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe("2.1.0");
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.name).toBe("moncc");
    const ruleIds: string[] = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const check of CHECKS) expect(ruleIds).toContain(check.code);
    expect(ruleIds).toEqual(expect.arrayContaining(["MON001", "MON005", "MON900"]));
    expect(ruleIds).toEqual([...ruleIds].sort());
    for (const rule of run0.tool.driver.rules) expect(rule.helpUri).toMatch(new RegExp(`/docs/checks/${rule.id}\\.md$`));
    const error = run0.results.find((r: { ruleId: string }) => r.ruleId === "MON105");
    expect(error.level).toBe("error");
    expect(ruleIds[error.ruleIndex]).toBe("MON105");
    expect(error.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: `${path.basename(project)}/moncc.config.ts`, uriBaseId: "%SRCROOT%" },
      region: { startLine: lineOf(FINDINGS, '"bad_name"'), startColumn: expect.any(Number) },
    });
    expect(run0.results.find((r: { ruleId: string }) => r.ruleId === "MON302").level).toBe("warning");
    expect(result.stdout).not.toContain(project);
  });
});

describe("--max-warnings", () => {
  it("check: exits 1 with a clear line when there are more warnings than allowed", async () => {
    const project = writeProject({ "moncc.config.ts": WARNING });
    expect((await runCli(["check", project], project)).code).toBe(0);
    expect((await runCli(["check", project, "--max-warnings", "1"], project)).code).toBe(0);
    const over = await runCli(["check", project, "--max-warnings", "0"], project);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("MON302");
    expect(over.stderr).toMatch(/^moncc check: failed with 1 warning, more than --max-warnings 0 allows$/m);
  });

  it("build: writes nothing when there are more warnings than allowed", async () => {
    const project = writeProject({ "moncc.config.ts": WARNING });
    const out = path.join(tempDir(), "out");
    const over = await runCli(["build", project, "--out", out, "--max-warnings", "0"], project);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("moncc build: failed with 1 warning, more than --max-warnings 0 allows; nothing was written");
    expect(fs.existsSync(out)).toBe(false);
    const ok = await runCli(["build", project, "--out", out], project);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/^moncc build: .* in \d+ ms; 1 warning$/m);
  });
});

describe("exit codes", () => {
  it("2 for usage errors: unknown command or flag, bad --format, --max-warnings or --extra-label", async () => {
    const project = writeProject({ "moncc.config.ts": baseProject() });
    for (const args of [
      ["frobnicate"],
      ["check", project, "--nope"],
      ["check", project, "--format", "yaml"],
      ["build", project, "--format", "xml"],
      ["check", project, "--max-warnings", "-1"],
      ["build", project, "--max-warnings", "many"],
      ["check", project, "--extra-label", "not a label"],
    ]) {
      expect({ args, code: (await runCli(args, project)).code }).toEqual({ args, code: 2 });
    }
  });
});

describe("check with Sloth options", () => {
  const SPEC = `version: "prometheus/v1"
service: "myservice"
slos:
  - name: "requests-availability"
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total[{{.window}}]))
    alerting:
      name: MyServiceHighErrorRate
`;

  it("accepts --slo-period and --extra-label like build, and checks the period", async () => {
    const dir = writeProject({ "spec.yml": SPEC });
    expect((await runCli(["check", "spec.yml", "--slo-period", "28d", "-l", "team=web"], dir)).code).toBe(0);
    const bad = await runCli(["check", "spec.yml", "--slo-period", "1h"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("MON501");
  });
});
