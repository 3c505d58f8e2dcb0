import type { LabelSet } from "../../model/promql/labels.js";
import { matchesEmpty } from "../../model/promql/regex.js";
import { walk } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

/**
 * ◆ A label used where the series cannot have it: `by (route)` after `sum by (code)` threw it
 * away, `on (model)` against series without it, a matcher on a label the metric does not declare.
 * PromQL accepts all of these; the result is silently empty or collapsed into one series.
 */
export const missingLabel = expressionCheck({
  code: "MON212",
  name: "promql/missing-label",
  severity: "error",
  summary: "◆ grouping, joining or matching on a label the series do not have",
  inspect: ({ tree }, { labels, catalog }) => {
    if (!tree) return [];
    const out: Finding[] = [];
    const missing = (set: LabelSet, label: string) => set.exact && !set.names.has(label);
    const have = (set: LabelSet) => (set.names.size === 0 ? "no labels" : `only ${[...set.names].sort().join(", ")}`);
    for (const node of walk(tree)) {
      if (node.kind === "aggregate" && node.grouping?.mode === "by") {
        const input = labels.labels(node.expr);
        for (const label of node.grouping.labels) {
          if (!missing(input, label)) continue;
          out.push({
            message: `${node.op} by (${label}): the aggregated series have no label ${label} (they have ${have(input)})`,
            hint: `keep ${label} in the inner aggregation's by() list, or group by a label the series have`,
            at: node.grouping.from,
          });
        }
      }
      if (node.kind === "binary" && node.matching) {
        const sides = [["left", labels.labels(node.lhs)], ["right", labels.labels(node.rhs)]] as const;
        if (node.matching.mode === "on") {
          for (const label of node.matching.labels) {
            for (const [side, set] of sides) {
              if (!missing(set, label)) continue;
              out.push({
                message: `on (${label}): the ${side}-hand series have no label ${label} (they have ${have(set)}), so nothing matches`,
                hint: `match on labels both sides carry`,
                at: node.matching.from,
              });
            }
          }
        }
        const group = node.matching.group;
        if (group) {
          const one = group.side === "left" ? sides[1][1] : sides[0][1];
          for (const label of group.labels) {
            if (!missing(one, label)) continue;
            out.push({
              message: `group_${group.side} (${label}) copies label ${label} from series that do not have it (they have ${have(one)})`,
              hint: `name labels of the ${group.side === "left" ? "right" : "left"}-hand side in group_${group.side}()`,
              at: node.matching.from,
            });
          }
        }
      }
      if (node.kind === "call" && node.fn === "label_replace" && node.args[3]?.kind === "string") {
        const source = node.args[3].value;
        const input = node.args[0] ? labels.labels(node.args[0]) : undefined;
        if (source !== "" && input && missing(input, source)) {
          out.push({ message: `label_replace reads label ${source}, which the series do not have (they have ${have(input)})`, hint: "read a label the series carry", at: node.args[3].from });
        }
      }
      if (node.kind === "selector" && node.name !== undefined) {
        const info = catalog.lookup(node.name);
        if (!info?.labels) continue;
        const known = new Set([...info.labels, ...(info.kind === "recorded" ? [] : catalog.targetLabels), "__name__"]);
        for (const matcher of node.matchers) {
          if (known.has(matcher.label)) continue;
          const selectsNothing = (matcher.op === "=" && matcher.value !== "") || (matcher.op === "=~" && !matchesEmpty(matcher.value));
          if (!selectsNothing) continue;
          out.push({
            message: `matcher ${matcher.label}${matcher.op}${JSON.stringify(matcher.value)}: ${info.declaredAs} has no label ${matcher.label}, so the selector matches nothing`,
            hint: `${info.declaredAs} has labels ${[...known].filter((l) => l !== "__name__").sort().join(", ") || "none"}; declare ${matcher.label} on the metric if the series carry it`,
            at: matcher.from,
          });
        }
      }
    }
    return out;
  },
});
