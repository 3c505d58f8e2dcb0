import { walk, type PromqlNode } from "../../model/promql/tree.js";
import { expressionCheck } from "./expressions.js";

export function readsNoSeries(tree: PromqlNode): boolean {
  return ![...walk(tree)].some((node) => node.kind === "selector");
}

/**
 * ◆ An alert whose query reads no series (`vector(1)`, a number): its value is a constant, so it
 * fires at every evaluation or never. That is a mistake, except for a deliberate heartbeat (a
 * "dead man's switch" such as kube-prometheus' Watchdog), which silences this with a reason.
 */
export const noSeries = expressionCheck({
  code: "MON219",
  name: "promql/no-series",
  severity: "warning",
  silenceable: true,
  summary: "◆ an alert whose query reads no series, so it always or never fires",
  inspect: ({ tree, role }) => {
    if (!tree || role !== "alert" || !readsNoSeries(tree)) return [];
    return [{
      message: "the query reads no series, so its value is a constant and the alert fires at every evaluation or never",
      hint: "query a metric; for a deliberate heartbeat (dead man's switch) add ignore: { MON219: \"heartbeat for the on-call pipeline\" }",
      at: tree.from,
    }];
  },
});
