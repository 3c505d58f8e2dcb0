// Codes raised outside the check registry (load, import, internal). With the registry's checks they
// make up every rule moncc can report; SARIF output lists them as the tool's rules.

import type { Severity } from "./diagnostic.js";

export interface RuleDescriptor {
  readonly code: string;
  /** family/name, as on the doc page's title. */
  readonly name: string;
  readonly severity: Severity;
  readonly summary: string;
}

export const NON_CHECK_RULES: readonly RuleDescriptor[] = [
  { code: "MON001", name: "load/bundle-error", severity: "error", summary: "the definitions do not bundle: a syntax error or an import that cannot be resolved" },
  { code: "MON002", name: "load/definition-threw", severity: "error", summary: "running the definitions threw an exception" },
  { code: "MON003", name: "load/missing-config", severity: "error", summary: "no moncc.config.ts, or it does not default-export project({...})" },
  { code: "MON005", name: "load/type-error", severity: "error", summary: "a TypeScript type error in the definitions (moncc check --typecheck)" },
  { code: "MON501", name: "import/sloth-spec", severity: "error", summary: "a Sloth spec file moncc cannot import" },
  { code: "MON604", name: "policy/alert-budget", severity: "warning", summary: "a team whose estimated notifications per day, from moncc backtest, exceed its alertBudget" },
  { code: "MON900", name: "internal/error", severity: "error", summary: "a check or a generator threw: a moncc bug" },
];
