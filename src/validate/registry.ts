// Every check moncc runs, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Check, CheckContext } from "./check.js";
import { ALERTMANAGER_CHECKS } from "./alertmanager/index.js";
import { DASHBOARD_CHECKS } from "./dashboards/index.js";
import { DEFINITIONS_CHECKS } from "./definitions/index.js";
import { POLICY_CHECKS } from "./policy/index.js";
import { PROMQL_CHECKS } from "./promql/index.js";
import { RECEIVERS_CHECKS } from "./receivers/index.js";
import { SLO_CHECKS } from "./slo/index.js";
import { applyIgnores } from "./suppress.js";

export const CHECKS: readonly Check[] = [
  ...DEFINITIONS_CHECKS,
  ...POLICY_CHECKS,
  ...RECEIVERS_CHECKS,
  ...PROMQL_CHECKS,
  ...ALERTMANAGER_CHECKS,
  ...SLO_CHECKS,
  ...DASHBOARD_CHECKS,
];

/**
 * Runs every check, then applies the definitions' ignore entries. A check that throws is a moncc
 * bug; it becomes a diagnostic, not a crash.
 */
export function runChecks(context: CheckContext, checks: readonly Check[] = CHECKS): Diagnostic[] {
  const diagnostics = checks.flatMap((check) => {
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
  return applyIgnores(context.model, diagnostics, checks, CHECKS);
}
