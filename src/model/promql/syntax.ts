// PromQL structure via the official lezer grammar: syntax errors, and whether an expression needs
// parentheses before a comparison is appended to it.

import type { SyntaxNode, Tree } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";

export interface SyntaxProblem {
  /** Offset into the expression. */
  readonly offset: number;
  readonly message: string;
}

export function findSyntaxErrors(expr: string): SyntaxProblem[] {
  return syntaxErrorsOf(parser.parse(expr), expr);
}

/** Error nodes, and what the grammar accepts but Prometheus does not: `sum()` without an argument. */
export function syntaxErrorsOf(tree: Tree, expr: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  tree.iterate({
    enter(node) {
      if (node.name === "AggregateExpr") {
        const body = node.node.getChild("FunctionCallBody");
        const op = node.node.getChild("AggregateOp");
        const hasArgument = body ? [...childrenOf(body)].some((c) => c.name !== "LineComment") : false;
        if (!hasArgument && op) problems.push({ offset: node.from, message: `${expr.slice(op.from, op.to)}() needs an expression to aggregate` });
      }
      if (!node.type.isError) return;
      const near = expr.slice(node.from, Math.max(node.to, node.from + 12)).split("\n")[0];
      problems.push({
        offset: node.from,
        message: node.from >= expr.length ? "unexpected end of expression" : `unexpected input near "${near}"`,
      });
    },
  });
  return problems;
}

/** Binary operators that bind more loosely than a comparison, or are comparisons themselves. */
const LOOSE_OPERATORS = new Set(["And", "Or", "Unless", "Gtr", "Gte", "Lss", "Lte", "Eql", "Neq"]);

/** `a or b` followed by `> 1` would compare only `b`; such expressions get parentheses. */
export function needsParentheses(expr: string): boolean {
  let answer = parenthesesCache.get(expr);
  if (answer === undefined) {
    answer = hasLooseTopOperator(expr);
    parenthesesCache.set(expr, answer);
  }
  return answer;
}

/** All severities of an alert share one expression; parse it once. */
const parenthesesCache = new Map<string, boolean>();

function hasLooseTopOperator(expr: string): boolean {
  let top = parser.parse(expr).topNode.firstChild;
  while (top && top.name === "LineComment") top = top.nextSibling;
  if (!top || top.name !== "BinaryExpr") return false;
  for (let child = top.firstChild; child; child = child.nextSibling) {
    if (LOOSE_OPERATORS.has(child.name)) return true;
  }
  return false;
}

function* childrenOf(node: SyntaxNode): Generator<SyntaxNode> {
  for (let child = node.firstChild; child; child = child.nextSibling) yield child;
}
