// MON111 receivers/inline-secret: secret options written inline, and secret-looking values in any option.

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf, withCode, type BaseProjectParts } from "../helpers.js";

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  const result = await compileFiles({ "moncc.config.ts": source });
  return { source, result };
}

/** The base receivers plus `extra` on its own line, notified for P3 so it is not unused. */
function withReceiver(key: string, extra: string): BaseProjectParts {
  return {
    receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    ${extra}`,
    escalation: `P0: { notify: ["page", "chat"] },
    P1: { notify: ["page"] },
    P2: { notify: ["chat"] },
    P3: { notify: ["chat", "${key}"] },`,
  };
}

describe("MON111 receivers/inline-secret", () => {
  it("reports a PagerDuty routingKey written inline", async () => {
    const { source, result } = await compileBase({
      receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKey: "0123456789abcdef0123456789abcdef" } as any),`,
    });
    const found = withCode(result, "MON111");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "page: pagerduty(")]);
    expect(found[0].message).toBe('receiver "web-page" (pagerduty) has the secret "routingKey" written inline');
    expect(found[0].hint).toContain("routingKeyFile");
    expect(result.files).toBeUndefined();
  });

  it("reports a Slack webhook URL used as a generic webhook url", async () => {
    const { source, result } = await compileBase(withReceiver("hook",
      `hook: webhook({ url: "https://hooks.slack.com/services/T000/B000/XXXXXXXX" }),`));
    const found = withCode(result, "MON111");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "hook: webhook(")]);
    expect(found[0].message).toBe('receiver "web-hook" (webhook) option "url" holds a Slack webhook URL');
  });

  it("reports a webhook URL with a password", async () => {
    const { source, result } = await compileBase(withReceiver("hook",
      `hook: webhook({ url: "https://alertmanager:s3cret@hooks.example.com/am" }),`));
    const found = withCode(result, "MON111");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "hook: webhook(")]);
    expect(found[0].message).toContain('option "url" holds a URL with a password');
  });

  it("reports a webhook URL with a token in its query", async () => {
    const { source, result } = await compileBase(withReceiver("hook",
      `hook: webhook({ url: "https://hooks.example.com/am?channel=ops&token=abc123" }),`));
    const found = withCode(result, "MON111");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "hook: webhook(")]);
    expect(found[0].message).toContain('option "url" holds a URL with a token in its query');
  });

  it("reports an inline email password", async () => {
    const { source, result } = await compileBase(withReceiver("mail",
      `mail: email({ to: "oncall@example.com", from: "am@example.com", smarthost: "smtp.example.com:587", authUsername: "am", authPassword: "hunter2" } as any),`));
    const found = withCode(result, "MON111");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "mail: email(")]);
    expect(found[0].message).toContain('has the secret "authPassword" written inline');
    expect(found[0].hint).toContain("authPasswordFile");
  });

  it("reports an inline Slack apiUrl once, although its value is also a Slack webhook URL", async () => {
    const { source, result } = await compileBase({
      receivers: `chat: slack({ channel: "#web", apiUrl: "https://hooks.slack.com/services/T000/B000/XXXXXXXX" } as any),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),`,
    });
    const found = withCode(result, "MON111");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "chat: slack(")]);
    expect(found[0].message).toContain('has the secret "apiUrl" written inline');
  });

  it("accepts secrets passed as files and plain webhook URLs", async () => {
    const { result } = await compileBase({
      receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    hook: webhook({ url: "https://hooks.example.com/am?channel=ops", bearerTokenFile: "/etc/am/hook-token" }),
    mail: email({ to: "oncall@example.com", from: "am@example.com", smarthost: "smtp.example.com:587", authUsername: "am", authPasswordFile: "/etc/am/smtp" }),
    genie: opsgenie({ apiKeyFile: "/etc/am/opsgenie" }),`,
      escalation: `P0: { notify: ["page", "chat", "genie"] },
    P1: { notify: ["page"] },
    P2: { notify: ["chat", "mail"] },
    P3: { notify: ["chat", "hook"] },`,
    });
    expect(withCode(result, "MON111")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    const config = result.files?.find((f) => f.path === "alertmanager/alertmanager.yml")?.content ?? "";
    expect(config).toContain("routing_key_file: /etc/am/pd");
  });
});
