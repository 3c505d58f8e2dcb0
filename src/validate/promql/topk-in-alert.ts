import { unwrap, walk } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

const SELECTING = new Set(["topk", "bottomk", "limitk", "limit_ratio"]);

/**
 * topk() in an alert picks different series from one evaluation to the next: alerts resolve and
 * re-fire as the ranking shifts, and `for` never completes for the series that keep swapping.
 */
export const topkInAlert = expressionCheck({
  code: "MON218",
  name: "promql/topk-in-alert",
  severity: "warning",
  silenceable: true,
  summary: "topk()/bottomk() in an alert, whose series change between evaluations",
  inspect: ({ tree, role }) => {
    if (!tree || role !== "alert") return [];
    const out: Finding[] = [];
    for (const node of walk(tree)) {
      if (node.kind !== "aggregate" || !SELECTING.has(node.op)) continue;
      // topk by (...) (1, x) keeps one series per group: a common way to drop duplicates before a
      // join, stable as long as the groups are.
      const k = node.param && unwrap(node.param);
      if (node.op === "topk" && node.grouping?.mode === "by" && k?.kind === "number" && k.value === 1) continue;
      out.push({
        message: `${node.op}() in an alert: the selected series change between evaluations, so alerts flap and \`for\` restarts`,
        hint: "alert on every series over the threshold, and use topk() in dashboards",
        at: node.from,
      });
    }
    return out;
  },
});
