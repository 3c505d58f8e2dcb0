// Cases found in review: each once reported wrongly, twice, or crashed.

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf } from "../helpers.js";

describe("review regressions", () => {
  it("an escalation that notifies nobody is MON004 at the team, not a silent fall-through", async () => {
    const source = baseProject({ escalation: `P1: { notify: [] }, P2: { notify: ["chat"] },` });
    const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
    const found = result.diagnostics.filter((d) => d.code === "MON004");
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining("escalation P1 notifies no receiver")]);
    expect(found[0].span?.line).toBe(lineOf(source, 'team("web"'));
  });

  it("a null time interval from plain JS is MON004, not a crash", async () => {
    const source = baseProject({ projectExtra: "timeIntervals: [null as never]," });
    const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["MON004"]);
  });

  it("an invalid metric name used by two services is reported once, at its declaration", async () => {
    const source = baseProject({
      head: `const bad = gauge("queue-depth", { help: "Depth.", unit: "count", labels: [] });`,
      alerts: `alert.threshold("QueueDeep", { query: bad.value(), P2: "> 100", summary: "s" }),`,
      serviceExtra: "",
      projectExtra: "",
    }).replace("services: [api],", `services: [api, service("worker", { owner: web, alerts: [alert.threshold("WorkerQueueDeep", { query: bad.value(), P2: "> 10", summary: "s" })] })],`);
    const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
    const found = result.diagnostics.filter((d) => d.code === "MON103");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, 'gauge("queue-depth"')]);
  });

  it("promql templates keep backslashes as typed, so regex escapes reach PromQL", async () => {
    const source = baseProject({
      alerts: "alert.threshold(\"ApiServerErrors\", { query: promql`sum(rate(${requests.where({})}[5m]))`.withUnit(\"requests\"), P2: \"> 1\", summary: \"s\" }),",
    }).replace("${requests.where({})}", 'http_requests_total{code=~\"5\\\\d\\\\d\"}');
    const result = await compileFiles({ "moncc.config.ts": source });
    expect(result.diagnostics).toEqual([]);
    const rules = result.files!.find((f) => f.path === "prometheus/rules/api.yml")!.content;
    expect(rules).toContain('http_requests_total{code=~"5\\\\d\\\\d"}');
  });
});
