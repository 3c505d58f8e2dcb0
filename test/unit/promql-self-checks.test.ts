// moncc lints its own output: a generated rule that does not parse or type-check is a MON900 bug
// report at its definition, never a rule file shipped to Prometheus. A PromQL check that crashes is
// reported the same way, naming the expression, instead of stopping the build with a stack trace.

import { describe, expect, it } from "vitest";
import type { GeneratedObject } from "../../src/generators/artifact.js";
import { generateAll } from "../../src/generators/index.js";
import { compile } from "../../src/pipeline.js";
import { checkGeneratedExpressions } from "../../src/validate/promql/generated.js";

const span = { file: "moncc.config.ts", line: 7, column: 3 };
const rule = (expr: string): GeneratedObject => ({ id: "alert/api/X/P1", kind: "alert", name: "X", file: "f.yml", span, content: { alert: "X", expr } });

describe("checkGeneratedExpressions", () => {
  it("reports a generated expression that does not parse, at its definition", () => {
    const found = checkGeneratedExpressions([rule("sum(rate(x[5m]) > 1")]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "MON900", span, subject: "alert/api/X/P1" });
    expect(found[0].message).toContain("sum(rate(x[5m]) > 1");
  });

  it("reports a generated expression that parses but is ill-typed", () => {
    expect(checkGeneratedExpressions([rule("rate(x) > 1")]).map((d) => d.code)).toEqual(["MON900"]);
  });

  it("accepts every rule generated for the examples, including SLO burn-rate rules and holt_winters for 2.x", async () => {
    for (const example of ["examples/ai-platform", "examples/minimal"]) {
      const result = await compile(example, { validateOnly: true });
      const objects = generateAll(result.model!).objects;
      expect(objects.filter((o) => o.kind === "alert" || o.kind === "recording").length).toBeGreaterThan(example.endsWith("ai-platform") ? 50 : 0);
      expect(checkGeneratedExpressions(objects)).toEqual([]);
    }
    expect(checkGeneratedExpressions([rule("holt_winters(x[1h], 0.5, 0.5) > 1")])).toEqual([]);
  });
});

describe("a PromQL check that throws", () => {
  it("becomes MON900 naming the expression, and the other expressions are still checked", async () => {
    const { expressionCheck } = await import("../../src/validate/promql/expressions.js");
    const { buildRoutingTree } = await import("../../src/model/routing.js");
    const result = await compile("examples/minimal", { validateOnly: true });
    const model = result.model!;
    let calls = 0;
    const exploding = expressionCheck({
      code: "MON299", name: "promql/exploding", severity: "error", summary: "test only",
      inspect: () => {
        calls += 1;
        throw new Error("boom");
      },
    });
    const found = exploding.run({ model, routes: buildRoutingTree(model), sources: result.sources });
    expect(found.length).toBe(calls);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ code: "MON900" });
    expect(found[0].message).toMatch(/internal error in check MON299 \(promql\/exploding\) on (alert|slo|recording rule) .*: boom/);
    expect(found[0].span?.file).toBe("moncc.config.ts");
  });
});
