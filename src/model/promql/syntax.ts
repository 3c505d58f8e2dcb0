// PromQL structure via the official lezer grammar: syntax errors, and whether an expression needs
// parentheses before a comparison is appended to it.

import { parser } from "@prometheus-io/lezer-promql";

export interface SyntaxProblem {
  /** Offset into the expression. */
  readonly offset: number;
  readonly message: string;
}

export function findSyntaxErrors(expr: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  parser.parse(expr).iterate({
    enter(node) {
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
