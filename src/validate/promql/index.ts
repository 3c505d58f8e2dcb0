// The promql checks, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Check } from "../check.js";
import { promqlSyntax } from "./syntax.js";

export const PROMQL_CHECKS: readonly Check[] = [
  promqlSyntax,
];
