// The target gates against the real tools installed here (promtool 2.42, amtool 0.25): output moncc
// builds for those targets loads, and output it builds for newer targets uses exactly the fields
// these releases reject, so the gates (MON130, MON131) match what the servers do.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { baseProject, compileFiles, tempDir, type BaseProjectParts } from "../helpers.js";
import { runTool } from "./tools.js";

async function build(parts: BaseProjectParts): Promise<string> {
  const result = await compileFiles({ "moncc.config.ts": baseProject(parts) });
  expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const out = tempDir("moncc-target-");
  writeOutputAtomically(out, result.files!);
  return out;
}

const promtool = (out: string) => runTool("promtool", ["check", "rules", "--lint-fatal", path.join(out, "prometheus/rules/api.yml")]);
const amtool = (out: string) => runTool("amtool", ["check-config", path.join(out, "alertmanager/alertmanager.yml")]);

describe("Prometheus 2.42 (promtool)", () => {
  it("loads keep_firing_for and limit, which a 2.42 target may use", async () => {
    const out = await build({
      serviceExtra: "limit: 50,",
      alerts: `alert.threshold("HighMemory", {
      query: memory.value(),
      P2: { op: ">", value: "1GiB", for: "5m", keepFiringFor: "10m" },
      summary: "Memory is high",
      runbook: "https://runbooks.example.com/memory",
    }),`,
    });
    const result = promtool(out);
    expect(result.status, result.output).toBe(0);
  });

  it("rejects query_offset (2.53) and group labels (3.0), which MON130 refuses for a 2.42 target", async () => {
    const offset = promtool(await build({ targets: `{ prometheus: "2.53", alertmanager: "0.25" }`, serviceExtra: `queryOffset: "1m",` }));
    expect(offset.status).not.toBe(0);
    expect(offset.output).toContain("query_offset");
    const labels = promtool(await build({ targets: `{ prometheus: "3.0", alertmanager: "0.25" }`, serviceExtra: `groupLabels: { tier: "backend" },` }));
    expect(labels.status).not.toBe(0);
    expect(labels.output).toContain("labels");
  });
});

describe("Alertmanager 0.25 (amtool)", () => {
  it("loads every *_file receiver option moncc writes for a 0.25 target", async () => {
    const out = await build({
      receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    mail: email({ to: "a@example.com", from: "am@example.com", smarthost: "smtp.example.com:587", authUsername: "am", authPasswordFile: "/etc/am/smtp" }),
    genie: opsgenie({ apiKeyFile: "/etc/am/genie" }),
    hook: webhook({ url: "https://hooks.example.com/x", bearerTokenFile: "/etc/am/token" }),`,
      escalation: `P0: { notify: ["page", "chat", "genie"] },
    P1: { notify: ["page", "hook"] },
    P2: { notify: ["chat", "mail"] },
    P3: { notify: ["chat"] },`,
    });
    const result = amtool(out);
    expect(result.status, result.output).toBe(0);
  });

  it("rejects webhook url_file (0.26), which MON131 refuses for a 0.25 target", async () => {
    const out = await build({
      targets: `{ prometheus: "2.42", alertmanager: "0.26" }`,
      receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    hook: webhook({ urlFile: "/etc/am/hook-url" }),`,
      escalation: `P0: { notify: ["page", "chat"] },
    P1: { notify: ["page", "hook"] },
    P2: { notify: ["chat"] },
    P3: { notify: ["chat"] },`,
    });
    const result = amtool(out);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("url_file");
  });

  it("routes a label value holding a tab, quote and backslash to the route that matches it", async () => {
    const value = 'a\tb "c" \\d';
    const out = await build({
      teamExtra: `routes: [{ match: { zone: ${JSON.stringify(value)} }, notify: ["page"], continue: false }],`,
      alerts: `alert.threshold("HighMemory", {
      query: memory.value(),
      P2: "> 1GiB",
      labels: { zone: ${JSON.stringify(value)} },
      summary: "Memory is high",
      runbook: "https://runbooks.example.com/memory",
    }),`,
    });
    expect(amtool(out).status).toBe(0);
    // The classic parser reads an escaped \t as backslash and t, so only a raw tab in the config
    // matches. The label is written by hand here, in the classic syntax, not by moncc's code.
    const label = 'zone="a\tb \\"c\\" \\\\d"';
    const routed = runTool("amtool", ["config", "routes", "test", `--config.file=${path.join(out, "alertmanager/alertmanager.yml")}`,
      "--verify.receivers=web-page", "team=web", "severity=P2", label]);
    expect(routed.status, routed.output).toBe(0);
  });
});
