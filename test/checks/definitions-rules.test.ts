// Class 23 (MON115 duplicate rules, MON116 recording names that clash with metrics), the SLO id in
// MON101, and MON401's "did you mean" for a ratio with a percent sign.

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf, withCode, type BaseProjectParts } from "../helpers.js";

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  return { source, result: await compileFiles({ "moncc.config.ts": source }) };
}

const ERROR_RATIO = `errorRatio(requests.where({ code: "5xx" }), requests, "5m")`;

describe("MON115 definitions/duplicate-rule", () => {
  it("reports a second alert with the same expression, threshold and labels, at the second alert", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiHighErrorRate", { query: ${ERROR_RATIO}, P1: "> 5% for 5m", P2: "> 1% for 10m", summary: "a", runbook: "https://r.example.com/a" }),
    alert.threshold("ApiErrorsHigh", { query: ${ERROR_RATIO}, P1: "> 0.05 for 15m", P3: "> 2%", summary: "b", runbook: "https://r.example.com/b" }),`,
    });
    const found = withCode(result, "MON115");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("ApiErrorsHigh"`)]);
    expect(found[0].message).toBe('alert "ApiErrorsHigh" P1 repeats alert "ApiHighErrorRate": same expression, threshold and labels, so both fire together and notify twice');
    expect(found[0].severity).toBe("error");
  });

  it("accepts the same expression at another threshold, with other labels, or in another service", async () => {
    const { result } = await compileBase({
      alerts: `alert.threshold("ApiHighErrorRate", { query: ${ERROR_RATIO}, P1: "> 5% for 5m", summary: "a", runbook: "https://r.example.com/a" }),
    alert.threshold("ApiErrorsHigh", { query: ${ERROR_RATIO}, P1: "> 10% for 5m", summary: "b", runbook: "https://r.example.com/b" }),
    alert.threshold("ApiErrorsTagged", { query: ${ERROR_RATIO}, P1: "> 5% for 5m", labels: { component: "edge" }, summary: "c", runbook: "https://r.example.com/c" }),`,
      tail: `const api2 = service("api2", { owner: web, alerts: [alert.threshold("ApiHighErrorRate", { query: ${ERROR_RATIO}, P1: "> 5% for 5m", summary: "a", runbook: "https://r.example.com/a" })] });`,
      services: "api, api2",
    });
    expect(withCode(result, "MON115")).toEqual([]);
  });

  it("reports two recording rules with the same expression (up to whitespace) and labels under two names", async () => {
    const { source, result } = await compileBase({
      serviceExtra: `rules: [
    record("job:http_requests:rate5m", promql\`sum(rate(\${requests}[5m]))\`),
    record("api:http_requests:rate5m", promql\`sum( rate(\${requests}[5m]) )\`),
  ],`,
    });
    const found = withCode(result, "MON115");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `record("api:http_requests:rate5m"`)]);
    expect(found[0].message).toContain('recording rule "api:http_requests:rate5m" computes the same expression with the same labels as "job:http_requests:rate5m"');
  });

  it("accepts two recording rules whose static labels differ", async () => {
    const { result } = await compileBase({
      serviceExtra: `rules: [
    record("job:http_requests:rate5m", requests.rate("5m"), { labels: { tier: "a" } }),
    record("api:http_requests:rate5m", requests.rate("5m"), { labels: { tier: "b" } }),
  ],`,
    });
    expect(withCode(result, "MON115")).toEqual([]);
  });
});

describe("MON116 definitions/record-clashes-metric", () => {
  it("reports a recording rule named like a declared gauge, at the rule", async () => {
    const { source, result } = await compileBase({
      head: `const depth = gauge("job:queue_depth:max", { help: "Depth.", labels: [] });`,
      metrics: "requests, latency, memory, depth",
      serviceExtra: `rules: [record("job:queue_depth:max", memory.max())],`,
    });
    const found = withCode(result, "MON116");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `record("job:queue_depth:max"`)]);
    expect(found[0].message).toContain('writes into the name of the declared gauge "job:queue_depth:max"');
  });

  it("reports a recording rule named like a histogram's _bucket series", async () => {
    const { result } = await compileBase({ serviceExtra: `rules: [record("http_request_duration_seconds_bucket", latency.rate("5m"))],` });
    expect(withCode(result, "MON116").map((d) => d.message)).toEqual([
      'recording rule "http_request_duration_seconds_bucket" writes into the name of a series of the declared histogram "http_request_duration_seconds"; queries of the metric would also read the recorded series',
    ]);
  });

  it("accepts a level:metric:operations name built from a metric name", async () => {
    const { result } = await compileBase({ serviceExtra: `rules: [record("job:http_request_duration_seconds_count:rate5m", latency.rate("5m"))],` });
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON101 for SLOs", () => {
  const ratioSlo = (name: string) => `slo.ratio(${JSON.stringify(name)}, { errors: requests.where({ code: "5xx" }), total: requests, objective: "99.9%", alerting: { runbook: "https://r.example.com/slo" } })`;

  it("reports two SLOs whose ids collide across services, at the later SLO", async () => {
    const { source, result } = await compileBase({
      serviceName: "api",
      serviceExtra: `slos: [${ratioSlo("checkout-errors")}],`,
      tail: `const apiCheckout = service("api-checkout", { owner: web, slos: [\n  ${ratioSlo("errors")},\n] });`,
      services: "api, apiCheckout",
    });
    const found = withCode(result, "MON101");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `slo.ratio("errors"`)]);
    expect(found[0].message).toContain('SLO "errors" of service "api-checkout" (id "api-checkout-errors") is declared more than once');
  });

  it("accepts one SLO name in two services with distinct ids", async () => {
    const { result } = await compileBase({
      serviceExtra: `slos: [${ratioSlo("errors")}],`,
      tail: `const api2 = service("api2", { owner: web, slos: [${ratioSlo("errors")}] });`,
      services: "api, api2",
    });
    expect(withCode(result, "MON101")).toEqual([]);
  });
});

describe("MON401 objectives below 1%", () => {
  it("asks whether 0.999% meant 99.9%, and MON402 does not pile on", async () => {
    const { source, result } = await compileBase({
      serviceExtra: `slos: [slo.ratio("errors", { errors: requests.where({ code: "5xx" }), total: requests, objective: "0.999%" })],`,
    });
    expect(withCode(result, "MON401").map((d) => [d.span?.line, d.message])).toEqual([
      [lineOf(source, `slo.ratio("errors"`), 'SLO "api-errors": objective 0.999% is below 1%; did you mean 99.9%?'],
    ]);
    expect(withCode(result, "MON402")).toEqual([]);
  });

  it("accepts 1%", async () => {
    const { result } = await compileBase({
      serviceExtra: `slos: [slo.ratio("errors", { errors: requests.where({ code: "5xx" }), total: requests, objective: "1%", alerting: { page: false, ticket: false } })],`,
    });
    expect(withCode(result, "MON401")).toEqual([]);
  });
});

describe("MON115 whitespace", () => {
  it("keeps whitespace inside label values significant", async () => {
    const { result } = await compileBase({
      serviceExtra: `rules: [
    record("job:http_requests:rate5m", promql\`sum(rate(http_requests_total{route="/a b"}[5m]))\`),
    record("api:http_requests:rate5m", promql\`sum(rate(http_requests_total{route="/ab"}[5m]))\`),
  ],`,
    });
    expect(withCode(result, "MON115")).toEqual([]);
  });
});
