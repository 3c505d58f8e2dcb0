import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf } from "../helpers.js";

describe("MON114 definitions/invalid-duration", () => {
  it.each([
    ["a fractional for", `P2: { op: ">", value: "5%", for: "1.5h" as never }`, "ApiErrors"],
    ["a for with spaces", `P2: { op: ">", value: "5%", for: "5 m" as never }`, "ApiErrors"],
  ])("reports %s at the alert", async (_name, level, needle) => {
    const source = baseProject({
      alerts: `alert.threshold("ApiErrors", { query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"), ${level}, summary: "s" }),`,
    });
    const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
    const found = result.diagnostics.filter((d) => d.code === "MON114");
    expect(found).toHaveLength(1);
    expect(found[0].span?.line).toBe(lineOf(source, needle));
  });

  it("reports a zero repeat interval at the team", async () => {
    const source = baseProject({ escalation: `P1: { notify: ["page"], repeat: "0s" }, P2: { notify: ["chat"] },` });
    const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
    const found = result.diagnostics.filter((d) => d.code === "MON114");
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining("escalation P1 repeat")]);
    expect(found[0].span?.line).toBe(lineOf(source, 'team("web"'));
  });

  it("accepts compound durations such as 1h30m", async () => {
    const source = baseProject({ escalation: `P1: { notify: ["page"], repeat: "1h30m" }, P2: { notify: ["chat"], repeat: "90s" },` });
    const result = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
    expect(result.diagnostics.filter((d) => d.code === "MON114")).toEqual([]);
  });
});
