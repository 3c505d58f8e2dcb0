import { valueType } from "../../model/promql/tree.js";
import { expressionCheck } from "./expressions.js";

/** ◆ A rule must evaluate to an instant vector (or a scalar, for recordings); promtool accepts the rest. */
export const ruleResultType = expressionCheck({
  code: "MON203",
  name: "promql/rule-result-type",
  severity: "error",
  summary: "◆ a rule whose expression evaluates to a range vector or a string",
  inspect: ({ tree, role }) => {
    if (!tree || role === "slo") return [];
    const type = valueType(tree);
    if (type === "matrix") {
      return [{
        message: "the expression is a range vector; a rule's result must be an instant vector, and Prometheus fails this rule at every evaluation",
        hint: "wrap the range in a function over time, e.g. rate(x[5m]) or max_over_time(x[5m])",
        at: tree.from,
      }];
    }
    if (type === "string") {
      return [{ message: "the expression is a string; a rule's result must be an instant vector", hint: "query a metric; strings are only function arguments", at: tree.from }];
    }
    return [];
  },
});
