// The SLO report as data (JSON schema version 1, see docs/slos-report.md). Pure: model in, report
// out. Static fields come from the definitions alone; live fields from raw Prometheus samples the
// caller fetched (src/report-live), combined here so the math has one home and no I/O or clock.

import { durationSeconds, formatDuration } from "../../dsl/promql.js";
import { canonicalWindow } from "../../model/conventions.js";
import type { Model, Slo } from "../../model/schema.js";

export const REPORT_VERSION = 1;

export type TierGroup = "page" | "ticket";

export interface ReportTier {
  readonly group: TierGroup;
  /** moncc severity of the group's alert (P0…P3). */
  readonly severity: string;
  readonly short: string;
  readonly long: string;
  readonly factor: number;
  /** Error ratio both windows must exceed: factor × error budget. */
  readonly errorRatioThreshold: number;
  /** Share of the period's budget spent when the tier fires (factor × long / period). */
  readonly budgetSpent: number;
  readonly budgetSpentMinutes: number;
  /** Time from a full budget to none at this burn rate: period / factor. */
  readonly exhaustionSeconds: number;
  readonly exhaustion: string;
  /** Live only: whether both windows burn faster than the factor now; null without data. */
  readonly conditionMet?: boolean | null;
}

export interface LiveWindow {
  readonly window: string;
  readonly seconds: number;
  /** Bad / total events in the window (or the ratio SLI's value); null without data. */
  readonly errorRatio: number | null;
  /** errorRatio / error budget. */
  readonly burnRate: number | null;
  /** Total events in the window (total rate × seconds); null for ratio-only SLIs. */
  readonly events: number | null;
}

export interface LiveSlo {
  readonly sli: { readonly errorRatio: number | null; readonly ratio: number | null; readonly events: number | null };
  readonly windows: readonly LiveWindow[];
  readonly budgetRemaining: { readonly ratio: number | null; readonly minutes: number | null };
  /** State of each alert group in Prometheus' ALERTS series; "inactive" when absent. */
  readonly alerts: readonly { readonly group: TierGroup; readonly state: "firing" | "pending" | "inactive" }[];
  /** The recorded slo:period_error_budget_remaining:ratio, when the rules are loaded; null otherwise. */
  readonly recordedBudgetRemaining: number | null;
  readonly burnDown: {
    readonly start: number;
    readonly end: number;
    readonly stepSeconds: number;
    /** [unix seconds, budget remaining ratio]; the first point is the period start at 1. */
    readonly points: readonly (readonly [number, number | null])[];
  };
}

export interface ReportSlo {
  readonly id: string;
  readonly service: string;
  readonly name: string;
  readonly type: Slo["type"];
  readonly description: string | null;
  readonly objective: number;
  readonly objectiveText: string;
  readonly errorBudget: number;
  readonly period: string;
  readonly periodSeconds: number;
  /** Minutes of full outage the period's budget allows: error budget × period. */
  readonly budgetMinutes: number;
  readonly alertName: string;
  readonly tiers: readonly ReportTier[];
  readonly live: LiveSlo | null;
}

export interface Report {
  readonly version: typeof REPORT_VERSION;
  readonly project: string;
  readonly mode: "static" | "live";
  readonly prometheus: string | null;
  /** Live only: the evaluation instant of every query, unix seconds. */
  readonly evaluatedAt: number | null;
  readonly slos: readonly ReportSlo[];
}

/** Rounds away binary noise (0.1 + 0.2) so the JSON is stable and readable. */
export const clean = (value: number) => Number(value.toPrecision(12));

export const windowSeconds = (window: string) => durationSeconds(window) ?? Number.NaN;

export function staticSlo(slo: Slo): ReportSlo {
  const objective = slo.objective ?? Number.NaN;
  const errorBudget = clean(1 - objective);
  const periodSeconds = windowSeconds(slo.period);
  const tiers = (["page", "ticket"] as const).flatMap((name) => {
    const group = slo[name];
    return (group?.tiers ?? []).map((tier): ReportTier => {
      const exhaustionSeconds = Math.round(periodSeconds / tier.factor);
      const budgetSpent = clean((tier.factor * windowSeconds(tier.long)) / periodSeconds);
      return {
        group: name,
        severity: group!.severity,
        short: canonicalWindow(tier.short),
        long: canonicalWindow(tier.long),
        factor: tier.factor,
        errorRatioThreshold: clean(tier.factor * errorBudget),
        budgetSpent,
        budgetSpentMinutes: clean((budgetSpent * errorBudget * periodSeconds) / 60),
        exhaustionSeconds,
        exhaustion: formatDuration(Math.round(exhaustionSeconds / 60) * 60_000),
      };
    });
  });
  return {
    id: slo.id,
    service: slo.service,
    name: slo.name,
    type: slo.type,
    description: slo.description ?? null,
    objective,
    objectiveText: slo.objectiveText,
    errorBudget,
    period: canonicalWindow(slo.period),
    periodSeconds,
    budgetMinutes: clean((errorBudget * periodSeconds) / 60),
    alertName: slo.alertName,
    tiers,
    live: null,
  };
}

/** The static report: every SLO of every service, in definition order. */
export function staticReport(model: Model): Report {
  return {
    version: REPORT_VERSION,
    project: model.name,
    mode: "static",
    prometheus: null,
    evaluatedAt: null,
    slos: model.services.flatMap((s) => s.slos).map(staticSlo),
  };
}
