// The generated overview: every SLO with its budget, firing alerts by severity, links to the detail
// dashboards; queries that parse and read only the SLO rules the generator writes and ALERTS.

import { beforeAll, describe, expect, it } from "vitest";
import { generatePrometheusRules } from "../../src/generators/prometheus/rules.js";
import { SEVERITY_COLORS } from "../../src/model/conventions.js";
import { GRID_COLUMNS } from "../../src/model/dashboard-schema.js";
import { allDashboards } from "../../src/model/dashboards/index.js";
import { layoutDashboard } from "../../src/model/dashboards/layout.js";
import { overviewDashboard } from "../../src/model/dashboards/overview.js";
import type { Model } from "../../src/model/schema.js";
import { compile } from "../../src/pipeline.js";
import { panelsOf, panelTitled, parseQuery, selectorsOf, seriesOf } from "./queries.js";

async function modelOf(target: string): Promise<Model> {
  const result = await compile(target, { validateOnly: true });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.model!;
}

/** The values a `label=~"a|b"` matcher of the query accepts, unescaped. */
function regexValues(expr: string, label: string): string[] {
  const matcher = selectorsOf(expr).flatMap((s) => s.matchers).find((m) => m.label === label && m.op === "=~");
  if (!matcher) throw new Error(`no ${label}=~ in ${expr}`);
  return matcher.value.split("|").map((v) => v.replace(/\\(.)/g, "$1"));
}

/** A copy of the model whose SLO ids are as given, by position. */
function withSloIds(model: Model, ids: readonly string[]): Model {
  let next = 0;
  return { ...model, services: model.services.map((s) => ({ ...s, slos: s.slos.map((slo) => ({ ...slo, id: ids[next++] })) })) };
}

describe("the overview of examples/ai-platform", () => {
  let model: Model;
  beforeAll(async () => {
    model = await modelOf("examples/ai-platform");
  });

  it("is one general dashboard of the project, after the SLO dashboards", () => {
    const dashboards = allDashboards(model);
    const overviews = dashboards.filter((d) => d.origin === "overview");
    expect(overviews.map((d) => d.uid)).toEqual(["overview-ai-platform"]);
    expect(dashboards.findIndex((d) => d.origin === "overview")).toBeGreaterThan(dashboards.map((d) => d.origin).lastIndexOf("slo"));
    expect(overviews[0]).toMatchObject({
      title: "ai-platform · overview", folder: "general", tags: ["moncc", "moncc-overview"],
      subject: "project overview (generated dashboard)", span: model.span, metrics: [],
      variables: [{ kind: "datasource", name: "datasource", query: "prometheus" }],
    });
  });

  it("lists every SLO of the project in the SLO table, with its objective and budget", () => {
    const table = panelTitled(overviewDashboard(model), "SLOs");
    expect(table).toMatchObject({ type: "table", width: 24, unit: "percentunit" });
    expect(table.queries).toHaveLength(1);
    const [query] = table.queries;
    expect(query).toMatchObject({ instant: true, format: "table" });
    const ids = model.services.flatMap((s) => s.slos.map((slo) => slo.id)).sort();
    expect(ids).toHaveLength(5);
    expect(regexValues(query.expr, "sloth_id")).toEqual(ids);
    expect(seriesOf(query.expr)).toEqual(["slo:period_error_budget_remaining:ratio", "sloth_slo_info"]);
    expect(query.expr).toMatch(/^max by \(sloth_service, sloth_slo, sloth_objective, sloth_id\)/);
  });

  it("links rows straight to SLO dashboards when every uid is slo-<sloth_id>, else to Grafana's search for them", () => {
    const search = [{ title: "SLO dashboard", url: "/dashboards?tag=moncc-slo&query=${__data.fields.sloth_service} / ${__data.fields.sloth_slo}" }];
    // Two of ai-platform's SLO ids are too long for a 40-character uid: their uids carry a hash.
    expect(panelTitled(overviewDashboard(model), "SLOs").dataLinks).toEqual(search);
    const short = withSloIds(model, ["a-1", "a-2", "b-1", "c-1", "c-2"]);
    expect(panelTitled(overviewDashboard(short), "SLOs").dataLinks).toEqual([{ title: "SLO dashboard", url: "/d/slo-${__data.fields.sloth_id}" }]);
    const upper = withSloIds(model, ["a-1", "a-2", "B-1", "c-1", "c-2"]);
    expect(panelTitled(overviewDashboard(upper), "SLOs").dataLinks).toEqual(search);
    // The search finds the dashboard by the service and SLO names in its title.
    expect(allDashboards(model).find((d) => d.origin === "slo" && d.uid.endsWith("c6adc956"))?.title).toBe("SLO · fraud-detection / prediction-availability");
  });

  it("links to the service and SLO dashboards by tag", () => {
    expect(overviewDashboard(model).links).toEqual([
      { title: "Services", tags: ["moncc-service"], asDropdown: true },
      { title: "SLOs", tags: ["moncc-slo"], asDropdown: true },
    ]);
  });

  it("counts firing alerts per severity, P0 to P3, in the severities' colors", () => {
    const panels = panelsOf(overviewDashboard(model)).filter((p) => p.title.startsWith("Firing P"));
    expect(panels.map((p) => p.title)).toEqual(["Firing P0", "Firing P1", "Firing P2", "Firing P3"]);
    for (const [i, severity] of (["P0", "P1", "P2", "P3"] as const).entries()) {
      const [query] = panels[i].queries;
      expect(seriesOf(query.expr)).toEqual(["ALERTS"]);
      const matchers = selectorsOf(query.expr)[0].matchers;
      expect(matchers).toContainEqual(expect.objectContaining({ label: "severity", op: "=", value: severity }));
      expect(matchers).toContainEqual(expect.objectContaining({ label: "alertstate", op: "=", value: "firing" }));
      expect(panels[i].thresholds).toEqual([{ value: null, color: "green" }, { value: 1, color: SEVERITY_COLORS[severity] }]);
    }
    expect(regexValues(panels[0].queries[0].expr, "service")).toEqual(model.services.map((s) => s.name).sort());
  });

  it("counts the SLOs meeting their objective out of all of them", () => {
    const stat = panelTitled(overviewDashboard(model), "SLOs meeting their objective");
    expect(stat.queries[0].expr).toMatch(/^count\(slo:period_error_budget_remaining:ratio\{sloth_id=~".*"\} >= 0\) or vector\(0\)$/);
    expect(stat.thresholds).toEqual([{ value: null, color: "red" }, { value: 5, color: "green" }]);
  });

  it("writes queries that parse and read only ALERTS and the SLO rules the generator writes", () => {
    const recorded = new Set(generatePrometheusRules(model).objects.filter((o) => o.kind === "recording").map((o) => o.name));
    const dashboard = overviewDashboard(model);
    let checked = 0;
    for (const panel of panelsOf(dashboard)) {
      expect(panel.datasource).toBe("${datasource}");
      for (const query of panel.queries) {
        expect(parseQuery(query.expr), query.expr).toBeDefined();
        for (const series of seriesOf(query.expr)) {
          expect(series === "ALERTS" || recorded.has(series), `${panel.title}: ${series}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(6);
  });

  it("fills the top line with six stats and stacks the tables under it", () => {
    const laid = layoutDashboard(overviewDashboard(model));
    const top = laid.rows[0].panels;
    expect(top.map((p) => p.gridPos)).toEqual([0, 4, 8, 12, 16, 20].map((x) => ({ x, y: 0, w: 4, h: 4 })));
    expect(laid.rows.slice(1).map((r) => [r.title, r.panels.map((p) => p.gridPos.w)])).toEqual([["SLOs", [GRID_COLUMNS]], ["Alerts", [GRID_COLUMNS]]]);
  });
});

describe("the overview of a project without SLOs (examples/minimal)", () => {
  it("shows the alert stats across the whole line and no SLO panels", async () => {
    const model = await modelOf("examples/minimal");
    const laid = layoutDashboard(overviewDashboard(model));
    expect(laid.rows.map((r) => r.title)).toEqual([undefined, "Alerts"]);
    expect(laid.rows[0].panels.map((p) => [p.title, p.gridPos.x, p.gridPos.w])).toEqual([
      ["Firing P0", 0, 6], ["Firing P1", 6, 6], ["Firing P2", 12, 6], ["Firing P3", 18, 6],
    ]);
    expect(panelsOf(overviewDashboard(model)).flatMap((p) => p.queries).every((q) => !q.expr.includes("slo:"))).toBe(true);
  });
});
