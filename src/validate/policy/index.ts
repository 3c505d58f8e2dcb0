// The policy checks, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Check } from "../check.js";
import { missingRunbook } from "./missing-runbook.js";

export const POLICY_CHECKS: readonly Check[] = [
  missingRunbook,
];
