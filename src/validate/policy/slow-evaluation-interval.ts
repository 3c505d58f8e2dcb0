import { parseDuration } from "../../dsl/promql.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";

/** Prometheus' default lookback delta: an instant query sees a sample at most this old. */
const LOOKBACK_MS = 5 * 60_000;

/**
 * A service evaluated less often than every 5m writes recorded samples further apart than
 * Prometheus' 5m lookback: between evaluations its series vanish from instant queries, dashboards
 * show gaps, and alerts built on recorded series flap. Alerts themselves fire and resolve late.
 */
export const slowEvaluationInterval: Check = {
  code: "MON603",
  name: "policy/slow-evaluation-interval",
  severity: "warning",
  silenceable: true,
  summary: "a service whose rule evaluation interval is over 5m",
  run: ({ model }) =>
    model.services
      .filter((service) => service.interval !== undefined && (parseDuration(service.interval) ?? 0) > LOOKBACK_MS)
      .map((service) => report(slowEvaluationInterval,
        `service "${service.name}": interval ${service.interval} is longer than Prometheus' 5m lookback, so its recorded series disappear between evaluations`,
        service.span,
        `use an interval of 5m or less, or say why the gaps are fine with ignore: { MON603: "…" } on the service`,
        subjectOf.service(service))),
};
