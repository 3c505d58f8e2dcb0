// The IR: the contract between stages. The zod schemas are the types (z.infer), so the model the
// normalizer builds is validated against exactly what checks and generators rely on.

import { z } from "zod";
import { isJsonValue } from "./json-value.js";
import { DashboardSpecSchema, RowSpecSchema } from "./dashboard-schema.js";
import { MetricSchema, OptionalSpan, SpanSchema, TemplateSegmentSchema } from "./schema-parts.js";

export { MetricSchema, OptionalSpan, SpanSchema, TemplateSegmentSchema };

export const SeveritySchema = z.enum(["P0", "P1", "P2", "P3"]);
export const ComparisonSchema = z.enum([">", ">=", "<", "<=", "==", "!="]);
const Labels = z.record(z.string(), z.string());
/** Silenced warnings of a definition: code → the reason it is expected. */
const Ignore = z.record(z.string(), z.string()).optional();

export const MatcherSchema = z.object({
  label: z.string(),
  op: z.enum(["=", "!=", "=~", "!~"]),
  value: z.string(),
});


export const BucketRefSchema = z.object({
  metric: z.string(),
  threshold: z.union([z.string(), z.number()]),
  value: z.number().optional(),
  conversionError: z.string().optional(),
  span: OptionalSpan,
});

export const QuerySchema = z.object({
  expr: z.string(),
  unit: z.string().optional(),
  /** Labels the result carries; undefined when moncc cannot know (raw PromQL). */
  labels: z.array(z.string()).optional(),
  metrics: z.array(z.string()),
  buckets: z.array(BucketRefSchema),
  template: z.array(TemplateSegmentSchema).optional(),
  span: OptionalSpan,
});

export const ThresholdSchema = z.object({
  /** As written: "200ms", "5%", 0.2. */
  raw: z.union([z.string(), z.number()]),
  /** In the query's unit; undefined when it does not convert (see conversionError). */
  value: z.number().optional(),
  conversionError: z.string().optional(),
});

export const AlertRuleSchema = z.object({
  id: z.string(),
  severity: SeveritySchema,
  op: ComparisonSchema,
  threshold: ThresholdSchema,
  for: z.string().optional(),
  keepFiringFor: z.string().optional(),
  /** Final labels: service, team, severity and the user's. */
  labels: Labels,
  annotations: Labels,
});

export const AlertSchema = z.object({
  name: z.string(),
  service: z.string(),
  query: QuerySchema,
  summary: z.string().optional(),
  description: z.string().optional(),
  runbook: z.string().optional(),
  rules: z.array(AlertRuleSchema),
  ignore: Ignore,
  span: OptionalSpan,
});

export const RecordingSchema = z.object({
  id: z.string(),
  name: z.string(),
  service: z.string(),
  query: QuerySchema,
  labels: Labels,
  span: OptionalSpan,
});

export const SloTierSchema = z.object({
  group: z.enum(["page", "ticket"]),
  short: z.string(),
  long: z.string(),
  /** Share of the period's budget spent when the tier fires (0.02 for 2%). */
  budget: z.number(),
  /** Burn-rate factor: budget × period / long window. */
  factor: z.number(),
  /** Set when the tier is alerted on its own rather than joined into its group's alert. */
  severity: SeveritySchema.optional(),
  for: z.string().optional(),
  labels: Labels.optional(),
});

export const SloAlertGroupSchema = z.object({
  severity: SeveritySchema,
  for: z.string().optional(),
  labels: Labels,
  annotations: Labels,
  tiers: z.array(SloTierSchema),
});

export const SloSchema = z.object({
  /** `<service>-<slo>`, Sloth's sloth_id. */
  id: z.string(),
  /**
   * Which rule layout the generator produces. "moncc" (TS definitions) adds moncc's routing labels
   * (severity, tier, service, team) and explanatory annotations; "sloth" (imported Sloth specs and OpenSLO documents)
   * reproduces Sloth's labels, annotations and arithmetic exactly.
   */
  profile: z.enum(["moncc", "sloth"]),
  /** Sloth profile only: the spec's objective in percent as written (99.9) and the spec version. */
  sloth: z.object({ objectivePercent: z.number(), spec: z.string() }).optional(),
  /** Windows that get an SLI recording rule; default: 5m plus every enabled tier's windows. */
  sliWindows: z.array(z.string()).optional(),
  name: z.string(),
  service: z.string(),
  type: z.enum(["ratio", "latency", "availability", "raw"]),
  /** As written ("99.9%"), for messages. */
  objectiveText: z.string(),
  /** 0..1; undefined when the written objective could not be read (see objectiveProblem). */
  objective: z.number().optional(),
  objectiveProblem: z.string().optional(),
  period: z.string(),
  description: z.string().optional(),
  labels: Labels,
  sli: z.object({ errorQuery: z.string(), totalQuery: z.string().optional() }),
  metrics: z.array(z.string()),
  buckets: z.array(BucketRefSchema),
  alertName: z.string(),
  runbook: z.string().optional(),
  alertLabels: Labels,
  alertAnnotations: Labels,
  page: SloAlertGroupSchema.optional(),
  ticket: SloAlertGroupSchema.optional(),
  minEvents: z.number().optional(),
  /** Declared expected traffic: as written ("5/h") and in events per second when it reads. */
  traffic: z.object({ text: z.string(), perSecond: z.number() }).optional(),
  noDataFor: z.string().optional(),
  periodSli: z.enum(["derived", "raw"]),
  sliIntervals: z.enum(["scaled", "global"]),
  ignore: Ignore,
  span: OptionalSpan,
});

/** A drift monitor: PSI of a classic histogram's current window against the same window `reference` earlier. */
export const MonitorSchema = z.object({
  kind: z.literal("drift"),
  id: z.string(),
  name: z.string(),
  service: z.string(),
  metric: z.string(),
  matchers: z.array(MatcherSchema),
  /** The histogram's declared finite bucket boundaries, ascending; +Inf is implied last. */
  buckets: z.array(z.number()),
  by: z.array(z.string()),
  window: z.string(),
  reference: z.string(),
  minCount: z.number().optional(),
  threshold: z.number().optional(),
  /** Declared expected observations per group: as written ("50/h") and per second. */
  traffic: z.object({ text: z.string(), perSecond: z.number() }).optional(),
  severity: SeveritySchema,
  for: z.string().optional(),
  /** Final alert labels: service, team, severity and the user's. */
  labels: Labels,
  annotations: Labels,
  ignore: Ignore,
  span: OptionalSpan,
});

export const ServiceSchema = z.object({
  name: z.string(),
  owner: z.string(),
  description: z.string().optional(),
  labels: Labels,
  interval: z.string().optional(),
  /** Rule group query_offset, limit and labels of the service's alert and recording groups. */
  queryOffset: z.string().optional(),
  limit: z.number().optional(),
  groupLabels: Labels.optional(),
  metrics: z.array(MetricSchema),
  alerts: z.array(AlertSchema),
  recordings: z.array(RecordingSchema),
  slos: z.array(SloSchema),
  /** Absent on services imported from Sloth or OpenSLO specs. */
  monitors: z.array(MonitorSchema).optional(),
  /** User panels for the service's generated dashboard; absent on imported services. */
  panels: z.array(RowSpecSchema).optional(),
  ignore: Ignore,
  span: OptionalSpan,
});

export const ReceiverSchema = z.object({
  /** Global receiver name in alertmanager.yml: `<team>-<key>`. */
  id: z.string(),
  team: z.string(),
  key: z.string(),
  type: z.enum(["slack", "pagerduty", "webhook", "email", "opsgenie"]),
  /** JSON values only (./json-value.ts): they are written into alertmanager.yml as they are. */
  options: z.record(z.string(), z.unknown().refine(isJsonValue, "not a JSON value")),
  span: OptionalSpan,
});

export const EscalationSchema = z.object({
  severity: SeveritySchema,
  notify: z.array(z.string()),
  repeat: z.string().optional(),
  groupWait: z.string().optional(),
  groupInterval: z.string().optional(),
  activeDuring: z.array(z.string()),
  mutedDuring: z.array(z.string()),
});

export const CustomRouteSchema = z.object({
  matchers: z.array(MatcherSchema),
  notify: z.array(z.string()),
  continue: z.boolean(),
  groupBy: z.array(z.string()).optional(),
  groupWait: z.string().optional(),
  groupInterval: z.string().optional(),
  repeat: z.string().optional(),
});

/** A user-declared inhibit rule; the generator adds the team matcher to both sides. */
export const InhibitRuleSchema = z.object({
  source: z.array(MatcherSchema),
  target: z.array(MatcherSchema),
  equal: z.array(z.string()),
});

export const TeamSchema = z.object({
  name: z.string(),
  receivers: z.array(ReceiverSchema),
  escalation: z.array(EscalationSchema),
  routes: z.array(CustomRouteSchema),
  inhibit: z.array(InhibitRuleSchema),
  groupBy: z.array(z.string()).optional(),
  groupWait: z.string().optional(),
  groupInterval: z.string().optional(),
  repeat: z.string().optional(),
  /** Notifications per day across the team's receivers, judged by `moncc backtest` (MON604). */
  alertBudget: z.object({ perDay: z.number() }).optional(),
  span: OptionalSpan,
});

export const TimeIntervalSchema = z.object({
  name: z.string(),
  location: z.string().optional(),
  weekdays: z.array(z.string()),
  times: z.array(z.object({ start: z.string(), end: z.string() })),
  daysOfMonth: z.array(z.string()),
  months: z.array(z.string()),
  span: OptionalSpan,
});

/** Something the normalizer could not interpret, reported by the invalid-definition check. */
export const ProblemSchema = z.object({
  message: z.string(),
  hint: z.string(),
  subject: z.string(),
  span: OptionalSpan,
});

export const ProjectSchema = z.object({
  name: z.string(),
  targets: z.object({ prometheus: z.string(), alertmanager: z.string(), prometheusFeatures: z.array(z.string()) }),
  scrape: z.object({ interval: z.string(), targetLabels: z.array(z.string()) }),
  teams: z.array(TeamSchema),
  services: z.array(ServiceSchema),
  timeIntervals: z.array(TimeIntervalSchema),
  defaultReceiver: z.object({ team: z.string(), receiver: z.string(), span: OptionalSpan }),
  routing: z.object({
    groupBy: z.array(z.string()),
    groupWait: z.string(),
    groupInterval: z.string(),
    repeat: z.string(),
  }),
  policy: z.object({
    requireRunbook: z.array(SeveritySchema),
    inhibitLowerSeverities: z.boolean(),
  }),
  /** User-declared dashboards; the generated ones are derived from the model (src/model/dashboards). */
  dashboards: z.array(DashboardSpecSchema),
  grafana: z.object({ dashboardsPath: z.string(), generated: z.boolean() }),
  problems: z.array(ProblemSchema),
  span: OptionalSpan,
});

export type Span = z.infer<typeof SpanSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
export type Matcher = z.infer<typeof MatcherSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type BucketRef = z.infer<typeof BucketRefSchema>;
export type QueryIR = z.infer<typeof QuerySchema>;
export type Threshold = z.infer<typeof ThresholdSchema>;
export type AlertRule = z.infer<typeof AlertRuleSchema>;
export type Alert = z.infer<typeof AlertSchema>;
export type Recording = z.infer<typeof RecordingSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type Slo = z.infer<typeof SloSchema>;
export type Monitor = z.infer<typeof MonitorSchema>;
export type SloTier = z.infer<typeof SloTierSchema>;
export type SloAlertGroup = z.infer<typeof SloAlertGroupSchema>;
export type Receiver = z.infer<typeof ReceiverSchema>;
export type Escalation = z.infer<typeof EscalationSchema>;
export type CustomRoute = z.infer<typeof CustomRouteSchema>;
export type InhibitRule = z.infer<typeof InhibitRuleSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type TimeInterval = z.infer<typeof TimeIntervalSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type Model = z.infer<typeof ProjectSchema>;
