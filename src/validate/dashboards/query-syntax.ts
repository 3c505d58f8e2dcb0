import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { lintExpression } from "../../model/promql/lint.js";
import { findSyntaxErrors } from "../../model/promql/syntax.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";
import { dashboardQueries } from "./queries.js";

/**
 * Every panel and variable query parses as PromQL once Grafana's variables stand for what they
 * expand to; a variable query is one of the forms Grafana's Prometheus datasource knows.
 */
export const dashboardQuerySyntax: Check = {
  code: "MON701",
  name: "dashboards/query-syntax",
  severity: "error",
  summary: "a dashboard panel or variable query that does not parse as PromQL, Grafana variables substituted",
  run: (context) => {
    const out: Diagnostic[] = [];
    for (const query of dashboardQueries(context)) {
      const subject = subjectOf.dashboard(query.dashboard);
      if (query.malformed !== undefined) {
        out.push(report(dashboardQuerySyntax, `${query.where}: ${query.malformed}`, query.span,
          `the query is: ${query.expr}`, subject));
        continue;
      }
      const syntax = query.tree ? undefined : findSyntaxErrors(query.grammar)[0];
      const problem = syntax
        ? { message: `PromQL syntax error: ${syntaxMessage(syntax.message, query.expr, query.toOriginal(syntax.offset))}`, at: syntax.offset }
        : lintProblem(query.grammar);
      if (!problem) continue;
      out.push(report(dashboardQuerySyntax, `${query.where}: ${problem.message}`, query.locate(query.toOriginal(problem.at)),
        `the query is: ${query.expr}${query.uses.length > 0 ? " (Grafana variables stand in as durations in [ ] and after offset, names in label lists and metric names, numbers elsewhere)" : ""}`, subject));
    }
    return out;
  },
};

/** The parser quotes the text it read; quote what the user wrote, variables and all. */
function syntaxMessage(message: string, expr: string, at: number): string {
  return message.startsWith("unexpected input near") ? `unexpected input near "${expr.slice(at, at + 12).split("\n")[0]}"` : message;
}

/** What the grammar accepts but Prometheus refuses: unknown functions, wrong argument types. */
function lintProblem(grammar: string): { message: string; at: number } | undefined {
  const problem = lintExpression(grammar)[0];
  return problem ? { message: `PromQL error: ${problem.message}`, at: problem.from } : undefined;
}
