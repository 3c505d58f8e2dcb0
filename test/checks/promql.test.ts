// MON201 promql/syntax: expressions that do not parse, located inside the promql`...` template.

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, positionOf, withCode, type BaseProjectParts } from "../helpers.js";

async function compileBase(parts: BaseProjectParts) {
  const source = baseProject(parts);
  const result = await compileFiles({ "moncc.config.ts": source });
  return { source, result };
}

/** An alert on raw PromQL; `template` is the text between the backticks, as it appears in the fixture. */
function rawAlert(name: string, template: string): string {
  return `alert.threshold("${name}", {
      query: promql\`${template}\`,
      P2: "> 1",
      summary: "Raw PromQL",
    }),`;
}

function spanOf(result: Awaited<ReturnType<typeof compileFiles>>) {
  const found = withCode(result, "MON201");
  expect(found).toHaveLength(1);
  const { file, line, column } = found[0].span ?? {};
  return { file, line, column, message: found[0].message };
}

describe("MON201 promql/syntax", () => {
  it("points at the offending token inside a one-line template, after an interpolation", async () => {
    const { source, result } = await compileBase({ alerts: rawAlert("ApiRaw", "sum(rate(${requests}[5m])) by (code) / / 2") });
    const at = spanOf(result);
    // The second "/" of "/ / 2".
    expect({ line: at.line, column: at.column }).toEqual(positionOf(source, "/ / 2", 2));
    expect(at.file).toBe("moncc.config.ts");
    expect(at.message).toContain("alert api/ApiRaw: PromQL syntax error");
  });

  it("points at the right line and column of a multi-line template", async () => {
    const { source, result } = await compileBase({
      alerts: rawAlert("ApiRaw", `sum by (code) (
        rate(\${requests}[5m])
      )) / 2`),
    });
    const at = spanOf(result);
    // The second ")" of ")) / 2", two lines below the template's first line.
    expect({ line: at.line, column: at.column }).toEqual(positionOf(source, ")) / 2", 1));
    expect(at.line).toBe(positionOf(source, "promql`sum by (code) (").line + 2);
  });

  it("counts escapes in the template source, not in the expression", async () => {
    // In the fixture the matcher is written 5\\d\\d; the expression holds 5\d\d (two characters fewer).
    const { source, result } = await compileBase({
      alerts: rawAlert("ApiRaw", 'sum(rate(http_requests_total{code=~"5\\\\d\\\\d"}[5m])) ) + 1'),
    });
    expect(source).toContain('code=~"5\\\\d\\\\d"');
    const at = spanOf(result);
    expect({ line: at.line, column: at.column }).toEqual(positionOf(source, " ) + 1", 1));
  });

  it("points after an interpolated query when the error follows it", async () => {
    const { source, result } = await compileBase({
      alerts: rawAlert("ApiRaw", '${latency.quantile(0.99, "5m")} * * 1000'),
    });
    const at = spanOf(result);
    expect({ line: at.line, column: at.column }).toEqual(positionOf(source, "* * 1000", 2));
  });

  it("reports an unfinished expression in a recording rule at the closing backtick", async () => {
    const { source, result } = await compileBase({
      serviceExtra: "rules: [record(\"job:http_requests:rate5m\", promql`sum by (code) (rate(${requests}[5m])`)],",
    });
    const at = spanOf(result);
    expect({ line: at.line, column: at.column }).toEqual(positionOf(source, "[5m])`)]", 5));
    expect(at.message).toContain("recording rule job:http_requests:rate5m: PromQL syntax error");
  });

  it("accepts valid templates and renders interpolations into the expression", async () => {
    const { result } = await compileBase({
      alerts: rawAlert("ApiRaw", 'sum by (code) (rate(${requests.where({ code: "5xx" })}[5m])) / ${2}'),
      serviceExtra: "rules: [record(\"job:http_requests:rate5m\", promql`sum by (code) (rate(${requests}[5m]))`)],",
    });
    expect(withCode(result, "MON201")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    const rules = result.files?.find((f) => f.path === "prometheus/rules/api.yml")?.content ?? "";
    expect(rules).toContain('expr: sum by (code) (rate(http_requests_total{code="5xx"}[5m])) / 2 > 1');
  });
});
