// The alertmanager checks, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Check } from "../check.js";
import { shadowedRoute } from "./shadowed-route.js";
import { unusedReceiver } from "./unused-receiver.js";
import { unintendedReceiver } from "./unintended-receiver.js";
import { inhibitedHook } from "./inhibited-hook.js";

export const ALERTMANAGER_CHECKS: readonly Check[] = [
  shadowedRoute,
  unusedReceiver,
  unintendedReceiver,
  inhibitedHook,
];
