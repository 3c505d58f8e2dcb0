// Every PromQL query of every dashboard (generated and user-declared), with Grafana's variables
// substituted and parsed once for the dashboard checks (panels that show an alert's or SLO's own
// expression are left to the PromQL checks); and the series a dashboard may read: the
// declared metrics, the series moncc's recording rules record, and Prometheus' ALERTS series.

import type { SourceTexts } from "../../diagnostics/diagnostic.js";
import { locateText } from "../../diagnostics/source-position.js";
import type { Dashboard, PanelQuery, PlacedPanel } from "../../model/dashboard-schema.js";
import { allDashboards } from "../../model/dashboards/index.js";
import { grammarText } from "../../model/promql/compat.js";
import { declaredSeries, metricSeries, recordedSeriesNames, type SeriesCatalog, type SeriesInfo } from "../../model/promql/series.js";
import { serviceHasAlerts } from "../../model/slo.js";
import { syntaxTree, type PromqlNode } from "../../model/promql/tree.js";
import type { Model, Span } from "../../model/schema.js";
import type { CheckContext } from "../check.js";
import { promqlContext } from "../promql/expressions.js";
import { locateInTemplate } from "../promql/template-position.js";
import { substituteVariables, variableQuery, type VariableUse } from "./grafana-variables.js";

export interface DashboardQuery {
  readonly dashboard: Dashboard;
  /** The panel the query belongs to; undefined for a variable's query. */
  readonly panel: PlacedPanel | undefined;
  /** For messages: `dashboard Fraud deep dive, panel "Errors"`. */
  readonly where: string;
  /** The PromQL as written, Grafana variables in (for a variable, the PromQL inside its query). */
  readonly expr: string;
  /** Where Grafana variables were substituted, in `expr` offsets. */
  readonly uses: readonly VariableUse[];
  /** What the grammar reads: variables substituted, holt_winters renamed (offsets as in `expr`, but see toOriginal). */
  readonly grammar: string;
  /** The tree of `grammar`; undefined when it does not parse. */
  readonly tree: PromqlNode | undefined;
  readonly toOriginal: (offset: number) => number;
  /** Why a variable's query is not one Grafana understands. */
  readonly malformed: string | undefined;
  readonly span: Span | undefined;
  /** The span of a tree offset: the spot in the user's `promql` template where possible. */
  locate(offset: number): Span | undefined;
}

/** Every panel with its dashboard, in layout order. */
export function* allPanels(model: Model): Generator<{ dashboard: Dashboard; panel: PlacedPanel }> {
  for (const dashboard of allDashboards(model)) {
    for (const row of dashboard.rows) for (const panel of row.panels) yield { dashboard, panel };
  }
}

export const panelWhere = (dashboard: Dashboard, panel: { title: string }) => `${dashboard.subject}, panel "${panel.title}"`;
export const panelSpan = (dashboard: Dashboard, panel: { span?: Span }) => panel.span ?? dashboard.span;

/** Per check run (see promqlContext). */
const queriesCache = new WeakMap<CheckContext, readonly DashboardQuery[]>();

/** The queries of every dashboard of the model; built once per model. */
export function dashboardQueries(context: CheckContext): readonly DashboardQuery[] {
  let queries = queriesCache.get(context);
  if (!queries) {
    queries = buildQueries(context.model, context.sources);
    queriesCache.set(context, queries);
  }
  return queries;
}

function buildQueries(model: Model, sources: SourceTexts): DashboardQuery[] {
  const out: DashboardQuery[] = [];
  for (const dashboard of allDashboards(model)) {
    for (const variable of dashboard.variables) {
      if (variable.kind !== "query") continue;
      const where = `${dashboard.subject}, variable $${variable.name}`;
      const span = variable.span ?? dashboard.span;
      const parsed = variableQuery(variable.query);
      if (parsed.kind === "none") continue;
      const base = { dashboard, panel: undefined, where, span, locate: () => span };
      out.push(parsed.kind === "malformed"
        ? { ...base, expr: variable.query, uses: [], grammar: variable.query, tree: undefined, toOriginal: (offset) => offset, malformed: parsed.message }
        : { ...base, ...parse(parsed.expr), malformed: undefined });
    }
    for (const row of dashboard.rows) {
      for (const panel of row.panels) {
        // An alert's or SLO's own expression: the PromQL checks report its problems at the definition.
        if (panel.definitionQuery) continue;
        for (const query of panel.queries) {
          const span = query.span ?? panelSpan(dashboard, panel);
          out.push({
            dashboard, panel, where: panelWhere(dashboard, panel), span, ...parse(query.expr), malformed: undefined,
            locate: (offset) => locateQuery(query, span, offset, sources) ?? span,
          });
        }
      }
    }
  }
  return out;
}

function parse(expr: string) {
  // Substitution keeps lengths, so only the holt_winters rename moves offsets.
  const { text, uses } = substituteVariables(expr);
  const grammar = grammarText(text);
  return { expr, uses, grammar: grammar.text, tree: syntaxTree(grammar.text), toOriginal: grammar.toOriginal };
}

/** An offset of the query's text in the TS source: inside its `promql` template, else where the text is written. */
function locateQuery(query: PanelQuery, span: Span | undefined, offset: number, sources: SourceTexts): Span | undefined {
  if (query.template) return locateInTemplate({ expr: query.expr, metrics: [], buckets: [], template: query.template, span: query.span }, offset, sources);
  return locateText(sources, span, query.expr, offset);
}

/** The series a dashboard may read: the catalog the PromQL checks use, extended with them. */
export interface DashboardSeries {
  readonly catalog: SeriesCatalog;
  /** Every name a series may be read by, sorted, for suggestions. */
  names(): readonly string[];
}

interface ModelSeries {
  readonly known: ReadonlyMap<string, SeriesInfo>;
  readonly perDashboard: WeakMap<Dashboard, DashboardSeries>;
  sortedNames?: readonly string[];
}

const seriesCache = new WeakMap<CheckContext, ModelSeries>();

/**
 * Declared metrics (the project's and the dashboard's own), every series moncc's recording rules
 * record (the project's, SLO and drift-monitor records), and ALERTS / ALERTS_FOR_STATE when any
 * alert is generated.
 */
export function dashboardSeries(context: CheckContext, dashboard: Dashboard): DashboardSeries {
  let shared = seriesCache.get(context);
  if (!shared) {
    shared = { known: knownSeries(context.model), perDashboard: new WeakMap() };
    seriesCache.set(context, shared);
  }
  let series = shared.perDashboard.get(dashboard);
  if (!series) {
    const model = shared;
    // Most dashboards declare no metrics of their own; theirs sit on top of the model's.
    const own = new Map(dashboard.metrics.flatMap(metricSeries).filter((info) => !model.known.has(info.name)).map((info) => [info.name, info]));
    const { catalog } = promqlContext(context);
    const modelNames = () => (model.sortedNames ??= [...model.known.keys()].sort());
    series = {
      catalog: { lookup: (name) => model.known.get(name) ?? own.get(name), targetLabels: catalog.targetLabels, scrapeInterval: catalog.scrapeInterval },
      names: () => (own.size === 0 ? modelNames() : [...modelNames(), ...own.keys()].sort()),
    };
    shared.perDashboard.set(dashboard, series);
  }
  return series;
}

function knownSeries(model: Model): Map<string, SeriesInfo> {
  const known = declaredSeries(model);
  for (const name of recordedSeriesNames(model)) {
    if (!known.has(name)) known.set(name, { name, kind: "recorded", labels: undefined, declaredAs: `recording rule ${name}` });
  }
  if (model.services.some(serviceHasAlerts)) {
    for (const name of ["ALERTS", "ALERTS_FOR_STATE"]) known.set(name, { name, kind: "recorded", labels: undefined, declaredAs: `Prometheus' ${name} series` });
  }
  return known;
}
