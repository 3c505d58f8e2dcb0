// Target-version gates: MON130 (rule-file features the Prometheus target lacks) and MON131
// (Alertmanager features the target lacks), the version table they read, and generated output
// that follows the target: the same project built for an old and a new target.

import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { TARGET_FEATURES, targetHas, type FeatureId } from "../../src/model/target-features.js";
import { matcherText } from "../../src/generators/alertmanager/config.js";
import { baseProject, compileFiles, lineOf, withCode, type BaseProjectParts } from "../helpers.js";

const CONFIG = "moncc.config.ts";

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  const result = await compileFiles({ [CONFIG]: source });
  return { source, result };
}

type Result = Awaited<ReturnType<typeof compileFiles>>;

function yamlFile(result: Result, path: string): any {
  const file = result.files?.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path}; diagnostics: ${JSON.stringify(result.diagnostics)}`);
  return parse(file.content);
}

const RULE_GROUP_OPTIONS = `queryOffset: "1m",
  limit: 100,
  groupLabels: { tier: "backend" },`;

const KEEP_FIRING = `alert.threshold("HighMemory", {
      query: memory.value(),
      P2: { op: ">", value: "1GiB", for: "5m", keepFiringFor: "10m" },
      summary: "Memory is high",
      runbook: "https://runbooks.example.com/memory",
    }),`;

describe("the target feature table", () => {
  it("answers per declared version, and not at all for a version that does not parse", () => {
    const at = (prometheus: string, alertmanager: string, id: FeatureId) => targetHas({ prometheus, alertmanager }, id);
    expect(at("2.52", "0.25", "ruleGroupQueryOffset")).toBe(false);
    expect(at("2.53", "0.25", "ruleGroupQueryOffset")).toBe(true);
    expect(at("2.53.1", "0.25", "ruleGroupLabels")).toBe(false);
    expect(at("3.0", "0.25", "ruleGroupLabels")).toBe(true);
    expect(at("2.41", "0.25", "keepFiringFor")).toBe(false);
    expect(at("2.30", "0.25", "ruleGroupLimit")).toBe(false);
    expect(at("3.5", "0.25", "webhookUrlFile")).toBe(false);
    expect(at("3.5", "0.26", "webhookUrlFile")).toBe(true);
    expect(at("3.5", "0.26", "utf8Matchers")).toBe(false);
    expect(at("3.5", "0.27", "utf8Matchers")).toBe(true);
    expect(at("latest", "0.27", "keepFiringFor")).toBeUndefined();
  });

  it("spells every version as MAJOR.MINOR", () => {
    for (const feature of Object.values(TARGET_FEATURES)) expect(feature.since).toMatch(/^\d+\.\d+$/);
  });
});

describe("MON130 definitions/rule-feature-version", () => {
  it("reports queryOffset, limit and groupLabels at the service when Prometheus is too old for each", async () => {
    const { source, result } = await compileBase({ targets: `{ prometheus: "2.30", alertmanager: "0.25" }`, serviceExtra: RULE_GROUP_OPTIONS });
    const found = withCode(result, "MON130");
    const line = lineOf(source, 'const api = service("api"');
    expect(found.map((d) => d.span?.line)).toEqual([line, line, line]);
    expect(found.map((d) => d.message)).toEqual([
      'service "api": groupLabels needs Prometheus 3.0 or later (rule group `labels`); the target is Prometheus 2.30',
      'service "api": limit needs Prometheus 2.31 or later (rule group `limit`); the target is Prometheus 2.30',
      'service "api": queryOffset needs Prometheus 2.53 or later (rule group `query_offset`); the target is Prometheus 2.30',
    ]);
    expect(found[2].hint).toContain("raise targets.prometheus to 2.53");
  });

  it("reports only what the target lacks: on 2.53, group labels", async () => {
    const { result } = await compileBase({ targets: `{ prometheus: "2.53", alertmanager: "0.25" }`, serviceExtra: RULE_GROUP_OPTIONS });
    expect(withCode(result, "MON130").map((d) => d.message)).toEqual([
      'service "api": groupLabels needs Prometheus 3.0 or later (rule group `labels`); the target is Prometheus 2.53',
    ]);
  });

  it("reports keepFiringFor at the alert when Prometheus is older than 2.42", async () => {
    const { source, result } = await compileBase({ targets: `{ prometheus: "2.41", alertmanager: "0.25" }`, alerts: KEEP_FIRING });
    const found = withCode(result, "MON130");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, 'alert.threshold("HighMemory"')]);
    expect(found[0].message).toBe('alert "HighMemory": keepFiringFor needs Prometheus 2.42 or later (alerting rule `keep_firing_for`); the target is Prometheus 2.41');
  });

  it("accepts every rule-group feature on Prometheus 3 and emits it in Prometheus' key order", async () => {
    const { result } = await compileBase({ targets: `{ prometheus: "3.0", alertmanager: "0.25" }`, serviceExtra: RULE_GROUP_OPTIONS, alerts: KEEP_FIRING });
    expect(result.diagnostics).toEqual([]);
    const group = yamlFile(result, "prometheus/rules/api.yml").groups[0];
    expect(Object.keys(group)).toEqual(["name", "query_offset", "limit", "labels", "rules"]);
    expect(group).toMatchObject({ query_offset: "1m", limit: 100, labels: { tier: "backend" } });
    expect(group.rules[0].keep_firing_for).toBe("10m");
  });

  it("reports a limit that is not a whole number as MON004", async () => {
    const { result } = await compileBase({ targets: `{ prometheus: "3.0", alertmanager: "0.25" }`, serviceExtra: "limit: 2.5," });
    expect(withCode(result, "MON004").map((d) => d.message)).toEqual(["service api: limit 2.5 is not a whole number of 0 or more"]);
    expect(withCode(result, "MON130")).toEqual([]);
  });

  it("lets routing checks see group labels: a custom route matching one is reachable", async () => {
    const { result } = await compileBase({
      targets: `{ prometheus: "3.0", alertmanager: "0.25" }`,
      serviceExtra: `groupLabels: { tier: "backend" },`,
      teamExtra: `routes: [{ match: { tier: "backend" }, notify: ["chat"] }],`,
    });
    expect(result.diagnostics).toEqual([]);
  });
});

const WEBHOOK_URL_FILE: BaseProjectParts = {
  receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    hook: webhook({ urlFile: "/etc/am/hook-url" }),`,
  escalation: `P0: { notify: ["page", "chat"] },
    P1: { notify: ["page"] },
    P2: { notify: ["chat"] },
    P3: { notify: ["chat", "hook"] },`,
};

describe("MON131 definitions/alertmanager-feature-version", () => {
  it("reports a webhook urlFile at the receiver when Alertmanager is older than 0.26", async () => {
    const { source, result } = await compileBase(WEBHOOK_URL_FILE);
    const found = withCode(result, "MON131");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "hook: webhook(")]);
    expect(found[0].message).toBe('receiver "web-hook": webhook urlFile needs Alertmanager 0.26 or later (webhook `url_file`); the target is Alertmanager 0.25');
    expect(found[0].hint).toContain("use url with bearerTokenFile");
    expect(withCode(result, "MON113")).toEqual([]);
  });

  it("accepts urlFile on 0.26, and the *_file options moncc supports on every supported target", async () => {
    const { result } = await compileBase({ ...WEBHOOK_URL_FILE, targets: `{ prometheus: "2.42", alertmanager: "0.26" }` });
    expect(result.diagnostics).toEqual([]);
    const hook = yamlFile(result, "alertmanager/alertmanager.yml").receivers.find((r: { name: string }) => r.name === "web-hook");
    expect(hook.webhook_configs[0].url_file).toBe("/etc/am/hook-url");
    const { result: files } = await compileBase({
      receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    mail: email({ to: "a@example.com", from: "am@example.com", smarthost: "smtp.example.com:587", authUsername: "am", authPasswordFile: "/etc/am/smtp" }),
    genie: opsgenie({ apiKeyFile: "/etc/am/genie" }),`,
      escalation: `P0: { notify: ["page", "chat", "genie"] },
    P1: { notify: ["page"] },
    P2: { notify: ["chat", "mail"] },
    P3: { notify: ["chat"] },`,
    });
    expect(withCode(files, "MON131")).toEqual([]);
  });
});

describe("generated output follows the target", () => {
  // MON104 still rejects such names for every target, so the quoted spelling the generator writes
  // is covered by the matcherText tests below.
  it("gates a route matcher on a UTF-8 label name on 0.25 but not on 0.27", async () => {
    const parts: BaseProjectParts = { teamExtra: `routes: [{ match: { "service.name": "api" }, notify: ["chat"] }],` };
    const old = await compileBase({ ...parts, targets: `{ prometheus: "3.0", alertmanager: "0.25" }` });
    expect(withCode(old.result, "MON131").map((d) => d.message)).toEqual([
      'team "web" matches on label "service.name" in a route or inhibit rule, which needs Alertmanager 0.27 or later (quoted label names in matchers (`"a.b"="c"`)); the target is Alertmanager 0.25',
    ]);
    expect(old.result.files).toBeUndefined();
    const current = await compileBase({ ...parts, targets: `{ prometheus: "3.0", alertmanager: "0.27" }` });
    expect(withCode(current.result, "MON131")).toEqual([]);
  });

  it("builds group query_offset for 2.53 and refuses the same project for 2.52", async () => {
    const parts: BaseProjectParts = { serviceExtra: `queryOffset: "30s",` };
    const older = await compileBase({ ...parts, targets: `{ prometheus: "2.52", alertmanager: "0.25" }` });
    expect(withCode(older.result, "MON130")).toHaveLength(1);
    const newer = await compileBase({ ...parts, targets: `{ prometheus: "2.53", alertmanager: "0.25" }` });
    expect(newer.result.diagnostics).toEqual([]);
    expect(yamlFile(newer.result, "prometheus/rules/api.yml").groups[0].query_offset).toBe("30s");
  });
});

describe("Alertmanager matcher text", () => {
  it("escapes only backslash, quote and newline, which both matcher parsers read alike", () => {
    expect(matcherText({ label: "zone", op: "=", value: 'a\tb\\c"d\ne' })).toBe('zone="a\tb\\\\c\\"d\\ne"');
    expect(matcherText({ label: "le", op: "=~", value: "1(\\.0)?" })).toBe('le=~"1(\\\\.0)?"');
  });

  it("quotes a label name outside [a-zA-Z_][a-zA-Z0-9_]* for the UTF-8 parser", () => {
    expect(matcherText({ label: "service.name", op: "!=", value: "api" })).toBe('"service.name"!="api"');
  });
});
