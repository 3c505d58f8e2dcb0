// Policy warnings MON601 (low-traffic SLO without minEvents), MON602 (large rule group) and MON603
// (evaluation interval over 5m).

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf, withCode, type BaseProjectParts } from "../helpers.js";

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  return { source, result: await compileFiles({ "moncc.config.ts": source }) };
}

const latencySlo = (options: string) =>
  `slos: [slo.latency("requests-fast", { histogram: latency, threshold: "200ms", objective: "99%", alerting: { runbook: "https://r.example.com/slo" }, ${options} })],`;

describe("MON601 policy/low-traffic-slo", () => {
  it("reports an SLO where one bad event in the 1h window pages, with the numbers and a minEvents to add", async () => {
    const { source, result } = await compileBase({ serviceExtra: latencySlo(`traffic: "5/h"`) });
    const found = withCode(result, "MON601");
    expect(found.map((d) => [d.span?.line, d.severity, d.subject])).toEqual([[lineOf(source, "slo.latency("), "warning", "slo api-requests-fast"]]);
    expect(found[0].message).toBe('SLO "api-requests-fast": at 5/h the page tier 5m/1h sees about 5 events in 1h, so one bad event pages (P1): 1 of 5 is 20%, above the tier\'s burn threshold 14.4 × 1% = 14.4%');
    expect(found[0].hint).toContain("add minEvents: 7");
    // A warning: the rules are still written.
    expect(result.files?.length).toBeGreaterThan(0);
  });

  it("names the page tier a single event pushes furthest over its threshold", async () => {
    // 99.9% at 1/m: 60 events in 1h (1 of 60 = 1.67% > 1.44%) and 360 in 6h (0.28% < 0.6%).
    const { result } = await compileBase({
      serviceExtra: `slos: [slo.ratio("errors", { errors: requests.where({ code: "5xx" }), total: requests, objective: "99.9%", traffic: "1/m", alerting: { runbook: "https://r.example.com/slo" } })],`,
    });
    expect(withCode(result, "MON601").map((d) => d.message)).toEqual([
      'SLO "api-errors": at 1/m the page tier 5m/1h sees about 60 events in 1h, so one bad event pages (P1): 1 of 60 is 1.67%, above the tier\'s burn threshold 14.4 × 0.1% = 1.44%',
    ]);
  });

  it("suggests a minEvents that covers every page tier one event would fire", async () => {
    // At 1/h both page tiers fire on one event: 1h needs 1/0.144 → 7 events, 6h needs 1/0.06 → 17.
    const { result } = await compileBase({ serviceExtra: latencySlo(`traffic: "1/h"`) });
    const [found] = withCode(result, "MON601");
    expect(found.message).toContain("the page tier 5m/1h sees about 1 event in 1h");
    expect(found.hint).toContain("add minEvents: 17 ");
  });

  it("says when the window holds less than one event", async () => {
    const { result } = await compileBase({ serviceExtra: latencySlo(`traffic: "2/d"`) });
    expect(withCode(result, "MON601").map((d) => d.message)).toEqual([
      'SLO "api-requests-fast": at 2/d the page tier 5m/1h sees less than one event in 1h, so one bad event pages (P1): alone in the window it is 100%, above the tier\'s burn threshold 14.4 × 1% = 14.4%',
    ]);
  });

  it.each([
    ["with minEvents", `traffic: "5/h", minEvents: 7`],
    ["with enough traffic", `traffic: "10/m"`],
    ["without a declared traffic", ``],
    ["with the page group disabled", `traffic: "5/h", alerting: { page: false }`],
  ])("is quiet %s", async (_name, options) => {
    const { result } = await compileBase({ serviceExtra: latencySlo(options) });
    expect(withCode(result, "MON601")).toEqual([]);
  });

  it("reports a traffic that does not read as MON004 at the SLO", async () => {
    const { source, result } = await compileBase({ serviceExtra: latencySlo(`traffic: "0/h" as any`) });
    expect(withCode(result, "MON004").map((d) => [d.span?.line, d.message])).toEqual([
      [lineOf(source, "slo.latency("), 'slo api/requests-fast: traffic "0/h" is not a positive rate'],
    ]);
  });
});

/** `count` alerts with distinct routes, each with P2 and P3: 2 × count alerting rules. */
const manyAlerts = (count: number) =>
  `...Array.from({ length: ${count} }, (_, i) => alert.threshold(\`ApiRoute\${i}Errors\`, {
      query: errorRatio(requests.where({ code: "5xx", route: \`/r\${i}\` }), requests.where({ route: \`/r\${i}\` }), "5m"),
      P2: "> 5% for 10m",
      P3: "> 1% for 30m",
      summary: "errors",
    })),`;

describe("MON602 policy/large-rule-group", () => {
  it("reports an alerting group of 22 rules at the service", async () => {
    const { source, result } = await compileBase({ alerts: manyAlerts(11) });
    const found = withCode(result, "MON602");
    expect(found.map((d) => [d.span?.line, d.severity])).toEqual([[lineOf(source, 'const api = service("api"'), "warning"]]);
    expect(found[0].message).toBe('service "api": rule group "api.alerts" has 22 rules, more than 20; Prometheus evaluates them one after another and may skip evaluations');
  });

  it("counts recording rules in their own group", async () => {
    const records = Array.from({ length: 21 }, (_, i) => `record("job:http_requests_r${i}:rate5m", requests.where({ route: "/r${i}" }).rate("5m"))`).join(",\n    ");
    const { result } = await compileBase({ serviceExtra: `rules: [\n    ${records},\n  ],` });
    expect(withCode(result, "MON602").map((d) => d.message)).toEqual([
      'service "api": rule group "api.recording" has 21 rules, more than 20; Prometheus evaluates them one after another and may skip evaluations',
    ]);
  });

  it("accepts a group of exactly 20 rules", async () => {
    const { result } = await compileBase({ alerts: manyAlerts(10) });
    expect(withCode(result, "MON602")).toEqual([]);
  });
});

describe("MON603 policy/slow-evaluation-interval", () => {
  it("reports an interval over 5m at the service", async () => {
    const { source, result } = await compileBase({ serviceExtra: `interval: "5m30s",` });
    expect(withCode(result, "MON603").map((d) => [d.span?.line, d.severity, d.message])).toEqual([[
      lineOf(source, 'const api = service("api"'), "warning",
      `service "api": interval 5m30s is longer than Prometheus' 5m lookback, so its recorded series disappear between evaluations`,
    ]]);
  });

  it("accepts 5m", async () => {
    const { result } = await compileBase({ serviceExtra: `interval: "5m",` });
    expect(result.diagnostics).toEqual([]);
  });
});
