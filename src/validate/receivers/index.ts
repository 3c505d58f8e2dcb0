// The receivers checks, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Check } from "../check.js";
import { inlineSecret } from "./inline-secret.js";

export const RECEIVERS_CHECKS: readonly Check[] = [
  inlineSecret,
];
