// Receiver option checks: MON315 missing-field, MON316 file-and-inline, MON318 untemplated-field.

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf, withCode } from "../helpers.js";

/** Diagnostics of the checks this file is about; other families are tested elsewhere. */
const ours = <D extends { code: string }>(result: { diagnostics: readonly D[] }) => result.diagnostics.filter((d) => ["MON111", "MON315", "MON316", "MON317", "MON318"].includes(d.code));

/** The base project with an extra receiver `extra` (declared on its own line) notified on P3. */
async function withReceiver(receiver: string, targets?: string) {
  const source = baseProject({
    receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    extra: ${receiver},`,
    escalation: `P1: { notify: ["page"] },
    P2: { notify: ["chat", "extra"] },`,
    targets,
  });
  const result = await compileFiles({ "moncc.config.ts": source });
  return { source, result, line: lineOf(source, "extra: ") };
}

describe("MON315 receivers/missing-field", () => {
  for (const [receiver, message] of [
    [`slack({ channel: "#web" } as any)`, 'receiver "web-extra" (slack) has no apiUrlFile, which Alertmanager requires'],
    [`pagerduty({} as any)`, 'receiver "web-extra" (pagerduty) has no routingKeyFile, which Alertmanager requires'],
    [`webhook({ maxAlerts: 5 })`, 'receiver "web-extra" (webhook) has no url, which Alertmanager requires'],
    [`opsgenie({} as any)`, 'receiver "web-extra" (opsgenie) has no apiKeyFile, which Alertmanager requires'],
    [`email({ from: "am@example.com", smarthost: "smtp.example.com:587" } as any)`, 'receiver "web-extra" (email) has no to, which Alertmanager requires'],
  ] as const) {
    it(`reports ${receiver}`, async () => {
      const { result, line } = await withReceiver(receiver);
      const found = withCode(result, "MON315");
      expect(found.map((d) => [d.span?.line, d.message])).toEqual([[line, message]]);
      expect(found[0].hint).toMatch(/^set /);
    });
  }

  it("reports every missing email field", async () => {
    const { result } = await withReceiver(`email({ to: "web@example.com" } as any)`);
    expect(withCode(result, "MON315").map((d) => d.message)).toEqual([
      'receiver "web-extra" (email) has no from, which Alertmanager requires',
      'receiver "web-extra" (email) has no smarthost, which Alertmanager requires',
    ]);
  });

  it("accepts complete receivers", async () => {
    for (const receiver of [
      `webhook({ url: "https://hooks.example.com/web" })`,
      `email({ to: "web@example.com", from: "am@example.com", smarthost: "smtp.example.com:587" })`,
      `opsgenie({ apiKeyFile: "/etc/am/opsgenie" })`,
    ]) {
      const { result } = await withReceiver(receiver);
      expect(ours(result), receiver).toEqual([]);
    }
  });
});

describe("MON316 receivers/file-and-inline", () => {
  it("reports url together with urlFile", async () => {
    const { result, line } = await withReceiver(`webhook({ url: "https://hooks.example.com/web", urlFile: "/etc/am/hook" })`, `{ prometheus: "2.42", alertmanager: "0.26" }`);
    expect(ours(result).map((d) => [d.code, d.span?.line, d.message])).toEqual([
      ["MON316", line, 'receiver "web-extra" (webhook) sets both url and urlFile; Alertmanager accepts only one']]);
  });

  it("reports an inline secret next to its file, besides MON111", async () => {
    const { result } = await withReceiver(`slack({ channel: "#web", apiUrlFile: "/etc/am/slack", apiUrl: "https://example.com/x" } as any)`);
    expect(ours(result).map((d) => d.code).sort()).toEqual(["MON111", "MON316"]);
  });
});

describe("MON318 receivers/untemplated-field", () => {
  it("warns about a template in a webhook url", async () => {
    const { result, line } = await withReceiver(`webhook({ url: "https://hooks.example.com/{{ .GroupLabels.alertname }}" })`);
    const found = withCode(result, "MON318");
    expect(found.map((d) => [d.severity, d.span?.line])).toEqual([["warning", line]]);
    expect(found[0].message).toBe('receiver "web-extra" (webhook) option "url" contains a template, but Alertmanager uses url verbatim: "https://hooks.example.com/{{ .GroupLabels.alertname }}"');
  });

  it("accepts templates in options Alertmanager expands", async () => {
    const { result } = await withReceiver(`slack({ channel: "#web-{{ .CommonLabels.service }}", apiUrlFile: "/etc/am/slack" })`);
    expect(ours(result)).toEqual([]);
  });
});
