// Routing checks on custom routes and timings: MON305 unknown-route-label, MON309
// repeat-below-group-interval, MON310 group-by-ellipsis.

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf, withCode, type BaseProjectParts } from "../helpers.js";

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  const result = await compileFiles({ "moncc.config.ts": source });
  return { source, result };
}

describe("MON305 alertmanager/unknown-route-label", () => {
  it("reports a route matcher on a label the team's aggregated alerts drop", async () => {
    const { source, result } = await compileBase({ teamExtra: `routes: [{ match: { route: "/checkout" }, notify: ["page"] }],` });
    const found = withCode(result, "MON305");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const web = team(")]);
    expect(found[0].message).toBe('route #1 of team "web" (page) matches on label "route", which no alert of the team carries, so the route never matches');
    expect(found[0].hint).toContain("alertname, service, severity");
  });

  it("accepts a label the query keeps, a generated label, and a matcher an absent label satisfies", async () => {
    for (const teamExtra of [
      `routes: [{ match: { route: "/checkout" }, notify: ["page"] }],`,
      `routes: [{ match: { service: "api" }, notify: ["page"] }],`,
      `routes: [{ match: { alertname: "ApiHighErrorRate" }, notify: ["page"] }],`,
      `routes: [{ match: { env: { not: "prod" } }, notify: ["page"] }],`,
    ]) {
      const { result } = await compileBase({
        teamExtra,
        alerts: `alert.threshold("ApiSlowRoute", {
      query: latency.quantile(0.99, "5m", { by: ["route"] }),
      P2: "> 500ms for 10m",
      summary: "A route is slow",
      runbook: "https://runbooks.example.com/api",
    }),`,
      });
      expect(result.model?.services[0].alerts[0].query.labels).toEqual(["route"]);
      expect(withCode(result, "MON305"), teamExtra).toEqual([]);
    }
  });

  it("stays silent when an alert's query labels are unknown (raw PromQL)", async () => {
    const { result } = await compileBase({
      teamExtra: `routes: [{ match: { instance: "db-1" }, notify: ["page"] }],`,
      alerts: `alert.threshold("ApiMemoryHigh", {
      query: promql\`process_resident_memory_bytes\`,
      P2: "> 1000000000 for 10m",
      summary: "Memory is high",
      runbook: "https://runbooks.example.com/api",
    }),`,
    });
    expect(result.model?.services[0].alerts[0].query.labels).toBeUndefined();
    expect(withCode(result, "MON305")).toEqual([]);
  });
});

describe("MON309 alertmanager/repeat-below-group-interval", () => {
  it("reports an escalation step whose repeat is below the inherited group interval", async () => {
    const { source, result } = await compileBase({
      escalation: `P1: { notify: ["page"], repeat: "1m" },
    P2: { notify: ["chat"], repeat: "4h" },`,
    });
    const found = withCode(result, "MON309");
    expect(found.map((d) => [d.span?.line, d.message])).toEqual([[lineOf(source, "const web = team("),
      'team "web" escalation P1: repeat 1m is shorter than groupInterval 5m (from project routing); Alertmanager re-sends only every groupInterval, so the alert repeats every 5m, not every 1m']]);
    expect(found[0].hint).toBe("set repeat to at least 5m, or lower groupInterval");
  });

  it("judges each level with the values it inherits", async () => {
    const { result } = await compileBase({ teamExtra: `groupInterval: "3h",` });
    // The team's 3h group interval applies to every step: P0 1h and P1 2h repeat too early; the team
    // itself inherits the project's 4h repeat.
    expect(withCode(result, "MON309").map((d) => d.message.split(":")[0])).toEqual(['team "web" escalation P0', 'team "web" escalation P1']);
  });

  it("accepts repeat equal to or above the group interval", async () => {
    const { result } = await compileBase({ teamExtra: `groupInterval: "1h", routes: [{ match: { service: "api" }, notify: ["chat"], groupInterval: "10m", repeat: "10m" }],` });
    expect(withCode(result, "MON309")).toEqual([]);
  });
});

describe("MON310 alertmanager/group-by-ellipsis", () => {
  it("reports a custom route grouping by ... and a label", async () => {
    const { source, result } = await compileBase({ teamExtra: `routes: [{ match: { service: "api" }, notify: ["chat"], groupBy: ["...", "alertname"] }],` });
    const found = withCode(result, "MON310");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const web = team(")]);
    expect(found[0].message).toBe('team "web" route #1: groupBy lists "..." (group by every label) together with "alertname"; Alertmanager rejects this combination');
  });

  it("accepts ... alone", async () => {
    const { result } = await compileBase({ teamExtra: `groupBy: ["..."],` });
    expect(withCode(result, "MON310")).toEqual([]);
  });
});
