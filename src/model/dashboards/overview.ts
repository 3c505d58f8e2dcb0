// The project's overview, the seeds' "executive" view: how many SLOs meet their objective, the
// alerts firing by severity, every SLO with its remaining budget (rows link to their SLO dashboards
// where the uids allow), the firing alerts per service, and dashboard links to every detail dashboard.

import { DASHBOARD_TAGS, dashboardUid, GENERAL_FOLDER, OK_COLOR, SERVICE_LABEL, SEVERITY_COLORS, SEVERITY_LABEL, SLO_RECORDS } from "../conventions.js";
import type { DashboardSpec, PanelLink, PanelSpec, RowSpec } from "../dashboard-schema.js";
import { SeveritySchema, type Model, type Severity, type Slo } from "../schema.js";
import { serviceHasAlerts } from "../slo.js";
import { anyOf, BUDGET_REMAINING_STEPS, datasourceVariable, instant, panel, steps } from "./panels.js";

export const overviewUid = (model: Pick<Model, "name">) => dashboardUid("overview", model.name);

export function overviewDashboard(model: Model): DashboardSpec {
  const slos = model.services.flatMap((service) => service.slos);
  const services = model.services.map((service) => service.name);
  // Scoped to the project's services and SLOs, as one Prometheus may hold several projects.
  const firing = (...matchers: string[]) =>
    `ALERTS{${['alertstate="firing"', ...matchers, ...(services.length > 0 ? [anyOf(SERVICE_LABEL, services)] : [])].join(", ")}}`;
  const budgets = `${SLO_RECORDS.budgetRemaining}{${anyOf("sloth_id", slos.map((slo) => slo.id))}}`;
  // Without alerts Prometheus records no ALERTS series to read.
  const alerting = model.services.some(serviceHasAlerts);
  // Two SLO stats and four alert stats share one line of 24 columns; without SLOs the alert stats fill it.
  const statWidth = slos.length > 0 ? 4 : 6;

  const summary: PanelSpec[] = [
    ...(slos.length > 0 ? [
      panel("stat", "SLOs meeting their objective", [instant(`count(${budgets} >= 0) or vector(0)`)], {
        width: statWidth, unit: "none", thresholds: steps("red", [{ value: slos.length, color: OK_COLOR }]),
        description: `Of the project's ${slos.length} SLOs, those with error budget left over their period.`,
      }),
      panel("stat", "Lowest budget remaining", [instant(`min(${budgets})`)], {
        width: statWidth, unit: "percentunit", decimals: 1, thresholds: [...BUDGET_REMAINING_STEPS],
        description: "The error budget left by the SLO that has spent the most of its own.",
      }),
    ] : []),
    ...(alerting ? SeveritySchema.options.map((severity) => severityStat(severity, firing(`${SEVERITY_LABEL}="${severity}"`), statWidth)) : []),
  ];

  const rows: RowSpec[] = [
    { collapsed: false, panels: summary },
    ...(slos.length > 0 ? [{ title: "SLOs", collapsed: false, panels: [sloTable(slos, budgets)] }] : []),
    ...(alerting ? [{
      title: "Alerts", collapsed: false, panels: [
        panel("table", "Firing alerts by service", [instant(`count by (${SERVICE_LABEL}, ${SEVERITY_LABEL}) (${firing()})`, "table")], {
          unit: "none", description: "Alerts firing now, counted per service and severity; a service with none is not listed.",
        }),
      ],
    }] : []),
  ].filter((row) => row.panels.length > 0);

  return {
    uid: overviewUid(model),
    title: `${model.name} · overview`,
    folder: GENERAL_FOLDER,
    origin: "overview",
    subject: "project overview (generated dashboard)",
    description: `Every SLO and firing alert of ${model.name}; the links lead to the service and SLO dashboards.`,
    tags: [DASHBOARD_TAGS.all, DASHBOARD_TAGS.overview],
    time: { from: "now-24h", to: "now" },
    refresh: "1m",
    variables: [datasourceVariable()],
    rows,
    links: [
      { title: "Services", tags: [DASHBOARD_TAGS.service], asDropdown: true },
      { title: "SLOs", tags: [DASHBOARD_TAGS.slo], asDropdown: true },
    ],
    metrics: [],
    span: model.span,
  };
}

function severityStat(severity: Severity, alerts: string, width: number): PanelSpec {
  return panel("stat", `Firing ${severity}`, [instant(`count(${alerts}) or vector(0)`)], {
    width, unit: "none", thresholds: steps(OK_COLOR, [{ value: 1, color: SEVERITY_COLORS[severity] }]),
    description: `Alerts of severity ${severity} firing now.`,
  });
}

/** One row per SLO: its service, name, objective (from the info series) and remaining budget. */
function sloTable(slos: readonly Slo[], budgets: string): PanelSpec {
  const info = `${SLO_RECORDS.info}{${anyOf("sloth_id", slos.map((slo) => slo.id))}}`;
  const expr = `max by (sloth_service, sloth_slo, sloth_objective, sloth_id) (\n  ${budgets}\n  * on (sloth_id) group_left (sloth_objective)\n  ${info}\n)`;
  return panel("table", "SLOs", [instant(expr, "table")], {
    unit: "percentunit", decimals: 1, thresholds: [...BUDGET_REMAINING_STEPS], dataLinks: sloLinks(slos),
    description: "Every SLO of the project with its objective (percent) and the share of its error budget left (Value).",
  });
}

/**
 * A link from each row to its SLO dashboard: straight to it when every uid is "slo-" + the row's
 * sloth_id; when some id was too long and its uid got shortened, to Grafana's search for the SLO's
 * dashboards instead, which finds it by its tag and name.
 */
function sloLinks(slos: readonly Slo[]): PanelLink[] {
  if (slos.every((slo) => dashboardUid("slo", slo.id) === `slo-${slo.id}`)) {
    return [{ title: "SLO dashboard", url: "/d/slo-${__data.fields.sloth_id}" }];
  }
  return [{ title: "SLO dashboard", url: `/dashboards?tag=${DASHBOARD_TAGS.slo}&query=\${__data.fields.sloth_service} / \${__data.fields.sloth_slo}` }];
}
