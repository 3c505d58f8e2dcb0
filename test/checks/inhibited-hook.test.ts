import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf } from "../helpers.js";

const hookTeam = {
  receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    rollback: webhook({ url: "http://deployer.internal/rollback" }),`,
  teamExtra: `routes: [{ match: { remediation: "rollback" }, notify: ["rollback"] }],`,
};

const alertWith = (p1: string, p2: string) => `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: ${p1},
      P2: ${p2},
      summary: "s",
      runbook: "https://r",
    }),`;

describe("MON304 alertmanager/inhibited-hook", () => {
  it("warns when only the lower severity reaches a remediation hook", async () => {
    const source = baseProject({ ...hookTeam, alerts: alertWith(`"> 5%"`, `{ op: ">", value: "1%", labels: { remediation: "rollback" } }`) });
    const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
    const found = result.diagnostics.filter((d) => d.code === "MON304");
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe("warning");
    expect(found[0].span?.line).toBe(lineOf(source, 'alert.threshold("ApiErrors"'));
    expect(found[0].message).toContain("takes P2 but not P1");
  });

  it("is quiet when the higher severity carries the label too", async () => {
    const both = `{ op: ">", value: "5%", labels: { remediation: "rollback" } }`;
    const source = baseProject({ ...hookTeam, alerts: alertWith(both, `{ op: ">", value: "1%", labels: { remediation: "rollback" } }`) });
    const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
    expect(result.diagnostics.filter((d) => d.code === "MON304")).toEqual([]);
  });

  it("is quiet when inhibition is turned off", async () => {
    const source = baseProject({
      ...hookTeam,
      alerts: alertWith(`"> 5%"`, `{ op: ">", value: "1%", labels: { remediation: "rollback" } }`),
      projectExtra: "policy: { inhibitLowerSeverities: false },",
    });
    const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
    expect(result.diagnostics.filter((d) => d.code === "MON304")).toEqual([]);
  });
});
