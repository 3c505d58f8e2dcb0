// The shape of an expression (string contents, metric and label names replaced by filler of the
// same length) must parse to the same tree as the expression itself: moncc parses and lints shapes
// once and reads names and values from the original text at the same offsets.

import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { parser } from "@prometheus-io/lezer-promql";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { shapeOf } from "../../src/model/promql/shape.js";

/** Node names and offsets, without comments (the shape blanks them). */
function structure(expr: string): string[] {
  const out: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name === "LineComment") return false;
      out.push(`${node.name}@${node.from}-${node.to}`);
      return undefined;
    },
  });
  return out;
}

function corpusExpressions(): string[] {
  const root = path.join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "rules");
  if (!fs.existsSync(root)) throw new Error(`the rule corpus is missing: expected ${root}`);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ya?ml$/.test(entry.name)) {
        const doc = parse(fs.readFileSync(file, "utf8")) as { groups?: { rules?: { expr?: unknown }[] }[] } | null;
        for (const group of doc?.groups ?? []) for (const rule of group.rules ?? []) if (typeof rule.expr === "string") out.push(rule.expr);
      }
    }
  };
  walk(root);
  return out;
}

describe("shapeOf", () => {
  it("keeps the parse structure of every expression in the real-world rule corpus", () => {
    const expressions = corpusExpressions();
    expect(expressions.length).toBeGreaterThan(1000);
    for (const expr of expressions) expect(structure(shapeOf(expr)), expr).toEqual(structure(expr));
  });

  it("keeps syntax errors: a colon in a label name stays a colon", () => {
    const broken = "sum by (a:b) (x)";
    const hasError = (expr: string) => structure(expr).some((n) => n.startsWith("⚠"));
    expect(hasError(broken)).toBe(true);
    expect(hasError(shapeOf(broken))).toBe(true);
  });

  it("maps expressions that differ only in names and strings to one shape", () => {
    const a = 'sum by (route) (rate(svc_a_requests_total{code=~"5..", service="a"}[5m])) > 0.05';
    const b = 'sum by (model) (rate(svc_bb_requests_tota{code=~"4..", service="b"}[5m])) > 0.05';
    expect(shapeOf(a)).toBe(shapeOf(b));
    expect(shapeOf(a)).not.toBe(shapeOf(a.replace("rate(", "irate(")));
    expect(shapeOf('x{a=""}')).not.toBe(shapeOf('x{a="b"}'));
  });

  it("keeps the structure when names and strings vary (property)", () => {
    const name = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,12}$/).filter((n) => !/^(by|without|on|ignoring|group_left|group_right|bool|offset|and|or|unless|atan2|inf|nan|start|end|sum|min|max|avg|group|stddev|stdvar|count|count_values|bottomk|topk|quantile|limitk|limit_ratio)$/i.test(n));
    const text = fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s));
    const metricName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_:]{0,12}$/);
    fc.assert(fc.property(metricName, name, name, text, (metric, label, other, value) => {
      const expr = `sum by (${label}) (rate(${metric}{${other}=${value}}[5m] offset 1m)) / on (${label}) group_left max by (${label}) (${metric}) > 0.5`;
      expect(structure(shapeOf(expr))).toEqual(structure(expr));
    }), { numRuns: 300 });
  });
});
