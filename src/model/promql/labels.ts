// Label flow: which labels the series of an expression carry, following Prometheus' evaluation
// rules (aggregation keeps only `by` labels, one-to-one matching with `on` keeps only the `on`
// labels, histogram_quantile drops `le`, label_replace adds its destination, ...).

import type { SeriesCatalog } from "./series.js";
import { unwrap, valueType, type NodeOf, type PromqlNode } from "./tree.js";

export interface LabelSet {
  readonly names: ReadonlySet<string>;
  /**
   * True when the series carry no labels besides `names`. Only then can a check say a label is
   * missing; an unknown metric or raw input makes the set open.
   */
  readonly exact: boolean;
}

const EMPTY: LabelSet = { names: new Set(), exact: true };
const UNKNOWN: LabelSet = { names: new Set(), exact: false };

/** Aggregations that select series rather than combine them: they keep the input's labels. */
const SELECTING_AGGREGATIONS = new Set(["topk", "bottomk", "limitk", "limit_ratio"]);
/** Functions whose result has no labels. */
const LABELLESS_FUNCTIONS = new Set(["vector", "time", "scalar", "pi"]);

export class LabelFlow {
  private readonly cache = new WeakMap<PromqlNode, LabelSet>();

  constructor(private readonly catalog: SeriesCatalog) {}

  /** Labels of the series `node` evaluates to. */
  labels(node: PromqlNode): LabelSet {
    let result = this.cache.get(node);
    if (!result) {
      result = this.compute(node);
      this.cache.set(node, result);
    }
    return result;
  }

  private compute(node: PromqlNode): LabelSet {
    switch (node.kind) {
      case "number":
      case "string":
        return EMPTY;
      case "selector":
        return this.selectorLabels(node);
      case "matrix":
        return this.labels(node.selector);
      case "subquery":
      case "paren":
      case "offset":
      case "at":
      case "unary":
        return this.labels(node.expr);
      case "call":
        return this.callLabels(node);
      case "aggregate":
        return this.aggregateLabels(node);
      case "binary":
        return this.binaryLabels(node);
    }
  }

  private selectorLabels(node: NodeOf<"selector">): LabelSet {
    const info = node.name === undefined ? undefined : this.catalog.lookup(node.name);
    if (!info?.labels) return UNKNOWN;
    // Recorded series keep exactly what their rule produced; scraped ones gain the target labels.
    const extra = info.kind === "recorded" ? [] : this.catalog.targetLabels;
    return { names: new Set([...info.labels, ...extra]), exact: true };
  }

  private callLabels(node: NodeOf<"call">): LabelSet {
    if (LABELLESS_FUNCTIONS.has(node.fn)) return EMPTY;
    const first = node.args.find((a) => a.kind !== "number" && a.kind !== "string");
    if (node.fn === "absent" || node.fn === "absent_over_time") {
      // absent() returns one series with the equality matchers of its selector as labels.
      const selector = first ? unwrap(first) : undefined;
      const inner = selector?.kind === "matrix" ? unwrap(selector.selector) : selector;
      if (inner?.kind !== "selector") return EMPTY;
      return { names: new Set(inner.matchers.filter((m) => m.op === "=" && m.label !== "__name__").map((m) => m.label)), exact: true };
    }
    if (node.fn === "histogram_quantile" || node.fn === "histogram_fraction") {
      const input = this.labels(node.args[node.args.length - 1]);
      return { names: without(input.names, ["le"]), exact: input.exact };
    }
    const input = first ? this.labels(first) : EMPTY;
    if (node.fn === "label_replace" || node.fn === "label_join") {
      const destination = node.args[1];
      if (destination?.kind === "string") return { names: new Set([...input.names, destination.value]), exact: input.exact };
    }
    return input;
  }

  private aggregateLabels(node: NodeOf<"aggregate">): LabelSet {
    const input = this.labels(node.expr);
    if (SELECTING_AGGREGATIONS.has(node.op)) return input;
    const extra = node.op === "count_values" && node.param?.kind === "string" ? [node.param.value] : [];
    if (!node.grouping) return { names: new Set(extra), exact: true };
    if (node.grouping.mode === "by") return { names: new Set([...node.grouping.labels, ...extra]), exact: true };
    return { names: new Set([...without(input.names, node.grouping.labels), ...extra]), exact: input.exact };
  }

  private binaryLabels(node: NodeOf<"binary">): LabelSet {
    const lhs = this.labels(node.lhs);
    const rhs = this.labels(node.rhs);
    const lhsScalar = valueType(node.lhs) === "scalar";
    const rhsScalar = valueType(node.rhs) === "scalar";
    if (lhsScalar && rhsScalar) return EMPTY;
    if (lhsScalar) return rhs;
    if (rhsScalar) return lhs;
    if (node.op === "and" || node.op === "unless") return lhs;
    if (node.op === "or") return { names: new Set([...lhs.names, ...rhs.names]), exact: lhs.exact && rhs.exact };
    const matching = node.matching;
    if (matching?.group) {
      const base = matching.group.side === "left" ? lhs : rhs;
      return { names: new Set([...base.names, ...matching.group.labels]), exact: base.exact };
    }
    if (matching?.mode === "on") return { names: new Set(matching.labels), exact: true };
    if (matching?.mode === "ignoring") return { names: without(lhs.names, matching.labels), exact: lhs.exact };
    return lhs;
  }
}

function without(names: ReadonlySet<string>, remove: readonly string[]): Set<string> {
  const out = new Set(names);
  for (const name of remove) out.delete(name);
  return out;
}
