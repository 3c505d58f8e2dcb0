// Every example's generated output passes the real promtool and amtool, and every generated alert,
// routed by the real amtool, reaches exactly the receivers its team's policy names.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { receiverName } from "../../src/model/conventions.js";
import type { Model, Team } from "../../src/model/schema.js";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { compile } from "../../src/pipeline.js";
import { routedAlerts } from "../../src/validate/check.js";
import { tempDir } from "../helpers.js";
import { runTool } from "./tools.js";

const examples = fs.readdirSync("examples").filter((name) => fs.existsSync(path.join("examples", name, "moncc.config.ts")));

/**
 * What the routing policy says an alert should reach, written from the policy's own words: custom
 * routes whose matchers all hold, in order, stopping at one that does not continue; then the
 * receivers of the alert's severity. Deliberately independent of src/model/routing.ts.
 */
function expectedReceivers(team: Team, labels: Record<string, string>): string[] {
  const out: string[] = [];
  for (const route of team.routes) {
    const holds = route.matchers.every((m) => {
      const value = labels[m.label] ?? "";
      if (m.op === "=") return value === m.value;
      if (m.op === "!=") return value !== m.value;
      const matches = new RegExp(`^(?:${m.value})$`).test(value);
      return m.op === "=~" ? matches : !matches;
    });
    if (!holds) continue;
    out.push(...route.notify.map((key) => receiverName(team.name, key)));
    if (!route.continue) return out;
  }
  const step = team.escalation.find((s) => s.severity === labels.severity);
  return [...out, ...(step?.notify ?? []).map((key) => receiverName(team.name, key))];
}

/** Threshold-alert severities and SLO burn-rate groups, with the labels they are sent with. */
function alertLabelSets(model: Model) {
  return [...routedAlerts(model)].map((alert) => ({
    id: alert.id,
    team: model.teams.find((t) => t.name === alert.owner)!,
    labels: { alertname: alert.alertname, ...alert.labels },
  }));
}

describe.each(examples)("examples/%s with the real tools", (example) => {
  const out = tempDir("moncc-tools-");
  let model: Model;

  it("builds", async () => {
    const result = await compile(path.join("examples", example));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    writeOutputAtomically(out, result.files!);
    model = result.model!;
  });

  it("passes promtool check rules --lint-fatal", () => {
    const dir = path.join(out, "prometheus/rules");
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
    expect(files.length).toBeGreaterThan(0);
    const result = runTool("promtool", ["check", "rules", "--lint-fatal", ...files]);
    expect(result.output).not.toMatch(/FAILED|WARNING/);
    expect(result.status, result.output).toBe(0);
  });

  it("passes amtool check-config", () => {
    const result = runTool("amtool", ["check-config", path.join(out, "alertmanager/alertmanager.yml")]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain("SUCCESS");
  });

  it("routes every alert and severity to the receivers its policy names (amtool config routes test)", () => {
    const config = path.join(out, "alertmanager/alertmanager.yml");
    const cases = alertLabelSets(model);
    expect(cases.length).toBeGreaterThan(0);
    for (const { id, team, labels } of cases) {
      const expected = expectedReceivers(team, labels);
      expect(expected.length, `${id} has no intended receiver`).toBeGreaterThan(0);
      const args = ["config", "routes", "test", `--config.file=${config}`, `--verify.receivers=${expected.join(",")}`,
        ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)];
      const result = runTool("amtool", args);
      expect(result.status, `${id}: expected ${expected.join(",")}\n${result.output}`).toBe(0);
    }
  });
});
