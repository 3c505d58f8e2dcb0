// Checks of the definitions family (MON004, MON101–MON113; MON130 and MON131 are in
// target-version.test.ts): one failing fixture per variant that asserts the code and the line taken
// from the fixture text, and passing fixtures asserting absence.

import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf, withCode, type BaseProjectParts } from "../helpers.js";

const CONFIG = "moncc.config.ts";

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  const result = await compileFiles({ [CONFIG]: source });
  return { source, result };
}

/** Lines of the diagnostics with `code`, in report order. */
function linesOf(result: Awaited<ReturnType<typeof compileFiles>>, code: string): (number | undefined)[] {
  return withCode(result, code).map((d) => d.span?.line);
}

/** The `expr` of every alerting rule in the generated rule file of `service`. */
function alertExprs(result: Awaited<ReturnType<typeof compileFiles>>, service = "api"): Record<string, string[]> {
  const file = result.files?.find((f) => f.path === `prometheus/rules/${service}.yml`);
  if (!file) throw new Error(`no rule file for ${service}; diagnostics: ${JSON.stringify(result.diagnostics)}`);
  const doc = parse(file.content) as { groups: { rules: { alert?: string; record?: string; expr: string }[] }[] };
  const out: Record<string, string[]> = {};
  for (const group of doc.groups) {
    for (const rule of group.rules) {
      const name = rule.alert ?? rule.record!;
      (out[name] ??= []).push(rule.expr);
    }
  }
  return out;
}

describe("MON004 definitions/invalid-definition", () => {
  it("reports a threshold shorthand that does not parse, at the alert", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P2: "> 5% over 10m",
      summary: "API errors",
    }),`,
    });
    const found = withCode(result, "MON004");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("ApiErrors"`)]);
    expect(found[0].span?.file).toBe(CONFIG);
    expect(found[0].message).toContain('cannot read "> 5% over 10m" as a threshold');
    expect(found[0].subject).toBe("alert api/ApiErrors");
  });

  it("reports an object severity without a valid comparison", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P2: { op: "=>", value: "5%" } as any,
      summary: "API errors",
    }),`,
    });
    const found = withCode(result, "MON004");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("ApiErrors"`)]);
    expect(found[0].message).toContain("P2: a severity needs `op`");
  });

  it("is raised at the innermost definition when reading it throws", async () => {
    // A number is not a label matcher value; normalizing the team throws and the pipeline reports MON004.
    const { source, result } = await compileBase({ teamExtra: `routes: [{ match: { env: 5 as any }, notify: ["chat"] }],` });
    const found = withCode(result, "MON004");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const web = team(")]);
    expect(found[0].subject).toBe("team web");
    expect(found[0].message).toContain('label "env": unsupported matcher value');
    expect(result.files).toBeUndefined();
  });

  it("is raised without a position when the assembled project has the wrong shape", async () => {
    // A metric without `help` passes the DSL but not the model schema.
    const { result } = await compileBase({
      head: `const depth = gauge("queue_depth", { labels: [] } as any);`,
      metrics: "requests, latency, memory, depth",
    });
    const found = withCode(result, "MON004");
    expect(found).toHaveLength(1);
    expect(found[0].span).toBeUndefined();
    expect(found[0].subject).toBe("project");
    expect(found[0].message).toContain("services.0.metrics.3.help");
  });

  it("accepts the shorthand with and without `for`, and the object form", async () => {
    const { result } = await compileBase({
      alerts: `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: { op: ">", value: "5%", for: "5m" },
      P2: ">= 1% for 10m",
      P3: "> 0.5%",
      summary: "API errors",
      runbook: "https://runbooks.example.com/api",
    }),`,
    });
    expect(withCode(result, "MON004")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON101 definitions/duplicate-name", () => {
  it("reports a second service with the same name, pointing back at the first", async () => {
    const { source, result } = await compileBase({
      tail: `const api2 = service("api", { owner: web, alerts: [] });`,
      services: "api, api2",
    });
    const found = withCode(result, "MON101");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const api2 = service(")]);
    expect(found[0].message).toContain('service "api" is declared more than once');
    expect(found[0].message).toContain(`(first at ${CONFIG}:${lineOf(source, "const api = service(")}:`);
  });

  it("reports a second team with the same name (and not its same-named receivers again)", async () => {
    const { source, result } = await compileBase({
      tail: `const web2 = team("web", {
  receivers: { chat: slack({ channel: "#web2", apiUrlFile: "/etc/am/slack2" }) },
  escalation: { P2: { notify: ["chat"] } },
});`,
      teams: "web, web2",
    });
    const found = withCode(result, "MON101");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const web2 = team(")]);
    expect(found[0].message).toContain('team "web" is declared more than once');
  });

  it("reports an alert name used twice within one service", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("HighMemory", { query: memory.value(), P2: "> 1GiB", summary: "Memory is high" }),
    alert.threshold("HighMemory", { query: memory.value(), P3: "> 512MiB", summary: "Memory is rising" }),`,
    });
    const found = withCode(result, "MON101");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("HighMemory", { query: memory.value(), P3`)]);
    expect(found[0].message).toContain('alert "HighMemory" in service "api" is declared more than once');
  });

  it("accepts one alert name in two different services", async () => {
    const { result } = await compileBase({
      tail: `const api2 = service("api2", {
  owner: web,
  alerts: [alert.threshold("ApiHighErrorRate", {
    query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
    P2: "> 1% for 10m",
    summary: "API error rate is high",
  })],
});`,
      services: "api, api2",
    });
    expect(withCode(result, "MON101")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it("reports one recording rule name in two services", async () => {
    const { source, result } = await compileBase({
      serviceExtra: `rules: [record("job:http_requests:rate5m", requests.rate("5m"))],`,
      tail: `const api2 = service("api2", {
  owner: web,
  rules: [
    record("job:http_requests:rate5m", requests.rate("1m")),
  ],
});`,
      services: "api, api2",
    });
    const found = withCode(result, "MON101");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `requests.rate("1m")`)]);
    expect(found[0].message).toContain('recording rule "job:http_requests:rate5m" is declared more than once');
  });

  it("accepts one recording rule name in two services when static labels tell them apart", async () => {
    const { result } = await compileBase({
      serviceExtra: `rules: [record("job:http_requests:rate5m", requests.where({ route: "/a" }).rate("5m"), { labels: { service: "api" } })],`,
      tail: `const api2 = service("api2", {
  owner: web,
  rules: [
    record("job:http_requests:rate5m", requests.where({ route: "/b" }).rate("5m"), { labels: { service: "api2" } }),
  ],
});`,
      services: "api, api2",
    });
    expect(withCode(result, "MON101")).toEqual([]);
  });

  it("reports one metric name declared twice with different declarations", async () => {
    const { source, result } = await compileBase({
      head: `const requests2 = counter("http_requests_total", { help: "Requests again.", unit: "requests", labels: ["code"] });`,
      metrics: "requests, latency, memory, requests2",
    });
    const found = withCode(result, "MON101");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const requests2 = counter(")]);
    expect(found[0].message).toContain('metric "http_requests_total" is declared more than once');
    expect(found[0].message).toContain(`first at ${CONFIG}:${lineOf(source, `const requests = counter(`)}:`);
  });

  it("accepts one metric declaration shared by two services", async () => {
    const { result } = await compileBase({
      tail: `const api2 = service("api2", { owner: web, metrics: [requests, latency], alerts: [] });`,
      services: "api, api2",
    });
    expect(withCode(result, "MON101")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it("reports two time intervals with one name", async () => {
    const { source, result } = await compileBase({
      head: `const hours = timeInterval("business-hours", { location: "Europe/Berlin", weekdays: ["monday:friday"] });
const hoursAgain = timeInterval("business-hours", { location: "America/New_York", weekdays: ["monday:friday"] });`,
      projectExtra: "timeIntervals: [hours, hoursAgain],",
    });
    const found = withCode(result, "MON101");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const hoursAgain = timeInterval(")]);
    expect(found[0].message).toContain('time interval "business-hours" is declared more than once');
  });

  it("reports two receivers of different teams whose alertmanager names collide", async () => {
    // Receiver names are "<team>-<key>": web/"x-y" and web-x/"y" are both "web-x-y".
    const { source, result } = await compileBase({
      receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    "x-y": webhook({ url: "https://hooks.example.com/web" }),`,
      escalation: `P0: { notify: ["page", "x-y"] },
    P1: { notify: ["page"] },
    P2: { notify: ["chat"] },
    P3: { notify: ["chat"] },`,
      tail: `const webx = team("web-x", {
  receivers: {
    y: slack({ channel: "#web-x", apiUrlFile: "/etc/am/slack-x" }),
  },
  escalation: { P2: { notify: ["y"] } },
});`,
      teams: "web, webx",
    });
    const found = withCode(result, "MON101");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "y: slack(")]);
    expect(found[0].message).toContain('receiver "web-x-y"');
    expect(result.files).toBeUndefined();
  });

  it("accepts the base fixture", async () => {
    const { result } = await compileBase({});
    expect(withCode(result, "MON101")).toEqual([]);
  });
});

describe("MON102 definitions/undeclared-reference", () => {
  it("reports a service owned by a team the project does not list", async () => {
    const { source, result } = await compileBase({
      tail: `const billing = service("billing", { owner: "payments", alerts: [] });`,
      services: "api, billing",
    });
    const found = withCode(result, "MON102");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `const billing = service(`)]);
    expect(found[0].message).toContain('owned by team "payments"');
  });

  it("reports an escalation step that notifies an undeclared receiver key, at the team", async () => {
    const { source, result } = await compileBase({
      escalation: `P0: { notify: ["page", "pager"] },
    P1: { notify: ["page"] },
    P2: { notify: ["chat"] },
    P3: { notify: ["chat"] },`,
    });
    const found = withCode(result, "MON102");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const web = team(")]);
    expect(found[0].message).toContain('escalation P0 notifies receiver "pager"');
  });

  it("reports a time interval referenced by a name nothing declares", async () => {
    const { source, result } = await compileBase({
      escalation: `P0: { notify: ["page"] },
    P1: { notify: ["page"] },
    P2: { notify: ["chat"] },
    P3: { notify: ["chat"], activeDuring: ["business-hours"] },`,
    });
    const found = withCode(result, "MON102");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const web = team(")]);
    expect(found[0].message).toContain('time interval "business-hours", which is not declared');
  });

  it("reports a default receiver of a team the project does not list, at the receiver reference", async () => {
    const { source, result } = await compileBase({
      tail: `const ops = team("ops", { receivers: { pager: pagerduty({ routingKeyFile: "/etc/am/ops" }) }, escalation: {} });`,
      defaultReceiver: `ops.receiver("pager")`,
    });
    const found = withCode(result, "MON102");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `defaultReceiver: ops.receiver("pager")`)]);
    expect(found[0].message).toContain('the default receiver "ops/pager" is not declared');
  });

  it("accepts a time interval referenced by name when the project declares it", async () => {
    const { result } = await compileBase({
      head: `const hours = timeInterval("business-hours", { location: "Europe/Berlin", weekdays: ["monday:friday"] });`,
      escalation: `P0: { notify: ["page"] },
    P1: { notify: ["page"] },
    P2: { notify: ["chat"] },
    P3: { notify: ["chat"], activeDuring: ["business-hours"] },`,
      projectExtra: "timeIntervals: [hours],",
    });
    expect(withCode(result, "MON102")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON103 definitions/invalid-metric-name", () => {
  it("reports a metric name with dashes, at its declaration", async () => {
    const { source, result } = await compileBase({
      head: `const bad = counter("http-requests-total", { help: "Bad.", labels: [] });`,
      metrics: "requests, latency, memory, bad",
    });
    const found = withCode(result, "MON103");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const bad = counter(")]);
    expect(found[0].hint).toContain('"http_requests_total"');
  });

  it("reports a metric name starting with a digit", async () => {
    const { source, result } = await compileBase({
      head: `const bad = gauge("5xx_ratio", { help: "Bad." });`,
      metrics: "requests, latency, memory, bad",
    });
    expect(linesOf(result, "MON103")).toEqual([lineOf(source, "const bad = gauge(")]);
  });

  it("accepts names with colons and underscores", async () => {
    const { result } = await compileBase({
      head: `const good = counter("app:requests_total", { help: "Good.", labels: [] });`,
      metrics: "requests, latency, memory, good",
    });
    expect(withCode(result, "MON103")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON104 definitions/invalid-label-name", () => {
  it("reports a metric label with a dash, at the metric", async () => {
    const { source, result } = await compileBase({
      head: `const depth = gauge("queue_depth", { help: "Depth.", labels: ["queue-name"] });`,
      metrics: "requests, latency, memory, depth",
    });
    const found = withCode(result, "MON104");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const depth = gauge(")]);
    expect(found[0].message).toContain('label "queue-name" on metric "queue_depth" is not a valid label name');
  });

  it("reports an alert label reserved by Prometheus, at the alert", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("HighMemory", {
      query: memory.value(),
      P2: "> 1GiB",
      labels: { __tier: "gold" },
      summary: "Memory is high",
    }),`,
    });
    const found = withCode(result, "MON104");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("HighMemory"`)]);
    expect(found[0].message).toContain("starts with __");
  });

  it("reports a team group_by label with a space, at the team", async () => {
    const { source, result } = await compileBase({ teamExtra: `groupBy: ["cluster name"],` });
    expect(linesOf(result, "MON104")).toEqual([lineOf(source, "const web = team(")]);
  });

  it("reports a root route group_by label, at the project", async () => {
    const { source, result } = await compileBase({ projectExtra: `routing: { groupBy: ["alert-name"] },` });
    const found = withCode(result, "MON104");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "export default project(")]);
    expect(found[0].message).toContain("the root route group_by");
  });

  it("accepts valid labels and Alertmanager's group_by [\"...\"] wildcard", async () => {
    const { result } = await compileBase({
      teamExtra: `groupBy: ["..."],`,
      projectExtra: `routing: { groupBy: ["alertname", "cluster_name"] },`,
      alerts: `alert.threshold("HighMemory", {
      query: memory.value(),
      P2: "> 1GiB",
      labels: { tier: "gold", _private: "x" },
      summary: "Memory is high",
    }),`,
    });
    expect(withCode(result, "MON104")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON105 definitions/invalid-alert-name", () => {
  it("reports a snake_case alert name and suggests a CamelCase one", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("api_high_memory", { query: memory.value(), P2: "> 1GiB", summary: "Memory is high" }),`,
    });
    const found = withCode(result, "MON105");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("api_high_memory"`)]);
    expect(found[0].hint).toContain('"ApiHighMemory"');
  });

  it("reports an alert name starting with a lower-case letter", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("highMemory", { query: memory.value(), P2: "> 1GiB", summary: "Memory is high" }),`,
    });
    const found = withCode(result, "MON105");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("highMemory"`)]);
    expect(found[0].hint).toContain('"HighMemory"');
  });

  it("accepts CamelCase with digits", async () => {
    const { result } = await compileBase({
      alerts: `alert.threshold("ApiLatencyP99", { query: latency.quantile(0.99, "5m"), P2: "> 500ms", summary: "Slow" }),`,
    });
    expect(withCode(result, "MON105")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON106 definitions/invalid-record-name", () => {
  it("reports a recording rule name without colons", async () => {
    const { source, result } = await compileBase({
      serviceExtra: `rules: [
    record("http_requests_rate5m", requests.rate("5m")),
  ],`,
    });
    expect(linesOf(result, "MON106")).toEqual([lineOf(source, `record("http_requests_rate5m"`)]);
  });

  it("reports a recording rule name with only one colon", async () => {
    const { source, result } = await compileBase({
      serviceExtra: `rules: [record("job:http_requests_rate5m", requests.rate("5m"))],`,
    });
    expect(linesOf(result, "MON106")).toEqual([lineOf(source, `record("job:http_requests_rate5m"`)]);
  });

  it("accepts level:metric:operations", async () => {
    const { result } = await compileBase({
      serviceExtra: `rules: [record("job:http_requests:rate5m", requests.rate("5m"))],`,
    });
    expect(withCode(result, "MON106")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON107 definitions/unit-mismatch", () => {
  it("reports a time threshold against a bytes gauge", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("HighMemory", { query: memory.value(), P2: "> 200ms for 5m", summary: "Memory is high" }),`,
    });
    const found = withCode(result, "MON107");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("HighMemory"`)]);
    expect(found[0].message).toContain("a value in ms (time) cannot be compared with a query in bytes (bytes)");
  });

  it("reports a bytes threshold against a seconds histogram quantile", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiSlow", {
      query: latency.quantile(0.99, "5m"),
      P2: "> 1GiB",
      summary: "API is slow",
    }),`,
    });
    const found = withCode(result, "MON107");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("ApiSlow"`)]);
    expect(found[0].message).toContain("a value in GiB (bytes) cannot be compared with a query in s (time)");
  });

  it("reports a threshold with a unit against raw PromQL without a declared unit", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiErrors", {
      query: promql\`sum(rate(\${requests.where({ code: "5xx" })}[5m])) / sum(rate(\${requests}[5m]))\`,
      P2: "> 5%",
      summary: "API errors",
    }),`,
    });
    const found = withCode(result, "MON107");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("ApiErrors"`)]);
    expect(found[0].message).toContain("the query has no declared unit");
    expect(found[0].hint).toContain(".withUnit(");
  });

  it("reports a threshold that is not a number", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("HighMemory", { query: memory.value(), P2: "> lots", summary: "Memory is high" }),`,
    });
    const found = withCode(result, "MON107");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("HighMemory"`)]);
    expect(found[0].message).toContain('"lots" is not a number with a unit');
  });

  it('converts "200ms" against a seconds histogram quantile to 0.2 in the generated expr', async () => {
    const { result } = await compileBase({
      alerts: `alert.threshold("ApiSlow", {
      query: latency.quantile(0.99, "5m"),
      P2: "> 200ms for 5m",
      summary: "API is slow",
    }),`,
    });
    expect(withCode(result, "MON107")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(alertExprs(result).ApiSlow).toEqual([
      "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.2",
    ]);
  });

  it("converts percent against a ratio, bytes prefixes against bytes, and a declared unit on raw PromQL", async () => {
    const { result } = await compileBase({
      alerts: `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: "> 5%",
      P2: "> 0.01",
      summary: "API errors",
      runbook: "https://runbooks.example.com/api",
    }),
    alert.threshold("HighMemory", { query: memory.value(), P2: "> 1.5GiB", summary: "Memory is high" }),
    alert.threshold("RawErrors", {
      query: promql\`sum(rate(\${requests.where({ code: "5xx" })}[5m])) / sum(rate(\${requests}[5m]))\`.withUnit("ratio"),
      P2: "> 2%",
      summary: "API errors",
    }),`,
    });
    expect(withCode(result, "MON107")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    const exprs = alertExprs(result);
    expect(exprs.ApiErrors).toEqual([
      'sum(rate(http_requests_total{code="5xx"}[5m])) / sum(rate(http_requests_total[5m])) > 0.05',
      'sum(rate(http_requests_total{code="5xx"}[5m])) / sum(rate(http_requests_total[5m])) > 0.01',
    ]);
    expect(exprs.HighMemory).toEqual([`process_resident_memory_bytes > ${1.5 * 1024 ** 3}`]);
    expect(exprs.RawErrors).toEqual([
      'sum(rate(http_requests_total{code="5xx"}[5m])) / sum(rate(http_requests_total[5m])) > 0.02',
    ]);
  });
});

describe("MON108 definitions/threshold-not-bucket", () => {
  it("reports a fractionOver threshold that is not a bucket boundary, at the fractionOver call", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiSlowRequests", {
      query: latency.fractionOver("300ms", "5m"),
      P2: "> 1% for 10m",
      summary: "Many slow requests",
    }),`,
    });
    const found = withCode(result, "MON108");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `latency.fractionOver("300ms"`)]);
    expect(found[0].message).toContain('"300ms" (0.3) is not a bucket boundary');
    expect(found[0].hint).toContain("declared boundaries: 0.05, 0.1, 0.2, 0.5, 1");
  });

  it("reports a fractionOver threshold in a unit the histogram does not have", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiSlowRequests", {
      query: latency.fractionOver("1KiB", "5m"),
      P2: "> 1% for 10m",
      summary: "Many slow requests",
    }),`,
    });
    const found = withCode(result, "MON108");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `latency.fractionOver("1KiB"`)]);
    expect(found[0].message).toContain("cannot be compared with a query in s (time)");
    // The alert's own threshold (1%) against the ratio is fine.
    expect(withCode(result, "MON107")).toEqual([]);
  });

  it("reports a non-boundary threshold in a recording rule", async () => {
    const { source, result } = await compileBase({
      serviceExtra: `rules: [
    record("job:http_slow_requests:ratio5m", latency.fractionOver("250ms", "5m")),
  ],`,
    });
    expect(linesOf(result, "MON108")).toEqual([lineOf(source, `latency.fractionOver("250ms"`)]);
  });

  it("accepts declared boundaries, written in another unit of the same kind", async () => {
    const { result } = await compileBase({
      alerts: `alert.threshold("ApiSlowRequests", {
      query: latency.fractionOver("200ms", "5m"),
      P2: "> 1% for 10m",
      summary: "Many slow requests",
    }),
    alert.threshold("ApiVerySlowRequests", {
      query: latency.fractionOver("1s", "5m"),
      P3: "> 1%",
      summary: "Some very slow requests",
    }),`,
    });
    expect(withCode(result, "MON108")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(alertExprs(result).ApiSlowRequests[0]).toContain('http_request_duration_seconds_bucket{le="0.2"}');
  });
});

describe("MON109 definitions/contradicting-severities", () => {
  it('reports a more severe level with a milder threshold for ">"', async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: "> 1% for 5m",
      P2: "> 5% for 5m",
      summary: "API errors",
      runbook: "https://runbooks.example.com/api",
    }),`,
    });
    const found = withCode(result, "MON109");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("ApiErrors"`)]);
    expect(found[0].message).toContain("P1 (> 1%) fires before P2 (> 5%) is reached");
  });

  it('reports a more severe level with a milder threshold for "<"', async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("LowMemoryHeadroom", {
      query: memory.value(),
      P1: "< 2GiB",
      P2: "< 1GiB",
      summary: "Memory is low",
      runbook: "https://runbooks.example.com/memory",
    }),`,
    });
    const found = withCode(result, "MON109");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("LowMemoryHeadroom"`)]);
    expect(found[0].message).toContain("P1 (< 2GiB) fires before P2 (< 1GiB) is reached");
  });

  it("reports levels that compare in opposite directions", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("MemoryOdd", {
      query: memory.value(),
      P2: "> 2GiB",
      P3: "< 1GiB",
      summary: "Memory is odd",
    }),`,
    });
    const found = withCode(result, "MON109");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("MemoryOdd"`)]);
    expect(found[0].message).toContain("levels must compare in the same direction");
  });

  it("reports a more severe level that waits longer at the same threshold", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: "> 5% for 30m",
      P2: "> 5% for 5m",
      summary: "API errors",
      runbook: "https://runbooks.example.com/api",
    }),`,
    });
    const found = withCode(result, "MON109");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("ApiErrors"`)]);
    expect(found[0].message).toContain("P1 waits longer (for 30m) than P2 (for 5m)");
  });

  it("compares every pair of levels, not only neighbours", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: "> 10%",
      P2: "> 5%",
      P3: "> 20%",
      summary: "API errors",
      runbook: "https://runbooks.example.com/api",
    }),`,
    });
    const line = lineOf(source, `alert.threshold("ApiErrors"`);
    const found = withCode(result, "MON109");
    // P1 vs P3 and P2 vs P3 contradict; P1 vs P2 is in order.
    expect(found.map((d) => d.span?.line)).toEqual([line, line]);
    expect(found.map((d) => d.message).join("\n")).toContain("P1 (> 10%) fires before P3 (> 20%)");
    expect(found.map((d) => d.message).join("\n")).toContain("P2 (> 5%) fires before P3 (> 20%)");
  });

  it("accepts stricter thresholds on more severe levels in either direction", async () => {
    const { result } = await compileBase({
      alerts: `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: "> 5% for 5m",
      P2: "> 5% for 10m",
      P3: "> 1% for 10m",
      summary: "API errors",
      runbook: "https://runbooks.example.com/api",
    }),
    alert.threshold("LowMemoryHeadroom", {
      query: memory.value(),
      P2: "< 1GiB",
      P3: "< 2GiB",
      summary: "Memory is low",
    }),`,
    });
    expect(withCode(result, "MON109")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON110 policy/missing-runbook", () => {
  it("reports a P1 alert without a runbook", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("HighMemory", { query: memory.value(), P1: "> 2GiB", P2: "> 1GiB", summary: "Memory is high" }),`,
    });
    const found = withCode(result, "MON110");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("HighMemory"`)]);
    expect(found[0].message).toContain("the policy requires one for P1");
  });

  it("reports an alert with an empty summary", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("HighMemory", { query: memory.value(), P2: "> 1GiB", summary: "  " }),`,
    });
    const found = withCode(result, "MON110");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("HighMemory"`)]);
    expect(found[0].message).toBe('alert "HighMemory" has no summary');
  });

  it("follows project policy.requireRunbook", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("HighMemory", { query: memory.value(), P2: "> 1GiB", summary: "Memory is high" }),
    alert.threshold("VeryHighMemory", { query: memory.value(), P1: "> 4GiB", summary: "Memory is very high" }),`,
      projectExtra: `policy: { requireRunbook: ["P2"] },`,
    });
    const found = withCode(result, "MON110");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("HighMemory"`)]);
    expect(found[0].message).toContain("requires one for P2");
  });

  it("accepts a runbook given as the runbook_url annotation, and P2/P3 alerts without one", async () => {
    const { result } = await compileBase({
      alerts: `alert.threshold("HighMemory", {
      query: memory.value(),
      P0: "> 4GiB",
      summary: "Memory is high",
      annotations: { runbook_url: "https://runbooks.example.com/memory" },
    }),
    alert.threshold("RisingMemory", { query: memory.value(), P3: "> 1GiB", summary: "Memory is rising" }),`,
    });
    expect(withCode(result, "MON110")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON112 definitions/unsafe-output-name", () => {
  it("reports a service name that climbs out of the output folder", async () => {
    const { source, result } = await compileBase({ serviceName: "../escape" });
    const found = withCode(result, "MON112");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const api = service(")]);
    expect(found[0].message).toContain('service name "../escape" cannot be used as a file name');
    expect(result.files).toBeUndefined();
  });

  it("reports a service name with a slash", async () => {
    const { source, result } = await compileBase({ serviceName: "team/api" });
    expect(linesOf(result, "MON112")).toEqual([lineOf(source, "const api = service(")]);
  });

  it("accepts letters, digits, dots, dashes and underscores", async () => {
    const { result } = await compileBase({ serviceName: "api-v2.internal_1" });
    expect(withCode(result, "MON112")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(result.files?.map((f) => f.path)).toContain("prometheus/rules/api-v2.internal_1.yml");
  });
});

describe("MON113 definitions/target-version", () => {
  it("reports unsupported Prometheus and Alertmanager targets, at the project", async () => {
    const { source, result } = await compileBase({ targets: `{ prometheus: "1.8", alertmanager: "0.24" }` });
    const line = lineOf(source, "export default project(");
    const found = withCode(result, "MON113");
    expect(found.map((d) => d.span?.line)).toEqual([line, line]);
    // Same position and code: diagnostics are then ordered by message.
    expect(found.map((d) => d.message)).toEqual([
      'target Alertmanager "0.24" is not supported',
      'target Prometheus "1.8" is not supported',
    ]);
  });

  it("accepts Prometheus 2.x and 3.x and Alertmanager 0.25 or later", async () => {
    for (const targets of [`{ prometheus: "2.0", alertmanager: "0.25" }`, `{ prometheus: "3.5", alertmanager: "0.28.1" }`]) {
      const { result } = await compileBase({ targets });
      expect(withCode(result, "MON113")).toEqual([]);
    }
  });
});
