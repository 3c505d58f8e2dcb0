import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { walk, type Duration, type PromqlNode } from "../../model/promql/tree.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";
import { dashboardQueries } from "./queries.js";

/** The dashboard-linter's rate-interval rule covers these; an *_over_time() window is usually a deliberate baseline. */
const RANGE_FUNCTIONS = new Set(["rate", "irate", "increase"]);

/**
 * The dashboard-linter's rate-interval rule: a fixed window in a panel's rate() is either too short
 * for a zoomed-out step (gaps, missed spikes) or too long for a zoomed-in one. Panels that show a
 * definition's own expression (an alert's, an SLO's) keep its window.
 */
export const rateInterval: Check = {
  code: "MON707",
  name: "dashboards/rate-interval",
  severity: "warning",
  silenceable: true,
  summary: "a fixed range in a panel's rate(), irate() or increase() instead of $__rate_interval",
  run: (context) => {
    const out: Diagnostic[] = [];
    for (const query of dashboardQueries(context)) {
      if (!query.tree || !query.panel) continue;
      for (const node of walk(query.tree)) {
        if (node.kind !== "call" || !RANGE_FUNCTIONS.has(node.fn)) continue;
        // A subquery's range is of a query moncc cannot judge; only plain range selectors count.
        const range = node.args.map(rangeSelector).find((r) => r !== undefined);
        if (!range) continue;
        const from = query.toOriginal(range.from);
        const to = query.toOriginal(range.to);
        // $__rate_interval, $__interval, $__range, or a window the dashboard lets the viewer pick.
        if (query.uses.some((use) => use.from < to && from < use.to)) continue;
        const written = query.expr.slice(from, to);
        out.push(report(rateInterval,
          `${query.where}: ${node.fn}() over a fixed [${written}] window, which does not follow the dashboard's zoom`,
          query.locate(from),
          node.fn === "increase"
            ? "use [$__rate_interval] for a value per step, or [$__range] for one over the whole time range"
            : "use [$__rate_interval]: at least four scrape intervals at any zoom",
          subjectOf.dashboard(query.dashboard)));
      }
    }
    return out;
  },
};

/** The range of a plain range selector argument (offset and @ included). */
function rangeSelector(node: PromqlNode): Duration | undefined {
  if (node.kind === "matrix") return node.range;
  if (node.kind === "offset" || node.kind === "at" || node.kind === "paren") return rangeSelector(node.expr);
  return undefined;
}
