// The generated rule files in a real Prometheus: every group loads, and every rule evaluates
// without error (health "ok") against a live scrape of the example's metrics.

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { compile } from "../../src/pipeline.js";
import type { Model } from "../../src/model/schema.js";
import { tempDir } from "../helpers.js";
import { freePort, startPrometheus, type RunningServer } from "./servers.js";

let prometheus: RunningServer;
let exporter: http.Server;
let model: Model;
let out: string;

/** Exposes one series of every metric the example declares, so rules evaluate against real data. */
function exposition(m: Model): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const metric of m.services.flatMap((s) => s.metrics)) {
    if (seen.has(metric.name)) continue;
    seen.add(metric.name);
    const labels = metric.labels.map((l) => `${l}="x"`).join(",");
    const type = metric.kind === "summary" ? "gauge" : metric.kind;
    lines.push(`# TYPE ${metric.name} ${type}`);
    if (metric.kind === "histogram") {
      for (const le of [...(metric.buckets ?? []), "+Inf"]) lines.push(`${metric.name}_bucket{${labels}${labels ? "," : ""}le="${le}"} 1`);
      lines.push(`${metric.name}_sum{${labels}} 1`, `${metric.name}_count{${labels}} 1`);
    } else {
      lines.push(`${metric.name}{${labels}} 1`);
    }
  }
  return `${lines.join("\n")}\n`;
}

beforeAll(async () => {
  const result = await compile("examples/ai-platform");
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  model = result.model!;
  out = tempDir("moncc-prom-e2e-");
  writeOutputAtomically(out, result.files!);

  const port = await freePort();
  exporter = http.createServer((_req, res) => res.end(exposition(model)));
  await new Promise<void>((resolve) => exporter.listen(port, "127.0.0.1", resolve));

  const config = path.join(out, "prometheus.yml");
  fs.writeFileSync(config, [
    "global: { scrape_interval: 1s, evaluation_interval: 1s }",
    `rule_files: [${JSON.stringify(path.join(out, "prometheus/rules/*.yml"))}]`,
    `scrape_configs: [{ job_name: moncc-e2e, static_configs: [{ targets: ["127.0.0.1:${port}"] }] }]`,
    "",
  ].join("\n"));
  prometheus = await startPrometheus(config);
});

afterAll(async () => {
  await prometheus?.stop();
  await new Promise((resolve) => exporter?.close(resolve));
});

interface RuleGroup {
  name: string;
  rules: { name: string; health: string; lastError?: string; lastEvaluation: string }[];
}

describe("generated rules in a real Prometheus", () => {
  it("loads every group and evaluates every rule with health ok", async () => {
    // Prometheus must load exactly the groups and rules moncc wrote.
    const written = fs.readdirSync(path.join(out, "prometheus/rules")).flatMap((f) =>
      (parse(fs.readFileSync(path.join(out, "prometheus/rules", f), "utf8")) as { groups: { name: string; interval?: string; rules: unknown[] }[] }).groups);
    const expectedGroups = written.map((g) => g.name).sort();
    const scaled = new Set(written.filter((g) => g.interval).map((g) => g.name));
    const ruleCount = written.reduce((n, g) => n + g.rules.length, 0);
    expect(model.services.some((s) => s.slos.length > 0)).toBe(true);
    const deadline = Date.now() + 20_000;
    let groups: RuleGroup[] = [];
    while (Date.now() < deadline) {
      const response = await fetch(`${prometheus.url}/api/v1/rules`);
      groups = ((await response.json()) as { data: { groups: RuleGroup[] } }).data.groups;
      // Groups with their own longer interval (SLI windows of 6h+) may not have run yet.
      const evaluated = groups.filter((g) => !scaled.has(g.name)).flatMap((g) => g.rules).every((r) => !r.lastEvaluation.startsWith("0001"));
      if (groups.length === expectedGroups.length && evaluated) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(groups.map((g) => g.name).sort()).toEqual(expectedGroups);
    // Evaluated rules are healthy; rules of groups that have not run yet are "unknown", never "err".
    const rules = groups.flatMap((g) => g.rules.map((r) => ({ ...r, group: g.name })));
    expect(rules.filter((r) => r.health === "err" || (r.health !== "ok" && !scaled.has(r.group)))).toEqual([]);
    expect(rules.filter((r) => r.health === "ok").length).toBeGreaterThan(rules.length / 2);
    expect(groups.flatMap((g) => g.rules)).toHaveLength(ruleCount);
  });
});
