import type { Check } from "../check.js";

/**
 * An `ignore` entry must name a registered check that is silenceable, with a non-empty reason.
 * Raised by ../suppress.ts after the checks ran, not from the registry.
 */
export const invalidIgnore: Omit<Check, "run"> = {
  code: "MON117",
  name: "definitions/invalid-ignore",
  severity: "error",
  summary: "an ignore entry for an unknown code, a code that cannot be silenced, or without a reason",
};

/** Why `code: reason` cannot silence anything, if it cannot. */
export function ignoreEntryProblem(code: string, reason: string, check: Check | undefined): string | undefined {
  if (!check) return `${code} is not a moncc check code`;
  if (!check.silenceable) return `${code} (${check.name}) is ${check.severity === "error" ? "an error" : "a warning"} that cannot be silenced`;
  if (reason.trim() === "") return `silencing ${code} needs a reason`;
  return undefined;
}
