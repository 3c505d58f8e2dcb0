// A crash inside a generator is a MON900 that names the definition being generated and points at it.

import { describe, expect, it } from "vitest";
import { SubjectError, withSubject } from "../../src/diagnostics/subject.js";
import { generateOutput } from "../../src/pipeline.js";
import { baseProject, compileFiles, lineOf } from "../helpers.js";

describe("withSubject", () => {
  it("tags an exception with the innermost definition and keeps its message", () => {
    const span = { file: "moncc.config.ts", line: 3, column: 5 };
    let caught: unknown;
    try {
      withSubject("service api", undefined, () => withSubject("alert api/Slow", span, () => {
        throw new TypeError("x is undefined");
      }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SubjectError);
    expect(caught).toMatchObject({ subject: "alert api/Slow", span, message: "x is undefined" });
    expect((caught as SubjectError).original).toBeInstanceOf(TypeError);
  });

  it("returns the value of work that does not throw", () => {
    expect(withSubject("team web", undefined, () => 42)).toBe(42);
  });
});

describe("generateOutput", () => {
  it("reports a generator crash as MON900 naming the alert, at the alert's line", async () => {
    const source = baseProject();
    const compiled = await compileFiles({ "moncc.config.ts": source }, { validateOnly: true });
    expect(compiled.model).toBeDefined();
    const model = compiled.model!;
    const rule = model.services[0].alerts[0].rules[0];
    Object.defineProperty(rule, "labels", { get: () => { throw new Error("labels exploded"); } });

    const output = generateOutput(model);
    expect(output.files).toBeUndefined();
    expect(output.diagnostics).toEqual([expect.objectContaining({
      code: "MON900",
      severity: "error",
      subject: "alert api/ApiHighErrorRate",
      message: "internal error while generating output for alert api/ApiHighErrorRate: labels exploded",
      span: expect.objectContaining({ file: "moncc.config.ts", line: lineOf(source, 'alert.threshold("ApiHighErrorRate"') }),
      stack: expect.stringContaining("labels exploded"),
    })]);
  });
});
