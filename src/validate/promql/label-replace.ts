import { re2Problem } from "../../model/promql/regex.js";
import { walk } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

const LEGACY_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * ◆ label_replace and label_join with an invalid regex or destination label: the expression
 * parses, so promtool accepts the rule, but every evaluation fails.
 */
export const labelReplace = expressionCheck({
  code: "MON204",
  name: "promql/label-replace",
  severity: "error",
  summary: "◆ label_replace/label_join with an invalid regex or destination label",
  inspect: ({ tree }, { target }) => {
    if (!tree) return [];
    const utf8 = (target?.major ?? 2) >= 3;
    const out: Finding[] = [];
    for (const node of walk(tree)) {
      if (node.kind !== "call" || (node.fn !== "label_replace" && node.fn !== "label_join")) continue;
      const destination = node.args[1];
      if (destination?.kind === "string" && !validLabel(destination.value, utf8)) {
        out.push({
          message: `${node.fn} destination ${JSON.stringify(destination.value)} is not a valid label name${utf8 ? "" : " for Prometheus 2.x"}`,
          hint: utf8 ? "use a non-empty label name that does not start with __ (__name__ is allowed)" : "label names match [a-zA-Z_][a-zA-Z0-9_]* and do not start with __ (__name__ is allowed)",
          at: destination.from,
        });
      }
      const regex = node.fn === "label_replace" ? node.args[4] : undefined;
      const problem = regex?.kind === "string" ? re2Problem(regex.value) : undefined;
      if (regex && problem) {
        out.push({ message: `label_replace regex ${JSON.stringify((regex as { value: string }).value)} is invalid: ${problem}`, hint: "Prometheus uses Go RE2 syntax, anchored at both ends", at: regex.from });
      }
    }
    return out;
  },
});

function validLabel(name: string, utf8: boolean): boolean {
  // Writing __name__ renames the series, a known idiom; other __ labels are reserved for Prometheus.
  if (name === "__name__") return true;
  if (name === "" || name.startsWith("__")) return false;
  return utf8 || LEGACY_LABEL.test(name);
}
