// Every PromQL expression of the model, parsed once and shared by the PromQL checks: alert and
// recording queries and SLO indicators, with the series catalogue (metric kinds and labels,
// recorded series) they are checked against, and a way to map an offset to the TS source.

import type { Diagnostic, SourceTexts } from "../../diagnostics/diagnostic.js";
import { grammarText } from "../../model/promql/compat.js";
import { parseVersion, type Version } from "../../model/promql/features.js";
import { LabelFlow } from "../../model/promql/labels.js";
import { declaredSeries, type SeriesCatalog, type SeriesInfo } from "../../model/promql/series.js";
import { syntaxTree, type PromqlNode } from "../../model/promql/tree.js";
import { durationSeconds } from "../../dsl/promql.js";
import type { Alert, Model, QueryIR, Recording, Service, Slo, Span } from "../../model/schema.js";
import type { Check, CheckContext } from "../check.js";
import { subjectOf } from "../suppress.js";
import { locateText } from "../../diagnostics/source-position.js";
import { locateInTemplate } from "./template-position.js";

export interface CheckedExpression {
  readonly role: "alert" | "record" | "slo";
  /** As written (holt_winters stays holt_winters). */
  readonly expr: string;
  /** The expression as the grammar reads it (see model/promql/compat.ts). */
  readonly grammar: string;
  /** The tree of `grammar`; undefined when it does not parse. */
  readonly tree: PromqlNode | undefined;
  /** Maps a tree offset back to an offset in `expr`. */
  readonly toOriginal: (offset: number) => number;
  /** Offsets in `expr` where holt_winters is written. */
  readonly holtWinters: readonly number[];
  /** "alert api/HighLatency", "recording rule api:requests:rate5m", "slo api-availability" (see suppress.ts). */
  readonly subject: string;
  readonly service?: Service;
  readonly alert?: Alert;
  readonly recording?: Recording;
  readonly slo?: Slo;
  /** The definition's span, for findings about the whole expression. */
  readonly span: Span | undefined;
  /** The span of the tree offset: the exact spot in a promql`` template, else the definition. */
  locate(offset: number): Span | undefined;
}

export interface PromqlContext {
  readonly expressions: readonly CheckedExpression[];
  readonly catalog: SeriesCatalog;
  readonly labels: LabelFlow;
  readonly target: Version | undefined;
  readonly targetText: string;
  readonly features: readonly string[];
}

/** Keyed by the check run, not the model: the parsed trees are let go when validation ends, not kept through generation. */
const contexts = new WeakMap<CheckContext, PromqlContext>();

/** The parsed expressions of the model; built once per check run, whichever check asks first. */
export function promqlContext(context: CheckContext): PromqlContext {
  let built = contexts.get(context);
  if (!built) {
    built = buildContext(context.model, context.sources);
    contexts.set(context, built);
  }
  return built;
}

/**
 * SLO indicators carry a `{{.window}}` placeholder; any window reads the same for checking. It is
 * read as 5m written with leading zeros to the placeholder's length, so offsets stay those of the text.
 */
const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/g;
const withWindow = (text: string) => text.replace(WINDOW_PLACEHOLDER, (placeholder) => `${"0".repeat(placeholder.length - 2)}5m`);

function buildContext(model: Model, sources: SourceTexts): PromqlContext {
  const expressions: CheckedExpression[] = [];
  const add = (query: QueryIR | string, base: Omit<CheckedExpression, "expr" | "grammar" | "tree" | "toOriginal" | "holtWinters" | "locate">, original?: string) => {
    const expr = typeof query === "string" ? query : query.expr;
    const grammar = grammarText(expr);
    const locate = (offset: number) =>
      (typeof query === "string"
        ? locateText(sources, base.span, original ?? query, grammar.toOriginal(offset))
        : locateInTemplate(query, grammar.toOriginal(offset), sources)) ?? base.span;
    expressions.push({ ...base, expr, grammar: grammar.text, tree: syntaxTree(grammar.text), toOriginal: grammar.toOriginal, holtWinters: grammar.holtWinters, locate });
  };
  for (const service of model.services) {
    for (const alert of service.alerts) {
      add(alert.query, { role: "alert", subject: subjectOf.alert(alert), service, alert, span: alert.query.span ?? alert.span });
    }
    for (const recording of service.recordings) {
      add(recording.query, { role: "record", subject: `recording rule ${recording.name}`, service, recording, span: recording.query.span ?? recording.span });
    }
    for (const slo of service.slos) {
      for (const text of [slo.sli.errorQuery, slo.sli.totalQuery]) {
        if (text !== undefined) add(withWindow(text), { role: "slo", subject: subjectOf.slo(slo), service, slo, span: slo.span }, text);
      }
    }
  }
  const series = declaredSeries(model);
  const scrape = durationSeconds(model.scrape.interval);
  const catalog: SeriesCatalog = {
    lookup: (name) => series.get(name),
    targetLabels: model.scrape.targetLabels,
    scrapeInterval: scrape ?? 60,
  };
  const labels = new LabelFlow(catalog);
  // Recorded series carry what their rule produces, plus the rule's own labels.
  for (const e of expressions) {
    if (!e.recording || series.has(e.recording.name)) continue;
    const inferred = e.tree ? labels.labels(e.tree) : undefined;
    const info: SeriesInfo = {
      name: e.recording.name,
      kind: "recorded",
      labels: inferred?.exact ? [...new Set([...inferred.names, ...Object.keys(e.recording.labels)])] : undefined,
      declaredAs: `recording rule ${e.recording.name}`,
    };
    series.set(e.recording.name, info);
  }
  return {
    expressions, catalog, labels: new LabelFlow(catalog),
    target: parseVersion(model.targets.prometheus), targetText: model.targets.prometheus, features: model.targets.prometheusFeatures,
  };
}

/** What a PromQL check reports about one expression: a message at a tree offset. */
export interface Finding {
  readonly message: string;
  readonly hint: string;
  /** Tree offset; the definition's span when absent. */
  readonly at?: number;
  /** A span of the definition other than the expression's, e.g. the alert for its annotations. */
  readonly span?: Span;
}

/** A check over every expression; `inspect` also runs on bare rule files (scripts/corpus). */
export interface ExpressionCheck extends Check {
  inspect(expression: CheckedExpression, context: PromqlContext): Finding[];
}

export function expressionCheck(definition: Omit<ExpressionCheck, "run">): ExpressionCheck {
  const check: ExpressionCheck = {
    ...definition,
    run: (context) => {
      const promql = promqlContext(context);
      const out: Diagnostic[] = [];
      for (const expression of promql.expressions) {
        let findings: Finding[];
        try {
          findings = definition.inspect(expression, promql);
        } catch (error) {
          // A crash is a moncc bug; say which expression it was, and keep checking the others.
          out.push({
            code: "MON900", severity: "error", span: expression.span, subject: expression.subject,
            message: `internal error in check ${definition.code} (${definition.name}) on ${expression.subject}: ${error instanceof Error ? error.message : String(error)}`,
            hint: "this is a moncc bug; run with --debug and report it with the expression",
          });
          continue;
        }
        for (const finding of findings) {
          out.push({
            code: definition.code, severity: definition.severity,
            message: `${expression.subject}: ${finding.message}`,
            span: finding.span ?? (finding.at === undefined ? expression.span : expression.locate(finding.at)),
            hint: finding.hint, subject: expression.subject,
          });
        }
      }
      return out;
    },
  };
  return check;
}
