import { re2Problem } from "../../model/promql/regex.js";
import { walk } from "../../model/promql/tree.js";
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
    for (const node of walk(tree)) {
      if (node.kind !== "selector") continue;
      for (const matcher of node.matchers) {
        if (matcher.op !== "=~" && matcher.op !== "!~") continue;
        const problem = re2Problem(matcher.value);
        if (problem) {
          out.push({
            message: `matcher ${matcher.label}${matcher.op}${JSON.stringify(matcher.value)} is not a valid regex: ${problem}`,
            hint: "Prometheus uses Go RE2 syntax, anchored at both ends; escape literal characters with a backslash",
            at: matcher.valueAt.from,
          });
        }
      }
    }
    return out;
  },
});
