// The slo checks, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Check } from "../check.js";
import { sloObjective } from "./objective.js";
import { tierNeverFires } from "./tier-never-fires.js";
import { sloWindows } from "./windows.js";
import { integerLe } from "./integer-le.js";

export const SLO_CHECKS: readonly Check[] = [
  sloObjective,
  tierNeverFires,
  sloWindows,
  integerLe,
];
