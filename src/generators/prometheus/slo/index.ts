// SLO rule groups for one service, in Sloth's layout: SLI recordings, metadata recordings, alerts.

import { sloAlertGroupName, sloMetaGroupName, sloSliGroupName } from "../../../model/conventions.js";
import type { Slo } from "../../../model/schema.js";
import { alertRules } from "./alert-rules.js";
import { metadataRules } from "./metadata-rules.js";
import { sliRules } from "./sli-rules.js";

export interface SloGroups {
  readonly slo: Slo;
  readonly groups: { name: string; rules: Record<string, unknown>[] }[];
}

export function sloRuleGroups(slo: Slo): SloGroups {
  const alerts = alertRules(slo);
  return {
    slo,
    groups: [
      { name: sloSliGroupName(slo.id), rules: sliRules(slo) },
      { name: sloMetaGroupName(slo.id), rules: metadataRules(slo) },
      ...(alerts.length > 0 ? [{ name: sloAlertGroupName(slo.id), rules: alerts }] : []),
    ],
  };
}
