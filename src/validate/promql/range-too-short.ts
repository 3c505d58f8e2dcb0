import { formatDuration } from "../../dsl/promql.js";
import { TWO_SAMPLE_FUNCTIONS } from "../../model/promql/functions.js";
import { unwrap, walk } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

/**
 * rate() and its kin need two samples in the range. With a range under twice the scrape interval
 * a missed scrape (or unlucky alignment) leaves one, and the series silently disappears.
 */
export const rangeTooShort = expressionCheck({
  code: "MON210",
  name: "promql/range-too-short",
  severity: "error",
  summary: "a rate()-like range shorter than twice the scrape interval",
  inspect: ({ tree }, { catalog }) => {
    if (!tree) return [];
    const out: Finding[] = [];
    const minimum = 2 * catalog.scrapeInterval;
    for (const node of walk(tree)) {
      if (node.kind !== "call" || !TWO_SAMPLE_FUNCTIONS.has(node.fn)) continue;
      const argument = node.args[0] && unwrap(node.args[0]);
      if (argument?.kind !== "matrix" || argument.range.seconds === undefined || argument.range.seconds >= minimum) continue;
      out.push({
        message: `${node.fn}() over [${formatDuration(argument.range.seconds * 1000)}] sees at most ${Math.max(1, Math.floor(argument.range.seconds / catalog.scrapeInterval))} sample(s) at a ${formatDuration(catalog.scrapeInterval * 1000)} scrape interval; it needs two`,
        hint: `use a range of at least ${formatDuration(minimum * 1000)} (2 × the scrape interval), or set project({ scrape: { interval } }) if the scrape interval is shorter`,
        at: argument.range.from,
      });
    }
    return out;
  },
});
