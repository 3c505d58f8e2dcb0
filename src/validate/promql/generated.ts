// moncc checks its own output: every generated rule expression (alert conditions with their
// thresholds, SLO burn-rate and recording rules) must parse and type-check. A failure here is a
// moncc bug, reported as MON900 at the definition it came from instead of shipping a broken rule.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { GeneratedObject } from "../../generators/artifact.js";
import { findSyntaxErrors } from "../../model/promql/syntax.js";
import { grammarText } from "../../model/promql/compat.js";
import { lintExpression } from "../../model/promql/lint.js";
import { shapeOf } from "../../model/promql/shape.js";

export function checkGeneratedExpressions(objects: readonly GeneratedObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const object of objects) {
    if (object.kind !== "alert" && object.kind !== "recording") continue;
    const expr = (object.content as { expr?: unknown }).expr;
    if (typeof expr !== "string") continue;
    const grammar = grammarText(expr).text;
    const problem = problemOf(shapeOf(grammar)) && problemOf(grammar);
    if (!problem) continue;
    out.push({
      code: "MON900", severity: "error", span: object.span, subject: object.id,
      message: `moncc generated an invalid expression for ${object.id}: ${problem}; the expression is: ${expr}`,
      hint: "this is a moncc bug; please report it with the definition",
    });
  }
  return out;
}

/** Most generated rules share a shape with many others; a clean shape needs no second look. */
const shapeProblems = new Map<string, string | undefined>();

function problemOf(text: string): string | undefined {
  if (shapeProblems.has(text)) return shapeProblems.get(text);
  const problem = findSyntaxErrors(text)[0]?.message ?? lintExpression(text)[0]?.message;
  shapeProblems.set(text, problem);
  return problem;
}
