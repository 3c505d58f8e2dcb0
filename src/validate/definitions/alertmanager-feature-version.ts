import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { neededRelease, targetHas, TARGET_FEATURES, type FeatureId } from "../../model/target-features.js";
import type { Receiver } from "../../model/schema.js";
import { report, type Check } from "../check.js";
import { LABEL_NAME } from "./names.js";

/** Receiver options that map to an Alertmanager field newer than some supported targets. */
const RECEIVER_FEATURES: Partial<Record<Receiver["type"], Readonly<Record<string, FeatureId>>>> = {
  slack: { apiUrlFile: "slackApiUrlFile" },
  pagerduty: { routingKeyFile: "pagerdutyKeyFile" },
  opsgenie: { apiKeyFile: "opsgenieApiKeyFile" },
  email: { authPasswordFile: "emailAuthPasswordFile" },
  webhook: { urlFile: "webhookUrlFile" },
};

/**
 * alertmanager.yml features the Alertmanager target lacks: receiver fields it does not know (the
 * config fails to load) and route or inhibit matchers on label names only the UTF-8 parser reads.
 */
export const alertmanagerFeatureVersion: Check = {
  code: "MON131",
  name: "definitions/alertmanager-feature-version",
  severity: "error",
  summary: "a receiver option or matcher the Alertmanager target lacks",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const target = model.targets.alertmanager;
    const lacks = (id: FeatureId) => targetHas(model.targets, id) === false;
    for (const team of model.teams) {
      for (const receiver of team.receivers) {
        for (const [option, id] of Object.entries(RECEIVER_FEATURES[receiver.type] ?? {})) {
          if (receiver.options[option] === undefined || !lacks(id)) continue;
          out.push(report(alertmanagerFeatureVersion,
            `receiver "${receiver.id}": ${receiver.type} ${option} needs ${neededRelease(id)} or later (${TARGET_FEATURES[id].config}); the target is Alertmanager ${target}`,
            receiver.span, `raise targets.alertmanager to ${TARGET_FEATURES[id].since} once your servers run it${id === "webhookUrlFile" ? ", or use url with bearerTokenFile" : ""}`));
        }
      }
      if (!lacks("utf8Matchers")) continue;
      const matchers = [...team.routes.flatMap((route) => route.matchers), ...team.inhibit.flatMap((rule) => [...rule.source, ...rule.target])];
      const labels = [...new Set(matchers.map((m) => m.label))].filter((label) => !LABEL_NAME.test(label));
      for (const label of labels) {
        out.push(report(alertmanagerFeatureVersion,
          `team "${team.name}" matches on label "${label}" in a route or inhibit rule, which needs ${neededRelease("utf8Matchers")} or later (${TARGET_FEATURES.utf8Matchers.config}); the target is Alertmanager ${target}`,
          team.span, `raise targets.alertmanager to ${TARGET_FEATURES.utf8Matchers.since} once your servers run it, or match on a label named with letters, digits and underscores`));
      }
    }
    return out;
  },
};
