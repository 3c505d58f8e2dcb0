import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { neededRelease, targetHas, TARGET_FEATURES, type FeatureId } from "../../model/target-features.js";
import type { Span } from "../../model/schema.js";
import { report, type Check } from "../check.js";

/**
 * Rule-file features the Prometheus target lacks: a rule group key or rule field that Prometheus
 * rejects when it loads the file ("field query_offset not found"), so the whole file fails.
 */
export const ruleFeatureVersion: Check = {
  code: "MON130",
  name: "definitions/rule-feature-version",
  severity: "error",
  summary: "a rule-file feature (keepFiringFor, queryOffset, groupLabels, limit) the Prometheus target lacks",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const target = model.targets.prometheus;
    const gate = (id: FeatureId, used: boolean, what: string, span: Span | undefined, instead: string) => {
      if (!used || targetHas(model.targets, id) !== false) return;
      out.push(report(ruleFeatureVersion, `${what} needs ${neededRelease(id)} or later (${TARGET_FEATURES[id].config}); the target is Prometheus ${target}`,
        span, `raise targets.prometheus to ${TARGET_FEATURES[id].since} once your servers run it, or ${instead}`));
    };
    for (const service of model.services) {
      const where = `service "${service.name}"`;
      gate("ruleGroupLimit", service.limit !== undefined, `${where}: limit`, service.span, "remove limit");
      gate("ruleGroupQueryOffset", service.queryOffset !== undefined, `${where}: queryOffset`, service.span,
        "remove queryOffset (a global rule_query_offset in prometheus.yml also needs 2.53)");
      gate("ruleGroupLabels", Object.keys(service.groupLabels ?? {}).length > 0, `${where}: groupLabels`, service.span,
        "put them in the service's labels, which moncc copies onto every alert");
      for (const alert of service.alerts) {
        gate("keepFiringFor", alert.rules.some((rule) => rule.keepFiringFor !== undefined), `alert "${alert.name}": keepFiringFor`, alert.span, "remove keepFiringFor");
      }
    }
    return out;
  },
};
