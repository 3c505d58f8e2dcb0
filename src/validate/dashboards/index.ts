// The dashboard checks, in report order. Each has a doc page at docs/checks/<code>.md. They run over
// every dashboard, generated and user-declared: a finding on a generated one is a moncc bug.

import type { Check } from "../check.js";
import { dashboardDatasource } from "./datasource.js";
import { duplicateUid } from "./duplicate-uid.js";
import { jobInstanceMatchers } from "./job-instance-matchers.js";
import { dashboardLayout } from "./layout.js";
import { dashboardQuerySyntax } from "./query-syntax.js";
import { rateInterval } from "./rate-interval.js";
import { rateOnNonCounter } from "./rate-on-non-counter.js";
import { unknownSeries } from "./unknown-series.js";
import { unknownUnit } from "./unknown-unit.js";

export const DASHBOARD_CHECKS: readonly Check[] = [
  dashboardQuerySyntax,
  unknownSeries,
  dashboardLayout,
  duplicateUid,
  dashboardDatasource,
  unknownUnit,
  rateInterval,
  jobInstanceMatchers,
  rateOnNonCounter,
];
