// Live report, pure half: which PromQL to ask for each SLO (the plan), and how raw samples become
// SLI, burn rates, budget remaining, tier conditions and the burn-down. The HTTP half is in
// src/report-live/ and only executes the plan.
//
// What is measured: the SLO's own SLI queries (the same expressions the SLI recording rules
// evaluate) over each window at one instant. The report does not read slo:sli_error:ratio_rate*
// history, which only exists since the rules were loaded, and the default "derived" period SLI
// averages 5m slices over time rather than dividing events. The period SLI here is bad events /
// total events over the whole period, from raw counters.

import { formatDuration } from "../../dsl/promql.js";
import { SLO_RECORDS } from "../../model/conventions.js";
import type { Model, Slo } from "../../model/schema.js";
import { sliWindows } from "../../model/slo.js";
import { sloSelector, withWindow } from "../prometheus/slo/selectors.js";
import { clean, REPORT_VERSION, staticSlo, windowSeconds, type LiveSlo, type LiveWindow, type Report, type TierGroup } from "./data.js";

/** Aim for this many burn-down intervals; the step is rounded up to whole minutes. */
export const BURN_DOWN_TARGET_POINTS = 150;

export interface PlannedQuery {
  readonly window: string;
  readonly error: string;
  /** Undefined when the SLI's error query is already a ratio (availability, raw). */
  readonly total: string | undefined;
}

export interface SloPlan {
  readonly slo: Slo;
  /** Tier windows, shortest first, then the period. */
  readonly windows: readonly PlannedQuery[];
  readonly alerts: string;
  readonly recordedBudgetRemaining: string;
  /** query_range over (end − steps × step, end]; each point covers the step before it. */
  readonly burnDown: PlannedQuery & { readonly start: number; readonly end: number; readonly stepSeconds: number; readonly steps: number };
}

export function burnDownStep(periodSeconds: number): { stepSeconds: number; steps: number } {
  const stepSeconds = Math.max(60, Math.ceil(periodSeconds / BURN_DOWN_TARGET_POINTS / 60) * 60);
  return { stepSeconds, steps: Math.floor(periodSeconds / stepSeconds) };
}

function queryFor(slo: Slo, window: string): PlannedQuery {
  return {
    window,
    error: withWindow(slo.sli.errorQuery, window),
    total: slo.sli.totalQuery === undefined ? undefined : withWindow(slo.sli.totalQuery, window),
  };
}

/** The queries for one SLO, evaluated at `at` (unix seconds). */
export function planSlo(slo: Slo, at: number): SloPlan {
  const period = staticSlo(slo).period;
  const windows = [...sliWindows(slo).filter((w) => w !== period), period].map((w) => queryFor(slo, w));
  const { stepSeconds, steps } = burnDownStep(windowSeconds(period));
  const step = formatDuration(stepSeconds * 1000);
  return {
    slo,
    windows,
    alerts: `ALERTS${sloSelector(slo)}`,
    recordedBudgetRemaining: `${SLO_RECORDS.budgetRemaining}${sloSelector(slo)}`,
    burnDown: { ...queryFor(slo, step), start: at - (steps - 1) * stepSeconds, end: at, stepSeconds, steps },
  };
}

export function planReport(model: Model, at: number): SloPlan[] {
  return model.services.flatMap((s) => s.slos).map((slo) => planSlo(slo, at));
}

/** Raw answers to one SLO's plan; values are per-second rates (or ratios) or null when empty. */
export interface RawLive {
  readonly windows: readonly { readonly window: string; readonly error: number | null; readonly total: number | null }[];
  /** ALERTS series of the SLO: their sloth_severity ("page"/"ticket") and alertstate labels. */
  readonly alerts: readonly { readonly group: string; readonly state: string }[];
  readonly recordedBudgetRemaining: number | null;
  /** query_range samples at the plan's timestamps; missing timestamps count as no events. */
  readonly burnError: readonly (readonly [number, number])[];
  readonly burnTotal: readonly (readonly [number, number])[] | null;
}

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

/** Error ratio from an error and a total rate; a missing error series with traffic counts as 0. */
function ratioOf(error: number | null, total: number | null, ratioOnly: boolean): number | null {
  if (ratioOnly) return finite(error) ? error : null;
  if (!finite(total) || total <= 0) return null;
  return clean((finite(error) ? error : 0) / total);
}

export function liveSlo(plan: SloPlan, raw: RawLive): LiveSlo {
  const base = staticSlo(plan.slo);
  const ratioOnly = plan.slo.sli.totalQuery === undefined;
  const windows: LiveWindow[] = plan.windows.map((q) => {
    const found = raw.windows.find((w) => w.window === q.window);
    const errorRatio = ratioOf(found?.error ?? null, found?.total ?? null, ratioOnly);
    const seconds = windowSeconds(q.window);
    return {
      window: q.window,
      seconds,
      errorRatio,
      burnRate: errorRatio === null ? null : clean(errorRatio / base.errorBudget),
      events: ratioOnly || !finite(found?.total ?? null) ? null : clean(found!.total! * seconds),
    };
  });
  const period = windows[windows.length - 1];
  const remaining = period.errorRatio === null ? null : clean(1 - period.errorRatio / base.errorBudget);
  const state = (group: TierGroup) => {
    const states = raw.alerts.filter((a) => a.group === group).map((a) => a.state);
    return states.includes("firing") ? "firing" : states.includes("pending") ? "pending" : "inactive";
  };
  const groups = (["page", "ticket"] as const).filter((g) => base.tiers.some((t) => t.group === g));
  return {
    sli: { errorRatio: period.errorRatio, ratio: period.errorRatio === null ? null : clean(1 - period.errorRatio), events: period.events },
    windows,
    budgetRemaining: { ratio: remaining, minutes: remaining === null ? null : clean(remaining * base.budgetMinutes) },
    alerts: groups.map((group) => ({ group, state: state(group) })),
    recordedBudgetRemaining: raw.recordedBudgetRemaining,
    burnDown: burnDown(plan, raw, base.errorBudget, ratioOnly),
  };
}

/**
 * Budget remaining of the current period, accumulated from its start: at each point, 1 − bad events
 * so far / (budget × all events in the period). The last point is the period's budget remaining.
 */
function burnDown(plan: SloPlan, raw: RawLive, errorBudget: number, ratioOnly: boolean): LiveSlo["burnDown"] {
  const { start, end, stepSeconds, steps } = plan.burnDown;
  const times = Array.from({ length: steps }, (_, i) => start + i * stepSeconds);
  const at = (series: readonly (readonly [number, number])[] | null, t: number) => {
    const v = series?.find(([ts]) => Math.abs(ts - t) < 0.5)?.[1];
    return v !== undefined && Number.isFinite(v) ? v : 0;
  };
  const errors = times.map((t) => at(raw.burnError, t));
  const denominator = ratioOnly ? errorBudget * steps : errorBudget * times.reduce((n, t) => n + at(raw.burnTotal, t), 0);
  const origin = start - stepSeconds;
  let spent = 0;
  const points: [number, number | null][] = [[origin, 1]];
  for (let i = 0; i < steps; i++) {
    spent += errors[i];
    points.push([times[i], denominator > 0 ? clean(1 - spent / denominator) : null]);
  }
  return { start: origin, end, stepSeconds, points };
}

/** The live report: the static fields plus, for every SLO, what its raw samples say. */
export function liveReport(model: Model, plans: readonly SloPlan[], raws: readonly RawLive[], meta: { prometheus: string; evaluatedAt: number }): Report {
  return {
    version: REPORT_VERSION,
    project: model.name,
    mode: "live",
    prometheus: meta.prometheus,
    evaluatedAt: meta.evaluatedAt,
    slos: plans.map((plan, i) => {
      const base = staticSlo(plan.slo);
      const live = liveSlo(plan, raws[i]);
      const ratio = (w: string) => live.windows.find((x) => x.window === w)?.errorRatio ?? null;
      const tiers = base.tiers.map((tier) => {
        const s = ratio(tier.short);
        const l = ratio(tier.long);
        return { ...tier, conditionMet: s === null || l === null ? null : s > tier.errorRatioThreshold && l > tier.errorRatioThreshold };
      });
      return { ...base, tiers, live };
    }),
  };
}
