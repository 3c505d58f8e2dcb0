import { COUNTER_FUNCTIONS } from "../../model/promql/functions.js";
import { unwrap, walk } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

/**
 * rate(sum(x)[5m:]): summing counters before rate() hides each counter's resets, so one restart
 * looks like a huge drop (and rate reads it as a reset of the sum). Take rate() first, then sum.
 */
export const rateOfAggregation = expressionCheck({
  code: "MON211",
  name: "promql/rate-of-aggregation",
  severity: "error",
  summary: "rate()/increase() over a subquery that aggregates or computes",
  inspect: ({ tree }) => {
    if (!tree) return [];
    const out: Finding[] = [];
    for (const node of walk(tree)) {
      if (node.kind !== "call" || !COUNTER_FUNCTIONS.has(node.fn)) continue;
      const argument = node.args[0] && unwrap(node.args[0]);
      if (argument?.kind !== "subquery") continue;
      const inner = unwrap(argument.expr);
      if (inner.kind !== "aggregate" && inner.kind !== "binary") continue;
      out.push({
        message: `${node.fn}() over a subquery of ${inner.kind === "aggregate" ? `${inner.op}(...)` : "an arithmetic expression"}: counter resets of the inputs are lost before ${node.fn}() can correct them`,
        hint: `apply ${node.fn}() to each counter first, then aggregate: sum(${node.fn}(x[5m]))`,
        at: node.from,
      });
    }
    return out;
  },
});
