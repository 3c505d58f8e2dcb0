import { MAX_DURATION_MS } from "../../dsl/promql.js";
import { lintExpression } from "../../model/promql/lint.js";
import { matchesEmpty } from "../../model/promql/regex.js";
import { walk, type PromqlNode } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

/**
 * Type errors found by the Prometheus project's PromQL linter: unknown functions, wrong argument
 * counts or types, range vectors in binary operators, comparisons of scalars without `bool`,
 * grouping modifiers on set operators, selectors that match everything.
 */
export const promqlTypeError = expressionCheck({
  code: "MON202",
  name: "promql/type-error",
  severity: "error",
  summary: "a PromQL expression that parses but is ill-typed (functions, arguments, operators)",
  inspect: (expression) => {
    if (!expression.tree) return [];
    const problems: Finding[] = lintExpression(expression.grammar).map((problem) => ({
      message: problem.message,
      hint: hintFor(problem.message),
      at: problem.from,
    }));
    // The linter only looks at literal empty values; Prometheus also rejects regexes that match "".
    for (const node of walk(expression.tree)) {
      if (!matchesEverything(node) || problems.some((p) => p.at === node.from)) continue;
      problems.push({ message: "vector selector must contain at least one non-empty matcher", hint: hintFor("non-empty matcher"), at: node.from });
    }
    for (const node of walk(expression.tree)) {
      const durations = node.kind === "matrix" ? [node.range] : node.kind === "subquery" ? [node.range, node.step] : node.kind === "offset" ? [node.offset] : [];
      for (const duration of durations) {
        if (duration?.seconds === undefined || Math.abs(duration.seconds) * 1000 <= MAX_DURATION_MS) continue;
        problems.push({ message: "duration out of range: Prometheus durations are 64-bit nanosecond counts (about 292 years)", hint: "write a realistic duration", at: duration.from });
      }
    }
    for (const node of walk(expression.tree)) {
      if (node.kind !== "offset" && node.kind !== "at") continue;
      const target = node.expr;
      if (target.kind === "selector" || target.kind === "matrix" || target.kind === "subquery" || target.kind === "offset" || target.kind === "at") continue;
      const modifier = node.kind === "offset" ? "offset" : "@";
      problems.push({
        message: `${modifier} must follow a selector or subquery, not ${describe(target)}`,
        hint: `move ${modifier} onto the selector inside, e.g. sum(rate(x[5m] ${modifier === "offset" ? "offset 1h" : "@ end()"}))`,
        at: node.from,
      });
    }
    return problems;
  },
});

function hintFor(message: string): string {
  if (message.includes("BOOL")) return "compare scalars with `bool` (e.g. `1 > bool 0`), or compare a vector instead";
  if (message.includes("expected type matrix")) return "pass a range vector, e.g. rate(x[5m]) rather than rate(x)";
  if (message.includes("set operations")) return "and/or/unless always match many-to-many: drop group_left/group_right";
  if (message.includes("non-empty matcher")) return "add a metric name or a matcher that does not match the empty string";
  if (message.includes("argument")) return "check the function's signature in the Prometheus documentation";
  return "see https://prometheus.io/docs/prometheus/latest/querying/ for the operator and function types";
}

/** A selector without a metric name whose every matcher also matches an absent label. */
function matchesEverything(node: PromqlNode): boolean {
  if (node.kind !== "selector" || node.name !== undefined) return false;
  return node.matchers.every((m) => (m.op === "=" && m.value === "") || (m.op === "=~" && matchesEmpty(m.value)) || (m.op === "!=" && m.value !== "") || (m.op === "!~" && !matchesEmpty(m.value)));
}

function describe(node: PromqlNode): string {
  switch (node.kind) {
    case "call": return `a call of ${node.fn}()`;
    case "aggregate": return `an aggregation (${node.op})`;
    case "binary": return "a binary expression";
    case "paren": return "a parenthesized expression";
    default: return `a ${node.kind}`;
  }
}
