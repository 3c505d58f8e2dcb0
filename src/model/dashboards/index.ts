// Every dashboard moncc generates, laid out: one per service, one per SLO, the overview, and the
// user's own. Derived from the model once per model, for the dashboard checks and the Grafana generator.

import type { Dashboard, DashboardSpec } from "../dashboard-schema.js";
import type { Model } from "../schema.js";
import { layoutDashboard } from "./layout.js";
import { overviewDashboard } from "./overview.js";
import { serviceDashboard } from "./service.js";
import { sloDashboard } from "./slo.js";

const cache = new WeakMap<Model, readonly Dashboard[]>();

export function allDashboards(model: Model): readonly Dashboard[] {
  let dashboards = cache.get(model);
  if (!dashboards) {
    dashboards = dashboardSpecs(model).map(layoutDashboard);
    cache.set(model, dashboards);
  }
  return dashboards;
}

function dashboardSpecs(model: Model): DashboardSpec[] {
  if (!model.grafana.generated) return [...model.dashboards];
  // Imported Sloth/OpenSLO services have no metrics of their own: their SLO dashboards cover them.
  const services = model.services.filter((service) => service.metrics.length > 0 || service.alerts.length > 0 || service.panels !== undefined);
  const overview = overviewDashboard(model);
  return [
    ...services.map((service) => serviceDashboard(service, model)),
    ...model.services.flatMap((service) => service.slos.map((slo) => sloDashboard(slo, service, model))),
    // A project with neither SLOs nor alerts has nothing to overview.
    ...(overview.rows.length > 0 ? [overview] : []),
    ...model.dashboards,
  ];
}
