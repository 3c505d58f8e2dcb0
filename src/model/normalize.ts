// model: turns the DSL objects a project exported into the IR. Units are resolved, references are
// turned into names, ids are assigned and spans are mapped to the user's files. Nothing here
// rejects input: what cannot be interpreted is recorded as a problem or an unresolved value, and
// the checks in src/validate report it with a code.

import type * as dsl from "../dsl/index.js";
import { COMPARISONS, type SeveritySpec } from "../dsl/alerts.js";
import { toMatchers } from "../dsl/metrics.js";
import type { Query as DslQuery, MetricRef } from "../dsl/query.js";
import type { CallSite } from "../dsl/span.js";
import { parseTraffic } from "../dsl/slos.js";
import type { Monitor as DslMonitor } from "../dsl/monitors.js";
import { parseDuration } from "../dsl/promql.js";
import type { TimeInterval as DslTimeInterval } from "../dsl/teams.js";
import { convertQuantity, parseQuantity, isUnit } from "../dsl/units.js";
import type { SpanResolver } from "../load/source-map.js";
import { toJsonValue, type JsonValue } from "./json-value.js";
import { byText, sortedRecord } from "./order.js";
import { normalizeDashboard, normalizeServicePanels, type SloIndex } from "./normalize-dashboards.js";
import { normalizeSlo } from "./slo.js";
import {
  alertRuleId, DEFAULT_REQUIRE_RUNBOOK, defaultDashboardsPath, sloId, DEFAULT_ROUTING, DEFAULT_SCRAPE, receiverName, recordingId,
  RUNBOOK_ANNOTATION, SERVICE_LABEL, SEVERITY_LABEL, TEAM_LABEL,
} from "./conventions.js";
import {
  ProjectSchema, type Alert, type AlertRule, type Metric, type Model, type Monitor, type Problem, type QueryIR,
  type Recording, type Service, type Span, type Team, type Threshold, type TimeInterval,
} from "./schema.js";

export function normalizeProject(project: dsl.Project, resolveSpan: SpanResolver): Model {
  const problems: Problem[] = [];
  const span: SpanOf = resolveSpan;
  const intervals = new Map<DslTimeInterval, TimeInterval>();
  const intervalName = (value: DslTimeInterval | string): string => {
    if (typeof value === "string") return value;
    if (!intervals.has(value)) intervals.set(value, normalizeTimeInterval(value, span));
    return value.name;
  };
  for (const interval of project.timeIntervals ?? []) within(`time interval ${interval?.name}`, span(interval?.span), () => intervalName(interval));

  const teams = (project.teams ?? []).map((team) => within(`team ${team?.name}`, span(team?.span), () => normalizeTeam(team, span, intervalName, problems)));
  const slos: SloIndex = new Map((project.services ?? []).flatMap((svc) =>
    (svc?.slos ?? []).map((slo) => [slo, { id: sloId(svc.name, slo?.name), service: svc.name, name: slo?.name }] as const)));
  const services = (project.services ?? []).map((svc) => within(`service ${svc?.name}`, span(svc?.span), () => normalizeService(svc, span, problems, slos)));
  const dashboards = (project.dashboards ?? []).map((definition) => within(`dashboard ${definition?.title}`, span(definition?.span), () =>
    normalizeDashboard(definition, { span, problems, slos, metrics: new MetricCollector(span) })));

  const model: Model = {
    name: project.name,
    targets: {
      prometheus: String(project.targets?.prometheus),
      alertmanager: String(project.targets?.alertmanager),
      prometheusFeatures: [...(project.targets?.prometheusFeatures ?? [])].map(String).sort(byText),
    },
    scrape: {
      interval: String(project.scrape?.interval ?? DEFAULT_SCRAPE.interval),
      targetLabels: [...(project.scrape?.targetLabels ?? DEFAULT_SCRAPE.targetLabels)].map(String).sort(byText),
    },
    teams,
    services,
    timeIntervals: [...intervals.values()],
    defaultReceiver: {
      team: project.defaultReceiver?.team ?? "",
      receiver: project.defaultReceiver?.receiver ?? "",
      span: span(project.defaultReceiver?.span) ?? span(project.span),
    },
    routing: {
      groupBy: [...(project.routing?.groupBy ?? DEFAULT_ROUTING.groupBy)],
      groupWait: project.routing?.groupWait ?? DEFAULT_ROUTING.groupWait,
      groupInterval: project.routing?.groupInterval ?? DEFAULT_ROUTING.groupInterval,
      repeat: project.routing?.repeat ?? DEFAULT_ROUTING.repeat,
    },
    policy: {
      requireRunbook: [...(project.policy?.requireRunbook ?? DEFAULT_REQUIRE_RUNBOOK)],
      inhibitLowerSeverities: project.policy?.inhibitLowerSeverities ?? true,
    },
    dashboards,
    grafana: {
      dashboardsPath: project.grafana?.dashboardsPath ?? defaultDashboardsPath(project.name),
      generated: project.grafana?.generated ?? true,
    },
    problems,
    span: span(project.span),
  };
  return ProjectSchema.parse(model);
}

/** A definition with the wrong shape (possible from plain JS or `as any`): which one, and where. */
export class DefinitionShapeError extends Error {
  constructor(readonly subject: string, readonly span: Model["span"], cause: unknown) {
    super(`${subject}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Runs `work`, attributing any exception to the innermost definition being normalized. */
function within<T>(subject: string, span: Model["span"], work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DefinitionShapeError) throw error;
    throw new DefinitionShapeError(subject, span, error);
  }
}

export type SpanOf = (site: CallSite | undefined) => Model["span"];

/** Options go into alertmanager.yml as they are: JSON values only. An undefined option is not set. */
function receiverOptions(options: Readonly<Record<string, unknown>>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined)
    .map(([name, value]) => [name, toJsonValue(value, `option ${name}`)]));
}

function normalizeTimeInterval(interval: DslTimeInterval, span: SpanOf): TimeInterval {
  return {
    name: interval.name,
    location: interval.location,
    weekdays: [...(interval.weekdays ?? [])],
    times: (interval.times ?? []).map((t) => ({ start: t.start, end: t.end })),
    daysOfMonth: [...(interval.daysOfMonth ?? [])],
    months: [...(interval.months ?? [])],
    span: span(interval.span),
  };
}

function normalizeTeam(team: dsl.Team<any>, span: SpanOf, intervalName: (v: DslTimeInterval | string) => string, problems: Problem[]): Team {
  const teamSpan = span(team.span);
  const subject = `team ${team.name}`;
  const notifyList = (notify: readonly string[] | undefined, where: string): string[] => {
    if (!notify || notify.length === 0) {
      problems.push({ message: `${where} notifies no receiver`, hint: "list at least one of the team's receivers in notify, or remove the entry", subject, span: teamSpan });
      return [];
    }
    return [...notify];
  };
  return {
    name: team.name,
    receivers: Object.keys(team.receivers ?? {}).sort(byText).map((key) => {
      const receiver = team.receivers[key];
      const id = receiverName(team.name, key);
      const receiverSpan = span(receiver.span) ?? teamSpan;
      return {
        id,
        team: team.name,
        key,
        type: receiver.type,
        options: within(`receiver ${id}`, receiverSpan, () => receiverOptions(receiver.options)),
        span: receiverSpan,
      };
    }),
    escalation: (["P0", "P1", "P2", "P3"] as const).flatMap((severity) => {
      const step = team.escalation?.[severity];
      if (!step) return [];
      return [{
        severity,
        notify: notifyList(step.notify, `escalation ${severity}`),
        repeat: step.repeat,
        groupWait: step.groupWait,
        groupInterval: step.groupInterval,
        activeDuring: (step.activeDuring ?? []).map(intervalName),
        mutedDuring: (step.mutedDuring ?? []).map(intervalName),
      }];
    }),
    routes: (team.routes ?? []).map((route, index) => ({
      matchers: toMatchers(route.match ?? {}),
      notify: notifyList(route.notify, `route #${index + 1}`),
      continue: route.continue ?? true,
      groupBy: route.groupBy ? [...route.groupBy] : undefined,
      groupWait: route.groupWait,
      groupInterval: route.groupInterval,
      repeat: route.repeat,
    })),
    inhibit: (team.inhibit ?? []).map((rule) => ({
      source: toMatchers(rule.source ?? {}),
      target: toMatchers(rule.target ?? {}),
      equal: [...(rule.equal ?? [])],
    })),
    groupBy: team.groupBy ? [...team.groupBy] : undefined,
    groupWait: team.groupWait,
    groupInterval: team.groupInterval,
    repeat: team.repeat,
    alertBudget: alertBudget(team.alertBudget, subject, teamSpan, problems),
    span: teamSpan,
  };
}

function alertBudget(budget: dsl.AlertBudget | undefined, subject: string, teamSpan: Span | undefined, problems: Problem[]): Team["alertBudget"] {
  if (budget === undefined) return undefined;
  if (typeof budget.perDay !== "number" || !Number.isFinite(budget.perDay) || budget.perDay < 0) {
    problems.push({ message: `alertBudget.perDay ${JSON.stringify(budget.perDay)} is not a number of notifications per day, 0 or more`, hint: "write alertBudget: { perDay: 20 }", subject, span: teamSpan });
    return undefined;
  }
  return { perDay: budget.perDay };
}

function normalizeService(svc: dsl.Service, span: SpanOf, problems: Problem[], sloIndex: SloIndex): Service {
  const owner = typeof svc.owner === "string" ? svc.owner : svc.owner?.name ?? "";
  const serviceLabels = { ...(svc.labels ?? {}) };
  const metrics = new MetricCollector(span);
  for (const metric of svc.metrics ?? []) metrics.add(metric);

  const query = (q: DslQuery<string>): QueryIR => {
    for (const metric of q.metrics) metrics.add(metric);
    return {
      expr: q.expr,
      unit: q.unit,
      labels: q.labels ? [...q.labels] : undefined,
      metrics: [...new Set(q.metrics.map((m) => m.name))].sort(),
      buckets: q.buckets.map((b) => ({
        metric: b.metric, threshold: b.threshold, value: b.value, conversionError: b.conversionError, span: span(b.span),
      })),
      template: q.template?.map((s) => ({ ...s })),
      span: span(q.span),
    };
  };

  const alerts: Alert[] = (svc.alerts ?? []).map((definition) => within(`alert ${svc.name}/${definition?.name}`, span(definition?.span), () => {
    const alertSpan = span(definition.span);
    const q = query(definition.query);
    const subject = `alert ${svc.name}/${definition.name}`;
    const rules: AlertRule[] = definition.severities.flatMap(({ severity, spec }) => {
      const level = parseSeveritySpec(spec);
      if (!level.ok) {
        problems.push({ message: `${severity}: ${level.message}`, hint: level.hint, subject, span: alertSpan });
        return [];
      }
      const labels = sortedRecord({
        ...serviceLabels, ...definition.labels, ...level.labels,
        [SERVICE_LABEL]: svc.name, [TEAM_LABEL]: owner, [SEVERITY_LABEL]: severity,
      });
      const annotations = sortedRecord({
        summary: definition.summary,
        ...(definition.description !== undefined ? { description: definition.description } : {}),
        ...(definition.runbook !== undefined ? { [RUNBOOK_ANNOTATION]: definition.runbook } : {}),
        ...definition.annotations,
        ...level.annotations,
      });
      return [{
        id: alertRuleId(svc.name, definition.name, severity),
        severity,
        op: level.op,
        threshold: threshold(level.value, q.unit),
        for: level.for,
        keepFiringFor: level.keepFiringFor,
        labels,
        annotations,
      }];
    });
    return {
      name: definition.name,
      service: svc.name,
      query: q,
      summary: definition.summary,
      description: definition.description,
      runbook: definition.runbook,
      rules,
      ignore: readIgnore(definition.ignore, subject, alertSpan, problems),
      span: alertSpan,
    };
  }));

  const recordings: Recording[] = (svc.rules ?? []).map((rule) => within(`recording rule ${rule?.name}`, span(rule?.span), () => ({
    id: recordingId(svc.name, rule.name),
    name: rule.name,
    service: svc.name,
    query: query(rule.query),
    labels: sortedRecord({ ...rule.labels }),
    span: span(rule.span),
  })));

  const slos = (svc.slos ?? []).map((definition) =>
    within(`slo ${svc.name}/${definition?.name}`, span(definition?.span), () => {
      for (const metric of definition.metrics) metrics.add(metric);
      const { traffic, ignore } = definition.options;
      const perSecond = traffic === undefined ? undefined : parseTraffic(traffic);
      if (traffic !== undefined && perSecond === undefined) {
        problems.push({ message: `traffic ${JSON.stringify(traffic)} is not a positive rate`, hint: 'write events per second, minute, hour or day, e.g. traffic: "5/h"',
          subject: `slo ${svc.name}/${definition.name}`, span: span(definition.span) });
      }
      return {
        ...normalizeSlo(definition, svc.name, owner, serviceLabels, span),
        ...(perSecond !== undefined ? { traffic: { text: String(traffic), perSecond } } : {}),
        ignore: readIgnore(ignore, `slo ${svc.name}/${definition.name}`, span(definition.span), problems),
      };
    }));

  const monitors = (svc.monitors ?? []).map((definition) => within(`monitor ${svc.name}/${definition?.name}`, span(definition?.span), () => {
    metrics.add(definition.histogram);
    return normalizeDriftMonitor(definition, svc.name, owner, serviceLabels, span, problems);
  }));

  const panels = normalizeServicePanels(svc.panels ?? [], `service ${svc.name}`, { span, problems, slos: sloIndex, metrics });

  return {
    name: svc.name,
    owner,
    description: svc.description,
    labels: sortedRecord(serviceLabels),
    interval: svc.interval,
    queryOffset: svc.queryOffset,
    limit: groupLimit(svc, span, problems),
    ...(svc.groupLabels ? { groupLabels: sortedRecord({ ...svc.groupLabels }) } : {}),
    metrics: metrics.list(),
    alerts,
    recordings,
    slos,
    ...(monitors.length > 0 ? { monitors } : {}),
    ...(panels.length > 0 ? { panels } : {}),
    ignore: readIgnore(svc.ignore, `service ${svc.name}`, span(svc.span), problems),
    span: span(svc.span),
  };
}

function normalizeDriftMonitor(
  definition: DslMonitor, service: string, owner: string, serviceLabels: Record<string, string>, span: SpanOf, problems: Problem[],
): Monitor {
  const monitorSpan = span(definition.span);
  const subject = `monitor ${service}/${definition.name}`;
  const problem = (message: string, hint: string) => problems.push({ message, hint, subject, span: monitorSpan });
  const histogram = definition.histogram;
  if (histogram.kind !== "histogram" || !histogram.buckets || histogram.buckets.length === 0) {
    problem(`"${histogram.name}" is not a histogram with declared buckets`, "pass a histogram(…) with buckets: [...]; drift is computed per bucket");
  }
  for (const label of definition.by) {
    if (!histogram.labels.includes(label)) problem(`by label "${label}" is not a label of ${histogram.name}`, `keep only labels the histogram declares: ${histogram.labels.join(", ") || "none"}`);
  }
  const window = definition.window ?? "1h";
  const reference = definition.reference ?? "7d";
  for (const [what, value] of [["window", window], ["reference", reference]] as const) {
    if (!parseDuration(value)) problem(`${what} ${JSON.stringify(value)} is not a positive duration`, `write a Prometheus duration, e.g. ${what}: "${what === "window" ? "1h" : "7d"}"`);
  }
  for (const [what, value] of [["minCount", definition.minCount], ["threshold", definition.threshold]] as const) {
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value > 0)) {
      problem(`${what} ${JSON.stringify(value)} is not a positive number`, what === "minCount" ? "write the fewest observations per window, e.g. minCount: 500" : "write a PSI value, e.g. threshold: 0.2");
    }
  }
  const perSecond = definition.traffic === undefined ? undefined : parseTraffic(definition.traffic);
  if (definition.traffic !== undefined && perSecond === undefined) {
    problem(`traffic ${JSON.stringify(definition.traffic)} is not a positive rate`, 'write observations per second, minute, hour or day, e.g. traffic: "50/h"');
  }
  const severity = definition.severity ?? "P2";
  return {
    kind: "drift",
    id: `monitor/${service}/${definition.name}`,
    name: definition.name,
    service,
    metric: histogram.name,
    matchers: definition.matchers.map((m) => ({ ...m })),
    buckets: [...new Set(histogram.buckets ?? [])].filter((b) => Number.isFinite(b)).sort((a, b) => a - b),
    by: [...definition.by],
    window,
    reference,
    minCount: definition.minCount,
    threshold: definition.threshold,
    ...(perSecond !== undefined ? { traffic: { text: String(definition.traffic), perSecond } } : {}),
    severity,
    for: definition.for,
    labels: sortedRecord({ ...serviceLabels, ...definition.labels, [SERVICE_LABEL]: service, [TEAM_LABEL]: owner, [SEVERITY_LABEL]: severity }),
    annotations: sortedRecord({ summary: definition.summary, ...(definition.runbook !== undefined ? { [RUNBOOK_ANNOTATION]: definition.runbook } : {}) }),
    ignore: readIgnore(definition.ignore, subject, monitorSpan, problems),
    span: monitorSpan,
  };
}

/**
 * `ignore` from plain JS may have the wrong shape: a non-object is a problem, and a reason that is
 * not a string is kept as "", which the ignore step reports as missing.
 */
export function readIgnore(ignore: unknown, subject: string, span: Model["span"], problems: Problem[]): Record<string, string> | undefined {
  if (ignore === undefined) return undefined;
  if (typeof ignore !== "object" || ignore === null || Array.isArray(ignore)) {
    problems.push({ message: "ignore must map check codes to reasons", hint: 'e.g. ignore: { MON601: "batch job, runs hourly" }', subject, span });
    return undefined;
  }
  return Object.fromEntries(Object.entries(ignore).map(([code, reason]) => [code, typeof reason === "string" ? reason : ""]));
}

/** The service's rule group limit; anything but a whole number of 0 or more is a problem. */
function groupLimit(svc: dsl.Service, span: SpanOf, problems: Problem[]): number | undefined {
  if (svc.limit === undefined) return undefined;
  if (Number.isInteger(svc.limit) && svc.limit >= 0) return svc.limit;
  problems.push({
    message: `limit ${JSON.stringify(svc.limit)} is not a whole number of 0 or more`,
    hint: "write the most alerts or series one rule may produce, e.g. limit: 100 (0 means no limit)",
    subject: `service ${svc.name}`,
    span: span(svc.span),
  });
  return undefined;
}

/** Metrics declared or read by a service, one entry per distinct declaration. */
export class MetricCollector {
  private readonly seen = new Map<string, Metric>();
  constructor(private readonly span: SpanOf) {}
  add(metric: MetricRef): void {
    const span = this.span(metric.span);
    const key = `${metric.name}@${span?.file}:${span?.line}:${span?.column}`;
    if (this.seen.has(key)) return;
    this.seen.set(key, {
      name: metric.name,
      kind: metric.kind,
      help: metric.help,
      unit: metric.unit,
      labels: [...metric.labels],
      buckets: metric.buckets ? [...metric.buckets] : undefined,
      span,
    });
  }
  list(): Metric[] {
    return [...this.seen.values()];
  }
}

type ParsedLevel =
  | {
      ok: true; op: AlertRule["op"]; value: string | number; for?: string; keepFiringFor?: string;
      labels: Record<string, string>; annotations: Record<string, string>;
    }
  | { ok: false; message: string; hint: string };

const SHORTHAND = /^\s*(>=|<=|==|!=|>|<)\s*(\S+)(?:\s+for\s+(\S+))?\s*$/;

/** Reads `"> 200ms for 5m"` or `{ op, value, for }`. */
export function parseSeveritySpec(spec: SeveritySpec): ParsedLevel {
  if (typeof spec === "string") {
    const match = SHORTHAND.exec(spec);
    if (!match) {
      return {
        ok: false,
        message: `cannot read "${spec}" as a threshold`,
        hint: 'write "<op> <value> [for <duration>]", e.g. "> 200ms for 5m"',
      };
    }
    return { ok: true, op: match[1] as AlertRule["op"], value: match[2], for: match[3], labels: {}, annotations: {} };
  }
  if (!spec || typeof spec !== "object" || !COMPARISONS.includes(spec.op)) {
    return { ok: false, message: "a severity needs `op` (one of > >= < <= == !=) and `value`", hint: 'e.g. { op: ">", value: "200ms", for: "5m" }' };
  }
  return {
    ok: true, op: spec.op, value: spec.value, for: spec.for, keepFiringFor: spec.keepFiringFor,
    labels: { ...(spec.labels ?? {}) }, annotations: { ...(spec.annotations ?? {}) },
  };
}

function threshold(raw: string | number, unit: string | undefined): Threshold {
  const quantity = typeof raw === "number" ? { value: raw, unit: undefined } : parseQuantity(raw);
  if (!quantity) return { raw, conversionError: `"${raw}" is not a number with a unit` };
  const converted = convertQuantity(quantity, unit !== undefined && isUnit(unit) ? unit : undefined);
  return converted.ok ? { raw, value: converted.value } : { raw, conversionError: converted.reason };
}
