import { it } from "vitest";
import { compile } from "../src/pipeline.js";
it("x", async () => {
  for (const ex of ["examples/ai-platform", "examples/minimal"]) {
    const r = await compile(ex);
    for (const d of r.diagnostics) console.log(ex, d.code, d.span?.file, d.span?.line, d.message);
  }
});
