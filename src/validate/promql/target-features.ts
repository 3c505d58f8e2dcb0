import { SYNTAX_FEATURES, unavailable, VERSIONED_FUNCTIONS, type VersionedFeature } from "../../model/promql/features.js";
import { walk } from "../../model/promql/tree.js";
import { expressionCheck, type Finding } from "./expressions.js";

/**
 * PromQL the target Prometheus cannot evaluate: functions added later (or removed, like
 * holt_winters in 3.0), experimental functions without their feature flag, UTF-8 names before
 * 3.0, duration arithmetic, the @ modifier and negative offsets before 2.33.
 */
export const targetFeatures = expressionCheck({
  code: "MON215",
  name: "promql/target-features",
  severity: "error",
  summary: "PromQL the target Prometheus version (or its feature flags) does not support",
  inspect: ({ tree, holtWinters, toOriginal }, { target, targetText, features }) => {
    if (!tree || !target) return [];
    const out: Finding[] = [];
    const check = (feature: VersionedFeature, at: number) => {
      const why = unavailable(feature, target, targetText, features);
      if (!why) return;
      const hint = feature.instead ? `write ${feature.instead} instead, or change targets.prometheus` : "raise targets.prometheus (and list the feature flag in targets.prometheusFeatures if it needs one)";
      out.push({ message: why, hint, at });
    };
    for (const node of walk(tree)) {
      if (node.kind === "call") {
        const writtenOld = node.fn === "double_exponential_smoothing" && holtWinters.includes(toOriginal(node.from));
        const feature = VERSIONED_FUNCTIONS[writtenOld ? "holt_winters" : node.fn];
        if (feature) check(feature, node.from);
      }
      if (node.kind === "aggregate" && VERSIONED_FUNCTIONS[node.op]) check(VERSIONED_FUNCTIONS[node.op], node.from);
      if (node.kind === "selector" && (node.quotedName || node.matchers.some((m) => m.quotedLabel))) check(SYNTAX_FEATURES.utf8Names, node.from);
      if (node.kind === "matrix" && node.range.arithmetic) check(SYNTAX_FEATURES.durationArithmetic, node.range.from);
      if (node.kind === "matrix" && node.range.unitless) check(SYNTAX_FEATURES.numbersAsDurations, node.range.from);
      if (node.kind === "subquery" && (node.range.unitless || node.step?.unitless)) check(SYNTAX_FEATURES.numbersAsDurations, node.range.from);
      if (node.kind === "offset" && node.offset.unitless) check(SYNTAX_FEATURES.numbersAsDurations, node.offset.from);
      if (node.kind === "number" && node.duration) check(SYNTAX_FEATURES.numbersAsDurations, node.from);
      if (node.kind === "subquery" && (node.range.arithmetic || node.step?.arithmetic)) check(SYNTAX_FEATURES.durationArithmetic, node.range.from);
      if (node.kind === "offset") {
        if (node.offset.arithmetic && !node.negative) check(SYNTAX_FEATURES.durationArithmetic, node.offset.from);
        if (node.negative) check(SYNTAX_FEATURES.negativeOffset, node.offset.from);
      }
      if (node.kind === "at") check(SYNTAX_FEATURES.atModifier, node.from);
    }
    return out;
  },
});
