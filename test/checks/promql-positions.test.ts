// PromQL findings point at the token: inside a promql`` template, and inside a plain string literal
// such as an SLO's errorRatio, where its {{.window}} placeholders do not shift the column.

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, withCode } from "../helpers.js";

describe("positions of PromQL findings in string literals", () => {
  it("points at the column of the error in an SLO's errorRatio, after {{.window}} placeholders", async () => {
    const source = baseProject({
      serviceExtra: `slos: [slo.raw("requests-ok", {
      errorRatio: 'sum(rate(http_requests_total{code="5xx"}[{{.window}}])) / sum by (route) (sum by (code) (rate(http_requests_total[{{.window}}])))',
      objective: "99%",
    })],`,
    });
    const result = await compileFiles({ "moncc.config.ts": source });
    const found = withCode(result, "MON212");
    expect(found).toHaveLength(1);
    // The outer `by (route)` reads a label the inner `sum by (code)` dropped.
    const line = source.split("\n").findIndex((l) => l.includes("errorRatio:")) + 1;
    const column = source.split("\n")[line - 1].indexOf("by (route)") + 1;
    expect(found[0].span).toMatchObject({ line, column });
    expect(found[0].message).toContain("sum by (route)");
  });
});
