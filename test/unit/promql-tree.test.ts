// The PromQL model helpers behind the MON2xx checks: the typed syntax tree, string literals, value
// ranges and the RE2 validation.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { re2Problem, matchesEmpty } from "../../src/model/promql/regex.js";
import type { SeriesCatalog } from "../../src/model/promql/series.js";
import { unquote } from "../../src/model/promql/strings.js";
import { syntaxTree, unwrap, walk, type NodeOf, type PromqlNode } from "../../src/model/promql/tree.js";
import { conditionOutcome, valueRange, type ValueRange } from "../../src/model/promql/values.js";
import type { Comparison } from "../../src/model/schema.js";

function tree(expr: string): PromqlNode {
  const parsed = syntaxTree(expr);
  if (!parsed) throw new Error(`does not parse: ${expr}`);
  return parsed;
}

function first<K extends PromqlNode["kind"]>(expr: string, kind: K): NodeOf<K> {
  const found = [...walk(tree(expr))].find((n): n is NodeOf<K> => n.kind === kind);
  if (!found) throw new Error(`no ${kind} in ${expr}`);
  return found;
}

describe("syntaxTree", () => {
  it("reads matchers with their operators, unquoted values and positions", () => {
    const expr = 'http_requests_total{code=~"5..", route!="/health", job="api"}';
    const selector = first(expr, "selector");
    expect(selector.name).toBe("http_requests_total");
    expect(selector.matchers.map((m) => [m.label, m.op, m.value])).toEqual([["code", "=~", "5.."], ["route", "!=", "/health"], ["job", "=", "api"]]);
    const code = selector.matchers[0];
    expect(expr.slice(code.from, code.to)).toBe('code=~"5.."');
    expect(expr.slice(code.valueAt.from, code.valueAt.to)).toBe('"5.."');
  });

  it("takes the metric name from a __name__ matcher and from a quoted UTF-8 name", () => {
    expect(first('{__name__="up", job="api"}', "selector").name).toBe("up");
    const quoted = first('{"process.memory.bytes", "k8s.pod"="a"}', "selector");
    expect([quoted.name, quoted.quotedName, quoted.matchers[0].label, quoted.matchers[0].quotedLabel]).toEqual(["process.memory.bytes", true, "k8s.pod", true]);
  });

  it("reads literal durations in seconds and marks arithmetic", () => {
    expect(first("rate(x[5m])", "matrix").range).toMatchObject({ seconds: 300, arithmetic: false });
    expect(first("rate(x[1h30m])", "matrix").range).toMatchObject({ seconds: 5400, arithmetic: false });
    expect(first("rate(x[5m * 2])", "matrix").range).toMatchObject({ seconds: undefined, arithmetic: true });
    const subquery = first("max_over_time(rate(x[5m])[1h:30s])", "subquery");
    expect([subquery.range.seconds, subquery.step?.seconds]).toEqual([3600, 30]);
  });

  it("reads a negative offset as a negative literal, not as arithmetic", () => {
    const offset = first("x offset -5m", "offset");
    expect([offset.negative, offset.offset.seconds, offset.offset.arithmetic]).toEqual([true, -300, false]);
    const positive = first("x offset 1w", "offset");
    expect([positive.negative, positive.offset.seconds]).toEqual([false, 604800]);
  });

  it("reads grouping and vector matching with group_left labels", () => {
    const binary = first("a / on (instance) group_left (version) b", "binary");
    expect(binary.matching).toMatchObject({ mode: "on", labels: ["instance"], group: { side: "left", labels: ["version"] } });
    const aggregate = first("sum without (code) (x)", "aggregate");
    expect(aggregate.grouping).toMatchObject({ mode: "without", labels: ["code"] });
    const count = first('count_values("v", x)', "aggregate");
    expect(count.param).toMatchObject({ kind: "string", value: "v" });
  });

  it("reads comparisons with bool and ignores comments", () => {
    const top = unwrap(tree("(x > bool 1) # a comment"));
    expect(top).toMatchObject({ kind: "binary", op: ">", bool: true });
  });

  it("returns undefined for expressions that do not parse", () => {
    expect(syntaxTree("sum(rate(x[5m])")).toBeUndefined();
    expect(syntaxTree("rate(x[5x])")).toBeUndefined();
  });
});

describe("unquote", () => {
  it("decodes Go escapes in double- and single-quoted literals", () => {
    expect(unquote(String.raw`"a\nb\t\"c\""`)).toBe('a\nb\t"c"');
    expect(unquote(String.raw`'it\'s'`)).toBe("it's");
    expect(unquote(String.raw`"\x41\101\u00e9\U0001F600"`)).toBe("AAé😀");
    expect(unquote(String.raw`"5\\d\\d"`)).toBe(String.raw`5\d\d`);
  });

  it("keeps backslashes of backtick raw strings", () => {
    expect(unquote("`5\\d\\d`")).toBe(String.raw`5\d\d`);
  });
});

const counters: SeriesCatalog = {
  lookup: (name) => (name === "requests_total" ? { name, kind: "counter", labels: [], declaredAs: `counter ${name}` } : undefined),
  targetLabels: [],
  scrapeInterval: 60,
};

const rangeOf = (expr: string) => valueRange(tree(expr), counters);

describe("valueRange", () => {
  it("bounds counters, rates, counts, bool comparisons and absent()", () => {
    expect(rangeOf("requests_total")).toEqual({ min: 0, max: Infinity });
    expect(rangeOf("rate(memory[5m])")).toEqual({ min: 0, max: Infinity });
    expect(rangeOf("memory > bool 1e9")).toEqual({ min: 0, max: 1 });
    expect(rangeOf("count(memory)")).toEqual({ min: 1, max: Infinity });
    expect(rangeOf("absent(memory)")).toEqual({ min: 1, max: 1 });
    expect(rangeOf("memory")).toEqual({ min: -Infinity, max: Infinity });
  });

  it("follows negation, arithmetic and clamps", () => {
    expect(rangeOf("-rate(x[5m])")).toEqual({ min: -Infinity, max: -0 });
    expect(rangeOf("rate(x[5m]) - 5")).toEqual({ min: -5, max: Infinity });
    expect(rangeOf("clamp(memory, 0, 100)")).toEqual({ min: 0, max: 100 });
    expect(rangeOf("sum(rate(a[5m])) / 60")).toEqual({ min: 0, max: Infinity });
    // A divisor that may be 0 gives +Inf or NaN, so the quotient is left unbounded.
    expect(rangeOf("sum(rate(a[5m])) / sum(rate(b[5m]))")).toEqual({ min: -Infinity, max: Infinity });
    expect(rangeOf("max(memory) > 5")).toEqual({ min: -Infinity, max: Infinity });
  });
});

const holds = (value: number, op: Comparison, threshold: number): boolean => {
  switch (op) {
    case ">": return value > threshold;
    case ">=": return value >= threshold;
    case "<": return value < threshold;
    case "<=": return value <= threshold;
    case "==": return value === threshold;
    case "!=": return value !== threshold;
  }
};

const bound = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(-Infinity, Infinity));
const ranges = fc.tuple(bound, bound).map(([a, b]): ValueRange => ({ min: Math.min(a, b), max: Math.max(a, b) }))
  .filter((r) => r.min !== Infinity && r.max !== -Infinity);
const ops = fc.constantFrom<Comparison>(">", ">=", "<", "<=", "==", "!=");
const thresholds = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));

/** Values inside the range: both ends and a point between them. */
function samples(range: ValueRange, t: number): number[] {
  const finite = (n: number) => Number.isFinite(n);
  const low = finite(range.min) ? range.min : Math.min(-1e9, range.max, t - 1);
  const high = finite(range.max) ? range.max : Math.max(1e9, range.min, t + 1);
  const inside = [range.min, range.max, low + (high - low) * t ** 2 / (1 + t ** 2)];
  // The threshold itself, when the range contains it: the boundary cases of >= and ==.
  if (t >= range.min && t <= range.max) inside.push(t);
  return inside.filter((v) => v >= range.min && v <= range.max);
}

describe("conditionOutcome", () => {
  it("'always' means the comparison holds for every value in the range", () => {
    fc.assert(fc.property(ranges, ops, thresholds, (range, op, t) => {
      fc.pre(conditionOutcome(range, op, t) === "always");
      for (const v of samples(range, t)) expect(holds(v, op, t), `${v} ${op} ${t} in [${range.min}, ${range.max}]`).toBe(true);
    }), { numRuns: 2000 });
  });

  it("'never' means the comparison holds for no value in the range", () => {
    fc.assert(fc.property(ranges, ops, thresholds, (range, op, t) => {
      fc.pre(conditionOutcome(range, op, t) === "never");
      for (const v of samples(range, t)) expect(holds(v, op, t), `${v} ${op} ${t} in [${range.min}, ${range.max}]`).toBe(false);
    }), { numRuns: 2000 });
  });

  it("'depends' on a range with a value on each side of the threshold", () => {
    expect(conditionOutcome({ min: 0, max: Infinity }, ">", 5)).toBe("depends");
    expect(conditionOutcome({ min: 0, max: Infinity }, ">=", 0)).toBe("always");
    expect(conditionOutcome({ min: 0, max: Infinity }, "<", 0)).toBe("never");
    expect(conditionOutcome({ min: 0, max: 1 }, "==", 2)).toBe("never");
    expect(conditionOutcome({ min: 0, max: 1 }, ">", Number.NaN)).toBe("depends");
  });
});

describe("re2Problem", () => {
  it("accepts RE2 spellings JavaScript lacks", () => {
    for (const pattern of ["5..", "(?i)/api/.*", "(?P<version>v[0-9]+)", "[[:digit:]]+", String.raw`\pL+`, "(?s:a.b)", String.raw`\Aabc\z`, "a|b|"]) {
      expect(re2Problem(pattern), pattern).toBeUndefined();
    }
  });

  it("rejects syntax errors and constructs RE2 does not have", () => {
    expect(re2Problem("api(")).toBeDefined();
    expect(re2Problem("(?!test).*")).toBe("lookahead and lookbehind are not supported by RE2");
    expect(re2Problem("(?<=a)b")).toBe("lookahead and lookbehind are not supported by RE2");
    expect(re2Problem(String.raw`(a)\1`)).toBe("backreferences are not supported by RE2");
    expect(re2Problem("(?>a)")).toBe("atomic groups are not supported by RE2");
    expect(re2Problem("a++")).toBe("possessive quantifiers are not supported by RE2");
  });

  it("tells which anchored patterns match the empty string", () => {
    expect([".*", "a|", "(?i)x*"].map(matchesEmpty)).toEqual([true, true, true]);
    expect([".+", "5..", "api("].map(matchesEmpty)).toEqual([false, false, false]);
  });
});
