// The policy checks, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Check } from "../check.js";
import { missingRunbook } from "./missing-runbook.js";
import { lowTrafficSlo } from "./low-traffic-slo.js";
import { largeRuleGroup } from "./large-rule-group.js";
import { slowEvaluationInterval } from "./slow-evaluation-interval.js";
import { driftFixedThreshold } from "./drift-fixed-threshold.js";

export const POLICY_CHECKS: readonly Check[] = [
  missingRunbook,
  lowTrafficSlo,
  largeRuleGroup,
  slowEvaluationInterval,
  driftFixedThreshold,
];
