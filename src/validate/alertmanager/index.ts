// The alertmanager checks, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Check } from "../check.js";
import { shadowedRoute } from "./shadowed-route.js";
import { unusedReceiver } from "./unused-receiver.js";
import { unintendedReceiver } from "./unintended-receiver.js";
import { inhibitedHook } from "./inhibited-hook.js";
import { unknownRouteLabel } from "./unknown-route-label.js";
import { inhibitEqualMissing } from "./inhibit-equal-missing.js";
import { selfInhibition } from "./self-inhibition.js";
import { inhibitionCycle } from "./inhibition-cycle.js";
import { repeatBelowGroupInterval } from "./repeat-below-group-interval.js";
import { groupByEllipsis } from "./group-by-ellipsis.js";
import { overnightTimeRange } from "./overnight-time-range.js";
import { invalidTimeInterval } from "./invalid-time-interval.js";
import { unusedTimeInterval } from "./unused-time-interval.js";
import { invalidLocation } from "./invalid-location.js";

export const ALERTMANAGER_CHECKS: readonly Check[] = [
  shadowedRoute,
  unusedReceiver,
  unintendedReceiver,
  inhibitedHook,
  unknownRouteLabel,
  inhibitEqualMissing,
  selfInhibition,
  inhibitionCycle,
  repeatBelowGroupInterval,
  groupByEllipsis,
  overnightTimeRange,
  invalidTimeInterval,
  unusedTimeInterval,
  invalidLocation,
];
