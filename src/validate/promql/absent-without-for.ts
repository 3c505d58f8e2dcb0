import { walk } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

/**
 * absent() is true for one evaluation whenever a scrape is late or a target restarts. Without
 * `for`, every blip pages.
 */
export const absentWithoutFor = expressionCheck({
  code: "MON217",
  name: "promql/absent-without-for",
  severity: "warning",
  silenceable: true,
  summary: "an alert on absent() without a `for` duration",
  inspect: ({ tree, alert }) => {
    if (!tree || !alert) return [];
    const absent = [...walk(tree)].find((n) => n.kind === "call" && (n.fn === "absent" || n.fn === "absent_over_time"));
    if (!absent) return [];
    const out: Finding[] = [];
    for (const rule of alert.rules) {
      if (rule.for && !/^0+[a-z]*$/.test(rule.for)) continue;
      out.push({
        message: `${rule.severity} alerts on absent() without \`for\`: one late scrape or target restart fires it`,
        hint: `add a duration, e.g. "${rule.op} ${rule.threshold.raw} for 10m"`,
        at: absent.from,
      });
    }
    return out;
  },
});
