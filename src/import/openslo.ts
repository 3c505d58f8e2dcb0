// import: OpenSLO `openslo/v1` SLO documents (YAML) → SLO IR with the "sloth" profile, as Sloth's
// own OpenSLO support does: a ratio indicator over Prometheus queries with Sloth's `{{.window}}`
// placeholder, a rolling time window as the SLO's own period, and one objective. Strict keys, like
// Sloth specs; every diagnostic (MON501) points at the YAML file:line:col.
//
// Not translated, with a diagnostic: threshold metrics, indicatorRef (inline the indicator),
// calendar windows, Timeslices budgeting, several objectives, and alertPolicies (no alerts are
// generated, as in Sloth; a warning says so). Service documents are accepted and ignored.

import { isScalar, isSeq, type Node as YamlNode, type Scalar } from "yaml";
import { parseDuration } from "../dsl/promql.js";
import { WINDOW } from "../dsl/slos.js";
import { DEFAULT_TIERS, sloAlertName, sloId } from "../model/conventions.js";
import type { Slo } from "../model/schema.js";
import { SpecReader, slothPeriodProblem, type SlothImport, type SlothOptions } from "./sloth.js";

export const OPENSLO_VERSION = "openslo/v1";

const KEYS = {
  document: ["apiVersion", "kind", "metadata", "spec"],
  metadata: ["name", "displayName", "labels", "annotations"],
  serviceSpec: ["description"],
  spec: ["description", "service", "indicator", "indicatorRef", "budgetingMethod", "timeWindow", "objectives", "alertPolicies"],
  indicator: ["metadata", "spec"],
  indicatorSpec: ["description", "ratioMetric", "thresholdMetric"],
  ratioMetric: ["counter", "good", "bad", "total", "rawType", "raw"],
  metric: ["metricSource"],
  metricSource: ["type", "metricSourceRef", "spec"],
  prometheus: ["query"],
  timeWindow: ["duration", "isRolling", "calendar"],
  objective: ["displayName", "target", "targetPercent", "op", "value", "timeSliceTarget", "timeSliceWindow", "indicator", "indicatorRef", "compositeWeight"],
} as const;

type Entry = { key: Scalar; value: YamlNode | undefined };

/** Reads every OpenSLO document of one file. */
export function importOpenSloDocuments(text: string, file: string, options: SlothOptions = {}): SlothImport {
  const reader = new OpenSloReader(text, file, options);
  return { slos: reader.read(), diagnostics: reader.diagnostics };
}

/** A YAML text whose first document starts like an OpenSLO document. */
export function looksLikeOpenSlo(text: string): boolean {
  return /^apiVersion:\s*['"]?openslo\//m.test(text);
}

class OpenSloReader extends SpecReader {
  protected override readonly what: string = "OpenSLO";

  protected override document(root: YamlNode): Slo[] {
    const doc = this.map(root, "the document", KEYS.document, root);
    if (!doc) return [];
    this.missingAt = root;
    const version = this.string(doc.get("apiVersion"), "apiVersion", true);
    if (version === undefined) return [];
    if (version !== OPENSLO_VERSION) {
      this.error(this.span(doc.get("apiVersion")!.value), `apiVersion ${JSON.stringify(version)} is not supported`, `moncc reads OpenSLO documents with apiVersion: ${OPENSLO_VERSION}`);
      return [];
    }
    const kind = this.string(doc.get("kind"), "kind", true);
    if (kind === "Service") {
      this.map(doc.get("metadata")?.value, "metadata", KEYS.metadata, root);
      if (doc.get("spec")) this.map(doc.get("spec")!.value, "spec", KEYS.serviceSpec, root);
      return [];
    }
    if (kind !== "SLO") {
      if (kind !== undefined) {
        this.error(this.span(doc.get("kind")!.value), `kind ${kind} is not supported`, "moncc reads kind SLO (with an inline indicator) and kind Service; inline SLIs into their SLO");
      }
      return [];
    }
    const metadata = this.map(doc.get("metadata")?.value, "metadata", KEYS.metadata, root);
    const specEntry = doc.get("spec");
    const spec = specEntry ? this.map(specEntry.value, "spec", KEYS.spec, specEntry.key) : void this.missing("spec");
    if (!metadata || !spec) return [];
    const before = this.diagnostics.length;
    this.missingAt = doc.get("metadata")?.value;
    const name = this.string(metadata.get("name"), "metadata.name", true);
    const labels = this.labels(metadata.get("labels"), "metadata.labels", "label");
    this.missingAt = specEntry!.value;
    const description = this.string(spec.get("description"), "spec.description", false);
    const service = this.string(spec.get("service"), "spec.service", true);
    const budgeting = this.string(spec.get("budgetingMethod"), "spec.budgetingMethod", true);
    if (budgeting !== undefined && budgeting !== "Occurrences") {
      this.error(this.span(spec.get("budgetingMethod")!.value), `spec.budgetingMethod ${budgeting} is not supported`, "moncc's burn-rate rules count events: use budgetingMethod: Occurrences");
    }
    if (spec.get("indicatorRef")) {
      this.error(this.span(spec.get("indicatorRef")!.key), "spec.indicatorRef is not supported", "inline the SLI under spec.indicator");
    }
    const sli = spec.get("indicator") ? this.indicator(spec.get("indicator")!) : spec.get("indicatorRef") ? undefined : void this.missing("spec.indicator");
    const period = this.timeWindow(spec.get("timeWindow"), specEntry!);
    const objective = this.objectives(spec.get("objectives"), specEntry!);
    const policies = spec.get("alertPolicies");
    if (policies && !(isSeq(policies.value) && policies.value.items.length === 0)) {
      this.error(this.span(policies.key), "spec.alertPolicies are not translated: no alerts are generated for this SLO",
        "moncc generates the SLI and metadata rules only, as Sloth does for OpenSLO; write the SLO as a Sloth spec or in TypeScript for burn-rate alerts", "warning");
    }
    if (this.diagnostics.slice(before).some((d) => d.severity === "error") || name === undefined || service === undefined || !sli || period === undefined || objective === undefined) return [];
    const periodProblem = slothPeriodProblem(period);
    if (periodProblem) {
      this.error(this.span(spec.get("timeWindow")!.value), periodProblem, "use a rolling window longer than 3d, such as 28d or 30d");
      return [];
    }
    const windows = ["5m", ...[...DEFAULT_TIERS.page, ...DEFAULT_TIERS.ticket].flatMap((t) => [t.short, t.long])];
    return [{
      id: sloId(service, name),
      profile: "sloth",
      sloth: { objectivePercent: objective, spec: OPENSLO_VERSION },
      sliWindows: [...new Set(windows)],
      name,
      service,
      type: "ratio",
      objectiveText: `${objective}%`,
      objective: objective / 100,
      period,
      description,
      labels: { ...labels, ...(this.options.extraLabels ?? {}) },
      sli,
      metrics: [],
      buckets: [],
      alertName: sloAlertName(service, name),
      alertLabels: {},
      alertAnnotations: {},
      periodSli: "derived",
      sliIntervals: "global",
      span: this.span(root),
    }];
  }

  private indicator(entry: Entry): Slo["sli"] | undefined {
    const indicator = this.map(entry.value, "spec.indicator", KEYS.indicator, entry.key);
    if (!indicator) return undefined;
    if (indicator.get("metadata")) this.map(indicator.get("metadata")!.value, "spec.indicator.metadata", KEYS.metadata, indicator.get("metadata")!.key);
    const specEntry = indicator.get("spec");
    if (!specEntry) return void this.error(this.span(entry.value), "spec.indicator.spec is required", "add spec.indicator.spec.ratioMetric");
    const spec = this.map(specEntry.value, "spec.indicator.spec", KEYS.indicatorSpec, specEntry.key);
    if (!spec) return undefined;
    if (spec.get("thresholdMetric")) {
      return void this.error(this.span(spec.get("thresholdMetric")!.key), "spec.indicator.spec.thresholdMetric is not supported", "express the SLI as a ratioMetric of good or bad events over total events");
    }
    const ratioEntry = spec.get("ratioMetric");
    if (!ratioEntry) return void this.error(this.span(specEntry.value), "spec.indicator.spec.ratioMetric is required", "add ratioMetric with good or bad, and total");
    const ratio = this.map(ratioEntry.value, "spec.indicator.spec.ratioMetric", KEYS.ratioMetric, ratioEntry.key);
    if (!ratio) return undefined;
    for (const key of ["rawType", "raw"] as const) {
      if (ratio.get(key)) return void this.error(this.span(ratio.get(key)!.key), `ratioMetric.${key} is not supported`, "use good or bad, and total");
    }
    const counter = ratio.get("counter");
    if (counter && (!isScalar(counter.value) || typeof counter.value.value !== "boolean")) {
      this.error(this.span(counter.value ?? counter.key), "ratioMetric.counter must be true or false", "write counter: true");
    }
    const good = ratio.get("good");
    const bad = ratio.get("bad");
    if ((good ? 1 : 0) + (bad ? 1 : 0) !== 1) {
      return void this.error(this.span(ratioEntry.value), "ratioMetric needs exactly one of good or bad", "give the good events or the bad events, and total");
    }
    const total = ratio.get("total");
    if (!total) return void this.error(this.span(ratioEntry.value), "ratioMetric.total is required", "add total with the total events query");
    const totalQuery = this.metric(total, "ratioMetric.total");
    const part = this.metric((good ?? bad)!, `ratioMetric.${good ? "good" : "bad"}`);
    if (totalQuery === undefined || part === undefined) return undefined;
    return { errorQuery: good ? `(${totalQuery}) - (${part})` : part, totalQuery };
  }

  private metric(entry: Entry, where: string): string | undefined {
    const metric = this.map(entry.value, where, KEYS.metric, entry.key);
    const sourceEntry = metric?.get("metricSource");
    if (!metric) return undefined;
    if (!sourceEntry) return void this.error(this.span(entry.value), `${where}.metricSource is required`, "add metricSource with type: Prometheus and spec.query");
    const source = this.map(sourceEntry.value, `${where}.metricSource`, KEYS.metricSource, sourceEntry.key);
    if (!source) return undefined;
    this.missingAt = sourceEntry.value;
    const type = this.string(source.get("type"), `${where}.metricSource.type`, true);
    if (type !== undefined && type.toLowerCase() !== "prometheus") {
      return void this.error(this.span(source.get("type")!.value), `${where}.metricSource.type ${type} is not supported`, "moncc generates Prometheus rules: use type: Prometheus");
    }
    const specEntry = source.get("spec");
    if (!specEntry) return void this.error(this.span(sourceEntry.value), `${where}.metricSource.spec is required`, "add spec.query");
    const spec = this.map(specEntry.value, `${where}.metricSource.spec`, KEYS.prometheus, specEntry.key);
    if (!spec) return undefined;
    this.missingAt = specEntry.value;
    const query = this.query(spec.get("query"), `${where}.metricSource.spec.query`);
    if (query !== undefined && !query.includes(WINDOW)) {
      return void this.error(this.span(spec.get("query")!.value), `${where}.metricSource.spec.query has no {{.window}} placeholder`,
        "as with Sloth, write the window as {{.window}}, e.g. sum(rate(http_requests_total[{{.window}}]))");
    }
    return query;
  }

  private timeWindow(entry: Entry | undefined, spec: Entry): string | undefined {
    if (!entry) return void this.error(this.span(spec.value), "spec.timeWindow is required", "add timeWindow: [{ duration: 28d, isRolling: true }]");
    if (!isSeq(entry.value) || entry.value.items.length !== 1) {
      return void this.error(this.span(entry.value ?? entry.key), "spec.timeWindow must be a list of one window", "write timeWindow: [{ duration: 28d, isRolling: true }]");
    }
    const item = this.resolve(entry.value.items[0]);
    const window = this.map(item, "spec.timeWindow[0]", KEYS.timeWindow, item);
    if (!window) return undefined;
    const rolling = window.get("isRolling");
    if (window.get("calendar") || (rolling && !(isScalar(rolling.value) && rolling.value.value === true))) {
      return void this.error(this.span(item), "calendar time windows are not supported", "use a rolling window: isRolling: true");
    }
    this.missingAt = item;
    const duration = this.string(window.get("duration"), "spec.timeWindow[0].duration", true);
    if (duration !== undefined && !parseDuration(duration)) {
      return void this.error(this.span(window.get("duration")!.value), `spec.timeWindow[0].duration ${JSON.stringify(duration)} is not a Prometheus duration`, "write a duration such as 28d, 30d or 4w");
    }
    return duration;
  }

  /** Exactly one objective; target is a ratio (0.999), targetPercent a percent (99.9). */
  private objectives(entry: Entry | undefined, spec: Entry): number | undefined {
    if (!entry) return void this.error(this.span(spec.value), "spec.objectives is required", "add objectives: [{ target: 0.999 }]");
    if (!isSeq(entry.value) || entry.value.items.length !== 1) {
      return void this.error(this.span(entry.value ?? entry.key), "spec.objectives must be a list of exactly one objective", "moncc builds one SLO per objective; split the document");
    }
    const item = this.resolve(entry.value.items[0]);
    const objective = this.map(item, "spec.objectives[0]", KEYS.objective, item);
    if (!objective) return undefined;
    for (const key of ["op", "value", "timeSliceTarget", "timeSliceWindow", "indicator", "indicatorRef", "compositeWeight"] as const) {
      if (objective.get(key)) return void this.error(this.span(objective.get(key)!.key), `spec.objectives[0].${key} is not supported`, "give only target (or targetPercent) for a ratio SLO");
    }
    const target = objective.get("target");
    const percent = objective.get("targetPercent");
    if ((target ? 1 : 0) + (percent ? 1 : 0) !== 1) {
      return void this.error(this.span(item), "spec.objectives[0] needs exactly one of target or targetPercent", "e.g. target: 0.999");
    }
    const node = (target ?? percent)!.value;
    if (!isScalar(node) || typeof node.value !== "number") {
      return void this.error(this.span(node ?? (target ?? percent)!.key), `spec.objectives[0].${target ? "target" : "targetPercent"} must be a number`, "e.g. target: 0.999");
    }
    const value = target ? Number((node.value * 100).toPrecision(15)) : node.value;
    if (!(value > 0 && value <= 100)) {
      return void this.error(this.span(node), `spec.objectives[0] target ${node.value} is out of range`, target ? "target is a ratio in (0, 1], e.g. 0.999" : "targetPercent is in (0, 100], e.g. 99.9");
    }
    return value;
  }
}
