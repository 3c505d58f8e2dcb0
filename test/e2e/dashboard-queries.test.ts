// Every query of every generated dashboard of examples/ai-platform, run on a real Prometheus 2.42 the
// way Grafana would run it: Grafana's variables substituted, instant targets on /api/v1/query, range
// targets on /api/v1/query_range over the dashboard's 6 hours, variables on /api/v1/label/…/values.
// Each must succeed (it parses and executes), and the fraud-detection service and SLO dashboards must
// show data, but for the targets listed in MAY_BE_EMPTY.
//
// Data: six and a half hours of synthetic samples, one a minute, backfilled with promtool: counters
// rising, histograms with every bucket, gauges. Label values are the ones the generated queries match
// on (`model="fraud-detection"`, `reason="invalid_request"`, …) plus one more, so every selector finds
// series.
//
// Recording rules are evaluated live, by Prometheus itself at a 1s interval, not backfilled with
// `promtool tsdb create-blocks-from rules`: that backfiller evaluates each rule against the server
// alone, so a rule reading another rule's output (Sloth's 30d SLI reads the 5m one, budget remaining
// reads the 30d one, the drift rules chain four deep) would need one backfill pass and one server
// restart per level. Live, a group sees its earlier rules' results at once and the others' a second
// later. The groups' own `interval` (2m, 5m for the long SLI windows) is dropped from the copy
// Prometheus loads, or their first evaluation could be minutes away. Recorded series therefore exist
// only for the last seconds of the window, which still puts a point at the range queries' last step.

import fs from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { dashboardUid } from "../../src/model/conventions.js";
import type { Metric, Model } from "../../src/model/schema.js";
import { compile } from "../../src/pipeline.js";
import { tempDir } from "../helpers.js";
import { requireTool } from "../tools/tools.js";
import { backfilledTsdb, startPrometheus, type RunningServer } from "./servers.js";

const MINUTE = 60;
const RANGE = 6 * 3600;
/** Synthetic history: the range and half an hour before it, so the first steps' rate windows have samples. */
const HISTORY = RANGE + 30 * MINUTE;
const STEP = MINUTE;

/**
 * Grafana's own variables for a 6h range at a 1m step over data scraped every minute:
 * $__rate_interval is max($__interval + scrape interval, 4 × scrape interval).
 */
const GRAFANA_VARIABLES: Readonly<Record<string, string>> = {
  __interval: "1m",
  __interval_ms: "60000",
  __rate_interval: "4m",
  __rate_interval_ms: "240000",
  __range: "6h",
  __range_s: String(RANGE),
  __range_ms: String(RANGE * 1000),
};

/** The service whose dashboards must show data. */
const SERVICE = "fraud-detection";

/**
 * Targets of the fraud-detection dashboards that may return no series on this data, as
 * "<dashboard uid> / <panel title> / <refId>", with the reason.
 */
const MAY_BE_EMPTY: Readonly<Record<string, string>> = {
  "svc-fraud-detection / Active alerts / A": "ALERTS: the data keeps the SLOs' burn-rate alerts quiet, and every other alert waits 2m or more (`for`)",
  "svc-fraud-detection / model_online_accuracy_ratio / B": "the 7-day baseline ends a day ago, before the synthetic history starts",
  "svc-fraud-detection / ModelAccuracyDrop / A": "divides by the same 7-day baseline ending a day ago",
};

interface Target {
  readonly refId: string;
  readonly expr: string;
  readonly instant?: boolean;
}

interface Panel {
  readonly title: string;
  readonly type: string;
  readonly targets?: Target[];
  readonly panels?: Panel[];
}

interface Variable {
  readonly name: string;
  readonly type: string;
  readonly query?: unknown;
  readonly allValue?: string;
}

interface DashboardJson {
  readonly uid: string;
  readonly title: string;
  readonly panels: Panel[];
  readonly templating: { list: Variable[] };
}

interface ApiResponse {
  status: string;
  error?: string;
  errorType?: string;
  data?: unknown;
}

/** One query as Grafana would send it, and what Prometheus answered. */
interface Run {
  readonly key: string;
  readonly query: string;
  readonly response: ApiResponse;
}

let prometheus: RunningServer;
let model: Model;
/** Temp folder of the build, the rules and the TSDB (25 MB), removed after the tests. */
let out: string | undefined;
let dashboards: DashboardJson[];
/** End of every query's range: after the recording rules have run. */
let end: number;

/** Every value a generated expression matches a label on with `=`, by label. */
function matchedValues(exprs: readonly string[]): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  for (const expr of exprs) {
    for (const [, label, value] of expr.matchAll(/\b(\w+)="([^"]*)"/g)) {
      if (!values.has(label)) values.set(label, new Set());
      values.get(label)!.add(value);
    }
  }
  return values;
}

/** Label sets of one metric: every combination of the values its queries match on, plus one other each. */
function labelSets(metric: Metric, matched: Map<string, Set<string>>): Record<string, string>[] {
  const labels = [...new Set([...metric.labels, ...model.scrape.targetLabels])].filter((l) => l !== "le").sort();
  let sets: Record<string, string>[] = [{}];
  for (const label of labels) {
    const values = [...(matched.get(label) ?? [])].filter((v) => v !== "").sort();
    values.push(`synthetic-${label}`);
    sets = sets.flatMap((set) => values.map((value) => ({ ...set, [label]: value })));
  }
  return sets;
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(",");
}

/**
 * OpenMetrics for every metric the example declares, one sample a minute for HISTORY seconds up to
 * `last`. Counters rise, histograms fill every bucket, gauges hold a value in their unit's range with
 * a slow wave. The data is healthy, so no alert fires while the test runs: errors are 0.01% of
 * requests, 99% of observations fall in the lowest bucket, ratios stay near 75%.
 */
function syntheticSamples(metrics: readonly Metric[], matched: Map<string, Set<string>>, last: number): string[] {
  const lines: string[] = [];
  const minutes = HISTORY / MINUTE;
  const times = Array.from({ length: minutes + 1 }, (_, i) => ({ i, t: last - (minutes - i) * MINUTE }));
  for (const metric of metrics) {
    const sets = labelSets(metric, matched);
    if (metric.kind === "counter") {
      const family = metric.name.replace(/_total$/, "");
      const perMinute = /error|fail/.test(metric.name) ? 1 : 10_000;
      lines.push(`# TYPE ${family} ${metric.name.endsWith("_total") ? "counter" : "unknown"}`);
      for (const { i, t } of times) for (const set of sets) lines.push(`${metric.name}{${labelText(set)}} ${i * perMinute} ${t}`);
    } else if (metric.kind === "histogram") {
      const buckets = metric.buckets ?? [1];
      lines.push(`# TYPE ${metric.name} histogram`);
      for (const { i, t } of times) {
        for (const set of sets) {
          const labels = labelText(set);
          const count = i * 1000;
          // The lowest bucket holds 99% of the observations, each further one a little more.
          buckets.forEach((le, k) => lines.push(`${metric.name}_bucket{${labels},le="${le}"} ${Math.round(count * (0.99 + (0.01 * k) / buckets.length))} ${t}`));
          lines.push(`${metric.name}_bucket{${labels},le="+Inf"} ${count} ${t}`);
          lines.push(`${metric.name}_count{${labels}} ${count} ${t}`);
          lines.push(`${metric.name}_sum{${labels}} ${count * buckets[0]} ${t}`);
        }
      }
    } else {
      const base = metric.unit === "ratio" ? 0.75 : metric.unit === "s" ? 120 : 0.1;
      lines.push(`# TYPE ${metric.name} gauge`);
      for (const { i, t } of times) {
        const value = base * (1 + 0.05 * Math.sin(i / 30));
        for (const set of sets) lines.push(`${metric.name}{${labelText(set)}} ${value} ${t}`);
      }
    }
  }
  lines.push("# EOF");
  return lines;
}

function panelsOf(panels: readonly Panel[]): Panel[] {
  return panels.flatMap((p) => [p, ...panelsOf(p.panels ?? [])]);
}

function readJsonTree(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return readJsonTree(file);
    return entry.name.endsWith(".json") ? [file] : [];
  });
}

/**
 * Substitutes Grafana's variables as Grafana does; query and custom variables take their "All" value.
 * Any other variable is left as it is, so a query using one fails to parse.
 */
function interpolate(expr: string, dashboard: DashboardJson): string {
  const templates = new Map(dashboard.templating.list.filter((v) => v.type === "query" || v.type === "custom").map((v) => [v.name, v.allValue ?? ".*"]));
  return expr.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    if (name in GRAFANA_VARIABLES) return GRAFANA_VARIABLES[name];
    if (templates.has(name)) return templates.get(name)!;
    // $1 in a label_replace() replacement is PromQL's; an unknown $__name is a variable we miss.
    if (name.startsWith("__")) throw new Error(`${dashboard.uid}: no value for Grafana's ${whole} in ${expr}`);
    return whole;
  });
}

/** POST for queries, as Grafana's datasource does by default; GET for label values, which 2.42 only serves that way. */
async function api(pathAndQuery: string, params: Record<string, string | number>, method: "GET" | "POST" = "POST"): Promise<ApiResponse> {
  const form = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = method === "POST"
    ? await fetch(`${prometheus.url}${pathAndQuery}`, { method, body: form })
    : await fetch(`${prometheus.url}${pathAndQuery}?${form}`);
  const text = await response.text();
  try {
    return JSON.parse(text) as ApiResponse;
  } catch {
    return { status: "error", errorType: `HTTP ${response.status}`, error: text.trim() };
  }
}

function seriesCount(response: ApiResponse): number {
  const data = response.data as { result?: unknown[] } | unknown[] | undefined;
  if (Array.isArray(data)) return data.length;
  return data?.result?.length ?? 0;
}

function failures(runs: readonly Run[]): string[] {
  return runs.filter((r) => r.response.status !== "success").map((r) => `${r.key}: ${r.response.errorType}: ${r.response.error}\n  ${r.query}`);
}

let panelRuns: Promise<Run[]> | undefined;

/** Every panel target of every dashboard, run once, keyed "<uid> / <panel title> / <refId>". */
function panelQueries(): Promise<Run[]> {
  panelRuns ??= runPanelQueries();
  return panelRuns;
}

async function runPanelQueries(): Promise<Run[]> {
  const runs: Run[] = [];
  for (const dashboard of dashboards) {
    for (const panel of panelsOf(dashboard.panels)) {
      for (const target of panel.targets ?? []) {
        const query = interpolate(target.expr, dashboard);
        const response = target.instant
          ? await api("/api/v1/query", { query, time: end })
          : await api("/api/v1/query_range", { query, start: end - RANGE, end, step: STEP });
        runs.push({ key: `${dashboard.uid} / ${panel.title} / ${target.refId}`, query, response });
      }
    }
  }
  return runs;
}

/** A query variable's query: a string, or an object holding it (newer Grafana). */
function variableQuery(variable: Variable): string {
  return typeof variable.query === "string" ? variable.query : (variable.query as { query: string }).query;
}

/** Runs every label_values() variable as Grafana's Prometheus datasource does, keyed "<uid> / $<name>". */
async function runVariableQueries(): Promise<Run[]> {
  const runs: Run[] = [];
  for (const dashboard of dashboards) {
    for (const variable of dashboard.templating.list.filter((v) => v.type === "query")) {
      const text = variableQuery(variable);
      const call = /^label_values\((?:(.+),\s*)?(\w+)\)$/s.exec(interpolate(text, dashboard));
      if (!call) throw new Error(`${dashboard.uid}: $${variable.name} is not a label_values() query: ${text}`);
      const [, selector, label] = call;
      const params: Record<string, string | number> = { start: end - RANGE, end };
      if (selector) params["match[]"] = selector;
      const response = await api(`/api/v1/label/${encodeURIComponent(label)}/values`, params, "GET");
      runs.push({ key: `${dashboard.uid} / $${variable.name}`, query: text, response });
    }
  }
  return runs;
}

beforeAll(async () => {
  requireTool("promtool");
  const result = await compile("examples/ai-platform");
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  model = result.model!;
  out = tempDir("moncc-dashboard-queries-");
  writeOutputAtomically(path.join(out, "generated"), result.files!);
  const generated = path.join(out, "generated");
  dashboards = readJsonTree(path.join(generated, "grafana/dashboards")).sort().map((f) => JSON.parse(fs.readFileSync(f, "utf8")) as DashboardJson);

  // The rule files as written, but every group at the global 1s interval (see the top comment).
  const rulesDir = path.join(out, "rules");
  fs.mkdirSync(rulesDir);
  const ruleExprs: string[] = [];
  for (const file of fs.readdirSync(path.join(generated, "prometheus/rules"))) {
    const rules = parse(fs.readFileSync(path.join(generated, "prometheus/rules", file), "utf8")) as { groups: { interval?: string; rules: { expr: string }[] }[] };
    for (const group of rules.groups) {
      delete group.interval;
      ruleExprs.push(...group.rules.map((r) => r.expr));
    }
    fs.writeFileSync(path.join(rulesDir, file), stringify(rules));
  }

  const panelExprs = dashboards.flatMap((d) => panelsOf(d.panels).flatMap((p) => (p.targets ?? []).map((t) => t.expr)));
  const variableExprs = dashboards.flatMap((d) => d.templating.list.filter((v) => v.type === "query").map(variableQuery));
  const matched = matchedValues([...ruleExprs, ...panelExprs, ...variableExprs]);
  const metrics = [...new Map(model.services.flatMap((s) => s.metrics).map((m) => [m.name, m])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const last = Math.floor(Date.now() / 1000 / MINUTE) * MINUTE - MINUTE;
  const tsdb = backfilledTsdb(out, syntheticSamples(metrics, matched, last));

  const config = path.join(out, "prometheus.yml");
  fs.writeFileSync(config, [
    "global: { scrape_interval: 1m, evaluation_interval: 1s }",
    `rule_files: [${JSON.stringify(path.join(rulesDir, "*.yml"))}]`,
    "scrape_configs: []",
    "",
  ].join("\n"));
  prometheus = await startPrometheus(config, { storageDir: tsdb, extraArgs: ["--storage.tsdb.retention.time=30d"] });

  // Budget remaining is the end of the longest chain (5m SLI → 30d SLI → period burn rate → remaining).
  const slos = model.services.find((s) => s.name === SERVICE)!.slos.length;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await api("/api/v1/query", { query: `slo:period_error_budget_remaining:ratio{sloth_service="${SERVICE}"}` });
    if (seriesCount(response) === slos) break;
    if (Date.now() > deadline) throw new Error(`the recording rules produced no budget remaining for ${SERVICE} in 30 s:\n${prometheus.log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  end = Math.ceil(Date.now() / 1000);
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

describe("generated dashboard queries on a real Prometheus", () => {
  it("runs every panel query of every dashboard without a parse or execution error", async () => {
    const runs = await panelQueries();
    expect(dashboards.length).toBeGreaterThanOrEqual(12);
    expect(runs.length).toBeGreaterThan(100);
    expect(failures(runs)).toEqual([]);
  });

  it("shows data on every panel of the fraud-detection service and SLO dashboards, but the listed ones", async () => {
    const service = model.services.find((s) => s.name === SERVICE)!;
    const uids = new Set([dashboardUid("svc", SERVICE), ...service.slos.map((slo) => dashboardUid("slo", slo.id))]);
    expect(service.slos.length).toBeGreaterThanOrEqual(2);
    expect(dashboards.filter((d) => uids.has(d.uid))).toHaveLength(uids.size);
    const runs = (await panelQueries()).filter((r) => uids.has(r.key.split(" / ")[0]));
    // The list names real targets, so it cannot go stale unnoticed.
    expect(Object.keys(MAY_BE_EMPTY).filter((key) => !runs.some((r) => r.key === key))).toEqual([]);
    const empty = runs.filter((r) => !(r.key in MAY_BE_EMPTY) && seriesCount(r.response) === 0).map((r) => `${r.key}\n  ${r.query}`);
    expect(empty).toEqual([]);
    // By name, the recorded SLO series, RED and latency: a panel renamed or dropped fails here, not unseen.
    const shown = new Set(runs.filter((r) => seriesCount(r.response) > 0).map((r) => r.key.split(" / ").slice(0, 2).join(" / ")));
    for (const slo of service.slos) {
      for (const title of ["SLI over 30d", "Error budget remaining", "Current burn rate", "Burn rate by alert window", "SLI against the objective", "Good and bad events"]) {
        expect(shown, `${slo.id}: ${title}`).toContain(`${dashboardUid("slo", slo.id)} / ${title}`);
      }
    }
    const svc = dashboardUid("svc", SERVICE);
    for (const title of ["model_predictions_total rate", "model_prediction_errors_total rate by reason", "model_prediction_latency_seconds quantiles"]) {
      expect(shown, title).toContain(`${svc} / ${title}`);
    }
    expect([...shown].some((k) => k.startsWith(`${svc} / Error ratio · `))).toBe(true);
  });

  it("runs every label_values() variable query like Grafana, with values for the fraud-detection dashboard", async () => {
    const runs = await runVariableQueries();
    expect(failures(runs)).toEqual([]);
    const svc = dashboardUid("svc", SERVICE);
    const own = runs.filter((r) => r.key.startsWith(`${svc} / `));
    expect(own.map((r) => r.key.slice(svc.length + 3)).sort()).toEqual(["$instance", "$job", "$version"]);
    expect(own.filter((r) => seriesCount(r.response) === 0).map((r) => r.key)).toEqual([]);
  });
});
