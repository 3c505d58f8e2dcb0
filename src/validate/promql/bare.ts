// The PromQL checks on one expression outside any project, as in a plain Prometheus rule file:
// no metric declarations, so the checks that need kinds or labels stay silent.

import { grammarText } from "../../model/promql/compat.js";
import { parseVersion } from "../../model/promql/features.js";
import { LabelFlow } from "../../model/promql/labels.js";
import type { SeriesCatalog } from "../../model/promql/series.js";
import { syntaxTree } from "../../model/promql/tree.js";
import type { Severity } from "../../diagnostics/diagnostic.js";
import type { CheckedExpression, ExpressionCheck, PromqlContext } from "./expressions.js";
import { PROMQL_CHECKS } from "./index.js";

export interface BareFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly hint: string;
  /** Offset into the expression, when the finding has a position. */
  readonly offset: number | undefined;
}

export interface BareOptions {
  readonly prometheus: string;
  readonly features?: readonly string[];
  /** Seconds (default 60). */
  readonly scrapeInterval?: number;
}

export function inspectBareExpression(expr: string, role: "alert" | "record", options: BareOptions): BareFinding[] {
  const catalog: SeriesCatalog = { lookup: () => undefined, targetLabels: [], scrapeInterval: options.scrapeInterval ?? 60 };
  const context: PromqlContext = {
    expressions: [], catalog, labels: new LabelFlow(catalog),
    target: parseVersion(options.prometheus), targetText: options.prometheus, features: options.features ?? [],
  };
  const grammar = grammarText(expr);
  const expression: CheckedExpression = {
    role, expr, grammar: grammar.text, tree: syntaxTree(grammar.text), toOriginal: grammar.toOriginal,
    holtWinters: grammar.holtWinters, subject: `${role} expression`, span: undefined, locate: () => undefined,
  };
  return PROMQL_CHECKS.filter((c): c is ExpressionCheck => "inspect" in c).flatMap((check) =>
    check.inspect(expression, context).map((f) => ({
      code: check.code, severity: check.severity, message: f.message, hint: f.hint,
      offset: f.at === undefined ? undefined : grammar.toOriginal(f.at),
    })));
}
