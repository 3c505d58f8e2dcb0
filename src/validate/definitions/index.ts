// The definitions checks, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Check } from "../check.js";
import { invalidDefinition } from "./invalid-definition.js";
import { duplicateName } from "./duplicate-name.js";
import { undeclaredReference } from "./undeclared-reference.js";
import { invalidMetricName } from "./invalid-metric-name.js";
import { invalidLabelName } from "./invalid-label-name.js";
import { invalidAlertName } from "./invalid-alert-name.js";
import { invalidRecordName } from "./invalid-record-name.js";
import { unitMismatch } from "./unit-mismatch.js";
import { thresholdNotBucket } from "./threshold-not-bucket.js";
import { contradictingSeverities } from "./contradicting-severities.js";
import { unsafeOutputName } from "./unsafe-output-name.js";
import { targetVersion } from "./target-version.js";
import { invalidDuration } from "./invalid-duration.js";
import { duplicateRule } from "./duplicate-rule.js";
import { recordClashesMetric } from "./record-clashes-metric.js";
import { ruleFeatureVersion } from "./rule-feature-version.js";
import { alertmanagerFeatureVersion } from "./alertmanager-feature-version.js";

export const DEFINITIONS_CHECKS: readonly Check[] = [
  invalidDefinition,
  duplicateName,
  undeclaredReference,
  invalidMetricName,
  invalidLabelName,
  invalidAlertName,
  invalidRecordName,
  unitMismatch,
  thresholdNotBucket,
  contradictingSeverities,
  unsafeOutputName,
  targetVersion,
  invalidDuration,
  duplicateRule,
  recordClashesMetric,
  ruleFeatureVersion,
  alertmanagerFeatureVersion,
];
