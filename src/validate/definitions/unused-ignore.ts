import type { Check } from "../check.js";

/**
 * A valid `ignore` entry whose check ran and reported nothing about the definition: the problem
 * was fixed, and the entry would hide its return. Raised by ../suppress.ts after the checks ran.
 */
export const unusedIgnore: Omit<Check, "run"> = {
  code: "MON118",
  name: "definitions/unused-ignore",
  severity: "warning",
  summary: "an ignore entry that silences nothing",
};
