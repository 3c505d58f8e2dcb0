import { findSyntaxErrors } from "../../model/promql/syntax.js";
import { expressionCheck } from "./expressions.js";

/** Every expression must parse; errors point into the TS template string. */
export const promqlSyntax = expressionCheck({
  code: "MON201",
  name: "promql/syntax",
  severity: "error",
  summary: "a PromQL expression that does not parse",
  inspect: (expression) => {
    if (expression.tree) return [];
    const problem = findSyntaxErrors(expression.grammar)[0];
    if (!problem) return [];
    return [{ message: `PromQL syntax error: ${problem.message}`, hint: `the expression is: ${expression.expr}`, at: problem.offset }];
  },
});
