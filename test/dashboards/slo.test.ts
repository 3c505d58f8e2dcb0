// The generated SLO dashboards: one per SLO, reading only that SLO's recording rules (the event
// rates aside), with the alert tiers' factors as burn-rate thresholds.

import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { generatePrometheusRules } from "../../src/generators/prometheus/rules.js";
import { dashboardUid, SEVERITY_COLORS } from "../../src/model/conventions.js";
import { GRID_COLUMNS } from "../../src/model/dashboard-schema.js";
import { allDashboards } from "../../src/model/dashboards/index.js";
import { overlaps } from "../../src/model/dashboards/layout.js";
import { sloDashboard } from "../../src/model/dashboards/slo.js";
import type { Model, Service, Slo } from "../../src/model/schema.js";
import { compile } from "../../src/pipeline.js";
import { baseProject, lineOf, writeProject } from "../helpers.js";
import { panelsOf, panelTitled, parseQuery, selectorsOf, seriesOf } from "./queries.js";

const EVENTS_PANELS = ["Good and bad events", "Error ratio"];

async function modelOf(target: string): Promise<Model> {
  const result = await compile(target, { validateOnly: true });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.model!;
}

function sloNamed(model: Model, id: string): { slo: Slo; service: Service } {
  for (const service of model.services) for (const slo of service.slos) if (slo.id === id) return { slo, service };
  throw new Error(`no SLO ${id}`);
}

/** Each SLO dashboard's rule-reading queries read only recording rules the Prometheus generator makes for that very SLO. */
function expectOnlyOwnRules(model: Model) {
  const objects = generatePrometheusRules(model).objects;
  let checked = 0;
  for (const service of model.services) {
    for (const slo of service.slos) {
      const recorded = new Set(objects.filter((o) => o.kind === "recording" && o.id.startsWith(`slo/${slo.id}/`)).map((o) => o.name));
      const dashboard = sloDashboard(slo, service, model);
      for (const panel of panelsOf(dashboard).filter((p) => !EVENTS_PANELS.includes(p.title))) {
        for (const query of panel.queries) {
          for (const selector of selectorsOf(query.expr)) {
            expect(recorded, `${dashboard.uid} / ${panel.title}`).toContain(selector.name);
            expect(selector.matchers).toContainEqual(expect.objectContaining({ label: "sloth_id", op: "=", value: slo.id }));
            checked++;
          }
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(0);
}

describe("SLO dashboards of examples/ai-platform", () => {
  let model: Model;
  beforeAll(async () => {
    model = await modelOf("examples/ai-platform");
  });

  it("makes one dashboard per SLO, in the owning team's folder", () => {
    const slos = allDashboards(model).filter((d) => d.origin === "slo");
    expect(slos.map((d) => d.uid)).toEqual(model.services.flatMap((s) => s.slos.map((slo) => dashboardUid("slo", slo.id))));
    expect(slos.map((d) => d.uid)).toContain("slo-fraud-detection-prediction-latency");
    const { slo, service } = sloNamed(model, "fraud-detection-prediction-availability");
    const dashboard = sloDashboard(slo, service, model);
    expect(dashboard).toMatchObject({
      uid: "slo-fraud-detection-prediction-c6adc956",
      title: "SLO · fraud-detection / prediction-availability",
      folder: "ml-platform",
      tags: ["moncc", "moncc-slo"],
      subject: "SLO fraud-detection-prediction-availability (generated dashboard)",
      span: { file: "models/fraud-detection.ts", line: lineOf(fs.readFileSync("examples/ai-platform/models/fraud-detection.ts", "utf8"), '"prediction-availability"') },
      variables: [{ kind: "datasource", name: "datasource", query: "prometheus" }],
      metrics: [],
    });
    expect(panelsOf(dashboard).every((p) => p.datasource === "${datasource}")).toBe(true);
    expect(dashboard.links).toEqual([
      { title: "Overview", url: "/d/overview-ai-platform", asDropdown: false },
      { title: "SLOs", tags: ["moncc-slo"], asDropdown: true },
      { title: "Services", tags: ["moncc-service"], asDropdown: true },
    ]);
  });

  it("draws every page and ticket tier factor on the burn rates, in its severity's color", () => {
    const { slo, service } = sloNamed(model, "fraud-detection-prediction-availability");
    const burn = panelTitled(sloDashboard(slo, service, model), "Burn rate by alert window");
    expect(burn.thresholds).toEqual([
      { value: null, color: "green" },
      { value: 1, color: SEVERITY_COLORS.P3 },
      { value: 3, color: SEVERITY_COLORS.P3 },
      { value: 6, color: SEVERITY_COLORS.P1 },
      { value: 14.4, color: SEVERITY_COLORS.P1 },
    ]);
    expect(burn.thresholdStyle).toBe("line");
    expect(burn.queries.map((q) => q.legend)).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "3d"]);
    expect(seriesOf(burn.queries[2].expr)).toEqual(["slo:error_budget:ratio", "slo:sli_error:ratio_rate1h"]);
  });

  it("shows the four stats, the budget threshold steps and the burn rate at the lowest page factor", () => {
    const { slo, service } = sloNamed(model, "recommendation-recommendation-availability");
    const panels = panelsOf(sloDashboard(slo, service, model));
    expect(panels.filter((p) => p.type === "stat").map((p) => [p.title, p.queries[0].expr.split("{")[0], p.width])).toEqual([
      ["Objective", "slo:objective:ratio", 6],
      ["SLI over 28d", "1 - slo:sli_error:ratio_rate4w", 6],
      ["Error budget remaining", "slo:period_error_budget_remaining:ratio", 6],
      ["Current burn rate", "slo:current_burn_rate:ratio", 6],
    ]);
    expect(panels.find((p) => p.title === "Error budget remaining" && p.type === "stat")?.thresholds).toEqual([
      { value: null, color: "red" }, { value: 0, color: "yellow" }, { value: 0.25, color: "green" },
    ]);
    expect(panels.find((p) => p.title === "Current burn rate")?.thresholds).toEqual([{ value: null, color: "green" }, { value: 5.6, color: SEVERITY_COLORS.P1 }]);
    expect(panels.find((p) => p.title === "SLI over 28d")?.thresholds).toEqual([{ value: null, color: "red" }, { value: 0.995, color: "green" }]);
  });

  it("stacks good over bad events from the SLI queries at Grafana's rate interval", () => {
    const { slo, service } = sloNamed(model, "fraud-detection-prediction-availability");
    const events = panelTitled(sloDashboard(slo, service, model), "Good and bad events");
    expect(events.stacked).toBe(true);
    expect(events.queries.map((q) => q.legend)).toEqual(["good", "bad"]);
    expect(events.queries[1].expr).toBe('sum(rate(model_prediction_errors_total{model="fraud-detection", reason!="invalid_request"}[$__rate_interval]))');
    expect(events.queries[0].expr).toBe(`(sum(rate(model_predictions_total{model="fraud-detection"}[$__rate_interval])))\n-\n(${events.queries[1].expr})`);
  });

  it("shows an availability SLO's error ratio instead of events, and says why", () => {
    const { slo, service } = sloNamed(model, "feature-store-online-store-up");
    const dashboard = sloDashboard(slo, service, model);
    expect(panelsOf(dashboard).some((p) => p.title === "Good and bad events")).toBe(false);
    const ratio = panelTitled(dashboard, "Error ratio");
    expect(ratio.queries.map((q) => q.expr)).toEqual(['1 - avg(avg_over_time(up{job="feature-store-online"}[$__rate_interval]))']);
    expect(ratio.unit).toBe("percentunit");
    expect(ratio.description).toMatch(/no event counts/);
  });

  it("reads the event rates only from the SLI's own series", () => {
    for (const service of model.services) {
      for (const slo of service.slos) {
        const sli = [slo.sli.errorQuery, slo.sli.totalQuery ?? ""].filter(Boolean).flatMap((q) => seriesOf(q.split("{{.window}}").join("5m")));
        const events = panelsOf(sloDashboard(slo, service, model)).find((p) => EVENTS_PANELS.includes(p.title))!;
        expect(new Set(events.queries.flatMap((q) => seriesOf(q.expr))), slo.id).toEqual(new Set(sli));
      }
    }
  });

  it("reads every other series from the SLO's own recording rules", () => {
    expectOnlyOwnRules(model);
  });

  it("writes queries that parse", () => {
    for (const dashboard of allDashboards(model).filter((d) => d.origin === "slo")) {
      for (const panel of panelsOf(dashboard)) {
        for (const query of panel.queries) expect(parseQuery(query.expr), `${dashboard.uid} / ${panel.title}: ${query.expr}`).toBeDefined();
      }
    }
  });

  it("lists the objective, period and alert tiers in the definition panel", () => {
    const { slo, service } = sloNamed(model, "feature-store-pipeline-success");
    const text = panelTitled(sloDashboard(slo, service, model), "Definition");
    expect(text.type).toBe("text");
    expect(text.content).toContain("99% of feature pipeline runs succeed, over a rolling week.");
    expect(text.content).toContain("- **Objective:** 99% over 7d");
    expect(text.content).toContain("- page, P1: 5m and 1h windows above 3.36x (2% of the budget spent in 1h)");
    expect(text.content).toContain("- ticket, P3: 6h and 3d windows above 0.233333333333333x (10% of the budget spent in 3d)");
    // Eleven lines do not fit the default four grid lines.
    expect(text.height).toBeGreaterThan(4);
  });

  it("lays the panels out inside the grid without overlaps", () => {
    for (const dashboard of allDashboards(model).filter((d) => d.origin === "slo")) {
      const placed = dashboard.rows.flatMap((row) => row.panels.map((p) => p.gridPos));
      for (const pos of placed) expect(pos.x + pos.w).toBeLessThanOrEqual(GRID_COLUMNS);
      placed.forEach((a, i) => placed.slice(i + 1).forEach((b) => expect(overlaps(a, b), dashboard.uid).toBe(false)));
    }
  });
});

const SLOTH_SPEC = `version: "prometheus/v1"
service: "checkout"
slos:
  - name: "requests-availability"
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total[{{ .window }}]))
    alerting:
      name: CheckoutHighErrorRate
      page_alert: {}
      ticket_alert:
        disable: true
`;

describe("SLO dashboards of imported Sloth specs", () => {
  let model: Model;
  beforeAll(async () => {
    model = await modelOf(writeProject({ "moncc.config.ts": baseProject(), "sloth/checkout.yml": SLOTH_SPEC }));
  });

  it("files them in the General folder and draws only the enabled page tiers", () => {
    const { slo, service } = sloNamed(model, "checkout-requests-availability");
    expect(slo.profile).toBe("sloth");
    const dashboard = sloDashboard(slo, service, model);
    expect(dashboard.folder).toBe("general");
    const burn = panelTitled(dashboard, "Burn rate by alert window");
    expect(burn.thresholds).toEqual([{ value: null, color: "green" }, { value: 6, color: SEVERITY_COLORS.P1 }, { value: 14.4, color: SEVERITY_COLORS.P1 }]);
    expect(burn.queries.map((q) => q.legend)).toEqual(["5m", "30m", "1h", "6h"]);
    expect(panelTitled(dashboard, "Good and bad events").queries[1].expr).toBe('sum(rate(http_requests_total{code=~"5.."}[$__rate_interval]))');
  });

  it("reads only the rules the Sloth profile records", () => {
    expectOnlyOwnRules(model);
  });
});
