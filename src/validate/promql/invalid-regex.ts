import { re2Problem } from "../../model/promql/regex.js";
import { matchersOf } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

/** A `=~`/`!~` matcher whose value is not a valid RE2 expression: the query fails to run. */
export const invalidRegex = expressionCheck({
  code: "MON205",
  name: "promql/invalid-regex",
  severity: "error",
  summary: "a regex matcher that is not valid RE2",
  inspect: ({ tree }) => {
    if (!tree) return [];
    const out: Finding[] = [];
    for (const matcher of matchersOf(tree)) {
      const problem = matcher.op === "=~" || matcher.op === "!~" ? re2Problem(matcher.value) : undefined;
      if (!problem) continue;
      out.push({
        message: `matcher ${matcher.label}${matcher.op}${JSON.stringify(matcher.value)} is not a valid regex: ${problem}`,
        hint: "Prometheus uses Go RE2 syntax, anchored at both ends; escape literal characters with a backslash",
        at: matcher.valueAt.from,
      });
    }
    return out;
  },
});
