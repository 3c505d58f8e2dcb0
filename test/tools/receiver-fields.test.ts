// MON319 (receivers/invalid-field) against the real amtool 0.25: for each bad receiver option value,
// the alertmanager.yml moncc would write for it goes through `amtool check-config`. moncc rejects
// every value amtool rejects and accepts every value amtool accepts, except the values listed as
// "stricter": amtool loads them, and Alertmanager fails when it sends to that receiver (or, for a
// responders value that is not a list, moncc would leave it out).

import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { generateOutput } from "../../src/pipeline.js";
import { baseProject, compileFiles, lineOf, tempDir, withCode } from "../helpers.js";
import { runTool } from "./tools.js";

/** rejected: amtool and moncc reject it. stricter: amtool accepts it, moncc does not. valid: both accept it. */
type Verdict = "rejected" | "stricter" | "valid";

/** A receiver call: the required options, with `fields` (option → TS expression) added or replaced. */
const receiverOf = (type: string, required: Record<string, string>) => (fields: Record<string, string>) =>
  `${type}({ ${Object.entries({ ...required, ...fields }).map(([name, value]) => `${name}: ${value}`).join(", ")} })`;
const slack = receiverOf("slack", { apiUrlFile: '"/etc/am/slack"', channel: '"#web"' });
const pagerduty = receiverOf("pagerduty", { routingKeyFile: '"/etc/am/pd"' });
const webhook = receiverOf("webhook", { url: '"https://hooks.example.com/web"' });
const email = receiverOf("email", { to: '"oncall@example.com"', from: '"am@example.com"', smarthost: '"smtp.example.com:587"' });
const opsgenie = receiverOf("opsgenie", { apiKeyFile: '"/etc/am/opsgenie"' });
/** Built at run time: a literal this deep overflows the stack of the code that loads the definitions. */
const DEEP = `JSON.parse('['.repeat(2000) + '"#web"' + ']'.repeat(2000))`;

const CASES: readonly (readonly [Verdict, string])[] = [
  // Strings and file paths.
  ["rejected", slack({ channel: '["#web"]' })],
  ["rejected", slack({ channel: '{ name: "#web" }' })],
  ["rejected", slack({ channel: '[[["#web"]]]' })],
  ["rejected", slack({ channel: DEEP })],
  ["rejected", slack({ username: '["moncc"]' })],
  ["rejected", email({ authUsername: "{}" })],
  ["rejected", slack({ apiUrlFile: '["/etc/am/slack"]' })],
  ["rejected", pagerduty({ routingKeyFile: '{ path: "/etc/am/pd" }' })],
  ["stricter", slack({ channel: "5" })],
  ["stricter", slack({ username: "true" })],
  ["stricter", opsgenie({ apiKeyFile: "42" })],
  ["stricter", pagerduty({ routingKeyFile: '"/etc/am/\\u0000pd"' })],
  ["valid", slack({ username: '"moncc {{ .Status }}"' })],
  ["valid", pagerduty({ routingKeyFile: '"secrets/pd key"' })],
  // Webhook URLs.
  ["rejected", webhook({ url: '"\\u0000"' })],
  ["rejected", webhook({ url: '"https://hooks.example.com/a\\tb"' })],
  ["rejected", webhook({ url: '"https://hooks.example.com/\\u007f"' })],
  ["rejected", webhook({ url: '"hooks.example.com/alerts"' })],
  ["rejected", webhook({ url: '"//hooks.example.com/alerts"' })],
  ["rejected", webhook({ url: '":alerts"' })],
  ["rejected", webhook({ url: '"ftp://hooks.example.com/alerts"' })],
  ["rejected", webhook({ url: '"http:hooks.example.com"' })],
  ["rejected", webhook({ url: '"http://"' })],
  ["rejected", webhook({ url: '"http:///alerts"' })],
  ["rejected", webhook({ url: '"https://hooks example.com/"' })],
  ["rejected", webhook({ url: '"https://{{ .GroupLabels.team }}.example.com/"' })],
  ["rejected", webhook({ url: '"https://ex%41mple.com/"' })],
  ["rejected", webhook({ url: '"https://hooks.example.com:abc/"' })],
  ["rejected", webhook({ url: '"https://[::1/alerts"' })],
  ["rejected", webhook({ url: '"https://hooks.example.com/%zz"' })],
  ["rejected", webhook({ url: '"https://hooks.example.com/#%zz"' })],
  ["rejected", webhook({ url: '"https://us er@hooks.example.com/"' })],
  ["rejected", webhook({ url: '["https://hooks.example.com/alerts"]' })],
  ["stricter", webhook({ url: '"https://:8080/alerts"' })],
  ["stricter", webhook({ url: '"https://hooks.example.com:0/"' })],
  ["stricter", webhook({ url: '"https://hooks.example.com:99999/"' })],
  ["stricter", webhook({ url: '"https://hooks!example.com/"' })],
  ["stricter", webhook({ url: '"https://hooks.example.com/?q=%zz"' })],
  ["valid", webhook({ url: '"https://hooks.example.com/alerts"' })],
  ["valid", webhook({ url: '"HTTP://deployer.internal:8080/hooks/rollback?team=web#top"' })],
  ["valid", webhook({ url: '"https://[::1]:8443/alerts"' })],
  ["valid", webhook({ url: '"https://10.0.0.7/alerts"' })],
  ["valid", webhook({ url: '"https://hooks.example.com:/a b/%C3%A4"' })],
  ["valid", webhook({ url: '"https://hööks.example.com/alerts"' })],
  ["valid", webhook({ url: '"https://hooks.example.com/{{ .GroupLabels.alertname }}"' })],
  // SMTP smarthost.
  ["rejected", email({ smarthost: '"smtp.example.com:5[87"' })],
  ["rejected", email({ smarthost: '"smtp.example.com"' })],
  ["rejected", email({ smarthost: '"smtp.example.com:"' })],
  ["rejected", email({ smarthost: '"::1:25"' })],
  ["rejected", email({ smarthost: '"[::1]"' })],
  ["rejected", email({ smarthost: '"smtp:example.com:25"' })],
  ["rejected", email({ smarthost: '["smtp.example.com:587"]' })],
  ["stricter", email({ smarthost: '":25"' })],
  ["stricter", email({ smarthost: '"smtp.example.com:submission"' })],
  ["stricter", email({ smarthost: '"smtp.example.com:0"' })],
  ["stricter", email({ smarthost: '"smtp.example.com:65536"' })],
  ["stricter", email({ smarthost: '"smtp.example.com:-1"' })],
  ["stricter", email({ smarthost: '"smtp example.com:25"' })],
  ["stricter", email({ smarthost: '"smtp.example.com:25\\u0000"' })],
  ["valid", email({ smarthost: '"[::1]:25"' })],
  ["valid", email({ smarthost: '"10.0.0.25:465"' })],
  ["valid", email({ smarthost: '"mail_relay.internal:2525"' })],
  // Email addresses.
  ["rejected", email({ to: '["oncall@example.com"]' })],
  ["stricter", email({ to: '"oncall"' })],
  ["stricter", email({ to: '"oncall@"' })],
  ["stricter", email({ to: '"@example.com"' })],
  ["stricter", email({ to: '"oncall@example.com; lead@example.com"' })],
  ["stricter", email({ from: '"a@example.com, b@example.com"' })],
  ["stricter", email({ from: '"alertmanager at example.com"' })],
  ["valid", email({ to: '"oncall@example.com, Lead <lead@example.com>"' })],
  ["valid", email({ to: `'"Doe, Jane" <jane.doe@example.com>'` })],
  ["valid", email({ to: '"{{ .CommonLabels.team }}@example.com"' })],
  ["valid", email({ from: '"Alertmanager <alertmanager@mail.example.com>"' })],
  // Counts.
  ["rejected", webhook({ maxAlerts: '"0s"' })],
  ["rejected", webhook({ maxAlerts: '"5"' })],
  ["rejected", webhook({ maxAlerts: "-1" })],
  ["rejected", webhook({ maxAlerts: "true" })],
  ["rejected", webhook({ maxAlerts: "1e308" })],
  ["rejected", webhook({ maxAlerts: "[5]" })],
  ["stricter", webhook({ maxAlerts: "1.5" })],
  ["stricter", webhook({ maxAlerts: "2 ** 53 + 1" })],
  ["valid", webhook({ maxAlerts: "0" })],
  ["valid", webhook({ maxAlerts: "25" })],
  // Flags.
  ["rejected", slack({ sendResolved: '"true"' })],
  ["rejected", webhook({ sendResolved: "1" })],
  ["rejected", pagerduty({ sendResolved: "[false]" })],
  ["valid", opsgenie({ sendResolved: "false" })],
  // Opsgenie responders.
  ["rejected", opsgenie({ responders: '[{ type: "team" }]' })],
  ["rejected", opsgenie({ responders: '[{ type: "team", name: "" }]' })],
  ["rejected", opsgenie({ responders: '[{ name: "web-oncall" }]' })],
  ["rejected", opsgenie({ responders: '[{ type: "squad", name: "web-oncall" }]' })],
  ["rejected", opsgenie({ responders: '[{ type: "team", name: ["web-oncall"] }]' })],
  ["rejected", opsgenie({ responders: "[5]" })],
  // Not a list: the generator leaves it out, and the responders are lost.
  ["stricter", opsgenie({ responders: '"web-oncall"' })],
  ["valid", opsgenie({ responders: '[{ type: "team", name: "web-oncall" }, { type: "schedule", name: "web-rota" }]' })],
  ["valid", opsgenie({ responders: '[{ type: "Teams", name: "web-oncall" }, { type: "{{ .CommonLabels.kind }}", name: "x" }]' })],
  ["valid", opsgenie({ responders: "[]" })],
];

/** The project with the receiver `extra` (on its own line, notified on P2), built with MON319 and all. */
async function judge(receiver: string) {
  const source = baseProject({
    receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    extra: ${receiver},`,
    escalation: `P1: { notify: ["page"] },
    P2: { notify: ["chat", "extra"] },`,
    targets: `{ prometheus: "2.42", alertmanager: "0.25" }`,
  });
  const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
  const others = result.diagnostics.filter((d) => d.severity === "error" && d.code !== "MON319");
  expect(others.map((d) => `${d.code} ${d.message}`), "no other error").toEqual([]);
  // What moncc would write if it did not check the options.
  const output = generateOutput(result.model!);
  expect(output.diagnostics.map((d) => `${d.code} ${d.message}`), "generation").toEqual([]);
  const out = tempDir("moncc-receiver-fields-");
  writeOutputAtomically(out, output.files!);
  const amtool = runTool("amtool", ["check-config", path.join(out, "alertmanager/alertmanager.yml")]);
  const found = withCode(result, "MON319");
  expect(found.every((d) => d.span?.line === lineOf(source, "extra: ")), "at the receiver").toBe(true);
  return { amtoolAccepts: amtool.status === 0, amtoolOutput: amtool.output, moncc: found.map((d) => d.message) };
}

describe("MON319 receivers/invalid-field against amtool check-config", () => {
  for (const [verdict, receiver] of CASES) {
    it(`${verdict}: ${receiver.length > 140 ? `${receiver.slice(0, 140)}…` : receiver}`, async () => {
      const { amtoolAccepts, amtoolOutput, moncc } = await judge(receiver);
      expect(amtoolAccepts, `amtool: ${amtoolOutput}`).toBe(verdict !== "rejected");
      if (verdict === "valid") expect(moncc).toEqual([]);
      else expect(moncc).toHaveLength(1);
    });
  }
});
