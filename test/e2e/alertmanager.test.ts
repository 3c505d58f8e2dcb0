// The generated Alertmanager config in a real Alertmanager: every generated alert lands on the
// receivers its team's policy names, and a firing P0 or P1 inhibits the lower severities of the same
// alert and service, but not of another service.

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { compile } from "../../src/pipeline.js";
import type { Model } from "../../src/model/schema.js";
import { tempDir } from "../helpers.js";
import { startAlertmanager, type RunningServer } from "./servers.js";

interface ApiAlert {
  labels: Record<string, string>;
  receivers: { name: string }[];
  status: { state: string; inhibitedBy: string[] };
}

let server: RunningServer;
let model: Model;

beforeAll(async () => {
  const result = await compile("examples/ai-platform");
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const out = tempDir("moncc-am-e2e-");
  writeOutputAtomically(out, result.files!);
  model = result.model!;
  server = await startAlertmanager(path.join(out, "alertmanager/alertmanager.yml"));
});

afterAll(async () => {
  await server?.stop();
});

async function post(alerts: Record<string, string>[]): Promise<void> {
  const body = alerts.map((labels) => ({ labels, annotations: { summary: "e2e" }, startsAt: new Date().toISOString() }));
  const response = await fetch(`${server.url}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status, await response.text()).toBe(200);
}

async function alerts(): Promise<ApiAlert[]> {
  const response = await fetch(`${server.url}/api/v2/alerts`);
  return (await response.json()) as ApiAlert[];
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}\n${server.log().slice(-2000)}`);
}

describe("generated alertmanager.yml in a real Alertmanager", () => {
  it("loads and routes every generated alert to its team's receivers for that severity", async () => {
    const cases = model.services.flatMap((s) => s.alerts.flatMap((a) => a.rules.map((r) => ({ ...r.labels, alertname: a.name, e2e: "routing" }))));
    await post(cases);
    const seen = await waitFor(async () => {
      const list = (await alerts()).filter((a) => a.labels.e2e === "routing");
      return list.length === cases.length ? list : undefined;
    }, "all posted alerts");
    for (const alert of seen) {
      const team = model.teams.find((t) => t.name === alert.labels.team)!;
      const step = team.escalation.find((s) => s.severity === alert.labels.severity)!;
      const custom = team.routes.filter((r) => r.matchers.every((m) => m.op === "=" && alert.labels[m.label] === m.value)).flatMap((r) => r.notify);
      const expected = [...custom, ...step.notify].map((key) => `${team.name}-${key}`).sort();
      expect(alert.receivers.map((r) => r.name).sort(), JSON.stringify(alert.labels)).toEqual(expected);
    }
  });

  it("inhibits lower severities of the same alert and service while a P0 fires", async () => {
    const service = model.services.find((s) => s.alerts.length > 0)!;
    const other = model.services.find((s) => s !== service)!;
    const base = { alertname: "E2eInhibition", team: service.owner, e2e: "inhibition" };
    await post([
      { ...base, service: service.name, severity: "P0" },
      { ...base, service: service.name, severity: "P2" },
      { ...base, service: other.name, team: other.owner, severity: "P2" },
    ]);
    const list = await waitFor(async () => {
      const found = (await alerts()).filter((a) => a.labels.e2e === "inhibition");
      return found.length === 3 && found.some((a) => a.status.state === "suppressed") ? found : undefined;
    }, "inhibition to take effect");
    const state = (svc: string, severity: string) => list.find((a) => a.labels.service === svc && a.labels.severity === severity)!.status;
    expect(state(service.name, "P0").state).toBe("active");
    expect(state(service.name, "P2").state).toBe("suppressed");
    expect(state(service.name, "P2").inhibitedBy.length).toBe(1);
    expect(state(other.name, "P2").state).toBe("active");
  });
});
