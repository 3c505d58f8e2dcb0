// The promql checks, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Check } from "../check.js";
import { absentWithoutFor } from "./absent-without-for.js";
import { constantCondition } from "./constant-condition.js";
import { counterFunctionOnGauge } from "./counter-function-on-gauge.js";
import { equalityRegex } from "./equality-regex.js";
import { histogramQuantile } from "./histogram-quantile.js";
import { invalidRegex } from "./invalid-regex.js";
import { labelReplace } from "./label-replace.js";
import { missingLabel } from "./missing-label.js";
import { noSeries } from "./no-series.js";
import { rangeTooShort } from "./range-too-short.js";
import { rateOfAggregation } from "./rate-of-aggregation.js";
import { rawCounter } from "./raw-counter.js";
import { ruleResultType } from "./result-type.js";
import { promqlSyntax } from "./syntax.js";
import { targetFeatures } from "./target-features.js";
import { templateInLabels } from "./template-in-labels.js";
import { templateLabel } from "./template-label.js";
import { topkInAlert } from "./topk-in-alert.js";
import { promqlTypeError } from "./type-error.js";

export const PROMQL_CHECKS: readonly Check[] = [
  promqlSyntax,
  promqlTypeError,
  ruleResultType,
  labelReplace,
  invalidRegex,
  equalityRegex,
  counterFunctionOnGauge,
  rawCounter,
  histogramQuantile,
  rangeTooShort,
  rateOfAggregation,
  missingLabel,
  templateLabel,
  templateInLabels,
  targetFeatures,
  constantCondition,
  noSeries,
  absentWithoutFor,
  topkInAlert,
];
