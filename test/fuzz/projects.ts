// A fast-check arbitrary for random but valid moncc projects, rendered as moncc.config.ts source.
// Raw material is generated independently and wired together by index when rendering (an alert's
// severities are a mask over its owning team's escalation, a metric reference is an index modulo
// the service's metrics), so shrinking works on plain data instead of dependent chains.
// Every string reaches the source through JSON.stringify, so the source is always valid TS.

import fc from "fast-check";
import { UNITS, type Unit } from "../../src/dsl/units.js";

const SEVERITIES = ["P0", "P1", "P2", "P3"] as const;
type Severity = (typeof SEVERITIES)[number];

// Hostile text -----------------------------------------------------------------------------------

/** Pieces that have broken YAML, PromQL, Go templates or Alertmanager matchers somewhere. */
const HOSTILE_PIECES = [
  '"', "'", "\\", "\\n", "\\\"", "\n", "\r\n", "\t", "{{", "}}", "{", "}", "{{ $value }}", "{{/*", "$", "$value", "${x}", "$1",
  "$labels.x", "%", "%s", "#", ": ", "- ", "? ", "&a", "*a", "!x", "|", ">", "`", "on", "yes", "no", "null", "~", "0755", "1e3",
  ".inf", "<<", ",", "=", "=~", "!=", "[", "]", "(", ")", "^", ".*", "+", "?", "/", "\u0000", "\u007f", "\u001b[31m", "🔥",
  "👩‍💻", "🇩🇪", "שלום", "مرحبا", "\u202e", "e\u0301", "Z\u0336\u0335", "\u200b", "\u00a0", "ü", "✓", "\u2028", "\u2029", "\ufeff",
  "a", "bc", " ", "x y",
];

const HOSTILE = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }) },
);

/**
 * Any text, `{{` included: for PromQL matcher values, which no template engine reads. Never empty
 * and never blank, since an empty matcher value means "label absent" in PromQL.
 */
export const anyText = HOSTILE.filter((s) => s.trim() !== "");

/**
 * Text without `{{`: Prometheus expands alert labels and annotations as Go templates, so a stray
 * `{{` there is rightly rejected; `}}`, `$` and everything else must pass through untouched.
 */
export const plainText = anyText.map((s) => s.replace(/\{\{+/g, "{ ")).filter((s) => s.trim() !== "");

// Names ------------------------------------------------------------------------------------------

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);

/** Label names moncc or Prometheus give a meaning, and PromQL keywords. */
const TAKEN_LABELS = new Set([
  "le", "quantile", "service", "team", "severity", "tier", "alertname", "job", "instance", "hook", "on", "by", "bool", "offset",
  "without", "ignoring", "and", "or", "unless", "group_left", "group_right", "start", "end", "inf", "nan",
  // annotation keys moncc writes itself
  "summary", "description", "runbook_url", "title",
]);

const labelName = fc.oneof(
  fc.constantFrom("code", "route", "method", "zone", "model", "version", "region", "shard", "tenant", "_private", "camelCase", "a1_b2"),
  fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,10}$/),
).filter((name) => !TAKEN_LABELS.has(name) && !/^(sloth_|__|hook)/.test(name));

const labelNames = (max: number) => fc.uniqueArray(labelName, { maxLength: max });

/** A record of label (or annotation) names to hostile values. */
const labelRecord = (max: number, value: fc.Arbitrary<string> = plainText) =>
  fc.uniqueArray(fc.tuple(labelName, value), { maxLength: max, selector: ([name]) => name });

// Raw material -----------------------------------------------------------------------------------

const RECEIVER_TYPES = ["slack", "pagerduty", "webhook", "email", "opsgenie"] as const;
type ReceiverType = (typeof RECEIVER_TYPES)[number];

const receiverRaw = fc.record({
  type: fc.constantFrom(...RECEIVER_TYPES),
  name: word,
  sendResolved: fc.option(fc.boolean(), { nil: undefined }),
  username: fc.option(plainText, { nil: undefined }),
  bearer: fc.boolean(),
  maxAlerts: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
  auth: fc.boolean(),
  responders: fc.boolean(),
});

const GROUP_WAITS = ["10s", "30s", "1m"] as const;
const GROUP_INTERVALS = ["1m", "2m", "5m", "10m"] as const;
// Never below a group interval above: Alertmanager would repeat no faster than it groups.
const REPEATS = ["30m", "1h", "2h", "4h", "12h", "24h"] as const;

const stepRaw = fc.record({
  notify: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
  repeat: fc.option(fc.constantFrom(...REPEATS), { nil: undefined }),
  groupWait: fc.option(fc.constantFrom(...GROUP_WAITS), { nil: undefined }),
  groupInterval: fc.option(fc.constantFrom(...GROUP_INTERVALS), { nil: undefined }),
});

const routeRaw = fc.record({
  values: fc.array(plainText, { minLength: 1, maxLength: 3 }),
  notify: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 2 }),
  continue: fc.option(fc.boolean(), { nil: undefined }),
  repeat: fc.option(fc.constantFrom(...REPEATS), { nil: undefined }),
});

const teamRaw = fc.record({
  name: word,
  receivers: fc.array(receiverRaw, { minLength: 1, maxLength: 3 }),
  escalation: fc.subarray([...SEVERITIES], { minLength: 1 }),
  steps: fc.array(stepRaw, { minLength: 4, maxLength: 4 }),
  routes: fc.array(routeRaw, { maxLength: 2 }),
  groupBy: fc.option(fc.constantFrom(["alertname", "service"], ["..."], ["alertname"]), { nil: undefined }),
  groupWait: fc.option(fc.constantFrom(...GROUP_WAITS), { nil: undefined }),
  groupInterval: fc.option(fc.constantFrom(...GROUP_INTERVALS), { nil: undefined }),
  repeat: fc.option(fc.constantFrom(...REPEATS), { nil: undefined }),
});

const intervalRaw = fc.record({
  name: word,
  location: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney"),
  weekdays: fc.option(fc.constantFrom(["monday:friday"], ["saturday", "sunday"], ["monday", "wednesday:thursday"]), { nil: undefined }),
  times: fc.option(fc.constantFrom([{ start: "09:00", end: "17:00" }], [{ start: "00:00", end: "08:30" }, { start: "18:00", end: "24:00" }]), { nil: undefined }),
  daysOfMonth: fc.option(fc.constantFrom(["1:7"], ["-1"]), { nil: undefined }),
  months: fc.option(fc.constantFrom(["january:march"], ["december"]), { nil: undefined }),
  muted: fc.boolean(),
  declared: fc.boolean(),
});

const COUNTER_UNITS: readonly Unit[] = ["requests", "errors", "events", "predictions", "count", "bytes"];
const GAUGE_UNITS = Object.keys(UNITS) as Unit[];
const HISTOGRAM_UNITS: readonly Unit[] = ["s", "ms", "bytes", "KiB", "score"];

const metricRaw = fc.record({
  kind: fc.constantFrom("counter", "gauge", "histogram"),
  name: word,
  help: anyText,
  unitIndex: fc.nat(),
  labels: labelNames(3),
  buckets: fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 6 }),
});

/** How a label is selected in where(): exact value, a list of values, or the negation of one. */
const matcherRaw = fc.oneof(
  anyText.map((value) => ({ kind: "eq" as const, values: [value] })),
  fc.array(anyText, { minLength: 1, maxLength: 3 }).map((values) => ({ kind: "in" as const, values })),
  anyText.map((value) => ({ kind: "not" as const, values: [value] })),
);

const FORS = ["1m", "5m", "10m", "15m", "1h"] as const;

const levelRaw = fc.record({
  object: fc.boolean(),
  for: fc.option(fc.constantFrom(...FORS), { nil: undefined }),
  keepFiringFor: fc.option(fc.constantFrom("5m", "10m"), { nil: undefined }),
  labels: labelRecord(1),
  annotations: labelRecord(1),
});

const alertRaw = fc.record({
  name: fc.stringMatching(/^[A-Z][a-zA-Z0-9]{0,10}$/),
  metric: fc.nat(),
  shape: fc.constantFrom("plain", "aggregate", "ratio", "promql"),
  matchers: fc.array(matcherRaw, { maxLength: 3 }),
  byMask: fc.nat({ max: 7 }),
  op: fc.constantFrom(">", ">=", "<", "<="),
  severityMask: fc.integer({ min: 1, max: 15 }),
  thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 4, maxLength: 4 }),
  suffix: fc.boolean(),
  levels: fc.array(levelRaw, { minLength: 4, maxLength: 4 }),
  summary: plainText,
  template: fc.constantFrom("", " ({{ $value }})", " {{ $value | humanize }}", " on {{ $labels.BY }}"),
  description: fc.option(plainText, { nil: undefined }),
  labels: labelRecord(2),
  annotations: labelRecord(2),
});

const sloRaw = fc.record({
  type: fc.constantFrom("ratio", "latency"),
  name: word,
  metric: fc.nat(),
  matcher: fc.option(anyText, { nil: undefined }),
  objective: fc.constantFrom("95%", "97.5%", "99%", "99.5%", "99.9%", "99.95%", "99.99%"),
  period: fc.option(fc.constantFrom("30d", "28d"), { nil: undefined }),
  bucket: fc.nat(),
  description: fc.option(plainText, { nil: undefined }),
  labels: labelRecord(1),
  alertLabels: labelRecord(1),
  annotations: labelRecord(1),
  ticket: fc.boolean(),
  minEvents: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
});

const serviceRaw = fc.record({
  name: word,
  owner: fc.nat(),
  description: fc.option(plainText, { nil: undefined }),
  labels: labelRecord(2),
  metrics: fc.array(metricRaw, { minLength: 1, maxLength: 4 }),
  alerts: fc.array(alertRaw, { maxLength: 3 }),
  slos: fc.array(sloRaw, { maxLength: 2 }),
  recording: fc.option(fc.record({ metric: fc.nat(), labels: labelRecord(1) }), { nil: undefined }),
  interval: fc.option(fc.constantFrom("30s", "1m"), { nil: undefined }),
});

export const projectRaw = fc.record({
  teams: fc.array(teamRaw, { minLength: 1, maxLength: 3 }),
  intervals: fc.array(intervalRaw, { maxLength: 2 }),
  services: fc.array(serviceRaw, { minLength: 1, maxLength: 4 }),
  routing: fc.boolean(),
  inhibit: fc.option(fc.boolean(), { nil: undefined }),
});
type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;
export type ProjectRaw = Generated<typeof projectRaw>;

// Rendering --------------------------------------------------------------------------------------

/** Values the generated output must carry unchanged, and where. */
export interface Expectations {
  /** Strings that must appear as a whole string value somewhere in the generated YAML. */
  readonly yamlValues: string[];
  /** label → value pairs some PromQL `=`/`!=` matcher must select exactly. */
  readonly promqlEquals: { label: string; value: string }[];
  /** label → values that some PromQL `=~` matcher's regex must match (and only in full). */
  readonly promqlIn: { label: string; values: string[] }[];
  /** label → values some Alertmanager route matcher must match. */
  readonly routeMatches: { label: string; values: string[] }[];
}

export interface RenderedProject {
  readonly source: string;
  readonly expect: Expectations;
}

const q = (value: unknown) => JSON.stringify(value);
const objectLiteral = (entries: readonly (readonly [string, string])[]) => `{ ${entries.map(([k, v]) => `${q(k)}: ${q(v)}`).join(", ")} }`;
const pick = <T>(list: readonly T[], index: number): T => list[index % list.length];
const byMask = <T>(list: readonly T[], mask: number): T[] => list.filter((_, i) => (mask >> i) & 1);

/** Threshold suffixes by unit, for writing thresholds with a unit instead of a bare number. */
const SUFFIX: Partial<Record<Unit, string>> = { s: "ms", ms: "ms", bytes: "B", KiB: "KiB", percent: "%", ratio: "%" };

interface RenderedMetric {
  readonly variable: string;
  readonly kind: "counter" | "gauge" | "histogram";
  readonly name: string;
  readonly unit: Unit;
  readonly labels: string[];
  readonly buckets: number[];
}

export function renderProject(raw: ProjectRaw): RenderedProject {
  const expect: Expectations = { yamlValues: [], promqlEquals: [], promqlIn: [], routeMatches: [] };
  const lines: string[] = [
    'import { alert, counter, email, errorRatio, gauge, histogram, opsgenie, pagerduty, project, promql, record, service, slack, slo, team, timeInterval, webhook } from "moncc";',
    "",
  ];

  // Time intervals: every one is used by some escalation step.
  const intervals = raw.intervals.map((interval, i) => ({ ...interval, variable: `interval${i}`, name: `${interval.name}-hours${i}` }));
  for (const interval of intervals) {
    const options = [
      `location: ${q(interval.location)}`,
      interval.weekdays && `weekdays: ${q(interval.weekdays)}`,
      interval.times && `times: ${q(interval.times)}`,
      interval.daysOfMonth && `daysOfMonth: ${q(interval.daysOfMonth)}`,
      interval.months && `months: ${q(interval.months)}`,
    ].filter(Boolean);
    lines.push(`const ${interval.variable} = timeInterval(${q(interval.name)}, { ${options.join(", ")} });`);
  }

  // Which services each team owns; a team's custom routes match a label on one of its alerts.
  const owners = raw.services.map((svc) => svc.owner % raw.teams.length);
  const hookLabels = new Map<number, { label: string; value: string }[]>();

  raw.teams.forEach((team, t) => {
    const teamName = `${team.name}-t${t}`;
    const keys = team.receivers.map((r, i) => `${r.name}${i}`);
    lines.push(`const team${t} = team(${q(teamName)}, {`, "  receivers: {");
    team.receivers.forEach((r, i) => lines.push(`    ${q(keys[i])}: ${renderReceiver(r, `${teamName}-${keys[i]}`)},`));
    lines.push("  },", "  escalation: {");
    const used = new Set<number>();
    const steps = team.escalation.map((severity, s) => {
      const step = team.steps[s];
      const notify = [...new Set(step.notify.map((n) => n % keys.length))];
      notify.forEach((n) => used.add(n));
      return { severity, step, notify };
    });
    // Every receiver is notified by some step: an unused receiver is a (rightly) reported mistake.
    for (let i = 0; i < keys.length; i++) if (!used.has(i)) steps[steps.length - 1].notify.push(i);
    const stepIntervals = intervals.filter((_, k) => k % raw.teams.length === t);
    steps.forEach(({ severity, step, notify }, s) => {
      const options = [
        `notify: ${q(notify.map((n) => keys[n]))}`,
        step.repeat && `repeat: ${q(step.repeat)}`,
        step.groupWait && `groupWait: ${q(step.groupWait)}`,
        step.groupInterval && `groupInterval: ${q(step.groupInterval)}`,
      ];
      // Intervals go on the least severe step, so pages are never muted by business hours.
      if (s === steps.length - 1 && stepIntervals.length > 0) {
        const active = stepIntervals.filter((i) => !i.muted).map((i) => i.variable);
        const muted = stepIntervals.filter((i) => i.muted).map((i) => i.variable);
        if (active.length > 0) options.push(`activeDuring: [${active.join(", ")}]`);
        if (muted.length > 0) options.push(`mutedDuring: [${muted.join(", ")}]`);
      }
      lines.push(`    ${severity}: { ${options.filter(Boolean).join(", ")} },`);
    });
    lines.push("  },");
    const ownsAlerts = raw.services.some((svc, s) => owners[s] === t && svc.alerts.length > 0);
    if (ownsAlerts && team.routes.length > 0) {
      lines.push("  routes: [");
      const hooks: { label: string; value: string }[] = [];
      team.routes.forEach((route, r) => {
        const label = `hook${r}`;
        const match = route.values.length === 1 ? q(route.values[0]) : q(route.values);
        hooks.push({ label, value: route.values[0] });
        expect.routeMatches.push({ label, values: route.values });
        const notify = [...new Set(route.notify.map((n) => keys[n % keys.length]))];
        const options = [
          `match: { ${label}: ${match} }`,
          `notify: ${q(notify)}`,
          route.continue !== undefined && `continue: ${route.continue}`,
          route.repeat && `repeat: ${q(route.repeat)}`,
        ];
        lines.push(`    { ${options.filter(Boolean).join(", ")} },`);
      });
      lines.push("  ],");
      hookLabels.set(t, hooks);
    }
    if (team.groupBy) lines.push(`  groupBy: ${q(team.groupBy)},`);
    if (team.groupWait) lines.push(`  groupWait: ${q(team.groupWait)},`);
    if (team.groupInterval) lines.push(`  groupInterval: ${q(team.groupInterval)},`);
    if (team.repeat) lines.push(`  repeat: ${q(team.repeat)},`);
    lines.push("});");
  });

  const serviceVariables: string[] = [];
  raw.services.forEach((svc, s) => {
    const owner = owners[s];
    const escalation = raw.teams[owner].escalation;
    const metrics = svc.metrics.map((m, j) => renderMetric(m, s, j, lines));
    const serviceName = `${svc.name}-s${s}`;
    const serviceLabels = svc.labels;
    const serviceKeys = new Set(serviceLabels.map(([key]) => key));
    // Service labels reach the output only through the service's alerts.
    if (svc.alerts.length > 0) for (const [, value] of serviceLabels) expect.yamlValues.push(value);

    const alerts = svc.alerts.map((a, i) => {
      const hooks = i === 0 ? hookLabels.get(owner) ?? [] : [];
      return renderAlert(a, `${a.name}S${s}A${i}`, metrics, escalation, serviceKeys, hooks, expect);
    });
    const slos = svc.slos.map((o, i) => renderSlo(o, `${o.name}-slo${i}`, metrics, escalation, serviceKeys, expect)).filter((x): x is string => x !== undefined);
    const recordings: string[] = [];
    if (svc.recording) {
      const metric = pick(metrics, svc.recording.metric);
      const query = metric.kind === "gauge" ? `${metric.variable}.max()` : `${metric.variable}.rate("5m").sum()`;
      for (const [, value] of svc.recording.labels) expect.yamlValues.push(value);
      recordings.push(`record(${q(`job:${metric.name}:fuzz`)}, ${query}, { labels: ${objectLiteral(svc.recording.labels)} })`);
    }
    const variable = `service${s}`;
    serviceVariables.push(variable);
    lines.push(`const ${variable} = service(${q(serviceName)}, {`);
    lines.push(`  owner: team${owner},`);
    if (svc.description !== undefined) lines.push(`  description: ${q(svc.description)},`);
    if (serviceLabels.length > 0) lines.push(`  labels: ${objectLiteral(serviceLabels)},`);
    lines.push(`  metrics: [${metrics.map((m) => m.variable).join(", ")}],`);
    if (alerts.length > 0) lines.push("  alerts: [", ...alerts.map((a) => `    ${a},`), "  ],");
    if (slos.length > 0) lines.push("  slos: [", ...slos.map((o) => `    ${o},`), "  ],");
    if (recordings.length > 0) lines.push(`  rules: [${recordings.join(", ")}],`);
    if (svc.interval) lines.push(`  interval: ${q(svc.interval)},`);
    lines.push("});");
  });

  const declared = intervals.filter((i) => i.declared).map((i) => i.variable);
  lines.push(
    "",
    "export default project({",
    '  name: "fuzz",',
    '  targets: { prometheus: "2.42", alertmanager: "0.25" },',
    `  teams: [${raw.teams.map((_, t) => `team${t}`).join(", ")}],`,
    `  services: [${serviceVariables.join(", ")}],`,
    `  defaultReceiver: team0.receiver(${q(`${raw.teams[0].receivers[0].name}0`)}),`,
  );
  if (declared.length > 0) lines.push(`  timeIntervals: [${declared.join(", ")}],`);
  if (raw.routing) lines.push('  routing: { groupBy: ["alertname", "service"], groupWait: "30s", groupInterval: "5m", repeat: "4h" },');
  if (raw.inhibit !== undefined) lines.push(`  policy: { inhibitLowerSeverities: ${raw.inhibit} },`);
  lines.push("});", "");
  return { source: lines.join("\n"), expect };
}

function renderReceiver(r: { type: ReceiverType; name: string; sendResolved?: boolean; username?: string; bearer: boolean; maxAlerts?: number; auth: boolean; responders: boolean }, id: string): string {
  const secret = (option: string) => `${option}: ${q(`/etc/alertmanager/secrets/${id}`)}`;
  const resolved = r.sendResolved !== undefined ? [`sendResolved: ${r.sendResolved}`] : [];
  switch (r.type) {
    case "slack":
      return `slack({ channel: ${q(`#${r.name}`)}, ${secret("apiUrlFile")}${r.username !== undefined ? `, username: ${q(r.username)}` : ""}${resolved.map((x) => `, ${x}`).join("")} })`;
    case "pagerduty":
      return `pagerduty({ ${[secret("routingKeyFile"), ...resolved].join(", ")} })`;
    case "webhook":
      return `webhook({ ${[`url: ${q(`https://hooks.example.com/moncc/${r.name}`)}`, r.bearer && secret("bearerTokenFile"), r.maxAlerts !== undefined && `maxAlerts: ${r.maxAlerts}`, ...resolved].filter(Boolean).join(", ")} })`;
    case "email":
      return `email({ ${[`to: ${q(`${r.name}@example.com`)}`, 'from: "alertmanager@example.com"', 'smarthost: "smtp.example.com:587"', r.auth && `authUsername: ${q(r.name)}`, r.auth && secret("authPasswordFile"), ...resolved].filter(Boolean).join(", ")} })`;
    case "opsgenie":
      return `opsgenie({ ${[secret("apiKeyFile"), r.responders && `responders: [{ type: "team", name: ${q(r.name)} }]`, ...resolved].filter(Boolean).join(", ")} })`;
  }
}

function renderMetric(m: { kind: "counter" | "gauge" | "histogram"; name: string; help: string; unitIndex: number; labels: string[]; buckets: number[] }, s: number, j: number, lines: string[]): RenderedMetric {
  const variable = `metric${s}_${j}`;
  const base = `${m.name}_s${s}m${j}`;
  const unit = m.kind === "counter" ? pick(COUNTER_UNITS, m.unitIndex) : m.kind === "histogram" ? pick(HISTOGRAM_UNITS, m.unitIndex) : pick(GAUGE_UNITS, m.unitIndex);
  const name = m.kind === "counter" ? `${base}_total` : m.kind === "histogram" ? `${base}_${unit === "s" ? "seconds" : "dist"}` : base;
  // Seconds buckets are whole milliseconds, so a "<n>ms" threshold lands exactly on one.
  const buckets = [...m.buckets].sort((a, b) => a - b).map((b) => (unit === "s" ? b / 1000 : b));
  const options = [`help: ${q(m.help)}`, `unit: ${q(unit)}`, `labels: ${q(m.labels)}`];
  if (m.kind === "histogram") options.push(`buckets: ${q(buckets)}`);
  lines.push(`const ${variable} = ${m.kind}(${q(name)}, { ${options.join(", ")} });`);
  return { variable, kind: m.kind, name, unit, labels: m.labels, buckets };
}

type MatcherRaw = { kind: "eq" | "in" | "not"; values: string[] };

/** `.where({...})` over the metric's own labels, recording what PromQL must select. */
function renderWhere(metric: RenderedMetric, matchers: readonly MatcherRaw[], expect: Expectations): string {
  const entries = matchers.slice(0, metric.labels.length).map((m, i) => {
    const label = metric.labels[i];
    if (m.kind === "in") {
      expect.promqlIn.push({ label, values: m.values });
      return `${q(label)}: ${q(m.values)}`;
    }
    expect.promqlEquals.push({ label, value: m.values[0] });
    return m.kind === "not" ? `${q(label)}: { not: ${q(m.values[0])} }` : `${q(label)}: ${q(m.values[0])}`;
  });
  return entries.length > 0 ? `.where({ ${entries.join(", ")} })` : "";
}

interface AlertShape {
  readonly query: string;
  /** Labels the query result keeps, for `$labels` templates. */
  readonly keeps: string[];
  readonly unit: Unit | undefined;
}

function alertQuery(raw: { shape: string; matchers: MatcherRaw[]; byMask: number }, metric: RenderedMetric, expect: Expectations): AlertShape {
  const by = byMask(metric.labels, raw.byMask);
  const byOption = by.length > 0 ? `{ by: ${q(by)} }` : "";
  const where = renderWhere(metric, raw.matchers, expect);
  const selection = `${metric.variable}${where || ".where({})"}`;
  if (raw.shape === "promql") {
    const inner = metric.kind === "gauge" ? `max(\${${selection}})`
      : metric.kind === "histogram" ? `sum(\${${selection}.rate("5m")})`
      : `sum(rate(\${${selection}}[5m]))`;
    return { query: `promql\`${inner}\``, keeps: [], unit: undefined };
  }
  switch (metric.kind) {
    case "counter":
      if (raw.shape === "ratio" && metric.labels.length > 0 && where) {
        return { query: `errorRatio(${selection}, ${metric.variable}, "5m"${byOption ? `, ${byOption}` : ""})`, keeps: by, unit: "ratio" };
      }
      return { query: `${selection}.rate("5m").sum(${byOption})`, keeps: by, unit: undefined };
    case "gauge":
      if (raw.shape === "plain") return { query: `${selection}.value()`, keeps: metric.labels, unit: metric.unit };
      return { query: `${selection}.max(${byOption})`, keeps: by, unit: metric.unit };
    case "histogram":
      return { query: `${selection}.quantile(0.99, "5m"${byOption ? `, ${byOption}` : ""})`, keeps: by, unit: metric.unit };
  }
}

function renderAlert(
  raw: Generated<typeof alertRaw>,
  name: string,
  metrics: readonly RenderedMetric[],
  escalation: readonly Severity[],
  serviceKeys: ReadonlySet<string>,
  hooks: readonly { label: string; value: string }[],
  expect: Expectations,
): string {
  // A label set twice (service, alert, severity level) keeps only one value; keep keys distinct so
  // every generated value must reach the output.
  const taken = new Set([...serviceKeys, ...hooks.map((h) => h.label)]);
  const metric = pick(metrics, raw.metric);
  const shape = alertQuery(raw, metric, expect);
  for (const label of metric.labels) taken.add(label);
  const labels = raw.labels.filter(([label]) => !taken.has(label));
  for (const [label] of labels) taken.add(label);
  const annotations = raw.annotations;
  const annotationKeys = new Set(annotations.map(([key]) => key));
  const chosen = byMask(escalation, raw.severityMask);
  const severities = chosen.length > 0 ? chosen : [escalation[0]];
  // Distinct values, most severe first in the comparison's direction.
  const up = raw.op === ">" || raw.op === ">=";
  const values = raw.thresholds.slice(0, severities.length).sort((a, b) => (up ? b - a : a - b));
  const suffix = raw.suffix && shape.unit ? SUFFIX[shape.unit] : undefined;
  const threshold = (v: number): string | number => {
    if (shape.unit === "ratio") return suffix ? `${v / 10}%` : v / 1000;
    return suffix ? `${v}${suffix}` : v;
  };
  const options: string[] = [`query: ${shape.query}`];
  severities.forEach((severity, i) => {
    const level = raw.levels[i];
    const value = threshold(values[i]);
    if (level.object) {
      const parts = [`op: ${q(raw.op)}`, `value: ${q(value)}`, level.for && `for: ${q(level.for)}`, level.keepFiringFor && `keepFiringFor: ${q(level.keepFiringFor)}`];
      const levelLabels = level.labels.filter(([label]) => !taken.has(label));
      const levelAnnotations = level.annotations.filter(([key]) => !annotationKeys.has(key));
      if (levelLabels.length > 0) parts.push(`labels: ${objectLiteral(levelLabels)}`);
      if (levelAnnotations.length > 0) parts.push(`annotations: ${objectLiteral(levelAnnotations)}`);
      for (const [, v] of [...levelLabels, ...levelAnnotations]) expect.yamlValues.push(v);
      options.push(`${severity}: { ${parts.filter(Boolean).join(", ")} }`);
    } else {
      options.push(`${severity}: ${q(`${raw.op} ${value}${level.for ? ` for ${level.for}` : ""}`)}`);
    }
  });
  const template = raw.template.includes("$labels")
    ? shape.keeps.length > 0 ? raw.template.replace("BY", shape.keeps[0]) : ""
    : raw.template;
  // A leading word keeps the summary from being blank, which the runbook policy rejects.
  const summary = `Alert ${raw.summary}${template}`;
  expect.yamlValues.push(summary);
  options.push(`summary: ${q(summary)}`, `runbook: ${q(`https://runbooks.example.com/${name}`)}`);
  if (raw.description !== undefined) {
    options.push(`description: ${q(raw.description)}`);
    expect.yamlValues.push(raw.description);
  }
  const hookEntries = hooks.map(({ label, value }) => [label, value] as const);
  if (labels.length + hookEntries.length > 0) options.push(`labels: ${objectLiteral([...labels, ...hookEntries])}`);
  for (const [, v] of [...labels, ...hookEntries]) expect.yamlValues.push(v);
  if (annotations.length > 0) options.push(`annotations: ${objectLiteral(annotations)}`);
  for (const [, v] of annotations) expect.yamlValues.push(v);
  return `alert.threshold(${q(name)}, {\n      ${options.join(",\n      ")},\n    })`;
}

function renderSlo(
  raw: Generated<typeof sloRaw>,
  name: string,
  metrics: readonly RenderedMetric[],
  escalation: readonly Severity[],
  serviceKeys: ReadonlySet<string>,
  expect: Expectations,
): string | undefined {
  const kind = raw.type === "ratio" ? "counter" : "histogram";
  const candidates = metrics.filter((m) => m.kind === kind);
  if (candidates.length === 0) return undefined;
  const metric = pick(candidates, raw.metric);
  const options: string[] = [];
  if (raw.type === "ratio") {
    const label = metric.labels[0];
    if (label !== undefined && raw.matcher !== undefined) {
      expect.promqlEquals.push({ label, value: raw.matcher });
      options.push(`errors: ${metric.variable}.where({ ${q(label)}: ${q(raw.matcher)} })`, `total: ${metric.variable}`);
    } else {
      // Errors and total from one unfiltered counter would be a meaningless SLI.
      const other = candidates.find((m) => m !== metric);
      if (!other) return undefined;
      options.push(`errors: ${other.variable}`, `total: ${metric.variable}`);
    }
  } else {
    const bucket = pick(metric.buckets, raw.bucket);
    const threshold = metric.unit === "s" ? `${Math.round(bucket * 1000)}ms` : bucket;
    options.push(`histogram: ${metric.variable}`, `threshold: ${q(threshold)}`);
  }
  options.push(`objective: ${q(raw.objective)}`);
  if (raw.period) options.push(`period: ${q(raw.period)}`);
  if (raw.description !== undefined) options.push(`description: ${q(raw.description)}`);
  const alertLabels = raw.alertLabels.filter(([label]) => !serviceKeys.has(label));
  const labels = raw.labels.filter(([label]) => !serviceKeys.has(label) && !alertLabels.some(([other]) => other === label));
  if (labels.length > 0) options.push(`labels: ${objectLiteral(labels)}`);
  if (raw.minEvents !== undefined) options.push(`minEvents: ${raw.minEvents}`);
  for (const [, v] of [...labels, ...alertLabels, ...raw.annotations]) expect.yamlValues.push(v);
  // Page at the team's most severe level, ticket at its least severe: both are routed.
  const page = `{ severity: ${q(escalation[0])}${raw.annotations.length > 0 ? `, annotations: ${objectLiteral(raw.annotations)}` : ""} }`;
  const ticket = raw.ticket ? `{ severity: ${q(escalation[escalation.length - 1])} }` : "false";
  const alerting = [
    `runbook: ${q(`https://runbooks.example.com/${name}`)}`,
    alertLabels.length > 0 && `labels: ${objectLiteral(alertLabels)}`,
    `page: ${page}`,
    `ticket: ${ticket}`,
  ];
  options.push(`alerting: { ${alerting.filter(Boolean).join(", ")} }`);
  return `slo.${raw.type}(${q(name)}, { ${options.join(", ")} })`;
}
