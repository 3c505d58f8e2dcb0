import { alertGroupName, recordingGroupName, sloAlertGroupName } from "../../model/conventions.js";
import { sloAlertUnits } from "../../model/slo.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";

export const MAX_GROUP_RULES = 20;

/**
 * Prometheus evaluates the rules of a group one after another, every interval. A large group
 * takes long enough that evaluations are skipped (prometheus_rule_group_iterations_missed_total),
 * and one slow rule delays every rule after it. Counted as the generator groups: a service's
 * recording rules, its alerting rules (one per alert and severity), and each SLO's alerts (one per
 * alert unit, plus the no-data alert). SLO recording groups hold one rule per window and are left out.
 */
export const largeRuleGroup: Check = {
  code: "MON602",
  name: "policy/large-rule-group",
  severity: "warning",
  silenceable: true,
  summary: `a generated rule group with more than ${MAX_GROUP_RULES} rules`,
  run: ({ model }) =>
    model.services.flatMap((service) => {
      const groups = [
        { name: recordingGroupName(service.name), rules: service.recordings.length },
        { name: alertGroupName(service.name), rules: service.alerts.reduce((n, a) => n + a.rules.length, 0) },
        ...service.slos.map((slo) => ({ name: sloAlertGroupName(slo.id), rules: sloAlertUnits(slo).length + (slo.noDataFor ? 1 : 0) })),
      ];
      return groups
        .filter((group) => group.rules > MAX_GROUP_RULES)
        .map((group) => report(largeRuleGroup,
          `service "${service.name}": rule group "${group.name}" has ${group.rules} rules, more than ${MAX_GROUP_RULES}; Prometheus evaluates them one after another and may skip evaluations`,
          service.span,
          `split the service into smaller services (one rule file and group each), or say why the group is fine with ignore: { MON602: "…" } on the service`,
          subjectOf.service(service)));
    }),
};
