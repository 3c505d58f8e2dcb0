import { COUNTER_SAFE_FUNCTIONS, GAUGE_FUNCTIONS } from "../../model/promql/functions.js";
import { selectorOf, walk, type PromqlNode } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

/**
 * A counter read by its raw value: its value only says how much happened since the process
 * started, and it drops to zero at every restart. A counter belongs inside rate() or increase().
 */
export const rawCounter = expressionCheck({
  code: "MON208",
  name: "promql/raw-counter",
  severity: "warning",
  silenceable: true,
  summary: "a counter used without rate() or increase(), or under a gauge function",
  inspect: ({ tree }, { catalog }) => {
    if (!tree) return [];
    const out: Finding[] = [];
    const safe = new Set<PromqlNode>();
    for (const node of walk(tree)) {
      const shielded =
        (node.kind === "call" && COUNTER_SAFE_FUNCTIONS.has(node.fn)) ||
        (node.kind === "aggregate" && (node.op === "count" || node.op === "group"));
      if (shielded) for (const inner of walk(node)) safe.add(inner);
      // Only labels of the right side of and/unless matter, never its values.
      if (node.kind === "binary" && (node.op === "and" || node.op === "unless")) for (const inner of walk(node.rhs)) safe.add(inner);
      if (node.kind === "call" && GAUGE_FUNCTIONS.has(node.fn)) {
        const selector = node.args[0] && selectorOf(node.args[0]);
        const info = selector?.name === undefined ? undefined : catalog.lookup(selector.name);
        if (selector && info?.kind === "counter") {
          out.push({ message: `${node.fn}() on ${info.declaredAs}: ${node.fn}() is for gauges and reads every counter reset as a drop`, hint: "use rate() or increase() on counters", at: node.from });
          for (const inner of walk(selector)) safe.add(inner);
        }
      }
    }
    for (const node of walk(tree)) {
      if (node.kind !== "selector" || safe.has(node) || node.name === undefined) continue;
      const info = catalog.lookup(node.name);
      if (info?.kind !== "counter") continue;
      out.push({
        message: `${node.name} (${info.declaredAs}) is a counter read by its raw value, which only counts since the process started and drops to zero at every restart`,
        hint: `use rate(${node.name}[5m]) or increase(${node.name}[1h])`,
        at: node.from,
      });
    }
    return out;
  },
});
