// SLO rule groups for one service, in Sloth's layout: SLI recordings, metadata recordings, alerts.
// In the moncc profile, SLI windows of 6h or more move to groups evaluated less often: a window of
// a day changes by a fraction of a percent in five minutes, and evaluating it every 5m instead of
// at the global interval (typically 30s–1m) cuts the cost of the long, expensive windows 5–10×.

import { sloAlertGroupName, sloMetaGroupName, sloSliGroupName } from "../../../model/conventions.js";
import type { Slo } from "../../../model/schema.js";
import { parseDuration } from "../../../dsl/promql.js";
import { alertRules } from "./alert-rules.js";
import { metadataRules } from "./metadata-rules.js";
import { sliRules } from "./sli-rules.js";

export interface SloGroups {
  readonly slo: Slo;
  readonly groups: { name: string; interval?: string; rules: Record<string, unknown>[] }[];
}

/** Evaluation interval for an SLI window, scaled with the window; undefined keeps the global one. */
export function sliGroupInterval(window: string): string | undefined {
  const ms = parseDuration(window) ?? 0;
  if (ms >= 86_400_000) return "5m";
  if (ms >= 6 * 3_600_000) return "2m";
  return undefined;
}

function sliGroups(slo: Slo): SloGroups["groups"] {
  const rules = sliRules(slo);
  if (slo.profile === "sloth" || slo.sliIntervals === "global") return [{ name: sloSliGroupName(slo.id), rules }];
  const byInterval = new Map<string | undefined, Record<string, unknown>[]>();
  for (const rule of rules) {
    const interval = sliGroupInterval(String((rule.labels as Record<string, string>).sloth_window));
    byInterval.set(interval, [...(byInterval.get(interval) ?? []), rule]);
  }
  return [...byInterval].map(([interval, grouped]) =>
    interval ? { name: `${sloSliGroupName(slo.id)}-${interval}`, interval, rules: grouped } : { name: sloSliGroupName(slo.id), rules: grouped });
}

export function sloRuleGroups(slo: Slo): SloGroups {
  const alerts = alertRules(slo);
  return {
    slo,
    groups: [
      ...sliGroups(slo),
      { name: sloMetaGroupName(slo.id), rules: metadataRules(slo) },
      ...(alerts.length > 0 ? [{ name: sloAlertGroupName(slo.id), rules: alerts }] : []),
    ],
  };
}
