import { matchersOf } from "../../model/promql/tree.js";
import { expressionCheck } from "./expressions.js";

/** Glob or regex syntax in a value that is compared literally: `*`, `.*`, `5..`, `a|b`, `[0-9]`. */
const PATTERN_LIKE = /^\*|\*$|\.\*|\.\+|\.\.|\.\{\d|\w\|\w|\[[^\]]+\]/;

/**
 * ◆ `alertname="*"` or `job="api.*"`: an equality matcher compares literally, so a glob or regex
 * in it matches nothing (or, with `!=`, everything). PromQL accepts it without complaint.
 */
export const equalityRegex = expressionCheck({
  code: "MON206",
  name: "promql/equality-regex",
  severity: "warning",
  silenceable: true,
  summary: "◆ an equality matcher whose value looks like a glob or regex",
  inspect: ({ tree }) => {
    if (!tree) return [];
    return [...matchersOf(tree)]
      .filter((matcher) => (matcher.op === "=" || matcher.op === "!=") && PATTERN_LIKE.test(matcher.value))
      .map((matcher) => ({
        message: `matcher ${matcher.label}${matcher.op}${JSON.stringify(matcher.value)} compares literally, but the value looks like a pattern`,
        hint: `to match a pattern write ${matcher.label}${matcher.op === "=" ? "=~" : "!~"}${JSON.stringify(matcher.value === "*" ? ".*" : matcher.value)}; if the value really contains these characters, silence this warning with ignore: { MON206: "why" }`,
        at: matcher.from,
      }));
  },
});
