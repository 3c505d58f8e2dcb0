import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf } from "../helpers.js";

describe("base fixture", () => {
  it("compiles without diagnostics", async () => {
    const result = await compileFiles({ "moncc.config.ts": baseProject() });
    expect(result.diagnostics).toEqual([]);
    expect(result.files?.map((f) => f.path)).toContain("prometheus/rules/api.yml");
  });

  it("reports a unit mismatch at the alert's line", async () => {
    const source = baseProject({
      alerts: `alert.threshold("HighMemory", { query: memory.value(), P2: "> 200ms for 5m", summary: "s" }),`,
    });
    const result = await compileFiles({ "moncc.config.ts": source });
    const diagnostic = result.diagnostics.find((d) => d.code === "MON107");
    expect(diagnostic?.span?.line).toBe(lineOf(source, "HighMemory"));
    expect(diagnostic?.span?.file).toBe("moncc.config.ts");
  });
});
