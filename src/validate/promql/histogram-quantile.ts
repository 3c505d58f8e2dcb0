import { walk, type PromqlNode } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

/**
 * histogram_quantile() needs the `le` label of bucket series. Aggregating it away (`sum by (route)`)
 * or feeding other series leaves it nothing to interpolate: the result is empty or NaN.
 */
export const histogramQuantile = expressionCheck({
  code: "MON209",
  name: "promql/histogram-quantile",
  severity: "error",
  summary: "histogram_quantile() over series without the le label, or over non-bucket series",
  inspect: ({ tree }, { catalog, labels }) => {
    if (!tree) return [];
    const out: Finding[] = [];
    for (const node of walk(tree)) {
      if (node.kind !== "call" || node.fn !== "histogram_quantile" || node.args.length < 2) continue;
      const input = node.args[1];
      const inputLabels = labels.labels(input);
      if (inputLabels.exact && !inputLabels.names.has("le")) {
        out.push({
          message: "histogram_quantile() reads series without the le label, so it has no buckets to interpolate and returns nothing",
          hint: "keep le when aggregating: sum by (le) (rate(x_bucket[5m])), or add le to the by() list",
          at: input.from,
        });
        continue;
      }
      // The right side of and/unless only decides which series pass; its values are not read.
      const gates = new Set<PromqlNode>();
      for (const n of walk(input)) if (n.kind === "binary" && (n.op === "and" || n.op === "unless")) for (const g of walk(n.rhs)) gates.add(g);
      for (const inner of walk(input)) {
        if (gates.has(inner)) continue;
        const info = inner.kind === "selector" && inner.name !== undefined ? catalog.lookup(inner.name) : undefined;
        if (info && info.kind !== "recorded" && !info.bucketOf && !info.familyOf) {
          out.push({
            message: `histogram_quantile() reads ${info.declaredAs}, which is not a histogram's bucket series`,
            hint: "pass the rate of a histogram's _bucket series",
            at: inner.from,
          });
        }
      }
    }
    return out;
  },
});
