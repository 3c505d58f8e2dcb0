// model: SLO definitions → IR. Objectives become ratios, the period's burn-rate tiers are derived
// from budget shares (never typed in), and alert groups get their routing severity.

import type { CallSite } from "../dsl/span.js";
import type { Slo as DslSlo, TierSpec } from "../dsl/slos.js";
import { parseDuration } from "../dsl/promql.js";
import { canonicalWindow, DEFAULT_SLO_PERIOD, DEFAULT_TIERS, SERVICE_LABEL, sloAlertName, sloId, TEAM_LABEL } from "./conventions.js";
import type { Model, Service, Severity, Slo, SloAlertGroup, SloTier } from "./schema.js";
import { roundFloat } from "../dsl/units.js";

type SpanOf = (site: CallSite | undefined) => Model["span"];

/** "99.9%" → 0.999; anything else is a problem the slo/objective check reports. */
export function readObjective(value: unknown): { objective?: number; problem?: string } {
  if (typeof value === "number") {
    const hint = value > 0 && value < 1 ? `"${roundFloat(value * 100)}%"` : `"${value}%"`;
    return { problem: `the objective ${value} is a bare number; did you mean ${hint}?` };
  }
  const match = typeof value === "string" ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
  if (!match) return { problem: `the objective ${JSON.stringify(value)} is not a percentage such as "99.9%"` };
  return { objective: roundFloat(Number(match[1]) / 100) };
}

/** factor = budget share × period / long window, e.g. 2% × 30d / 1h = 14.4. */
export function tierFactor(budget: number, period: string, long: string): number {
  return roundFloat((budget * (parseDuration(period) ?? Number.NaN)) / (parseDuration(long) ?? Number.NaN));
}

function readShare(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  return match ? roundFloat(Number(match[1]) / 100) : Number.NaN;
}

/** A group's tiers for the period: the budget share of each becomes its burn-rate factor. */
export function sloTiers(group: "page" | "ticket", specs: readonly TierSpec[], period: string): SloTier[] {
  return specs.map((spec) => {
    const budget = readShare(spec.budget);
    return {
      group, short: spec.short, long: spec.long, budget, factor: tierFactor(budget, period, spec.long),
      ...(spec.severity ? { severity: spec.severity } : {}),
      ...(spec.for ? { for: spec.for } : {}),
      ...(spec.labels ? { labels: { ...spec.labels } } : {}),
    };
  });
}

/** One burn-rate alert: a group's joined tiers, or a tier with its own severity, `for` or labels. */
export interface SloAlertUnit {
  readonly group: "page" | "ticket";
  /** The stable `tier` label: "page", "ticket", or "<group>-<short>-<long>" for a tier of its own. */
  readonly tier: string;
  readonly severity: Severity;
  readonly for: string | undefined;
  readonly labels: Record<string, string>;
  readonly tiers: SloTier[];
}

const ownsSettings = (tier: SloTier) => tier.severity !== undefined || tier.for !== undefined || tier.labels !== undefined;

/** Tier windows, shortest first, in Prometheus' duration spelling. */
export function sliWindows(slo: Slo): string[] {
  const tiers = [...(slo.page?.tiers ?? []), ...(slo.ticket?.tiers ?? [])];
  // Sloth records every window of the period's tier table, even for disabled alerts.
  const listed = slo.sliWindows ?? ["5m", ...tiers.flatMap((t) => [t.short, t.long])];
  const windows = new Set(listed.map(canonicalWindow));
  return [...windows].sort((a, b) => (parseDuration(a) ?? 0) - (parseDuration(b) ?? 0));
}

/** Whether Prometheus will evaluate any alert of the service: thresholds, SLO burn rates or no-data, monitors. */
export function serviceHasAlerts(service: Service): boolean {
  return service.alerts.some((a) => a.rules.length > 0)
    || service.slos.some((slo) => slo.noDataFor !== undefined || sloAlertUnits(slo).length > 0)
    || (service.monitors ?? []).length > 0;
}

export function sloAlertUnits(slo: Slo): SloAlertUnit[] {
  return (["page", "ticket"] as const).flatMap((name) => {
    const group = slo[name];
    if (!group || group.tiers.length === 0) return [];
    const joined = group.tiers.filter((t) => !ownsSettings(t));
    const units: SloAlertUnit[] = joined.length > 0
      ? [{ group: name, tier: name, severity: group.severity, for: group.for, labels: { ...group.labels }, tiers: joined }]
      : [];
    for (const tier of group.tiers.filter(ownsSettings)) {
      units.push({
        group: name,
        tier: `${name}-${tier.short}-${tier.long}`,
        severity: tier.severity ?? group.severity,
        for: tier.for ?? group.for,
        labels: { ...group.labels, ...(tier.labels ?? {}) },
        tiers: [tier],
      });
    }
    return units;
  });
}

export function normalizeSlo(definition: DslSlo, service: string, owner: string, serviceLabels: Record<string, string>, span: SpanOf): Slo {
  const options = definition.options;
  const period = options.period ?? DEFAULT_SLO_PERIOD;
  const { objective, problem } = readObjective(options.objective);
  const alerting = options.alerting ?? {};
  const group = (name: "page" | "ticket", defaultSeverity: Severity): SloAlertGroup | undefined => {
    const spec = alerting[name];
    if (spec === false) return undefined;
    return {
      severity: spec?.severity ?? defaultSeverity,
      for: spec?.for,
      labels: { ...(spec?.labels ?? {}) },
      annotations: { ...(spec?.annotations ?? {}) },
      tiers: sloTiers(name, spec?.tiers ?? DEFAULT_TIERS[name], period),
    };
  };
  return {
    id: sloId(service, definition.name),
    profile: "moncc",
    name: definition.name,
    service,
    type: definition.type,
    objectiveText: String(options.objective),
    objective,
    objectiveProblem: problem,
    period,
    description: options.description,
    labels: { ...(options.labels ?? {}) },
    sli: { errorQuery: definition.sli.errorQuery, totalQuery: definition.sli.totalQuery },
    metrics: [...new Set(definition.metrics.map((m) => m.name))].sort(),
    buckets: definition.buckets.map((b) => ({ ...b, span: span(b.span) })),
    alertName: alerting.name ?? sloAlertName(service, definition.name),
    runbook: alerting.runbook,
    alertLabels: { ...serviceLabels, ...(alerting.labels ?? {}), [SERVICE_LABEL]: service, [TEAM_LABEL]: owner },
    alertAnnotations: { ...(alerting.annotations ?? {}) },
    page: group("page", "P1"),
    ticket: group("ticket", "P3"),
    minEvents: options.minEvents,
    noDataFor: options.noData?.for,
    periodSli: options.periodSli ?? "derived",
    sliIntervals: options.sliIntervals ?? "scaled",
    span: span(definition.span),
  };
}
