// Routing checks on the generated Alertmanager tree (MON301–MON303): mistakes amtool accepts silently.

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf, withCode, type BaseProjectParts } from "../helpers.js";

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  const result = await compileFiles({ "moncc.config.ts": source });
  return { source, result };
}

describe("MON301 alertmanager/shadowed-route", () => {
  it("reports every severity route behind a custom route with match: {} and continue: false", async () => {
    const { source, result } = await compileBase({
      teamExtra: `routes: [{ match: {}, notify: ["chat"], continue: false }],`,
    });
    const line = lineOf(source, "const web = team(");
    const found = withCode(result, "MON301");
    // The base escalation has P0 → page, chat (two sibling routes), P1, P2 and P3: five routes.
    expect(found.map((d) => d.span?.line)).toEqual([line, line, line, line, line]);
    expect(found.map((d) => d.subject).sort()).toEqual(
      ["route/web/P0/chat", "route/web/P0/page", "route/web/P1", "route/web/P2", "route/web/P3"]);
    expect(found[0].message).toContain("route/web/custom-1 (matches everything) comes first and stops routing");
    // Only routes are wrong here: the alerts still reach what the (odd) policy intends.
    expect(result.diagnostics.map((d) => d.code)).toEqual(["MON301", "MON301", "MON301", "MON301", "MON301"]);
  });

  it("reports only the severity route a narrower custom route takes over", async () => {
    const { source, result } = await compileBase({
      teamExtra: `routes: [{ match: { severity: "P1" }, notify: ["chat"], continue: false }],`,
    });
    const found = withCode(result, "MON301");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "const web = team(")]);
    expect(found[0].subject).toBe("route/web/P1");
  });

  it("treats an earlier regex matcher as covering the equal matchers it accepts", async () => {
    const { result } = await compileBase({
      teamExtra: `routes: [{ match: { severity: /P[01]/ }, notify: ["chat"], continue: false }],`,
    });
    expect(withCode(result, "MON301").map((d) => d.subject).sort()).toEqual(["route/web/P0/chat", "route/web/P0/page", "route/web/P1"]);
  });

  it("accepts a catch-all custom route that continues, and a narrower one that does not", async () => {
    for (const routes of [
      `routes: [{ match: {}, notify: ["chat"] }],`,
      `routes: [{ match: { alertname: "ApiHighErrorRate" }, notify: ["page"], continue: false }],`,
    ]) {
      const { result } = await compileBase({ teamExtra: routes });
      expect(withCode(result, "MON301")).toEqual([]);
      expect(result.diagnostics).toEqual([]);
    }
  });
});

describe("MON302 alertmanager/unused-receiver", () => {
  it("warns about a receiver nothing routes to, and still generates", async () => {
    const { source, result } = await compileBase({
      receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    spare: webhook({ url: "https://hooks.example.com/spare" }),`,
    });
    const found = withCode(result, "MON302");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "spare: webhook(")]);
    expect(found[0].severity).toBe("warning");
    expect(found[0].message).toBe('receiver "spare" of team "web" is never notified');
    expect(result.files?.map((f) => f.path)).toContain("alertmanager/alertmanager.yml");
  });

  it("counts the project's default receiver as used", async () => {
    const { result } = await compileBase({
      receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    fallback: email({ to: "oncall@example.com", from: "am@example.com", smarthost: "smtp.example.com:587" }),`,
      defaultReceiver: `web.receiver("fallback")`,
    });
    expect(withCode(result, "MON302")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("MON303 alertmanager/unintended-receiver", () => {
  it("reports an alert severity the owning team does not escalate, at the alert", async () => {
    const { source, result } = await compileBase({
      escalation: `P0: { notify: ["page", "chat"] },
    P1: { notify: ["page"] },
    P2: { notify: ["chat"] },`,
      alerts: `alert.threshold("ApiSlow", {
      query: latency.quantile(0.99, "5m"),
      P2: "> 500ms for 5m",
      P3: "> 200ms for 15m",
      summary: "API is slow",
    }),`,
    });
    const found = withCode(result, "MON303");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("ApiSlow"`)]);
    expect(found[0].message).toBe(`alert "ApiSlow" P3 has no receiver in team "web"'s policy and falls through to the default receiver web-chat`);
    expect(found[0].subject).toBe("alert/api/ApiSlow/P3");
  });

  it("reports an alert the tree sends elsewhere than its team's policy says", async () => {
    // Two teams named "web": the tree routes team="web" through the first, the policy is the second's.
    const { source, result } = await compileBase({
      tail: `const web2 = team("web", {
  receivers: {
    chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
  },
  escalation: { P1: { notify: ["chat"] }, P2: { notify: ["chat"] } },
});`,
      teams: "web, web2",
    });
    const found = withCode(result, "MON303");
    // The base alert has P1 (first team: page, second: chat) and P2 (chat in both).
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `alert.threshold("ApiHighErrorRate"`)]);
    expect(found[0].message).toBe(`alert "ApiHighErrorRate" P1 reaches web-page but the policy of team "web" intends web-chat`);
  });

  it("accepts alerts whose severities the team escalates", async () => {
    const { result } = await compileBase({
      escalation: `P1: { notify: ["page"] },
    P2: { notify: ["chat"] },`,
    });
    expect(withCode(result, "MON303")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});
