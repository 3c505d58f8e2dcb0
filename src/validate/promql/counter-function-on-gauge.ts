import { COUNTER_FUNCTIONS } from "../../model/promql/functions.js";
import { selectorOf, walk } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

/**
 * rate(), irate(), increase() and resets() on a series declared as a gauge, and any use of a
 * classic histogram's family name, which has no series of its own.
 */
export const counterFunctionOnGauge = expressionCheck({
  code: "MON207",
  name: "promql/counter-function-on-gauge",
  severity: "error",
  summary: "rate()/increase() on a gauge, or a histogram read by its family name",
  inspect: ({ tree }, { catalog }) => {
    if (!tree) return [];
    const out: Finding[] = [];
    for (const node of walk(tree)) {
      if (node.kind === "selector" && node.name !== undefined) {
        const family = catalog.lookup(node.name)?.familyOf;
        if (family) {
          out.push({
            message: `histogram ${family.name} has no series named ${family.name}; its series are ${family.name}_bucket, ${family.name}_sum and ${family.name}_count`,
            hint: `use ${family.name}_bucket for quantiles and ${family.name}_count for event rates (or the histogram's helpers in the DSL)`,
            at: node.from,
          });
        }
      }
      if (node.kind !== "call" || !COUNTER_FUNCTIONS.has(node.fn)) continue;
      const selector = node.args[0] && selectorOf(node.args[0]);
      const info = selector?.name === undefined ? undefined : catalog.lookup(selector.name);
      if (info?.kind === "gauge" && !info.familyOf) {
        out.push({
          message: `${node.fn}() on ${info.declaredAs}: ${node.fn}() assumes a counter and reads every drop of the gauge as a counter reset`,
          hint: node.fn === "increase" ? "use delta() for the change of a gauge over a range" : "use deriv() for a gauge's per-second change, or declare the metric as a counter if it only goes up",
          at: node.from,
        });
      }
    }
    return out;
  },
});
