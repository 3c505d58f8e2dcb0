// Burn-rate alerts in the real promtool: the page fires when the error ratio burns the budget
// faster than 14.4×, nothing fires on a healthy service, and the low-traffic guard holds the page
// (but not the ticket) when the long window saw too few events.

import fs from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { compileFiles, tempDir } from "../helpers.js";
import { runTool } from "./tools.js";

const source = `import { counter, pagerduty, project, service, slack, slo, team } from "moncc";
const requests = counter("http_requests_total", { help: "Requests.", unit: "requests", labels: ["code", "job"] });
const web = team("web", {
  receivers: { page: pagerduty({ routingKeyFile: "/etc/am/pd" }), chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }) },
  escalation: { P1: { notify: ["page"] }, P3: { notify: ["chat"] } },
});
export default project({
  name: "slo-rules",
  targets: { prometheus: "2.42", alertmanager: "0.25" },
  teams: [web],
  services: [service("api", { owner: web, slos: [
    slo.ratio("availability", {
      errors: requests.where({ job: "api", code: "500" }),
      total: requests.where({ job: "api" }),
      objective: "99.9%",
      minEvents: 1000,
      alerting: { runbook: "https://runbooks.example.com/slo" },
    }),
  ] })],
  defaultReceiver: web.receiver("chat"),
});
`;

let out: string;
let alertRules: { alert: string; labels: Record<string, string>; annotations: Record<string, string> }[];

beforeAll(async () => {
  const result = await compileFiles({ "moncc.config.ts": source });
  expect(result.diagnostics).toEqual([]);
  out = tempDir("moncc-slo-");
  writeOutputAtomically(out, result.files!);
  const file = parse(fs.readFileSync(path.join(out, "prometheus/rules/api.yml"), "utf8")) as { groups: { rules: typeof alertRules }[] };
  alertRules = file.groups.flatMap((g) => g.rules).filter((r) => r.alert);
});

const ids = { sloth_id: "api-availability", sloth_service: "api", sloth_slo: "availability" };

/** The alert as promtool reports it: the rule's labels plus the ids from the SLI series. */
function expected(tier: "page" | "ticket") {
  const rule = alertRules.find((r) => r.labels.tier === tier)!;
  const labels = { ...rule.labels, ...ids };
  const annotations = Object.fromEntries(Object.entries(rule.annotations).map(([k, v]) => [k, v.replace(/\{\{ \$labels\.(\w+) \}\}/g, (_m, l: string) => labels[l as keyof typeof labels])]));
  return { exp_labels: labels, exp_annotations: annotations };
}

function runScenario(name: string, okPerMinute: number, errorsPerMinute: number, alerts: ("page" | "ticket")[]) {
  const tests = {
    rule_files: [path.join(out, "prometheus/rules/api.yml")],
    evaluation_interval: "1m",
    tests: [{
      interval: "1m",
      input_series: [
        { series: 'http_requests_total{job="api", code="200"}', values: `0+${okPerMinute}x180` },
        { series: 'http_requests_total{job="api", code="500"}', values: `0+${errorsPerMinute}x180` },
      ],
      alert_rule_test: [{
        eval_time: "150m",
        alertname: "ApiAvailabilityBudgetBurn",
        exp_alerts: alerts.map(expected),
      }],
    }],
  };
  const file = path.join(out, `${name}.test.yml`);
  fs.writeFileSync(file, stringify(tests));
  return runTool("promtool", ["test", "rules", file]);
}

describe("SLO burn-rate rules in promtool", () => {
  it("pass promtool check rules --lint-fatal", () => {
    const result = runTool("promtool", ["check", "rules", "--lint-fatal", path.join(out, "prometheus/rules/api.yml")]);
    expect(result.status, result.output).toBe(0);
  });

  it("page and ticket fire when 2% of requests fail (20× the 0.1% budget)", () => {
    const result = runScenario("burning", 980, 20, ["page", "ticket"]);
    expect(result.status, result.output).toBe(0);
  });

  it("nothing fires when 0.05% of requests fail (half the budget rate)", () => {
    const result = runScenario("healthy", 19990, 10, []);
    expect(result.status, result.output).toBe(0);
  });

  it("the low-traffic guard holds the page, not the ticket, below 1000 events in the long window", () => {
    // 4 requests a minute, half failing: a burn of 500×, but only 240 events an hour.
    const result = runScenario("low-traffic", 2, 2, ["ticket"]);
    expect(result.status, result.output).toBe(0);
  });
});
