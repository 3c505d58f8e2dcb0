// import: Sloth `prometheus/v1` spec files (YAML) → SLO IR with the "sloth" profile. Keys are
// strict (Sloth ignores unknown keys silently; moncc reports them), and every diagnostic points at
// the YAML file:line:col. The generated rules then follow Sloth's semantics exactly: its labels,
// default annotations, tier table for the period and float arithmetic.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseDuration } from "../dsl/promql.js";
import { WINDOW } from "../dsl/slos.js";
import { DEFAULT_SLO_PERIOD, DEFAULT_TIERS, sloAlertName, sloId } from "../model/conventions.js";
import { findSyntaxErrors } from "../model/promql/syntax.js";
import type { Service, Slo, SloAlertGroup, Span } from "../model/schema.js";
import { sloTiers } from "../model/slo.js";

export const SLOTH_SPEC_CODE = "MON501";
export const SLOTH_SPEC_VERSION = "prometheus/v1";

export interface SlothOptions {
  /** Sloth's --default-slo-period (default 30d). */
  readonly period?: string;
  /** Sloth's -l/--extra-labels: added to every SLO's labels, overriding the spec's. */
  readonly extraLabels?: Readonly<Record<string, string>>;
}

export interface SlothImport {
  readonly slos: Slo[];
  readonly diagnostics: Diagnostic[];
}

/** Labels Sloth sets itself; a spec that sets them would break the rules that select on them. */
const RESERVED_LABELS = new Set(["sloth_id", "sloth_service", "sloth_slo", "sloth_window", "sloth_severity"]);
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** A Go template action naming the window: {{.window}}, {{ .window }}, with optional trim markers. */
const WINDOW_ACTION = /(\s*)\{\{(-\s)?\s*\.window\s*(\s-)?\}\}(\s*)/g;

const KEYS = {
  spec: ["version", "service", "labels", "slos"],
  slo: ["name", "description", "objective", "labels", "sli", "alerting"],
  sli: ["events", "raw", "plugin"],
  events: ["error_query", "total_query"],
  raw: ["error_ratio_query"],
  alerting: ["name", "labels", "annotations", "page_alert", "ticket_alert"],
  alert: ["disable", "labels", "annotations"],
} as const;

/** Reads every spec document of one file; `file` is the path diagnostics and spans use. */
export function importSlothSpecs(text: string, file: string, options: SlothOptions = {}): SlothImport {
  const reader = new SpecReader(text, file, options);
  return { slos: reader.read(), diagnostics: reader.diagnostics };
}

/** Checks a --slo-period value; the longest tier window (3d) must be shorter than the period. */
export function slothPeriodProblem(period: string): string | undefined {
  const ms = parseDuration(period);
  if (!ms) return `the SLO period ${JSON.stringify(period)} is not a duration such as 30d or 28d`;
  const longest = Math.max(...[...DEFAULT_TIERS.page, ...DEFAULT_TIERS.ticket].map((t) => parseDuration(t.long) ?? 0));
  if (ms <= longest) return `the SLO period ${period} is not longer than the longest alert window (3d)`;
  return undefined;
}

/** Imported SLOs grouped into one moncc service per Sloth `service`, in first-seen order. */
export function slothServices(slos: readonly Slo[]): Service[] {
  const services = new Map<string, Service>();
  for (const slo of slos) {
    let service = services.get(slo.service);
    if (!service) {
      service = { name: slo.service, owner: "", labels: {}, metrics: [], alerts: [], recordings: [], slos: [], span: slo.span };
      services.set(slo.service, service);
    }
    service.slos.push(slo);
  }
  return [...services.values()];
}

export class SpecReader {
  readonly diagnostics: Diagnostic[] = [];
  protected readonly lines = new LineCounter();
  protected doc!: Document;

  /** Prefix of every message, naming the format. */
  protected readonly what: string = "Sloth spec";

  constructor(protected readonly text: string, protected readonly file: string, protected readonly options: SlothOptions) {}

  read(): Slo[] {
    const docs = parseAllDocuments(this.text, { lineCounter: this.lines, uniqueKeys: true });
    const list = Array.isArray(docs) ? docs : [];
    const out: Slo[] = [];
    let documents = 0;
    for (const doc of list) {
      this.doc = doc;
      if (doc.errors.length > 0) {
        for (const error of doc.errors) {
          const pos = error.linePos?.[0];
          this.error(pos ? { file: this.file, line: pos.line, column: pos.col } : this.span(undefined), `YAML: ${error.message.split("\n")[0]}`, "fix the YAML syntax");
        }
        continue;
      }
      if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
      documents++;
      out.push(...this.document(doc.contents as YamlNode));
    }
    if (documents === 0 && this.diagnostics.length === 0) {
      this.error(this.span(undefined), `the file holds no ${this.what}`, "an empty file builds nothing; add a spec or remove the file");
    }
    const seen = new Set<string>();
    for (const slo of out) {
      if (seen.has(slo.id)) this.error(slo.span ?? this.span(undefined), `SLO id "${slo.id}" is defined twice`, "service + SLO name must be unique; rename one of the SLOs");
      seen.add(slo.id);
    }
    return out;
  }

  protected span(node: YamlNode | Pair["key"] | undefined): Span {
    const range = node && typeof node === "object" && "range" in node ? (node.range as [number, number, number] | null | undefined) : undefined;
    const offset = range ? range[0] : 0;
    const pos = this.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col };
  }

  protected error(span: Span, message: string, hint: string, severity: "error" | "warning" = "error"): void {
    this.diagnostics.push({ code: SLOTH_SPEC_CODE, severity, message: `${this.what}: ${message}`, span, hint, subject: `${this.what} ${this.file}` });
  }

  protected resolve(node: unknown): YamlNode | undefined {
    if (node === null || node === undefined) return undefined;
    if (isAlias(node)) return node.resolve(this.doc) as YamlNode | undefined;
    return node as YamlNode;
  }

  /** A map with only the allowed keys; unknown keys are reported at the key. */
  protected map(node: YamlNode | undefined, where: string, allowed: readonly string[], at: YamlNode | undefined): Map<string, { key: Scalar; value: YamlNode | undefined }> | undefined {
    if (!isMap(node)) {
      this.error(this.span(node ?? at), `${where} must be a mapping`, `expected the keys ${allowed.join(", ")}`);
      return undefined;
    }
    const out = new Map<string, { key: Scalar; value: YamlNode | undefined }>();
    for (const pair of (node as YAMLMap).items) {
      const key = this.resolve(pair.key);
      if (!isScalar(key) || typeof key.value !== "string") {
        this.error(this.span(key ?? node), `${where} has a key that is not a string`, `expected the keys ${allowed.join(", ")}`);
        continue;
      }
      if (!allowed.includes(key.value)) {
        this.error(this.span(key), `unknown key "${key.value}" in ${where}`,
          `Sloth ignores unknown keys silently, so a typo loses a setting; the keys of ${where} are ${allowed.join(", ")}`);
        continue;
      }
      out.set(key.value, { key, value: this.resolve(pair.value) });
    }
    return out;
  }

  protected string(entry: { key: Scalar; value: YamlNode | undefined } | undefined, where: string, required: boolean): string | undefined {
    if (!entry) {
      if (required) return void this.missing(where);
      return undefined;
    }
    const node = entry.value;
    if (!isScalar(node) || typeof node.value !== "string") {
      this.error(this.span(node ?? entry.key), `${where} must be a string`, `write ${where} as a string`);
      return undefined;
    }
    if (required && node.value.trim() === "") {
      this.error(this.span(node), `${where} must not be empty`, `write a value for ${where}`);
      return undefined;
    }
    return node.value;
  }

  protected missingAt: YamlNode | undefined;
  protected missing(where: string): undefined {
    this.error(this.span(this.missingAt), `${where} is required`, `add ${where}`);
    return undefined;
  }

  /** Label or annotation maps: valid names; any scalar value is read as its text, as Sloth does. */
  protected labels(entry: { key: Scalar; value: YamlNode | undefined } | undefined, where: string, kind: "label" | "annotation"): Record<string, string> {
    if (!entry) return {};
    const node = entry.value;
    if (node === undefined || (isScalar(node) && node.value === null)) return {};
    if (!isMap(node)) {
      this.error(this.span(node), `${where} must be a mapping of ${kind} names to values`, `e.g. ${kind === "label" ? "team: payments" : "runbook: https://…"}`);
      return {};
    }
    const out: Record<string, string> = {};
    for (const pair of (node as YAMLMap).items) {
      const key = this.resolve(pair.key);
      const value = this.resolve(pair.value);
      if (!isScalar(key) || typeof key.value !== "string" || !LABEL_NAME.test(key.value)) {
        this.error(this.span(key ?? node), `${where}: ${JSON.stringify(isScalar(key) ? key.value : null)} is not a valid ${kind} name`, "names match [a-zA-Z_][a-zA-Z0-9_]*");
        continue;
      }
      if (kind === "label" && (RESERVED_LABELS.has(key.value) || key.value === "__name__")) {
        this.error(this.span(key), `${where}: the label ${key.value} is set by Sloth itself`, "rename the label; sloth_id, sloth_service, sloth_slo, sloth_window and sloth_severity identify the SLO's series");
        continue;
      }
      if (!isScalar(value) || value.value === null || typeof value.value === "object") {
        this.error(this.span(value ?? key), `${where}.${key.value} must be a scalar value`, `write ${where}.${key.value} as a string`);
        continue;
      }
      out[key.value] = typeof value.value === "string" ? value.value : (value.source ?? String(value.value));
    }
    return out;
  }

  /** One YAML document: a Sloth spec here; other formats override this. */
  protected document(root: YamlNode): Slo[] {
    return this.spec(root);
  }

  private spec(root: YamlNode): Slo[] {
    const spec = this.map(root, "the spec", KEYS.spec, root);
    if (!spec) return [];
    this.missingAt = root;
    const versionEntry = spec.get("version");
    const version = this.string(versionEntry, "version", true);
    if (version !== undefined && version !== SLOTH_SPEC_VERSION) {
      this.error(this.span(versionEntry!.value), `version ${JSON.stringify(version)} is not supported`, `moncc reads Sloth specs with version: "${SLOTH_SPEC_VERSION}"`);
      return [];
    }
    if (version === undefined) return [];
    this.missingAt = root;
    const service = this.string(spec.get("service"), "service", true);
    const specLabels = this.labels(spec.get("labels"), "labels", "label");
    const slosEntry = spec.get("slos");
    if (!slosEntry || !isSeq(slosEntry.value) || slosEntry.value.items.length === 0) {
      this.error(this.span(slosEntry?.value ?? slosEntry?.key ?? root), "slos must be a non-empty list", "list at least one SLO under slos");
      return [];
    }
    if (service === undefined) return [];
    const out: Slo[] = [];
    slosEntry.value.items.forEach((item, index) => {
      const slo = this.slo(this.resolve(item), index, service, specLabels);
      if (slo) out.push(slo);
    });
    return out;
  }

  private slo(node: YamlNode | undefined, index: number, service: string, specLabels: Record<string, string>): Slo | undefined {
    const where = `slos[${index}]`;
    const slo = this.map(node, where, KEYS.slo, node);
    if (!slo) return undefined;
    const before = this.diagnostics.length;
    this.missingAt = node;
    const name = this.string(slo.get("name"), `${where}.name`, true);
    const description = this.string(slo.get("description"), `${where}.description`, false);
    const objective = this.objective(slo.get("objective"), where, node);
    const labels = this.labels(slo.get("labels"), `${where}.labels`, "label");
    const sli = this.sli(slo.get("sli"), where, node);
    const alerting = this.alerting(slo.get("alerting"), where, node);
    if (this.diagnostics.length > before || name === undefined || objective === undefined || !sli || !alerting) return undefined;

    const period = this.options.period ?? DEFAULT_SLO_PERIOD;
    const group = (kind: "page" | "ticket", spec: AlertSpec): SloAlertGroup | undefined => spec.disable ? undefined : {
      severity: kind === "page" ? "P1" : "P3",
      labels: spec.labels,
      annotations: spec.annotations,
      tiers: sloTiers(kind, DEFAULT_TIERS[kind], period),
    };
    const windows = ["5m", ...[...DEFAULT_TIERS.page, ...DEFAULT_TIERS.ticket].flatMap((t) => [t.short, t.long])];
    return {
      id: sloId(service, name),
      profile: "sloth",
      sloth: { objectivePercent: objective, spec: SLOTH_SPEC_VERSION },
      sliWindows: [...new Set(windows)],
      name,
      service,
      type: sli.totalQuery === undefined ? "raw" : "ratio",
      objectiveText: `${objective}%`,
      objective: objective / 100,
      period,
      description,
      labels: { ...specLabels, ...labels, ...(this.options.extraLabels ?? {}) },
      sli,
      metrics: [],
      buckets: [],
      alertName: alerting.name ?? sloAlertName(service, name),
      alertLabels: alerting.labels,
      alertAnnotations: alerting.annotations,
      page: group("page", alerting.page),
      ticket: group("ticket", alerting.ticket),
      periodSli: "derived",
      sliIntervals: "global",
      span: this.span(node),
    };
  }

  private objective(entry: { key: Scalar; value: YamlNode | undefined } | undefined, where: string, at: YamlNode | undefined): number | undefined {
    if (!entry) {
      this.error(this.span(at), `${where}.objective is required`, "add objective: a percentage such as 99.9");
      return undefined;
    }
    const node = entry.value;
    if (!isScalar(node) || typeof node.value !== "number" || !Number.isFinite(node.value)) {
      this.error(this.span(node ?? entry.key), `${where}.objective must be a number (a percentage such as 99.9)`, "write the objective as a bare percent number, e.g. objective: 99.9");
      return undefined;
    }
    if (!(node.value > 0 && node.value <= 100)) {
      this.error(this.span(node), `${where}.objective ${node.value} is outside (0, 100]`, "Sloth objectives are percentages, e.g. 99.9 for 99.9%");
      return undefined;
    }
    return node.value;
  }

  private sli(entry: { key: Scalar; value: YamlNode | undefined } | undefined, where: string, at: YamlNode | undefined): Slo["sli"] | undefined {
    if (!entry) {
      this.error(this.span(at), `${where}.sli is required`, "add sli with events (error_query, total_query) or raw (error_ratio_query)");
      return undefined;
    }
    const sli = this.map(entry.value, `${where}.sli`, KEYS.sli, entry.key);
    if (!sli) return undefined;
    const plugin = sli.get("plugin");
    if (plugin) {
      this.error(this.span(plugin.key), `${where}.sli.plugin is not supported: moncc cannot run Sloth's Go SLI plugins`,
        "rewrite the SLI as events (error_query and total_query) or raw (error_ratio_query) with the query the plugin produces");
      return undefined;
    }
    const kinds = [...sli.keys()];
    if (kinds.length !== 1) {
      this.error(this.span(entry.value ?? entry.key), `${where}.sli must have exactly one of events or raw${kinds.length > 1 ? `, not ${kinds.join(" and ")}` : ""}`,
        "use events (error_query, total_query) or raw (error_ratio_query)");
      return undefined;
    }
    this.missingAt = entry.value;
    if (kinds[0] === "events") {
      const events = this.map(sli.get("events")!.value, `${where}.sli.events`, KEYS.events, sli.get("events")!.key);
      if (!events) return undefined;
      this.missingAt = sli.get("events")!.value;
      const errorQuery = this.query(events.get("error_query"), `${where}.sli.events.error_query`);
      const totalQuery = this.query(events.get("total_query"), `${where}.sli.events.total_query`);
      return errorQuery !== undefined && totalQuery !== undefined ? { errorQuery, totalQuery } : undefined;
    }
    const raw = this.map(sli.get("raw")!.value, `${where}.sli.raw`, KEYS.raw, sli.get("raw")!.key);
    if (!raw) return undefined;
    this.missingAt = sli.get("raw")!.value;
    const errorQuery = this.query(raw.get("error_ratio_query"), `${where}.sli.raw.error_ratio_query`);
    return errorQuery !== undefined ? { errorQuery, totalQuery: undefined } : undefined;
  }

  /** A query template: Sloth renders it as a Go template whose only variable is `.window`. */
  protected query(entry: { key: Scalar; value: YamlNode | undefined } | undefined, where: string): string | undefined {
    const text = this.string(entry, where, true);
    if (text === undefined) return undefined;
    const template = text.replace(WINDOW_ACTION, (_m, before: string, trimLeft: string | undefined, trimRight: string | undefined, after: string) =>
      `${trimLeft ? "" : before}${WINDOW}${trimRight ? "" : after}`);
    const action = /\{\{[\s\S]*?\}\}/.exec(template.split(WINDOW).join(""));
    if (action) {
      this.error(this.span(entry!.value), `${where} uses the template action ${action[0]}; only {{.window}} is supported`, "Sloth renders queries as Go templates with one variable, .window");
      return undefined;
    }
    const problem = findSyntaxErrors(template.split(WINDOW).join("1m"))[0];
    if (problem) {
      this.error(this.span(entry!.value), `${where} is not valid PromQL: ${problem.message}`, `the query with the window set to 1m is: ${template.split(WINDOW).join("1m").trim()}`);
      return undefined;
    }
    return template;
  }

  private alerting(entry: { key: Scalar; value: YamlNode | undefined } | undefined, where: string, at: YamlNode | undefined): AlertingSpec | undefined {
    const empty: AlertSpec = { disable: false, labels: {}, annotations: {} };
    if (!entry) {
      this.error(this.span(at), `${where}.alerting is required`, "add alerting with a name, or disable page_alert and ticket_alert");
      return undefined;
    }
    const alerting = this.map(entry.value, `${where}.alerting`, KEYS.alerting, entry.key);
    if (!alerting) return undefined;
    const alert = (key: "page_alert" | "ticket_alert"): AlertSpec | undefined => {
      const spec = alerting.get(key);
      if (!spec || spec.value === undefined || (isScalar(spec.value) && spec.value.value === null)) return empty;
      const fields = this.map(spec.value, `${where}.alerting.${key}`, KEYS.alert, spec.key);
      if (!fields) return undefined;
      const disable = fields.get("disable");
      if (disable && (!isScalar(disable.value) || typeof disable.value.value !== "boolean")) {
        this.error(this.span(disable.value ?? disable.key), `${where}.alerting.${key}.disable must be true or false`, "write disable: true");
        return undefined;
      }
      return {
        disable: disable ? (disable.value as Scalar).value === true : false,
        labels: this.labels(fields.get("labels"), `${where}.alerting.${key}.labels`, "label"),
        annotations: this.labels(fields.get("annotations"), `${where}.alerting.${key}.annotations`, "annotation"),
      };
    };
    const page = alert("page_alert");
    const ticket = alert("ticket_alert");
    const name = this.string(alerting.get("name"), `${where}.alerting.name`, false);
    if (!page || !ticket) return undefined;
    if (name === undefined && !(page.disable && ticket.disable)) {
      if (!alerting.get("name")) this.error(this.span(entry.value ?? entry.key), `${where}.alerting.name is required while an alert is enabled`, "add alerting.name, the alert name of the page and ticket alerts");
      return undefined;
    }
    return {
      name,
      labels: this.labels(alerting.get("labels"), `${where}.alerting.labels`, "label"),
      annotations: this.labels(alerting.get("annotations"), `${where}.alerting.annotations`, "annotation"),
      page,
      ticket,
    };
  }
}

interface AlertSpec {
  readonly disable: boolean;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
}

interface AlertingSpec {
  readonly name: string | undefined;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly page: AlertSpec;
  readonly ticket: AlertSpec;
}
