// MON202–MON218: realistic expressions the PromQL checks must NOT report, and edge cases that
// probe the label flow (labels.ts), value ranges (values.ts) and metric kinds (series.ts) behind
// them; silencing of the PromQL warnings; and the agreement of the checks with their doc pages.
// The failing side of each check is in test/fixtures/bad/ (catalogue.test.ts).

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROMQL_CHECKS } from "../../src/validate/promql/index.js";
import { baseProject, compileFiles, lineOf, withCode, type BaseProjectParts } from "../helpers.js";

/** An alert on raw PromQL; `query` is the text between the backticks. */
function rawAlert(name: string, query: string, options: { condition?: string; extra?: string } = {}): string {
  return `alert.threshold("${name}", {
      query: promql\`${query}\`,
      P2: "${options.condition ?? "> 1 for 5m"}",
      summary: "Check ${name}",
      runbook: "https://runbooks.example.com/api",
      ${options.extra ?? ""}
    }),`;
}

function recording(name: string, query: string): string {
  return `record("${name}", promql\`${query}\`),`;
}

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  const result = await compileFiles({ "moncc.config.ts": source });
  const shown = result.diagnostics.map((d) => `${d.code} ${d.span?.line ?? "-"} ${d.message}`);
  return { source, result, shown };
}

/** Every diagnostic of a project whose alerts and recording rules are all meant to be fine. */
async function diagnosticsOf(alerts: string[], rules: string[] = [], parts: BaseProjectParts = {}) {
  const { shown } = await compileBase({
    ...parts,
    alerts: alerts.join("\n    "),
    serviceExtra: `${rules.length > 0 ? `rules: [${rules.join("\n    ")}],` : ""}${parts.serviceExtra ?? ""}`,
  });
  return shown;
}

describe("MON202 promql/type-error: passing cases", () => {
  it("accepts well-typed operators, bool between scalars and selectors by __name__", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiErrorShare", 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))', { condition: "> 0.05 for 5m" }),
      rawAlert("ApiScalarGate", "sum(rate(http_requests_total[5m])) * (scalar(count(up)) > bool 2)"),
      rawAlert("ApiByName", 'sum(rate({__name__="http_requests_total", code!="200"}[5m]))'),
      rawAlert("ApiSetOps", 'process_resident_memory_bytes and on (instance) up == 1', { condition: "> 1e9 for 5m" }),
    ])).toEqual([]);
  });
});

describe("MON203 promql/rule-result-type: passing cases", () => {
  it("accepts functions over ranges and subqueries, and a scalar recording", async () => {
    expect(await diagnosticsOf(
      [rawAlert("ApiMemoryPeak", "max_over_time(process_resident_memory_bytes[10m])", { condition: "> 1e9 for 5m" }),
        rawAlert("ApiRatePeak", "max_over_time(sum(rate(http_requests_total[5m]))[1h:1m])")],
      [recording("job:process_resident_memory_bytes:max", "scalar(max(process_resident_memory_bytes))")],
    )).toEqual([]);
  });
});

describe("MON204 promql/label-replace and MON205 promql/invalid-regex: passing cases", () => {
  it("accepts valid RE2 with flags, classes, named groups and alternations", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiPods", 'max by (pod) (label_replace(process_resident_memory_bytes, "pod", "$1", "instance", "(?i)(POD-[a-z0-9]+):[0-9]+"))', { condition: "> 1e9 for 5m" }),
      rawAlert("ApiJoined", 'max by (target) (label_join(process_resident_memory_bytes, "target", "/", "job", "instance"))', { condition: "> 1e9 for 5m" }),
      rawAlert("ApiRoutes", 'sum(rate(http_requests_total{route=~"(?i)/API/(v1|v2)/.*", code!~"[[:digit:]]0[0-4]"}[5m]))'),
      rawAlert("ApiNamedGroup", 'sum(rate(http_requests_total{route=~"/(?P<version>v[0-9]+)/.+"}[5m]))'),
    ])).toEqual([]);
  });

  it("accepts a UTF-8 destination on a Prometheus 3 target", async () => {
    expect(await diagnosticsOf(
      [rawAlert("ApiPods", 'max by (instance) (label_replace(process_resident_memory_bytes, "k8s.pod", "$1", "instance", "(.*)"))', { condition: "> 1e9 for 5m" })],
      [],
      { targets: `{ prometheus: "3.5", alertmanager: "0.28" }` },
    )).toEqual([]);
  });
});

describe("MON206 promql/equality-regex: passing cases", () => {
  it("accepts regex operators with patterns and literal values with dots and slashes", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiServerErrors", 'sum(rate(http_requests_total{code=~"5.."}[5m]))'),
      rawAlert("ApiVersioned", 'sum(rate(http_requests_total{route="/v1.0/items", code!="200"}[5m]))'),
      rawAlert("ApiNotHealth", 'sum(rate(http_requests_total{route!="/health"}[5m]))'),
    ])).toEqual([]);
  });
});

describe("MON207 promql/counter-function-on-gauge and MON208 promql/raw-counter: passing cases", () => {
  it("accepts counters under rate/increase and gauges under gauge functions", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiTraffic", "sum(rate(http_requests_total[5m]))"),
      rawAlert("ApiHourly", "sum(increase(http_request_duration_seconds_count[1h]))", { condition: "> 100 for 5m" }),
      rawAlert("ApiMemoryGrowth", "deriv(process_resident_memory_bytes[10m])", { condition: "> 1e6 for 5m" }),
      rawAlert("ApiMemoryDelta", "delta(process_resident_memory_bytes[10m])", { condition: "> 1e8 for 5m" }),
      rawAlert("ApiMemoryForecast", "predict_linear(process_resident_memory_bytes[1h], 4 * 3600)", { condition: "> 4e9 for 5m" }),
    ])).toEqual([]);
  });

  it("accepts a counter read for its existence, labels or timestamp", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiSeriesCount", "count(http_requests_total)", { condition: "> 1000 for 5m" }),
      rawAlert("ApiStale", "time() - max(timestamp(http_requests_total))", { condition: "> 600 for 5m" }),
      rawAlert("ApiRestarts", "changes(process_resident_memory_bytes[1h]) and on (instance) group by (instance) (http_requests_total)", { condition: "> 3 for 5m" }),
      rawAlert("ApiNoRequests", "absent(http_requests_total)", { condition: "> 0 for 10m" }),
    ])).toEqual([]);
  });

  it("accepts rate() of a recorded counter-derived series without calling it a gauge", async () => {
    expect(await diagnosticsOf(
      [rawAlert("ApiRecordedTraffic", "sum(job:http_requests:rate5m)")],
      [recording("job:http_requests:rate5m", "sum by (job) (rate(http_requests_total[5m]))")],
    )).toEqual([]);
  });
});

describe("MON209 promql/histogram-quantile: passing cases", () => {
  it("accepts quantiles over bucket rates that keep le", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiP99", "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))", { condition: "> 0.5 for 5m" }),
      rawAlert("ApiP99ByRoute", "histogram_quantile(0.99, sum by (route, le) (rate(http_request_duration_seconds_bucket[5m])))", { condition: "> 0.5 for 5m" }),
      rawAlert("ApiP90", "histogram_quantile(0.9, rate(http_request_duration_seconds_bucket[5m]))", { condition: "> 0.5 for 5m" }),
      rawAlert("ApiP50Without", "histogram_quantile(0.5, sum without (instance) (rate(http_request_duration_seconds_bucket[5m])))", { condition: "> 0.5 for 5m" }),
      rawAlert("ApiP99WithTraffic", "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])) and on () (sum(rate(http_requests_total[5m])) > 1))", { condition: "> 0.5 for 5m" }),
    ])).toEqual([]);
  });

  it("accepts a quantile over a recorded bucket rate that kept le", async () => {
    expect(await diagnosticsOf(
      [rawAlert("ApiRecordedP99", "histogram_quantile(0.99, route_le:http_request_duration_seconds_bucket:rate5m)", { condition: "> 0.5 for 5m", extra: 'description: "p99 of {{ $labels.route }}",' })],
      [recording("route_le:http_request_duration_seconds_bucket:rate5m", "sum by (route, le) (rate(http_request_duration_seconds_bucket[5m]))")],
    )).toEqual([]);
  });
});

describe("MON210 promql/range-too-short: passing cases", () => {
  it("accepts ranges of at least two scrape intervals at the default 1m", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiTraffic2m", "sum(rate(http_requests_total[2m]))"),
      rawAlert("ApiMemoryChanges", "changes(process_resident_memory_bytes[5m])", { condition: "> 3 for 5m" }),
      rawAlert("ApiSubqueryRange", "max_over_time(rate(http_requests_total[5m])[1h:30s])"),
    ])).toEqual([]);
  });

  it("accepts rate(x[30s]) when the scrape interval is configured as 15s", async () => {
    expect(await diagnosticsOf(
      [rawAlert("ApiTraffic30s", "sum(rate(http_requests_total[30s]))"), rawAlert("ApiBurst", "sum(irate(http_requests_total[30s]))")],
      [],
      { projectExtra: `scrape: { interval: "15s" },` },
    )).toEqual([]);
  });
});

describe("MON211 promql/rate-of-aggregation: passing cases", () => {
  it("accepts rate first, then aggregation, and subqueries under non-counter functions", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiSumOfRates", "sum by (route) (rate(http_requests_total[5m]))"),
      rawAlert("ApiPeakOfSum", "max_over_time(sum(rate(http_requests_total[5m]))[1h:1m])"),
      rawAlert("ApiRateOfSubquery", "sum(rate(http_requests_total[5m:1m]))"),
    ])).toEqual([]);
  });
});

describe("MON212 promql/missing-label: passing cases and label flow", () => {
  it("accepts by() on labels an inner aggregation kept", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiRouteMax", "max by (route) (sum by (route, code) (rate(http_requests_total[5m])))"),
      rawAlert("ApiWithout", "sum by (route) (sum without (code) (rate(http_requests_total[5m])))"),
      rawAlert("ApiTargetLabel", "max by (job) (sum by (job, instance) (rate(http_requests_total[5m])))"),
    ])).toEqual([]);
  });

  it("follows on(), ignoring() and group_left copying a label the other side has", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiOnRoute", 'sum by (route) (rate(http_requests_total{code=~"5.."}[5m])) / on (route) sum by (route) (rate(http_request_duration_seconds_count[5m]))', { condition: "> 0.05 for 5m" }),
      rawAlert("ApiIgnoring", "max by (code) (sum by (route, code) (rate(http_requests_total[5m])) / ignoring (code) group_left sum by (route) (rate(http_requests_total[5m])))", { condition: "> 0.05 for 5m" }),
      rawAlert("ApiGroupLeftCopy", "sum by (route, code) (sum by (instance, code) (rate(http_requests_total[5m])) * on (instance) group_left (route) max by (instance, route) (rate(http_request_duration_seconds_count[5m])))"),
      rawAlert("ApiOnNothing", 'sum(rate(http_requests_total{code=~"5.."}[5m])) / on () group_left sum(rate(http_requests_total[5m]))', { condition: "> 0.05 for 5m" }),
    ])).toEqual([]);
  });

  it("follows or unions, count_values, label_replace and topk", async () => {
    expect(await diagnosticsOf(
      [
        rawAlert("ApiUnion", "max by (code) (sum by (route) (rate(http_requests_total[5m])) or sum by (code) (rate(http_requests_total[5m])))"),
        rawAlert("ApiVersions", 'count by (size) (count_values("size", process_resident_memory_bytes))', { condition: "> 3 for 5m" }),
        rawAlert("ApiServices", 'sum by (service) (label_replace(rate(http_requests_total[5m]), "service", "$1", "route", "/([^/]+).*"))'),
      ],
      [recording("route:http_requests:top3_rate5m", "sum by (route) (topk(3, sum by (route, code) (rate(http_requests_total[5m]))))")],
    )).toEqual([]);
  });

  it("accepts matchers on declared labels, target labels and absent labels with an empty value", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiMatchers", 'sum(rate(http_requests_total{route=~"/api/.*", code!~"2..", job="api", instance!=""}[5m]))'),
      rawAlert("ApiEmptyModel", 'sum(rate(http_requests_total{model=""}[5m]))'),
      rawAlert("ApiUndeclared", 'sum(rate(build_requests_total{model="fraud"}[5m]))'),
    ])).toEqual([]);
  });

  it("gives a recorded series the labels its rule produces, plus the rule's own labels", async () => {
    expect(await diagnosticsOf(
      [
        rawAlert("ApiRecordedErrors", 'sum by (route) (route_code:http_requests:rate5m{code=~"5.."})', { extra: 'description: "{{ $labels.route }} fails",' }),
        rawAlert("ApiRecordedTier", 'max by (tier) (tier:http_requests:rate5m{tier="gold"})'),
      ],
      [
        recording("route_code:http_requests:rate5m", "sum by (route, code) (rate(http_requests_total[5m]))"),
        'record("tier:http_requests:rate5m", promql`sum(rate(http_requests_total[5m]))`, { labels: { tier: "gold" } }),',
      ],
    )).toEqual([]);
  });

  it("reports by (route) after a recording that dropped route (the inference is not blind)", async () => {
    const { source, result } = await compileBase({
      alerts: rawAlert("ApiRecordedRoute", "sum by (route) (code:http_requests:rate5m)"),
      serviceExtra: `rules: [${recording("code:http_requests:rate5m", "sum by (code) (rate(http_requests_total[5m]))")}],`,
    });
    const found = withCode(result, "MON212");
    expect(found.map((d) => d.message)).toEqual(["alert api/ApiRecordedRoute: sum by (route): the aggregated series have no label route (they have only code)"]);
    expect(found[0].span?.line).toBe(lineOf(source, "sum by (route) (code:http_requests"));
  });
});

describe("MON213 promql/template-label: passing cases", () => {
  it("accepts templates reading labels the query keeps", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiRouteErrors", "sum by (route) (rate(http_requests_total[5m]))", { extra: 'description: "{{ $labels.route }} at {{ $value }}", annotations: { dashboard: "https://grafana.example.com/d/api?var-route={{ .Labels.route }}" },' }),
      rawAlert("ApiInstanceMemory", "process_resident_memory_bytes", { condition: "> 1e9 for 5m", extra: 'description: "{{ $labels.instance }} of {{ index $labels \\"job\\" }}",' }),
      rawAlert("ApiLoginMissing", 'absent(http_requests_total{route="/login", job="api"})', { condition: "> 0 for 10m", extra: 'description: "no {{ $labels.route }} requests from {{ $labels.job }}",' }),
      rawAlert("ApiUnknownMetric", "rate(build_requests_total[5m])", { extra: 'description: "{{ $labels.cluster }} / {{ $labels.anything }}",' }),
    ])).toEqual([]);
  });
});

describe("MON214 promql/value-in-labels: passing cases", () => {
  it("accepts $value in annotations and labels templated from $labels", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiValueAnnotated", "sum by (route) (rate(http_requests_total[5m]))", { extra: 'description: "{{ $value | humanize }} req/s", labels: { component: "{{ $labels.route }}", tier: "gold" },' }),
    ])).toEqual([]);
  });
});

describe("MON215 promql/target-features: passing cases", () => {
  it("accepts holt_winters, present_over_time, negative offsets and @ on 2.42", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiMemoryTrend", "holt_winters(process_resident_memory_bytes[1h], 0.5, 0.5)", { condition: "> 1e9 for 5m" }),
      rawAlert("ApiPresent", "count(present_over_time(http_requests_total[10m]))", { condition: "< 2 for 5m" }),
      rawAlert("ApiOffset", "sum(rate(http_requests_total[5m] offset -1m)) - sum(rate(http_requests_total[5m] offset 1w))"),
    ])).toEqual([]);
  });

  it("accepts experimental functions, UTF-8 names and duration arithmetic with their flags on 3.x", async () => {
    expect(await diagnosticsOf(
      [
        rawAlert("ApiSmoothed", "double_exponential_smoothing(process_resident_memory_bytes[1h], 0.5, 0.5)", { condition: "> 1e9 for 5m" }),
        rawAlert("ApiMad", "mad_over_time(process_resident_memory_bytes[1h])", { condition: "> 1e9 for 5m" }),
        rawAlert("ApiLonger", "sum(rate(http_requests_total[5m * 2]))"),
        rawAlert("ApiDotted", 'max({"process.memory.bytes"})', { condition: "> 1e9 for 5m" }),
      ],
      [],
      { targets: `{ prometheus: "3.5", alertmanager: "0.28", prometheusFeatures: ["promql-experimental-functions", "promql-duration-expr"] }` },
    )).toEqual([]);
  });
});

describe("MON216 promql/constant-condition: passing cases", () => {
  it("accepts thresholds inside the query's range", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiBoolShare", "avg(process_resident_memory_bytes > bool 1e9)", { condition: "> 0.5 for 5m" }),
      rawAlert("ApiTooQuiet", "sum(rate(http_requests_total[5m]))", { condition: "< 0.1 for 10m" }),
      rawAlert("ApiHealthyShare", "count(up == 1) / count(up)", { condition: "< 0.9 for 5m" }),
      rawAlert("ApiClamped", "clamp_max(sum(rate(http_requests_total[5m])), 100)", { condition: "> 50 for 5m" }),
    ])).toEqual([]);
  });

  it("accepts absent() and filtered queries, whose existence is the signal", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiTargetsDown", 'count(up{job="api"} == 0)', { condition: "> 0 for 5m" }),
      rawAlert("ApiBusyRoutes", "count(sum by (route) (rate(http_requests_total[5m])) > 100)", { condition: ">= 1 for 5m" }),
      rawAlert("ApiGone", "absent(http_requests_total)", { condition: "> 0 for 10m" }),
      rawAlert("ApiGoneLong", "absent_over_time(process_resident_memory_bytes[15m])", { condition: "== 1 for 5m" }),
    ])).toEqual([]);
  });
});

describe("MON217 promql/absent-without-for: passing cases", () => {
  it("accepts absent() with a for duration on every severity", async () => {
    expect(await diagnosticsOf([
      rawAlert("ApiAbsent", "absent(http_requests_total)", { condition: "> 0 for 10m", extra: 'P1: "> 0 for 5m",' }),
    ])).toEqual([]);
  });
});

describe("MON218 promql/topk-in-alert: passing cases", () => {
  it("accepts topk in a recording rule and sort_desc in an alert", async () => {
    expect(await diagnosticsOf(
      [rawAlert("ApiSorted", "sort_desc(sum by (route) (rate(http_requests_total[5m])))")],
      [recording("route:http_requests:top5_rate5m", "topk(5, sum by (route) (rate(http_requests_total[5m])))")],
    )).toEqual([]);
  });
});

describe("SLO indicator queries", () => {
  it("checks the default SLO indicators of the base project without a finding", async () => {
    const { shown } = await compileBase({
      serviceExtra: `slos: [
      slo.latency("requests-fast", { histogram: latency, threshold: "200ms", objective: "99%", runbook: "https://runbooks.example.com/api-latency" }),
      slo.ratio("requests-ok", { errors: requests.where({ code: "5xx" }), total: requests, objective: "99.9%", runbook: "https://runbooks.example.com/api" }),
    ],`,
    });
    expect(shown).toEqual([]);
  });
});

describe("silencing the PromQL warnings", () => {
  const query = 'sum(rate(http_requests_total{route="/items/[id]"}[5m]))';

  it("reports a literal route with brackets as MON206 at the matcher", async () => {
    const { source, result } = await compileBase({ alerts: rawAlert("ApiItems", query) });
    const found = withCode(result, "MON206");
    expect(found.map((d) => d.message)).toEqual(['alert api/ApiItems: matcher route="/items/[id]" compares literally, but the value looks like a pattern']);
    expect(found[0].span?.line).toBe(lineOf(source, 'route="/items/[id]"'));
    expect(result.diagnostics).toHaveLength(1);
  });

  it("silences MON206 on the alert that ignores it, with a reason", async () => {
    const { shown } = await compileBase({ alerts: rawAlert("ApiItems", query, { extra: 'ignore: { MON206: "Next.js route names contain brackets" },' }) });
    expect(shown).toEqual([]);
  });

  it("refuses to silence an error such as MON212", async () => {
    const { result } = await compileBase({ alerts: rawAlert("ApiItems", 'sum(rate(http_requests_total{model="fraud"}[5m]))', { extra: 'ignore: { MON212: "the label comes later" },' }) });
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(["MON117", "MON212"]);
  });
});

describe("silencing a PromQL warning on an SLO indicator", () => {
  const sloWith = (extra: string) => `slos: [
      slo.raw("items-ok", { errorRatio: 'sum(rate(http_requests_total{route="/items/[id]", code=~"5.."}[{{.window}}])) / sum(rate(http_requests_total{route="/items/[id]"}[{{.window}}]))', objective: "99%", runbook: "https://runbooks.example.com/api"${extra} }),
    ],`;

  it("reports MON206 on the SLO's indicator, at the SLO", async () => {
    const { source, result } = await compileBase({ serviceExtra: sloWith("") });
    const found = withCode(result, "MON206");
    expect(found.map((d) => d.message)).toEqual([
      'slo api-items-ok: matcher route="/items/[id]" compares literally, but the value looks like a pattern',
      'slo api-items-ok: matcher route="/items/[id]" compares literally, but the value looks like a pattern',
    ]);
    expect(found[0].span?.line).toBe(lineOf(source, 'slo.raw("items-ok"'));
    expect(result.diagnostics).toHaveLength(2);
  });

  it("silences them with an ignore entry on the SLO", async () => {
    const { shown } = await compileBase({ serviceExtra: sloWith(', ignore: { MON206: "Next.js route names contain brackets" }') });
    expect(shown).toEqual([]);
  });
});

describe("the PromQL checks' doc pages", () => {
  const docs = path.join(import.meta.dirname, "../../docs/checks");
  const index = fs.readFileSync(path.join(docs, "README.md"), "utf8");

  it("each has a page with its name, severity and ◆ line, and an index row that agrees", () => {
    for (const check of PROMQL_CHECKS) {
      const page = fs.readFileSync(path.join(docs, `${check.code}.md`), "utf8");
      const silenceable = check.silenceable === true;
      const diamond = check.summary.startsWith("◆");
      expect(page.split("\n")[0], check.code).toBe(`# ${check.code} ${check.name}`);
      expect(page, check.code).toContain(`**Severity:** ${check.severity}${silenceable ? " (can be silenced)" : "\n"}`);
      expect(/^◆ /m.test(page), `${check.code} ◆ line`).toBe(diamond);
      for (const section of ["## What it catches", "## Why it matters", "## Example", "## How to fix", "## Silencing"]) expect(page, `${check.code} ${section}`).toContain(section);
      const summary = check.summary.replace(/^◆ /, "");
      const row = `| [${check.code}](${check.code}.md)${diamond ? " ◆" : ""} | ${check.name} | ${check.severity} | ${summary}${silenceable ? " (can be silenced)" : ""} |`;
      expect(index, check.code).toContain(row);
    }
  });
});
