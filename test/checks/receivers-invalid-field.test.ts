// MON319 receivers/invalid-field, and receiver option values that are not JSON (MON004). Which
// values amtool itself rejects is tested against the real tool in test/tools/receiver-fields.test.ts.

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf, withCode } from "../helpers.js";

/** The base project with an extra receiver `extra` (declared on its own line) notified on P2. */
async function withReceiver(receiver: string) {
  const source = baseProject({
    receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    extra: ${receiver},`,
    escalation: `P1: { notify: ["page"] },
    P2: { notify: ["chat", "extra"] },`,
  });
  const result = await compileFiles({ "moncc.config.ts": source });
  return { result, line: lineOf(source, "extra: ") };
}

describe("MON319 receivers/invalid-field", () => {
  for (const [receiver, message, hint] of [
    [`email({ to: "oncall@example.com", from: "am@example.com", smarthost: "smtp.example.com:5[87" })`,
      'receiver "web-extra" (email) option smarthost is not "host:port": its port "5[87" is not a number: "smtp.example.com:5[87"', /^write the SMTP server as "host:port"/],
    [`email({ to: "oncall", from: "am@example.com", smarthost: "smtp.example.com:587" })`,
      'receiver "web-extra" (email) option to is not an email address: "oncall"', /^write email addresses separated by commas/],
    [`webhook({ url: "\\u0000" })`,
      'receiver "web-extra" (webhook) option url is not an http or https URL: it has the control character U+0000: "\\u0000"', /^write an http or https URL/],
    [`webhook({ url: "ftp://hooks.example.com/alerts" })`,
      'receiver "web-extra" (webhook) option url is not an http or https URL: its scheme is "ftp", not http or https: "ftp://hooks.example.com/alerts"', /^write an http or https URL/],
    [`webhook({ url: "https://hooks.example.com/alerts", maxAlerts: "0s" as any })`,
      'receiver "web-extra" (webhook) option maxAlerts must be a whole number of 0 or more, not "0s"', /^write a whole number/],
    [`slack({ channel: [["#web"]] as any, apiUrlFile: "/etc/am/slack" })`,
      'receiver "web-extra" (slack) option channel must be a string, not a list', /^write the option as a string/],
    [`pagerduty({ routingKeyFile: "/etc/am/pd", sendResolved: "yes" as any })`,
      'receiver "web-extra" (pagerduty) option sendResolved must be true or false, not "yes"', /^write true or false/],
    [`opsgenie({ apiKeyFile: "/etc/am/og", responders: [{ type: "squad" as any, name: "ops" }] })`,
      'receiver "web-extra" (opsgenie) option responders has responders[0] with type "squad", not team, user, escalation or schedule', /^write a list of responders/],
  ] as const) {
    it(`reports ${receiver}`, async () => {
      const { result, line } = await withReceiver(receiver);
      const found = withCode(result, "MON319");
      expect(found.map((d) => [d.severity, d.span?.line, d.message])).toEqual([["error", line, message]]);
      expect(found[0].hint).toMatch(hint);
    });
  }

  it("reports each bad option of a receiver", async () => {
    const { result } = await withReceiver(`webhook({ url: "hooks.example.com/alerts", maxAlerts: 1.5, sendResolved: 1 as any })`);
    expect(withCode(result, "MON319").map((d) => d.message)).toEqual([
      'receiver "web-extra" (webhook) option maxAlerts must be a whole number of 0 or more, not 1.5',
      'receiver "web-extra" (webhook) option sendResolved must be true or false, not 1',
      'receiver "web-extra" (webhook) option url is not an http or https URL: it has no scheme: "hooks.example.com/alerts"',
    ]);
  });

  it("accepts valid values, templates where Alertmanager expands them, and unset options", async () => {
    for (const receiver of [
      `webhook({ url: "https://[::1]:8443/alerts?team=web", maxAlerts: 0, sendResolved: false })`,
      `email({ to: "{{ .CommonLabels.team }}@example.com, Lead <lead@example.com>", from: "Alertmanager <am@example.com>", smarthost: "[::1]:25", authUsername: undefined })`,
      `opsgenie({ apiKeyFile: "/etc/am/og", responders: [{ type: "team", name: "ops" }, { type: "schedule", name: "rota" }] })`,
      `slack({ channel: "#web", apiUrlFile: "/etc/am/slack", username: null as any })`,
    ]) {
      const { result } = await withReceiver(receiver);
      expect(withCode(result, "MON319"), receiver).toEqual([]);
    }
  });

  it("leaves an empty required option to MON315", async () => {
    const { result } = await withReceiver(`email({ to: "", from: "am@example.com", smarthost: "" })`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["MON315", "MON315"]);
  });
});

describe("receiver option values that are not JSON (MON004)", () => {
  for (const [value, message] of [
    ["10n as any", "cannot read receiver web-extra: option routingKeyFile is a bigint, which is not a JSON value"],
    ["new Date(0) as any", "cannot read receiver web-extra: option routingKeyFile is a Date, which is not a JSON value"],
    [`new Proxy({}, { get() { throw new Error("trap"); } }) as any`, "cannot read receiver web-extra: option routingKeyFile is a Proxy, which is not a JSON value"],
    [`{ get path() { throw new Error("boom"); } } as any`, "cannot read receiver web-extra: option routingKeyFile cannot be read: boom"],
    [`[{ name: Symbol("s") }] as any`, "cannot read receiver web-extra: option routingKeyFile[0].name is a symbol, which is not a JSON value"],
  ] as const) {
    it(`reports ${value} at the receiver`, async () => {
      const { result, line } = await withReceiver(`pagerduty({ routingKeyFile: ${value} })`);
      expect(result.diagnostics.map((d) => [d.code, d.span?.line, d.subject, d.message])).toEqual([["MON004", line, "receiver web-extra", message]]);
    });
  }

  it("takes a list nested 2,000 deep, and MON319 reports it", async () => {
    const { result } = await withReceiver(`slack({ channel: JSON.parse("[".repeat(2000) + '"#web"' + "]".repeat(2000)), apiUrlFile: "/etc/am/slack" })`);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([["MON319", 'receiver "web-extra" (slack) option channel must be a string, not a list']]);
  });
});
