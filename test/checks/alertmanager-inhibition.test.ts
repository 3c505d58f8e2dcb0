// The teams' own inhibit rules: generated after moncc's, and checked by MON306
// inhibit-equal-missing, MON307 self-inhibition and MON308 inhibition-cycle.

import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { baseProject, compileFiles, lineOf, tempDir, withCode, type BaseProjectParts } from "../helpers.js";
import { runTool } from "../tools/tools.js";

/** Diagnostics of the checks this file is about; other families are tested elsewhere. */
const ours = <D extends { code: string }>(result: { diagnostics: readonly D[] }) => result.diagnostics.filter((d) => ["MON304", "MON305", "MON306", "MON307", "MON308"].includes(d.code));

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  const result = await compileFiles({ "moncc.config.ts": source });
  return { source, result };
}

/** Two alerts with their own names, so an inhibit rule can take one as source and one as target. */
const TWO_ALERTS = `alert.threshold("ApiDown", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: "> 50% for 2m",
      summary: "API is down",
      runbook: "https://runbooks.example.com/api",
    }),
    alert.threshold("ApiHighErrorRate", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P2: "> 1% for 10m",
      summary: "API error rate is high",
      runbook: "https://runbooks.example.com/api",
    }),`;

describe("declared inhibit rules", () => {
  it("are generated after moncc's own, scoped to the team, and pass amtool", async () => {
    const { result } = await compileBase({
      alerts: TWO_ALERTS,
      teamExtra: `inhibit: [{ source: { alertname: "ApiDown" }, target: { alertname: "ApiHighErrorRate" }, equal: ["service"] }],`,
    });
    expect(ours(result)).toEqual([]);
    const file = result.files!.find((f) => f.path === "alertmanager/alertmanager.yml")!;
    const rules = parse(file.content).inhibit_rules;
    expect(rules.slice(0, 2).map((r: { source_matchers: string[] }) => r.source_matchers[1])).toEqual(['severity="P0"', 'severity="P1"']);
    expect(rules[rules.length - 1]).toEqual({
      source_matchers: ['team="web"', 'alertname="ApiDown"'],
      target_matchers: ['team="web"', 'alertname="ApiHighErrorRate"'],
      equal: ["service"],
    });
    const out = tempDir("moncc-inhibit-");
    writeOutputAtomically(out, result.files!);
    const amtool = runTool("amtool", ["check-config", path.join(out, "alertmanager/alertmanager.yml")]);
    expect(amtool.status, amtool.output).toBe(0);
  });
});

describe("MON306 alertmanager/inhibit-equal-missing", () => {
  it("explains that an equal label no alert carries makes the rule mute everything", async () => {
    const { source, result } = await compileBase({
      alerts: TWO_ALERTS,
      teamExtra: `inhibit: [{ source: { alertname: "ApiDown" }, target: { alertname: "ApiHighErrorRate" }, equal: ["instance"] }],`,
    });
    const found = withCode(result, "MON306");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const web = team(")]);
    expect(found[0].message).toBe('inhibit rule #1 of team "web": equal label "instance" is carried by no source or target alert; a missing label compares equal to a missing one, so any firing source ("ApiDown" P1) mutes every target ("ApiHighErrorRate" P2)');
  });

  it("reports a label only one side carries: the rule never mutes", async () => {
    const { result } = await compileBase({
      alerts: TWO_ALERTS.replace('P2: "> 1% for 10m",', 'P2: "> 1% for 10m",\n      labels: { component: "edge" },'),
      teamExtra: `inhibit: [{ source: { alertname: "ApiDown" }, target: { alertname: "ApiHighErrorRate" }, equal: ["component"] }],`,
    });
    expect(withCode(result, "MON306").map((d) => d.message)).toEqual([
      'inhibit rule #1 of team "web": equal label "component" is carried by no source alert ("ApiDown" P1); a missing label never equals a present one, so the rule never mutes anything']);
  });

  it("accepts a label the queries keep", async () => {
    const { result } = await compileBase({
      alerts: TWO_ALERTS.replaceAll('errorRatio(requests.where({ code: "5xx" }), requests, "5m")', 'errorRatio(requests.where({ code: "5xx" }), requests, "5m", { by: ["route"] })'),
      teamExtra: `inhibit: [{ source: { alertname: "ApiDown" }, target: { alertname: "ApiHighErrorRate" }, equal: ["route"] }],`,
    });
    expect(result.model?.services[0].alerts[0].query.labels).toEqual(["route"]);
    expect(ours(result)).toEqual([]);
  });
});

describe("MON307 alertmanager/self-inhibition", () => {
  it("reports a rule whose source and target both match an alert", async () => {
    const { source, result } = await compileBase({
      alerts: TWO_ALERTS,
      teamExtra: `inhibit: [{ source: { service: "api" }, target: { alertname: "ApiHighErrorRate" } }],`,
    });
    const found = withCode(result, "MON307");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const web = team(")]);
    expect(found[0].message).toBe('inhibit rule #1 of team "web": source and target overlap; "ApiHighErrorRate" P2 matches both, and Alertmanager never lets such alerts mute each other');
  });

  it("accepts disjoint source and target", async () => {
    const { result } = await compileBase({
      alerts: TWO_ALERTS,
      teamExtra: `inhibit: [{ source: { alertname: "ApiDown" }, target: { alertname: "ApiHighErrorRate" }, equal: ["service"] }],`,
    });
    expect(withCode(result, "MON307")).toEqual([]);
  });
});

describe("MON308 alertmanager/inhibition-cycle", () => {
  it("reports two declared rules that mute each other's alerts", async () => {
    const { source, result } = await compileBase({
      alerts: TWO_ALERTS,
      teamExtra: `inhibit: [
    { source: { alertname: "ApiDown" }, target: { alertname: "ApiHighErrorRate" }, equal: ["service"] },
    { source: { alertname: "ApiHighErrorRate" }, target: { alertname: "ApiDown" }, equal: ["service"] },
  ],`,
    });
    const found = withCode(result, "MON308");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const web = team(")]);
    expect(found[0].message).toBe('inhibit rules of team "web" form a cycle: "ApiDown" P1 mutes "ApiHighErrorRate" P2 (inhibit rule #1), "ApiHighErrorRate" P2 mutes "ApiDown" P1 (inhibit rule #2); while they all fire, all of them are muted');
  });

  it("finds a cycle through moncc's own lower-severity inhibition", async () => {
    const { result } = await compileBase({ teamExtra: `inhibit: [{ source: { severity: "P2" }, target: { severity: "P1" }, equal: ["alertname"] }],` });
    expect(withCode(result, "MON308").map((d) => d.message)).toEqual([
      'inhibit rules of team "web" form a cycle: "ApiHighErrorRate" P1 mutes "ApiHighErrorRate" P2 (moncc\'s P1 inhibition), "ApiHighErrorRate" P2 mutes "ApiHighErrorRate" P1 (inhibit rule #1); while they all fire, all of them are muted']);
  });

  it("accepts a one-way chain, and a reverse rule whose equal labels can never agree", async () => {
    for (const teamExtra of [
      `inhibit: [{ source: { alertname: "ApiDown" }, target: { alertname: "ApiHighErrorRate" }, equal: ["service"] }],`,
      `inhibit: [{ source: { severity: "P2" }, target: { severity: "P1" }, equal: ["alertname"] }],`,
    ]) {
      const { result } = await compileBase({ alerts: TWO_ALERTS, teamExtra });
      expect(withCode(result, "MON308"), teamExtra).toEqual([]);
    }
  });
});
