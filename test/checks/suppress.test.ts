// Per-definition suppression: `ignore: { CODE: "reason" }` on a service, alert or SLO silences a
// silenceable warning about that definition; invalid entries are MON117, unused ones MON118.

import { describe, expect, it } from "vitest";
import { buildRoutingTree } from "../../src/model/routing.js";
import { lowTrafficSlo } from "../../src/validate/policy/low-traffic-slo.js";
import { slowEvaluationInterval } from "../../src/validate/policy/slow-evaluation-interval.js";
import { runChecks } from "../../src/validate/registry.js";
import { baseProject, compileFiles, lineOf, withCode, type BaseProjectParts } from "../helpers.js";

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  return { source, result: await compileFiles({ "moncc.config.ts": source }) };
}

const lowTrafficSloWith = (options: string) =>
  `slos: [slo.latency("requests-fast", { histogram: latency, threshold: "200ms", objective: "99%", traffic: "5/h", alerting: { runbook: "https://r.example.com/slo" }, ${options} })],`;

describe("ignore silences policy warnings of its own definition", () => {
  it("silences MON601 on the SLO, and the build has no diagnostics at all", async () => {
    const { result } = await compileBase({ serviceExtra: lowTrafficSloWith(`ignore: { MON601: "batch scoring runs hourly; one failed run is worth a page" }`) });
    expect(result.diagnostics).toEqual([]);
    expect(result.files?.length).toBeGreaterThan(0);
  });

  it("silences MON603 on the service", async () => {
    const { result } = await compileBase({ serviceExtra: `interval: "10m", ignore: { MON603: "daily report rules; nothing reads them at instant resolution" },` });
    expect(result.diagnostics).toEqual([]);
  });

  it("does not reach from a service to its SLOs: MON601 stays, and the service's entry is unused", async () => {
    const { source, result } = await compileBase({ serviceExtra: `${lowTrafficSloWith("")}\n  ignore: { MON601: "low traffic" },` });
    expect(result.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([
      ["MON118", lineOf(source, 'const api = service("api"')],
      ["MON601", lineOf(source, "slo.latency(")],
    ]);
    expect(withCode(result, "MON118")[0].message).toBe('service "api": ignore entry MON601 silences nothing; MON601 reports no problem here');
    expect(withCode(result, "MON118")[0].severity).toBe("warning");
  });
});

describe("MON117 definitions/invalid-ignore", () => {
  it("rejects an entry for an error, which is still reported", async () => {
    const { source, result } = await compileBase({
      serviceExtra: `slos: [slo.latency("requests-fast", { histogram: latency, threshold: "300ms", objective: "99%", ignore: { MON108: "bucket comes next sprint" } })],`,
    });
    const line = lineOf(source, "slo.latency(");
    expect(result.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([["MON108", line], ["MON117", line]]);
    expect(withCode(result, "MON117")[0].message).toBe('SLO "api-requests-fast": ignore entry MON108 (definitions/threshold-not-bucket) is an error that cannot be silenced');
    const hint = withCode(result, "MON117")[0].hint!;
    expect(hint).toMatch(/^only these warnings can be silenced: .*MON601, MON602, MON603.*; fix the definition instead$/);
    expect(hint).not.toContain("MON108");
  });

  it("rejects a warning whose check is not silenceable", async () => {
    const { result } = await compileBase({ serviceExtra: `ignore: { MON302: "spare receiver" },` });
    expect(withCode(result, "MON117").map((d) => d.message)).toEqual([
      'service "api": ignore entry MON302 (alertmanager/unused-receiver) is a warning that cannot be silenced',
    ]);
  });

  it("rejects an unknown code, at the alert that holds it", async () => {
    const { source, result } = await compileBase({
      alerts: `alert.threshold("ApiHighErrorRate", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P2: "> 1% for 10m",
      summary: "API error rate is high",
      ignore: { MON699: "noisy" },
    }),`,
    });
    expect(withCode(result, "MON117").map((d) => [d.span?.line, d.subject, d.message])).toEqual([
      [lineOf(source, 'alert.threshold("ApiHighErrorRate"'), "alert api/ApiHighErrorRate", 'alert "ApiHighErrorRate": ignore entry MON699 is not a moncc check code'],
    ]);
  });

  it.each([
    ["an empty reason", `""`],
    ["a blank reason", `"  "`],
    ["a reason that is not a string", `true as any`],
  ])("rejects %s, and the warning stays", async (_name, reason) => {
    const { result } = await compileBase({ serviceExtra: lowTrafficSloWith(`ignore: { MON601: ${reason} }`) });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["MON117", "MON601"]);
    expect(withCode(result, "MON117")[0].message).toBe('SLO "api-requests-fast": ignore entry silencing MON601 needs a reason');
  });
});

describe("an ignore of the wrong shape", () => {
  it("is MON004 at the service, not a list of one-letter codes", async () => {
    const { source, result } = await compileBase({ serviceExtra: `ignore: "MON603" as any,` });
    expect(result.diagnostics.map((d) => [d.code, d.span?.line, d.message])).toEqual([
      ["MON004", lineOf(source, 'const api = service("api"'), "service api: ignore must map check codes to reasons"],
    ]);
  });
});

describe("MON118 definitions/unused-ignore", () => {
  it("reports an entry whose problem was fixed", async () => {
    const { source, result } = await compileBase({ serviceExtra: lowTrafficSloWith(`minEvents: 7, ignore: { MON601: "batch scoring runs hourly" }`) });
    expect(result.diagnostics.map((d) => [d.code, d.span?.line, d.severity])).toEqual([["MON118", lineOf(source, "slo.latency("), "warning"]]);
  });

  it("is not raised for a check that did not run", async () => {
    const { result } = await compileBase({ serviceExtra: lowTrafficSloWith(`ignore: { MON601: "batch scoring runs hourly" }`) });
    const model = result.model!;
    const context = { model, routes: buildRoutingTree(model), sources: result.sources };
    expect(runChecks(context, [slowEvaluationInterval])).toEqual([]);
    // And the entry still silences when its check is the only one that runs.
    expect(runChecks(context, [lowTrafficSlo])).toEqual([]);
  });
});
