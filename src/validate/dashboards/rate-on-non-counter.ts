import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { report, type Check } from "../check.js";
import { counterFunctionOnGauge } from "../promql/counter-function-on-gauge.js";
import { promqlContext, type CheckedExpression } from "../promql/expressions.js";
import { subjectOf } from "../suppress.js";
import { dashboardQueries, dashboardSeries } from "./queries.js";

/**
 * The dashboard-linter's "rate only on counters", decided from the typed declarations as the rule
 * check MON207 does it: rate(), irate(), increase() or resets() on a gauge, and a classic
 * histogram read by its family name, which has no series.
 */
export const rateOnNonCounter: Check = {
  code: "MON709",
  name: "dashboards/rate-on-non-counter",
  severity: "error",
  summary: "rate()/increase() on a gauge, or a histogram read by its family name, in a dashboard query",
  run: (context) => {
    const out: Diagnostic[] = [];
    const promql = promqlContext(context);
    for (const query of dashboardQueries(context)) {
      if (!query.tree) continue;
      const { catalog } = dashboardSeries(context, query.dashboard);
      // MON207 reads only the expression's tree and the catalog; a dashboard query has no rule role.
      const expression = { expr: query.expr, grammar: query.grammar, tree: query.tree, toOriginal: query.toOriginal } as Partial<CheckedExpression> as CheckedExpression;
      for (const finding of counterFunctionOnGauge.inspect(expression, { ...promql, catalog })) {
        out.push(report(rateOnNonCounter, `${query.where}: ${finding.message}`,
          finding.at === undefined ? query.span : query.locate(query.toOriginal(finding.at)), finding.hint, subjectOf.dashboard(query.dashboard)));
      }
    }
    return out;
  },
};
