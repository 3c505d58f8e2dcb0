// Every check moncc runs, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Check, CheckContext } from "./check.js";
import { contradictingSeverities } from "./definitions/contradicting-severities.js";
import { duplicateName } from "./definitions/duplicate-name.js";
import { invalidAlertName } from "./definitions/invalid-alert-name.js";
import { invalidDuration } from "./definitions/invalid-duration.js";
import { invalidDefinition } from "./definitions/invalid-definition.js";
import { invalidLabelName } from "./definitions/invalid-label-name.js";
import { invalidMetricName } from "./definitions/invalid-metric-name.js";
import { invalidRecordName } from "./definitions/invalid-record-name.js";
import { targetVersion } from "./definitions/target-version.js";
import { thresholdNotBucket } from "./definitions/threshold-not-bucket.js";
import { undeclaredReference } from "./definitions/undeclared-reference.js";
import { unitMismatch } from "./definitions/unit-mismatch.js";
import { unsafeOutputName } from "./definitions/unsafe-output-name.js";
import { missingRunbook } from "./policy/missing-runbook.js";
import { promqlSyntax } from "./promql/syntax.js";
import { inlineSecret } from "./receivers/inline-secret.js";
import { integerLe } from "./slo/integer-le.js";
import { sloObjective } from "./slo/objective.js";
import { tierNeverFires } from "./slo/tier-never-fires.js";
import { sloWindows } from "./slo/windows.js";
import { inhibitedHook } from "./alertmanager/inhibited-hook.js";
import { shadowedRoute } from "./alertmanager/shadowed-route.js";
import { unintendedReceiver } from "./alertmanager/unintended-receiver.js";
import { unusedReceiver } from "./alertmanager/unused-receiver.js";

export const CHECKS: readonly Check[] = [
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
  missingRunbook,
  inlineSecret,
  unsafeOutputName,
  targetVersion,
  invalidDuration,
  promqlSyntax,
  shadowedRoute,
  unusedReceiver,
  unintendedReceiver,
  inhibitedHook,
  sloObjective,
  tierNeverFires,
  sloWindows,
  integerLe,
];

/** Runs every check. A check that throws is a moncc bug; it becomes a diagnostic, not a crash. */
export function runChecks(context: CheckContext, checks: readonly Check[] = CHECKS): Diagnostic[] {
  return checks.flatMap((check) => {
    try {
      return check.run(context);
    } catch (error) {
      return [{
        code: "MON900",
        severity: "error" as const,
        message: `internal error in check ${check.code} (${check.name}): ${error instanceof Error ? error.message : String(error)}`,
        span: undefined,
        hint: "this is a moncc bug; run with --debug and report it",
      }];
    }
  });
}
