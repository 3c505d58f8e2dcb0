// The generated dashboard of one SLO (TS, Sloth or OpenSLO: both profiles record the same series).
// Everything but the event rates reads the SLO's recording rules: objective, SLI, budget and burn
// rate stats, the burn rate per alert window against the tier factors, the budget over time and the
// SLI against its objective. Good versus bad events come from the SLI's own queries, as no rule
// records event counts.

import { formatNumber, parseDuration } from "../../dsl/promql.js";
import { roundFloat } from "../../dsl/units.js";
import {
  canonicalWindow, DASHBOARD_TAGS, dashboardUid, GENERAL_FOLDER, OK_COLOR, SEVERITY_COLORS, sliRecordName, SLO_RECORDS, sloSelector,
} from "../conventions.js";
import type { DashboardSpec, PanelSpec, ThresholdStep } from "../dashboard-schema.js";
import type { Model, Service, Severity, Slo, SloTier } from "../schema.js";
import { overviewUid } from "./overview.js";
import { atRateWindow, BUDGET_REMAINING_STEPS, datasourceVariable, instant, panel, range, steps, textPanel } from "./panels.js";

/** Burn rates read as multiples of the budget rate: 14.4x. */
const BURN_RATE_UNIT = "suffix:x";
const EVENT_RATE_UNIT = "ops";

export function sloDashboard(slo: Slo, service: Service, model: Model): DashboardSpec {
  return {
    uid: dashboardUid("slo", slo.id),
    title: `SLO · ${service.name} / ${slo.name}`,
    folder: service.owner || GENERAL_FOLDER,
    origin: "slo",
    subject: `SLO ${slo.id} (generated dashboard)`,
    ...(slo.description ? { description: slo.description } : {}),
    tags: [DASHBOARD_TAGS.all, DASHBOARD_TAGS.slo],
    time: { from: "now-7d", to: "now" },
    refresh: "1m",
    variables: [datasourceVariable()],
    rows: [
      { collapsed: false, panels: statPanels(slo) },
      { title: "Error budget", collapsed: false, panels: [burnRatePanel(slo), budgetPanel(slo)] },
      { title: "SLI", collapsed: false, panels: [sliPanel(slo), eventsPanel(slo)] },
      { title: "Definition", collapsed: false, panels: [definitionPanel(slo, service)] },
    ],
    links: [
      { title: "Overview", url: `/d/${overviewUid(model)}`, asDropdown: false },
      { title: "SLOs", tags: [DASHBOARD_TAGS.slo], asDropdown: true },
      { title: "Services", tags: [DASHBOARD_TAGS.service], asDropdown: true },
    ],
    metrics: [],
    span: slo.span,
  };
}

interface Tier extends SloTier {
  readonly severity: Severity;
}

/** Tiers of the alert groups that are enabled, each with the severity it alerts at. */
function enabledTiers(slo: Slo): Tier[] {
  return (["page", "ticket"] as const).flatMap((name) => {
    const group = slo[name];
    return group ? group.tiers.map((tier) => ({ ...tier, severity: tier.severity ?? group.severity })) : [];
  });
}

function statPanels(slo: Slo): PanelSpec[] {
  const select = sloSelector(slo);
  const period = slo.period;
  const lowestPage = enabledTiers(slo).filter((t) => t.group === "page").sort((a, b) => a.factor - b.factor)[0];
  return [
    panel("stat", "Objective", [instant(`${SLO_RECORDS.objective}${select}`)], {
      unit: "percentunit", decimals: 2, description: `The SLO's target: ${slo.objectiveText} over ${period}.`,
    }),
    panel("stat", `SLI over ${period}`, [instant(`1 - ${sliRecordName(canonicalWindow(period))}${select}`)], {
      unit: "percentunit", decimals: 3,
      description: `Share of good events over the last ${period}; red below the objective.`,
      ...(slo.objective !== undefined ? { thresholds: steps("red", [{ value: slo.objective, color: OK_COLOR }]) } : {}),
    }),
    panel("stat", "Error budget remaining", [instant(`${SLO_RECORDS.budgetRemaining}${select}`)], {
      unit: "percentunit", decimals: 1, thresholds: [...BUDGET_REMAINING_STEPS],
      description: `Share of the ${period} error budget not yet spent; below 0 the SLO is missed.`,
    }),
    panel("stat", "Current burn rate", [instant(`${SLO_RECORDS.currentBurnRate}${select}`)], {
      unit: BURN_RATE_UNIT, decimals: 2,
      description: "How fast the budget is being spent over the last 5m; 1x spends it exactly over the period.",
      ...(lowestPage ? { thresholds: steps(OK_COLOR, [{ value: lowestPage.factor, color: SEVERITY_COLORS[lowestPage.severity] }]) } : {}),
    }),
  ];
}

/**
 * The error ratio over each alert window as a multiple of the budget, one series per window, and
 * each tier's factor as a line in its severity's color: a tier fires when both its windows cross it.
 */
function burnRatePanel(slo: Slo): PanelSpec {
  const select = sloSelector(slo);
  const tiers = enabledTiers(slo);
  const durations = [...new Set(tiers.flatMap((t) => [canonicalWindow(t.short), canonicalWindow(t.long)]))];
  // Without alerts, the 5m window every SLO records still shows the burn.
  const windows = (durations.length > 0 ? durations : ["5m"]).sort((a, b) => (parseDuration(a) ?? 0) - (parseDuration(b) ?? 0));
  const queries = windows.map((window) => range(
    `${sliRecordName(window)}${select}\n/ on (sloth_id, sloth_slo, sloth_service) group_left\n${SLO_RECORDS.errorBudget}${select}`,
    window,
  ));
  return panel("timeseries", "Burn rate by alert window", queries, {
    unit: BURN_RATE_UNIT, min: 0, thresholds: factorSteps(tiers), thresholdStyle: "line",
    description: tiers.length > 0
      ? "Error ratio over each alert window divided by the error budget. The lines are the alert tiers' burn-rate factors; a tier fires when both its windows are above its line."
      : "Error ratio over 5m divided by the error budget. The SLO has no burn-rate alerts.",
  });
}

/** One step per distinct factor, ascending; where a page and a ticket tier share one, the more severe color. */
function factorSteps(tiers: readonly Tier[]): ThresholdStep[] {
  const ordered = [...tiers].sort((a, b) => a.factor - b.factor || (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : 0));
  const levels = ordered.filter((tier, i) => i === 0 || ordered[i - 1].factor !== tier.factor);
  return steps(OK_COLOR, levels.map((tier) => ({ value: tier.factor, color: SEVERITY_COLORS[tier.severity] })));
}

function budgetPanel(slo: Slo): PanelSpec {
  return panel("timeseries", "Error budget remaining", [range(`${SLO_RECORDS.budgetRemaining}${sloSelector(slo)}`, "remaining")], {
    unit: "percentunit", thresholds: steps("red", [{ value: 0, color: OK_COLOR }]), thresholdStyle: "line",
    description: `Share of the ${slo.period} error budget left at each point in time; below the line the SLO is missed.`,
  });
}

function sliPanel(slo: Slo): PanelSpec {
  const select = sloSelector(slo);
  return panel("timeseries", "SLI against the objective", [
    range(`1 - ${sliRecordName("5m")}${select}`, "SLI (5m)"),
    range(`${SLO_RECORDS.objective}${select}`, "objective"),
  ], {
    unit: "percentunit", max: 1,
    description: "Share of good events over 5m windows, against the objective.",
  });
}

/** Good and bad events stacked; an SLI without a total query (raw, availability) has no event counts, only its error ratio. */
function eventsPanel(slo: Slo): PanelSpec {
  const errors = atRateWindow(slo.sli.errorQuery);
  if (slo.sli.totalQuery === undefined) {
    return panel("timeseries", "Error ratio", [range(errors, "error ratio")], {
      unit: "percentunit", min: 0, definitionQuery: true,
      description: "The SLI is an error ratio with no event counts behind it, so good and bad events cannot be told apart; this is the ratio, straight from the SLI query.",
    });
  }
  const total = atRateWindow(slo.sli.totalQuery);
  return panel("timeseries", "Good and bad events", [
    range(`(${total})\n-\n(${errors})`, "good"),
    range(errors, "bad"),
  ], {
    unit: EVENT_RATE_UNIT, min: 0, stacked: true, definitionQuery: true,
    description: "Events per second, from the SLI's error and total queries: bad are the errors, good the rest.",
  });
}

/** What the SLO promises and when it alerts, as plain markdown. */
function definitionPanel(slo: Slo, service: Service): PanelSpec {
  const tiers = enabledTiers(slo);
  const percent = (share: number) => `${formatNumber(roundFloat(share * 100))}%`;
  const lines = [
    ...(slo.description ? [slo.description, ""] : []),
    `- **Objective:** ${slo.objectiveText} over ${slo.period}`,
    `- **Service:** ${service.name}${service.owner ? ` (team ${service.owner})` : ""}`,
    `- **SLI:** ${slo.type}`,
    "",
    tiers.length > 0 ? "**Burn-rate alerts**" : "**Burn-rate alerts:** none",
    ...tiers.map((t) =>
      `- ${t.group}, ${t.severity}: ${t.short} and ${t.long} windows above ${formatNumber(t.factor)}x (${percent(t.budget)} of the budget spent in ${t.long})`),
  ];
  return textPanel("Definition", lines.join("\n"));
}
