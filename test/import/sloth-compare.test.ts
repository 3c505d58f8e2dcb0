// The comparator itself: it must see through formatting and catch real differences.

import { describe, expect, it } from "vitest";
import { compareExpressions, compareRuleFiles } from "./sloth-compare.js";

const file = (expr: string, labels = "a: x") => `groups:\n- name: g\n  rules:\n  - record: r:x:y\n    expr: ${JSON.stringify(expr)}\n    labels: {${labels}}\n`;

describe("semantic rule comparison", () => {
  it("ignores whitespace, redundant parentheses, matcher order and float spelling", () => {
    expect(compareExpressions("((sum(rate(a{x=\"1\",y=\"2\"}[5m]))))\n/\n(b)", "sum(rate(a{y=\"2\", x=\"1\"}[5m])) / b")).toBeUndefined();
    expect(compareExpressions("vector(1-0.9990000000000001)", "vector(1 - 0.9990000000000001)")).toBeUndefined();
    expect(compareExpressions("x > (14.4 * 0.0009999999999999432)", "x > (1.44e1 * 0.0009999999999999432)")).toBeUndefined();
    expect(compareExpressions("x > (5.6 * 0.01)", "x > (5.6000000000000005 * 0.01)")).toBeUndefined();
  });

  it("catches a different number, selector, operator or grouping", () => {
    expect(compareExpressions("x > (14.4 * 0.001)", "x > (14.4 * 0.0009999999999999432)")).toMatch(/0\.001 ≠ 0\.0009999999999999432/);
    expect(compareExpressions("a{x=\"1\"}", "a{x=\"2\"}")).toBeDefined();
    expect(compareExpressions("a / b", "a * b")).toBeDefined();
    expect(compareExpressions("(a - b) / c", "a - b / c")).toBeDefined();
    expect(compareExpressions("max(a) without (w)", "max(a) by (w)")).toBeDefined();
  });

  it("compares labels as maps and reports missing rules", () => {
    expect(compareRuleFiles([file("a")], [file("a")])).toEqual([]);
    expect(compareRuleFiles([file("a", "a: x, b: y")], [file("a")])).toEqual(["g / record r:x:y: labels: extra b=\"y\""]);
    expect(compareRuleFiles(["groups: []\n"], [file("a")])).toEqual(["group g: only in Sloth"]);
  });
});
