// Hostile label values (quotes, backslashes, newlines, Go templates, unicode) survive the whole
// pipeline: the rule file passes promtool, and reading it back gives the exact values.

import fs from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { promqlString } from "../../src/dsl/promql.js";
import { describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { compileFiles, tempDir } from "../helpers.js";
import { runTool } from "./tools.js";

const HOSTILE = ['say "hi"', "back\\slash", "two\nlines", "{{ $labels.device }}", "ünïcødé ✓", "on", "yes", "0755", "a: b", "#hash", "- dash"];

const source = `import { alert, gauge, project, service, slack, team } from "moncc";
const HOSTILE: string[] = ${JSON.stringify(HOSTILE)};
const temperature = gauge("device_temperature_celsius", { help: "Temperature.", unit: "celsius", labels: ["device", "zone"] });
const ops = team("ops", {
  receivers: { chat: slack({ channel: "#ops", apiUrlFile: "/etc/am/slack" }) },
  escalation: { P2: { notify: ["chat"] } },
  routes: [{ match: { zone: HOSTILE[0] }, notify: ["chat"] }],
});
export default project({
  name: "escaping",
  targets: { prometheus: "2.42", alertmanager: "0.25" },
  teams: [ops],
  services: [service("devices", {
    owner: ops,
    alerts: HOSTILE.map((value, i) => alert.threshold("HotDevice" + i, {
      query: temperature.where({ device: value, zone: [value, "plain"] }).max({ by: ["device", "zone"] }),
      P2: "> 80",
      summary: value + " is {{ $value }} degrees on {{ $labels.device }}",
      labels: { note: value },
      annotations: { detail: value },
    })),
  })],
  defaultReceiver: ops.receiver("chat"),
});
`;

describe("escaping of hostile label values", () => {
  it("builds, passes promtool and amtool, and round-trips every value", async () => {
    const result = await compileFiles({ "moncc.config.ts": source });
    expect(result.diagnostics).toEqual([]);
    const out = tempDir("moncc-escape-");
    writeOutputAtomically(out, result.files!);
    const rules = path.join(out, "prometheus/rules/devices.yml");

    const promtool = runTool("promtool", ["check", "rules", "--lint-fatal", rules]);
    expect(promtool.status, promtool.output).toBe(0);
    const amtool = runTool("amtool", ["check-config", path.join(out, "alertmanager/alertmanager.yml")]);
    expect(amtool.status, amtool.output).toBe(0);

    const parsed = parse(fs.readFileSync(rules, "utf8"), { version: "1.1" }) as { groups: { rules: { labels: Record<string, string>; annotations: Record<string, string>; expr: string }[] }[] };
    const generated = parsed.groups[0].rules;
    expect(generated).toHaveLength(HOSTILE.length);
    generated.forEach((rule, i) => {
      expect(rule.labels.note).toBe(HOSTILE[i]);
      expect(rule.annotations.detail).toBe(HOSTILE[i]);
      expect(rule.annotations.summary).toBe(`${HOSTILE[i]} is {{ $value }} degrees on {{ $labels.device }}`);
    });
  });

  it("selects exactly the series with those label values (promtool test rules)", async () => {
    const result = await compileFiles({ "moncc.config.ts": source });
    const out = tempDir("moncc-escape-");
    writeOutputAtomically(out, result.files!);
    // Prometheus expands {{ }} in alert labels and annotations by design; those values are covered
    // by the YAML round-trip above and left out of the semantic check.
    const plain = HOSTILE.map((value, i) => ({ value, i })).filter(({ value }) => !value.includes("{{"));
    const series = plain.map(({ value }) => ({
      series: `device_temperature_celsius{device=${promqlString(value)}, zone=${promqlString(value)}}`,
      values: "100x5",
    }));
    // A decoy whose labels differ only by escaping: it must never match.
    series.push({ series: `device_temperature_celsius{device=${promqlString('say \\"hi\\"')}, zone="plain"}`, values: "100x5" });
    const tests = {
      rule_files: [path.join(out, "prometheus/rules/devices.yml")],
      evaluation_interval: "1m",
      tests: [{
        interval: "1m",
        input_series: series,
        alert_rule_test: plain.map(({ value, i }) => ({
          eval_time: "2m",
          alertname: `HotDevice${i}`,
          exp_alerts: [{
            exp_labels: { device: value, zone: value, note: value, service: "devices", severity: "P2", team: "ops" },
            exp_annotations: { detail: value, summary: `${value} is 100 degrees on ${value}` },
          }],
        })),
      }],
    };
    const file = path.join(out, "escaping.test.yml");
    fs.writeFileSync(file, stringify(tests, { version: "1.1", lineWidth: 0 }));
    const promtool = runTool("promtool", ["test", "rules", file]);
    expect(promtool.output).toContain("SUCCESS");
    expect(promtool.status, promtool.output).toBe(0);
  });
});
