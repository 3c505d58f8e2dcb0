// The range of sample values an expression can produce, as far as its structure tells: a `bool`
// comparison yields 0 or 1, count() at least 1, rate() never goes below 0. An alert whose
// condition holds (or fails) over the whole range fires always (or never).

import type { Comparison } from "../schema.js";
import type { SeriesCatalog } from "./series.js";
import { unwrap, valueType, type PromqlNode } from "./tree.js";

export interface ValueRange {
  readonly min: number;
  readonly max: number;
}

const ANY: ValueRange = { min: -Infinity, max: Infinity };
const NON_NEGATIVE: ValueRange = { min: 0, max: Infinity };
const ONE: ValueRange = { min: 1, max: 1 };

const NON_NEGATIVE_FUNCTIONS = new Set(["rate", "irate", "increase", "resets", "changes", "abs", "sqrt", "time", "timestamp", "count_over_time", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year"]);
const PRESERVING_FUNCTIONS = new Set(["max_over_time", "min_over_time", "avg_over_time", "last_over_time", "quantile_over_time", "ceil", "floor", "round", "sort", "sort_desc", "label_replace", "label_join", "scalar", "vector"]);

export function valueRange(node: PromqlNode, catalog: SeriesCatalog): ValueRange {
  const inner = unwrap(node);
  switch (inner.kind) {
    case "number":
      return { min: inner.value, max: inner.value };
    case "selector": {
      const info = inner.name === undefined ? undefined : catalog.lookup(inner.name);
      return info?.kind === "counter" ? NON_NEGATIVE : ANY;
    }
    case "matrix":
      return valueRange(inner.selector, catalog);
    case "subquery":
      return valueRange(inner.expr, catalog);
    case "unary":
      if (inner.op === "-") {
        const r = valueRange(inner.expr, catalog);
        return { min: -r.max, max: -r.min };
      }
      return valueRange(inner.expr, catalog);
    case "call": {
      if (inner.fn === "absent" || inner.fn === "absent_over_time" || inner.fn === "present_over_time") return ONE;
      if (NON_NEGATIVE_FUNCTIONS.has(inner.fn)) return NON_NEGATIVE;
      // quantile_over_time(φ, range): the values come from the range, not from φ.
      const first = inner.fn === "quantile_over_time" ? inner.args[1] : inner.args.find((a) => a.kind !== "string");
      if (PRESERVING_FUNCTIONS.has(inner.fn) && first) return valueRange(first, catalog);
      const bound = (index: number) => { const a = inner.args[index]; const u = a && unwrap(a); return u?.kind === "number" ? u.value : undefined; };
      if (inner.fn === "clamp_min" && first) return clampRange(valueRange(first, catalog), bound(1), undefined);
      if (inner.fn === "clamp_max" && first) return clampRange(valueRange(first, catalog), undefined, bound(1));
      if (inner.fn === "clamp" && first) return clampRange(valueRange(first, catalog), bound(1), bound(2));
      return ANY;
    }
    case "aggregate": {
      if (inner.op === "count" || inner.op === "count_values") return { min: 1, max: Infinity };
      if (inner.op === "group") return ONE;
      const input = valueRange(inner.expr, catalog);
      if (["min", "max", "avg", "topk", "bottomk", "quantile", "limitk", "limit_ratio"].includes(inner.op)) return input;
      if (inner.op === "sum") return input.min >= 0 ? NON_NEGATIVE : ANY;
      if (inner.op === "stddev" || inner.op === "stdvar") return NON_NEGATIVE;
      return ANY;
    }
    case "binary": {
      // A filtering comparison keeps the vector's values, also when the scalar is on the left (`3 < x`).
      if (isComparison(inner.op)) return inner.bool ? { min: 0, max: 1 } : valueRange(valueType(inner.lhs) === "scalar" ? inner.rhs : inner.lhs, catalog);
      const lhs = valueRange(inner.lhs, catalog);
      const rhs = valueRange(inner.rhs, catalog);
      switch (inner.op) {
        case "and": case "unless": return lhs;
        case "or": return { min: Math.min(lhs.min, rhs.min), max: Math.max(lhs.max, rhs.max) };
        case "+": return { min: lhs.min + rhs.min, max: lhs.max + rhs.max };
        case "-": return { min: lhs.min - rhs.max, max: lhs.max - rhs.min };
        case "*": return lhs.min >= 0 && rhs.min >= 0 ? { min: lhs.min * rhs.min, max: lhs.max * rhs.max } : ANY;
        case "/": return lhs.min >= 0 && rhs.min > 0 ? NON_NEGATIVE : ANY;
        default: return ANY;
      }
    }
    default:
      return ANY;
  }
}

function clampRange(range: ValueRange, low: number | undefined, high: number | undefined): ValueRange {
  return { min: low === undefined ? range.min : Math.max(range.min, low), max: high === undefined ? range.max : Math.min(range.max, high) };
}

export function isComparison(op: string): op is Comparison {
  return op === ">" || op === ">=" || op === "<" || op === "<=" || op === "==" || op === "!=";
}

/** Whether `value op threshold` holds for every value in the range ("always"), none ("never"), or depends. */
export function conditionOutcome(range: ValueRange, op: Comparison, threshold: number): "always" | "never" | "depends" {
  const { min, max } = range;
  if (Number.isNaN(threshold) || Number.isNaN(min) || Number.isNaN(max)) return "depends";
  switch (op) {
    case ">": return min > threshold ? "always" : max <= threshold ? "never" : "depends";
    case ">=": return min >= threshold ? "always" : max < threshold ? "never" : "depends";
    case "<": return max < threshold ? "always" : min >= threshold ? "never" : "depends";
    case "<=": return max <= threshold ? "always" : min > threshold ? "never" : "depends";
    case "==": return min === threshold && max === threshold ? "always" : threshold < min || threshold > max ? "never" : "depends";
    case "!=": return threshold < min || threshold > max ? "always" : min === threshold && max === threshold ? "never" : "depends";
  }
}
