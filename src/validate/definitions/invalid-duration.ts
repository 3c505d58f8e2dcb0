import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { MAX_DURATION_MS, parseDuration } from "../../dsl/promql.js";
import type { Span } from "../../model/schema.js";
import { report, type Check } from "../check.js";

/**
 * Durations (`for`, repeat and group timings, evaluation intervals) must be Prometheus durations
 * such as "90s", "5m" or "1h30m"; "1.5h" or "5 minutes" would be rejected when the config loads.
 */
export const invalidDuration: Check = {
  code: "MON114",
  name: "definitions/invalid-duration",
  severity: "error",
  summary: "a duration Prometheus or Alertmanager cannot parse",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const check = (value: string | undefined, where: string, span: Span | undefined, allowZero = true) => {
      if (value === undefined) return;
      const ms = parseDuration(value);
      if (ms === undefined || (!allowZero && ms === 0)) {
        out.push(report(invalidDuration, `${where}: ${JSON.stringify(value)} is not a valid${allowZero ? "" : " non-zero"} duration`, span,
          'write an integer with a unit, largest unit first: "30s", "5m", "1h30m", "7d"'));
      } else if (ms > MAX_DURATION_MS) {
        out.push(report(invalidDuration, `${where}: ${JSON.stringify(value)} is longer than Prometheus and Alertmanager can represent (about 292 years)`, span,
          "durations are 64-bit nanosecond counts; write a realistic duration"));
      }
    };
    for (const service of model.services) {
      check(service.interval, `service "${service.name}" interval`, service.span, false);
      check(service.queryOffset, `service "${service.name}" queryOffset`, service.span);
      for (const alert of service.alerts) {
        for (const rule of alert.rules) {
          check(rule.for, `alert "${alert.name}" ${rule.severity} for`, alert.span);
          check(rule.keepFiringFor, `alert "${alert.name}" ${rule.severity} keepFiringFor`, alert.span);
        }
      }
    }
    for (const team of model.teams) {
      check(team.groupWait, `team "${team.name}" groupWait`, team.span);
      check(team.groupInterval, `team "${team.name}" groupInterval`, team.span, false);
      check(team.repeat, `team "${team.name}" repeat`, team.span, false);
      for (const step of team.escalation) {
        check(step.repeat, `team "${team.name}" escalation ${step.severity} repeat`, team.span, false);
        check(step.groupWait, `team "${team.name}" escalation ${step.severity} groupWait`, team.span);
        check(step.groupInterval, `team "${team.name}" escalation ${step.severity} groupInterval`, team.span, false);
      }
      for (const route of team.routes) {
        check(route.repeat, `team "${team.name}" route repeat`, team.span, false);
        check(route.groupWait, `team "${team.name}" route groupWait`, team.span);
        check(route.groupInterval, `team "${team.name}" route groupInterval`, team.span, false);
      }
    }
    check(model.routing.groupWait, "project routing groupWait", model.span);
    check(model.routing.groupInterval, "project routing groupInterval", model.span, false);
    check(model.routing.repeat, "project routing repeat", model.span, false);
    return out;
  },
};
