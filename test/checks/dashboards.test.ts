// The dashboard checks MON701–MON709, over user dashboards declared with the DSL and, for what the
// DSL cannot express, over dashboard specs set into a compiled model.

import { describe, expect, it } from "vitest";
import type { DashboardSpec, PanelSpec } from "../../src/model/dashboard-schema.js";
import type { Model } from "../../src/model/schema.js";
import type { Check, CheckContext } from "../../src/validate/check.js";
import { dashboardDatasource } from "../../src/validate/dashboards/datasource.js";
import { substituteVariables, variableQuery } from "../../src/validate/dashboards/grafana-variables.js";
import { layoutDashboard } from "../../src/model/dashboards/layout.js";
import { layoutProblems } from "../../src/validate/dashboards/layout.js";
import { nearest } from "../../src/validate/dashboards/nearest.js";
import { dashboardQuerySyntax } from "../../src/validate/dashboards/query-syntax.js";
import { unknownSeries } from "../../src/validate/dashboards/unknown-series.js";
import { baseProject, compileFiles, lineOf, positionOf, withCode } from "../helpers.js";

const IMPORTS = "alert, counter, dashboard, errorRatio, gauge, histogram, pagerduty, panel, project, promql, record, row, service, slack, slo, sloSeries, team, variable";

/** The base project with `code` after the service and `boards` as the project's dashboards. */
async function compileDashboards(code: string, boards = "board", serviceExtra = "") {
  const source = baseProject({ imports: IMPORTS, tail: code, projectExtra: `dashboards: [${boards}],`, serviceExtra });
  return { source, result: await compileFiles({ "moncc.config.ts": source }, { validateOnly: true }) };
}

/** One dashboard "Board" with `panels` above any row, and `options` before them. */
const board = (panels: string, options = "") => `const board = dashboard("Board", {\n  ${options}\n  panels: [\n    ${panels}\n  ],\n});\n`;

const codes = (result: { diagnostics: readonly { code: string }[] }) => result.diagnostics.map((d) => d.code);

/** Runs one check on the base project's model with `dashboards` as its user dashboards. */
async function runOn(check: Check, dashboards: DashboardSpec[]) {
  const { model } = await compileFiles({ "moncc.config.ts": baseProject() }, { validateOnly: true });
  const context = { model: { ...model!, dashboards } as Model, routes: undefined, sources: new Map() } as unknown as CheckContext;
  return check.run(context);
}

const span = { file: "moncc.config.ts", line: 90, column: 3 };

function spec(panels: Partial<PanelSpec>[], overrides: Partial<DashboardSpec> = {}): DashboardSpec {
  return {
    uid: "board", title: "Board", folder: "general", origin: "custom", subject: "dashboard Board", tags: [],
    time: { from: "now-6h", to: "now" }, refresh: "1m", links: [], metrics: [], span,
    variables: [{ kind: "datasource", name: "datasource", query: "prometheus", multi: false, includeAll: false }],
    rows: [{
      collapsed: false,
      panels: panels.map((p, i) => ({
        type: "timeseries", title: `P${i}`, datasource: "${datasource}", author: "user", width: 12, height: 8,
        queries: [{ expr: "sum(rate(http_requests_total[$__rate_interval]))", instant: false, format: "time_series" }], ...p,
      })),
    }],
    ...overrides,
  };
}

describe("Grafana variables in PromQL", () => {
  it("reads a variable as a duration in [ ] and after offset, as a number elsewhere, keeping every offset", () => {
    const expr = 'topk($n, rate(x{a=~"$a"}[$__rate_interval] offset ${__interval}) / $__range_s) @ [[end]]';
    const { text, uses } = substituteVariables(expr);
    expect(text).toBe('topk(01, rate(x{a=~"$a"}[000000000000001m] offset 000000000001m) / 0000000001) @ 0000001');
    expect(text.length).toBe(expr.length);
    expect(uses.map((u) => [u.name, u.as])).toEqual([["n", "number"], ["__rate_interval", "duration"], ["__interval", "duration"], ["__range_s", "number"], ["end", "number"]]);
  });

  it("reads a variable in a label list or a metric name as a name", () => {
    const { text, uses } = substituteVariables("sum by ($group) (rate(${metric}[5m])) / on (job) ${prefix}_total");
    expect(text).toBe("sum by (v_____) (rate(v________[5m])) / on (job) v_________total");
    expect(uses.map((u) => u.as)).toEqual(["name", "name", "name"]);
  });

  it("leaves variables inside string literals and comments alone", () => {
    expect(substituteVariables('x{a="$a", b=\'${b}\', c=`[[c]]`} # $comment').uses).toEqual([]);
  });

  it("takes the PromQL out of Grafana's variable queries and refuses malformed ones", () => {
    expect(variableQuery('label_values(http_requests_total{code="5xx", route=~"a,b"}, route)')).toEqual({ kind: "promql", expr: 'http_requests_total{code="5xx", route=~"a,b"}' });
    expect(variableQuery("label_values(job)")).toEqual({ kind: "none" });
    expect(variableQuery("query_result(topk(5, sum by (route) (rate(x[$__range]))))")).toEqual({ kind: "promql", expr: "topk(5, sum by (route) (rate(x[$__range])))" });
    expect(variableQuery("label_names()")).toEqual({ kind: "none" });
    expect(variableQuery("metrics(http_.*)")).toEqual({ kind: "none" });
    expect(variableQuery("label_values(x, )")).toEqual({ kind: "malformed", message: 'label_values(): "" is not a label name' });
    expect(variableQuery("query_result()")).toEqual({ kind: "malformed", message: "query_result() needs a query" });
    expect(variableQuery("label_value(x, job)").kind).toBe("malformed");
    expect(variableQuery("up{job=\"a\"}").kind).toBe("malformed");
  });

  it("suggests the nearest name within a few edits", () => {
    expect(nearest("http_request_total", ["http_requests_total", "process_resident_memory_bytes"])).toBe("http_requests_total");
    expect(nearest("completely_else", ["http_requests_total"])).toBeUndefined();
    // Two swapped letters beat two wrong ones at the same distance, in either order of candidates.
    expect(nearest("reqsp", ["reqpm", "reqps"])).toBe("reqps");
    expect(nearest("reqsp", ["reqps", "reqpm"])).toBe("reqps");
    expect(nearest("abcdef", ["fedcba"])).toBeUndefined();
  });
});

describe("MON701 dashboards/query-syntax", () => {
  it("points into the promql template of a panel query that does not parse", async () => {
    const { source, result } = await compileDashboards(board('panel.timeseries("Requests", { query: promql`sum(rate(${requests}[$__rate_interval])` }),'));
    expect(codes(result)).toEqual(["MON701"]);
    const [found] = withCode(result, "MON701");
    expect(found.message).toBe('dashboard Board, panel "Requests": PromQL syntax error: unexpected end of expression');
    expect(found.span).toMatchObject(positionOf(source, "` })", 0));
    expect(found.severity).toBe("error");
    expect(found.subject).toBe("dashboard Board");
  });

  it("quotes the text the user wrote, variables and all, and points at it", async () => {
    const { source, result } = await compileDashboards(board('panel.timeseries("Requests", { query: promql`sum(rate(${requests}[$__rate_interval])) $__range_s` }),'));
    const [found] = withCode(result, "MON701");
    expect(found.message).toBe('dashboard Board, panel "Requests": PromQL syntax error: unexpected input near "$__range_s"');
    expect(found.span).toMatchObject(positionOf(source, "$__range_s`"));
  });

  it("reports what Prometheus refuses although the grammar parses it: a wrong argument type", async () => {
    const { result } = await compileDashboards(board('panel.timeseries("Requests", { query: promql`sum(rate(${requests}))` }),'));
    expect(withCode(result, "MON701").map((d) => d.message)).toEqual(['dashboard Board, panel "Requests": PromQL error: expected type matrix in call to function "rate", got vector']);
  });

  it("accepts Grafana variables wherever Grafana substitutes them", async () => {
    const { result } = await compileDashboards(board([
      'panel.timeseries("Top", { query: promql`topk($n, sum by (route) (rate(${requests}[$__rate_interval])))` }),',
      'panel.stat("Range", { query: promql`sum(increase(${requests}[$__range])) / $__range_s` }),',
      'panel.timeseries("Last week", { query: promql`sum(rate(${requests}[${"${__interval}"}] offset $__range))` }),',
      'panel.timeseries("Picked", { query: promql`sum by ($group) (rate(${"${metric}"}[$__rate_interval]))` }),',
    ].join("\n    ")));
    expect(result.diagnostics).toEqual([]);
  });

  it("reports a malformed variable query at the variable, or at the dashboard", async () => {
    const board = spec([{}], { variables: [
      { kind: "datasource", name: "datasource", query: "prometheus", multi: false, includeAll: false },
      { kind: "query", name: "route", query: "label_values(http_requests_total{code=}, route)", multi: true, includeAll: true, span: { ...span, line: 91 } },
      { kind: "query", name: "code", query: "values(http_requests_total, code)", multi: true, includeAll: true },
    ] });
    const found = await runOn(dashboardQuerySyntax, [board]);
    expect(found.map((d) => [d.span?.line, d.message])).toEqual([
      [91, "dashboard Board, variable $route: PromQL syntax error: unexpected input near \"}\""],
      [90, "dashboard Board, variable $code: values() is not a variable query function; write label_values(metric, label), label_values(label), label_names(), metrics(regex) or query_result(query)"],
    ]);
  });
});

describe("MON702 dashboards/unknown-series", () => {
  it("names the series no metric or rule provides and the nearest known one, at the selector", async () => {
    const { source, result } = await compileDashboards(board('panel.timeseries("Requests", { query: promql`sum(rate(http_request_total[$__rate_interval]))` }),'));
    expect(codes(result)).toEqual(["MON702"]);
    const [found] = withCode(result, "MON702");
    expect(found.message).toBe('dashboard Board, panel "Requests": reads http_request_total, which no declared metric or generated recording rule provides; did you mean http_requests_total?');
    expect(found.hint).toBe("read http_requests_total, or declare the metric and list it in a service's metrics");
    expect(found.span).toMatchObject(positionOf(source, "http_request_total["));
  });

  it("knows recording rules, SLO and ALERTS series, histogram series and a dashboard's own metrics", async () => {
    const { result } = await compileDashboards(
      `const jobs = counter("batch_jobs_total", { help: "Jobs.", unit: "count", labels: [] });\n${board([
        'panel.timeseries("Recorded", { query: promql`api:http_requests:rate5m` }),',
        'panel.timeseries("SLI", { query: promql`slo:sli_error:ratio_rate5m{sloth_id="api-requests-fast"}` }),',
        'panel.stat("Alerts", { query: promql`count(ALERTS{alertstate="firing"})` }),',
        'panel.heatmap("Buckets", { query: promql`sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval]))` }),',
        'panel.timeseries("Jobs", { query: jobs.rate("$__rate_interval") }),',
      ].join("\n    "))}`,
      "board",
      `rules: [record("api:http_requests:rate5m", requests.rate("5m"))],
  slos: [slo.latency("requests-fast", { histogram: latency, threshold: "200ms", objective: "99%", alerting: { runbook: "https://r.example.com/slo" } })],`,
    );
    expect(result.diagnostics).toEqual([]);
  });

  it("checks the series a query variable reads", async () => {
    const board = spec([{}], { variables: [
      { kind: "datasource", name: "datasource", query: "prometheus", multi: false, includeAll: false },
      { kind: "query", name: "route", query: "label_values(http_request_total, route)", multi: true, includeAll: true },
    ] });
    const found = await runOn(unknownSeries, [board]);
    expect(found.map((d) => [d.span?.line, d.message])).toEqual([
      [90, "dashboard Board, variable $route: reads http_request_total, which no declared metric or generated recording rule provides; did you mean http_requests_total?"],
    ]);
  });
});

describe("MON703 dashboards/layout", () => {
  it("reports a panel placed over another, at the later one", async () => {
    const { source, result } = await compileDashboards(board([
      'panel.timeseries("Requests", { query: requests.rate("$__rate_interval"), position: { x: 0, y: 0 } }),',
      'panel.timeseries("Memory", { query: memory.value(), position: { x: 6, y: 2 } }),',
    ].join("\n    ")));
    expect(withCode(result, "MON703").map((d) => [d.span?.line, d.message])).toEqual([
      [lineOf(source, 'panel.timeseries("Memory"'), 'dashboard Board, panel "Memory" (x 6, y 2, 12×8) overlaps timeseries panel "Requests" (x 0, y 0, 12×8)'],
    ]);
  });

  it("reports widths over 24, panels past the right edge, sizes that are not whole, and panels above their row", async () => {
    const { source, result } = await compileDashboards(`const board = dashboard("Board", {
  rows: [
    row("Traffic", [
      panel.timeseries("Wide", { query: requests.rate("$__rate_interval"), width: 30 }),
      panel.timeseries("Edge", { query: requests.rate("$__rate_interval"), position: { x: 18, y: 8 } }),
      panel.stat("Half", { query: memory.value(), width: 2.5 }),
      panel.stat("Up", { query: memory.value(), position: { x: 0, y: -3 } }),
    ]),
  ],
});
`);
    expect(withCode(result, "MON703").map((d) => [d.span?.line, d.message])).toEqual([
      [lineOf(source, '"Wide"'), 'dashboard Board, panel "Wide" (x 0, y 17, 30×8) is 30 columns wide; the grid has 24'],
      [lineOf(source, '"Edge"'), 'dashboard Board, panel "Edge" (x 18, y 9, 12×8) spans columns 18 to 30; the grid has columns 0 to 24'],
      [lineOf(source, '"Half"'), 'dashboard Board, panel "Half" (x 0, y 25, 2.5×4) has a size of 2.5×4; sizes are whole grid units of at least 1'],
      [lineOf(source, '"Up"'), 'dashboard Board, panel "Up" (x 0, y -2, 6×4) starts at line -2, above row "Traffic", which starts at line 1'],
    ]);
  });

  it("reports a panel reaching into the next row's band of a laid-out dashboard", () => {
    // moncc's layout starts each row below the last one's panels; this guards the grid it hands Grafana.
    const laid = layoutDashboard(spec([{ title: "Tall", height: 8, position: { x: 0, y: 0 }, span: { ...span, line: 93 } }]));
    const dashboard = { ...laid, rows: [{ ...laid.rows[0], title: "A", y: 0 }, { title: "B", collapsed: false, y: 5, panels: [] }] };
    expect(layoutProblems(dashboard).map((d) => [d.code, d.span?.line, d.message])).toEqual([
      ["MON703", 93, 'dashboard Board, panel "Tall" (x 0, y 0, 12×8) starts at line 0, above row "A", which starts at line 1'],
    ]);
    dashboard.rows[0] = { ...dashboard.rows[0], panels: [{ ...dashboard.rows[0].panels[0], gridPos: { x: 0, y: 1, w: 12, h: 8 } }] };
    expect(layoutProblems(dashboard).map((d) => d.message)).toEqual([
      'dashboard Board, panel "Tall" (x 0, y 1, 12×8) reaches line 9, into the next row "B" at line 5',
    ]);
  });
});

describe("MON704 dashboards/duplicate-uid", () => {
  it("reports a uid used twice, a title used twice in one folder, and uids Grafana refuses", async () => {
    const { source, result } = await compileDashboards(`const one = dashboard("Traffic", { uid: "api", panels: [] });
const two = dashboard("Memory", { uid: "api", panels: [] });
const three = dashboard("Traffic", { panels: [] });
const four = dashboard("Traffic", { folder: web, panels: [] });
const five = dashboard("Long", { uid: "${"x".repeat(41)}", panels: [] });
const six = dashboard("Slash", { uid: "api/traffic", panels: [] });
`, "one, two, three, four, five, six");
    expect(withCode(result, "MON704").map((d) => [d.span?.line, d.message])).toEqual([
      [lineOf(source, "const two"), 'dashboard Memory: uid "api" is also the uid of dashboard Traffic'],
      [lineOf(source, "const three"), 'dashboard Traffic: title "Traffic" is also the title of dashboard Traffic in folder "general"'],
      // Without a uid both derive theirs from the title, whatever the folder.
      [lineOf(source, "const four"), 'dashboard Traffic: uid "dash-traffic" is also the uid of dashboard Traffic'],
      [lineOf(source, "const five"), `dashboard Long: uid "${"x".repeat(41)}" is 41 characters long; Grafana allows 40`],
      [lineOf(source, "const six"), 'dashboard Slash: uid "api/traffic" has characters other than letters, digits, "-" and "_"'],
    ]);
    expect(withCode(result, "MON704")[4].hint).toBe('write the uid with letters, digits, "-" and "_" only, e.g. "api-traffic"');
  });

  it("reports a user dashboard that takes a generated dashboard's uid, at the user's dashboard", async () => {
    const { source, result } = await compileDashboards(`const mine = dashboard("Mine", { uid: "svc-api", panels: [] });\n`, "mine");
    expect(withCode(result, "MON704").map((d) => [d.span?.line, d.message])).toEqual([
      [lineOf(source, "const mine"), 'dashboard Mine: uid "svc-api" is also the uid of service api (generated dashboard)'],
    ]);
  });
});

describe("MON705 dashboards/datasource", () => {
  it("reports panels reading a datasource variable the dashboard does not declare", async () => {
    const { source, result } = await compileDashboards(board([
      'panel.timeseries("Requests", { query: requests.rate("$__rate_interval") }),',
      'panel.text("Notes", { content: "text panels read no data" }),',
    ].join("\n    "), 'datasource: "${prom}",'));
    expect(withCode(result, "MON705").map((d) => [d.span?.line, d.message, d.hint])).toEqual([
      [lineOf(source, '"Requests"'), 'dashboard Board, panel "Requests": datasource "${prom}" names variable $prom, which the dashboard does not declare', 'use the dashboard\'s datasource variable: datasource: "${datasource}"'],
    ]);
  });

  it("accepts a fixed datasource uid on a dashboard with a datasource variable", async () => {
    const { result } = await compileDashboards(board('panel.timeseries("Requests", { query: requests.rate("$__rate_interval") }),', 'datasource: "prom-main",'));
    expect(result.diagnostics).toEqual([]);
  });

  it("reports a fixed uid without any datasource variable, and a variable of the wrong kind", async () => {
    const found = await runOn(dashboardDatasource, [
      spec([{ datasource: "prom-main", span: { ...span, line: 95 } }], { variables: [] }),
      spec([{ datasource: "$route" }], {
        uid: "other", title: "Other", subject: "dashboard Other",
        variables: [{ kind: "query", name: "route", query: "label_values(route)", multi: true, includeAll: true }],
      }),
    ]);
    expect(found.map((d) => [d.span?.line, d.message])).toEqual([
      [95, 'dashboard Board, panel "P0": datasource "prom-main" is a fixed datasource uid and the dashboard has no datasource variable, so it works only on the Grafana that has that uid'],
      [90, 'dashboard Other, panel "P0": datasource "$route" names the query variable $route, not a datasource variable'],
    ]);
  });
});

describe("MON706 dashboards/unknown-unit", () => {
  it("reports a unit Grafana does not know at the unit, with the id it most likely means", async () => {
    const { source, result } = await compileDashboards(board([
      'panel.timeseries("Latency", { query: latency.quantile(0.99, "$__rate_interval"), unit: "secs" as "s" }),',
      'panel.timeseries("Rate", { query: requests.rate("$__rate_interval"), unit: "reqsp" as "s" }),',
      'panel.timeseries("Custom", { query: requests.rate("$__rate_interval"), unit: "suffix:req" }),',
    ].join("\n    ")));
    expect(withCode(result, "MON706").map((d) => [d.span, d.message])).toEqual([
      [{ file: "moncc.config.ts", ...positionOf(source, '"secs"') }, 'dashboard Board, panel "Latency": unit "secs" is not a Grafana unit; did you mean "s"?'],
      [{ file: "moncc.config.ts", ...positionOf(source, '"reqsp"') }, 'dashboard Board, panel "Rate": unit "reqsp" is not a Grafana unit; did you mean "reqps"?'],
    ]);
  });
});

describe("MON707 dashboards/rate-interval", () => {
  it("warns about a fixed window in rate() and increase(), at the window", async () => {
    const { source, result } = await compileDashboards(board([
      'panel.timeseries("Requests", { query: promql`sum(rate(${requests}[5m]))` }),',
      'panel.stat("Served", { query: requests.increase("1h") }),',
    ].join("\n    ")));
    const found = withCode(result, "MON707");
    expect(found.map((d) => [d.span?.line, d.severity, d.message])).toEqual([
      [lineOf(source, '"Requests"'), "warning", 'dashboard Board, panel "Requests": rate() over a fixed [5m] window, which does not follow the dashboard\'s zoom'],
      [lineOf(source, '"Served"'), "warning", 'dashboard Board, panel "Served": increase() over a fixed [1h] window, which does not follow the dashboard\'s zoom'],
    ]);
    expect(found[0].span?.column).toBe(positionOf(source, "5m]))").column);
    expect(found[0].hint).toBe("use [$__rate_interval]: at least four scrape intervals at any zoom");
    expect(found[1].hint).toBe("use [$__rate_interval] for a value per step, or [$__range] for one over the whole time range");
  });

  it("accepts Grafana's interval variables, and leaves subquery ranges and *_over_time() windows alone", async () => {
    const { result } = await compileDashboards(board([
      'panel.timeseries("A", { query: requests.rate("$__rate_interval") }),',
      'panel.stat("B", { query: requests.increase("$__range") }),',
      'panel.timeseries("C", { query: promql`max_over_time(sum(rate(${requests}[$__interval]))[1h:])` }),',
      'panel.timeseries("Baseline", { query: promql`avg_over_time(${memory}[7d] offset 1d)` }),',
      'panel.timeseries("Memory", { query: memory.avgOverTime("10m") }),',
    ].join("\n    ")));
    expect(result.diagnostics).toEqual([]);
  });

  it("is silenced by the dashboard's ignore entry, and an unused entry is MON118", async () => {
    const silenced = await compileDashboards(board('panel.timeseries("Requests", { query: requests.rate("5m") }),', 'ignore: { MON707: "the SLO window, on purpose" },'));
    expect(silenced.result.diagnostics).toEqual([]);
    const unused = await compileDashboards(board('panel.timeseries("Requests", { query: requests.rate("$__rate_interval") }),', 'ignore: { MON707: "the SLO window, on purpose" },'));
    expect(unused.result.diagnostics.map((d) => [d.code, d.span?.line, d.message])).toEqual([
      ["MON118", lineOf(unused.source, "const board"), 'dashboard "Board": ignore entry MON707 silences nothing; MON707 reports no problem here'],
    ]);
  });

  it("does not silence errors: an ignore entry for MON702 is MON117", async () => {
    const { result } = await compileDashboards(board('panel.timeseries("Requests", { query: requests.rate("$__rate_interval") }),', 'ignore: { MON702: "series comes later" },'));
    expect(codes(result)).toEqual(["MON117"]);
  });
});

describe("MON708 dashboards/job-instance-matchers", () => {
  // A $job picker over a label the metric does not declare: job is a target label.
  const jobPicker = 'variables: [variable(requests, "job" as "route")],';

  it("warns about a scraped metric's selector without the dashboard's $job matcher", async () => {
    const { source, result } = await compileDashboards(board('panel.timeseries("Requests", { query: promql`sum(rate(${requests}[$__rate_interval]))` }),', jobPicker));
    const found = withCode(result, "MON708");
    expect(found.map((d) => [d.span?.line, d.severity, d.message, d.hint])).toEqual([
      [lineOf(source, '"Requests"'), "warning", 'dashboard Board, panel "Requests": http_requests_total is selected without job=~"$job", so the panel ignores the dashboard\'s $job picker', 'add job=~"$job" to the selector'],
    ]);
    expect(codes(result)).toEqual(["MON708"]);
  });

  it("accepts selectors that follow the picker, recorded series, and dashboards without a picker", async () => {
    const withPicker = await compileDashboards(board([
      'panel.timeseries("Requests", { query: promql`sum(rate(http_requests_total{job=~"$job"}[$__rate_interval]))` }),',
      'panel.timeseries("Recorded", { query: promql`api:http_requests:rate5m` }),',
    ].join("\n    "), jobPicker), "board", `rules: [record("api:http_requests:rate5m", requests.rate("5m"))],`);
    expect(withPicker.result.diagnostics).toEqual([]);
    const withoutPicker = await compileDashboards(board('panel.timeseries("Requests", { query: requests.rate("$__rate_interval") }),'));
    expect(withoutPicker.result.diagnostics).toEqual([]);
  });

  it("leaves the user's own panels on a generated service dashboard alone: its $job picker is moncc's", async () => {
    const { result } = await compileDashboards("", "", `panels: [panel.timeseries("Mine", { query: requests.rate("$__rate_interval") })],`);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON709 dashboards/rate-on-non-counter", () => {
  it("reports rate() on a gauge and a histogram read by its family name, at the call and the selector", async () => {
    const { source, result } = await compileDashboards(board([
      'panel.timeseries("Memory growth", { query: promql`rate(${memory}[$__rate_interval])` }),',
      'panel.timeseries("Latency", { query: promql`sum(rate(http_request_duration_seconds[$__rate_interval]))` }),',
    ].join("\n    ")));
    expect(withCode(result, "MON709").map((d) => [d.span, d.message])).toEqual([
      [{ file: "moncc.config.ts", ...positionOf(source, "rate(${memory}") }, 'dashboard Board, panel "Memory growth": rate() on gauge process_resident_memory_bytes: rate() assumes a counter and reads every drop of the gauge as a counter reset'],
      [{ file: "moncc.config.ts", ...positionOf(source, "http_request_duration_seconds[") }, 'dashboard Board, panel "Latency": histogram http_request_duration_seconds has no series named http_request_duration_seconds; its series are http_request_duration_seconds_bucket, http_request_duration_seconds_sum and http_request_duration_seconds_count'],
    ]);
    expect(codes(result)).toEqual(["MON709", "MON709"]);
  });

  it("accepts rate() on a counter and deriv() on a gauge", async () => {
    const { result } = await compileDashboards(board([
      'panel.timeseries("Requests", { query: requests.rate("$__rate_interval") }),',
      'panel.timeseries("Memory growth", { query: promql`deriv(${memory}[$__rate_interval])` }),',
    ].join("\n    ")));
    expect(result.diagnostics).toEqual([]);
  });
});
