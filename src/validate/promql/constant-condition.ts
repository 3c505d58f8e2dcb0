import { formatNumber } from "../../dsl/promql.js";
import { conditionOutcome, isComparison, valueRange, type ValueRange } from "../../model/promql/values.js";
import { unwrap, walk, type PromqlNode } from "../../model/promql/tree.js";
import type { Comparison } from "../../model/schema.js";
import { expressionCheck, type Finding } from "./expressions.js";
import { readsNoSeries } from "./no-series.js";

/**
 * ◆ An alert whose condition cannot change: `rate(x[5m]) >= 0`, `(x > bool 1) < 2`, `count(x) > 0`
 * fire whenever the series exist; `rate(x[5m]) < 0` never fires. promtool accepts them all. A query
 * without any series is MON219's finding.
 */
export const constantCondition = expressionCheck({
  code: "MON216",
  name: "promql/constant-condition",
  severity: "error",
  summary: "◆ an alert that always fires or can never fire",
  inspect: ({ tree, alert, role }, { catalog }) => {
    if (!tree || role !== "alert") return [];
    if (readsNoSeries(tree)) return [];
    const conditions = alert
      ? alert.rules.filter((r) => r.threshold.value !== undefined).map((r) => ({ label: `${r.severity} condition`, query: tree, op: r.op, value: r.threshold.value! }))
      : topComparison(tree);
    const out: Finding[] = [];
    for (const condition of conditions) {
      const range = valueRange(condition.query, catalog);
      const outcome = conditionOutcome(range, condition.op, condition.value);
      if (outcome === "depends" || (outcome === "always" && (signalsAbsence(condition.query) || filters(condition.query)))) continue;
      const what = `${condition.label} \`${condition.op} ${formatNumber(condition.value)}\``;
      out.push(outcome === "always"
        ? { message: `${what} holds for every value the query can take (${describe(range)}), so the alert fires whenever the series exist`, hint: "compare against a threshold inside the query's range, or alert on absent() if existence is the point", at: condition.query.from }
        : { message: `${what} can never hold: the query only takes values ${describe(range)}`, hint: "check the comparison's direction and the threshold's unit", at: condition.query.from });
    }
    return out;
  },
});

/** absent() returns 1 exactly when something is missing: its existence is the signal. */
function signalsAbsence(query: PromqlNode): boolean {
  const top = unwrap(query);
  return top.kind === "call" && (top.fn === "absent" || top.fn === "absent_over_time");
}

/** `count(x < 1) > 0` holds whenever a series exists, but a filter makes which series exist the signal. */
function filters(query: PromqlNode): boolean {
  return [...walk(query)].some((n) => n.kind === "binary" && ((isComparison(n.op) && !n.bool) || n.op === "and" || n.op === "unless"));
}

/** A bare rule's `query op number` condition. */
function topComparison(tree: PromqlNode): { label: string; query: PromqlNode; op: Comparison; value: number }[] {
  const top = unwrap(tree);
  if (top.kind !== "binary" || top.bool || !isComparison(top.op)) return [];
  const rhs = unwrap(top.rhs);
  return rhs.kind === "number" ? [{ label: "condition", query: top.lhs, op: top.op, value: rhs.value }] : [];
}

function describe(range: ValueRange): string {
  const end = (n: number) => (n === Infinity ? "+Inf" : n === -Infinity ? "-Inf" : formatNumber(n));
  return range.min === range.max ? `only ${end(range.min)}` : `from ${end(range.min)} to ${end(range.max)}`;
}
