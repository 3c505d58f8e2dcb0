// Stable ids: every generated object has one unique id, derived from names rather than from order,
// and the manifest maps it to the file holding it and to its source span.

import { describe, expect, it } from "vitest";
import { compile } from "../../src/pipeline.js";
import { baseProject, compileFiles } from "../helpers.js";

interface Entry { id: string; kind: string; name: string; file: string; source: string | null; sha256: string }

const manifestOf = (files: { path: string; content: string }[]) =>
  JSON.parse(files.find((f) => f.path === "manifest.json")!.content) as { version: number; objects: Entry[] };

describe("manifest ids", () => {
  it("are unique, sorted, and cover alerts, recording rules, routes, receivers and inhibit rules", async () => {
    const result = await compile("examples/ai-platform");
    const { version, objects } = manifestOf(result.files!);
    expect(version).toBe(1);
    const ids = objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(objects.map((o) => o.kind))).toEqual(new Set(["alert", "recording", "route", "receiver", "inhibit-rule", "time-interval", "dashboard"]));
    const alertRules = result.model!.services.flatMap((s) => s.alerts.flatMap((a) => a.rules));
    const slos = result.model!.services.flatMap((s) => s.slos);
    const sloAlerts = slos.reduce((n, slo) => n + (slo.page ? 1 : 0) + (slo.ticket ? 1 : 0) + (slo.noDataFor ? 1 : 0), 0);
    const monitorAlerts = result.model!.services.reduce((n, s) => n + (s.monitors?.length ?? 0), 0);
    expect(slos.length).toBeGreaterThan(0);
    expect(monitorAlerts).toBeGreaterThan(0);
    expect(objects.filter((o) => o.kind === "alert")).toHaveLength(alertRules.length + sloAlerts + monitorAlerts);
    for (const entry of objects) {
      expect(entry.source, entry.id).toMatch(/^[\w./-]+\.ts:\d+:\d+$/);
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(result.files!.some((f) => f.path === entry.file), entry.id).toBe(true);
    }
  });

  it("name alerts by service, alert and severity, independent of declaration order", async () => {
    const first = `alert.threshold("ApiErrors", { query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"), P1: "> 5%", P2: "> 1%", summary: "s", runbook: "https://r" }),
    alert.threshold("ApiMemory", { query: memory.value(), P2: "> 1GiB", summary: "s" }),`;
    const swapped = `alert.threshold("ApiMemory", { query: memory.value(), P2: "> 1GiB", summary: "s" }),
    alert.threshold("ApiErrors", { query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"), P1: "> 5%", P2: "> 1%", summary: "s", runbook: "https://r" }),`;
    const a = manifestOf((await compileFiles({ "moncc.config.ts": baseProject({ alerts: first }) })).files!);
    const b = manifestOf((await compileFiles({ "moncc.config.ts": baseProject({ alerts: swapped }) })).files!);
    const alertIds = (m: typeof a) => m.objects.filter((o) => o.kind === "alert").map((o) => o.id);
    expect(alertIds(a)).toEqual(["alert/api/ApiErrors/P1", "alert/api/ApiErrors/P2", "alert/api/ApiMemory/P2"]);
    expect(alertIds(b)).toEqual(alertIds(a));
    const hashes = (m: typeof a) => Object.fromEntries(m.objects.filter((o) => o.kind === "alert").map((o) => [o.id, o.sha256]));
    expect(hashes(b)).toEqual(hashes(a));
  });

  it("change an object's hash when, and only when, its content changes", async () => {
    const base = manifestOf((await compileFiles({ "moncc.config.ts": baseProject() })).files!);
    const edited = manifestOf((await compileFiles({ "moncc.config.ts": baseProject().replace('P1: "> 5% for 5m"', 'P1: "> 6% for 5m"') })).files!);
    const hash = (m: typeof base, id: string) => m.objects.find((o) => o.id === id)!.sha256;
    expect(hash(edited, "alert/api/ApiHighErrorRate/P1")).not.toBe(hash(base, "alert/api/ApiHighErrorRate/P1"));
    expect(hash(edited, "alert/api/ApiHighErrorRate/P2")).toBe(hash(base, "alert/api/ApiHighErrorRate/P2"));
    expect(hash(edited, "receiver/web-chat")).toBe(hash(base, "receiver/web-chat"));
  });
});
