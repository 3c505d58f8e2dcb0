import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { locateText } from "../../diagnostics/source-position.js";
import type { Span } from "../../model/schema.js";
import { report, type Check } from "../check.js";
import { ALERTMANAGER_DIALECT, prometheusDialect, scanGoTemplate, type TemplateDialect } from "./go-template.js";
import { TEMPLATED } from "./untemplated-field.js";

const ALERT_HINTS = {
  variables: "alert templates know $labels, $value, $externalLabels and $externalURL",
  functions: "a Prometheus template function (humanize, humanizeDuration, humanizePercentage, toUpper, title, reReplaceAll, ...)",
};
const RECEIVER_HINTS = {
  variables: "notification templates know only $ (the notification data, also .)",
  functions: "an Alertmanager template function (toUpper, toLower, title, join, match, reReplaceAll, safeHtml, stringSlice)",
};

const HINTS: readonly (readonly [RegExp, (known: typeof ALERT_HINTS) => string])[] = [
  [/undefined variable/, (known) => `${known.variables}; declare any other variable first with {{ $name := ... }} in the same block`],
  [/function .* not defined/, (known) => `use ${known.functions} or a text/template builtin (printf, index, len, eq, ...)`],
  [/unexpected EOF/, () => "close every {{ if }}, {{ range }}, {{ with }} and {{ define }} with {{ end }}"],
  [/unexpected \{\{(end|else)\}\}/, () => "remove the stray action, or open the block it belongs to with {{ if }}, {{ range }} or {{ with }}"],
  [/unclosed action|unclosed comment|comment ends/, () => "close the action with }} (a comment: {{/* ... */}})"],
];

function hintFor(message: string, known: typeof ALERT_HINTS): string {
  return HINTS.find(([pattern]) => pattern.test(message))?.[1](known) ?? "fix the Go template syntax; see https://pkg.go.dev/text/template";
}

/** The action at `offset`, short enough for a message. */
function excerpt(text: string, offset: number): string {
  const close = text.indexOf("}}", offset);
  const end = close < 0 ? text.length : close + 2;
  const action = text.slice(offset, end).replace(/\s+/g, " ");
  return action.length > 48 ? `${action.slice(0, 45)}...` : action;
}

/**
 * Alert annotations and labels are Go templates, and so are some receiver options (a Slack channel,
 * an email address). Prometheus rejects the whole rule file, and Alertmanager its whole config,
 * when one does not parse; moncc reports it at the definition instead.
 */
export const templateSyntax: Check = {
  code: "MON317",
  name: "receivers/template-syntax",
  severity: "error",
  summary: "a Go template in an alert annotation or label, or in a templated receiver option, that does not parse",
  run: ({ model, sources }) => {
    const out: Diagnostic[] = [];
    const dialect = prometheusDialect(model.targets.prometheus);
    const seen = new Set<string>();
    const check = (owner: string, kind: string, fields: Readonly<Record<string, string>> | undefined, span: Span | undefined, subject: string) => {
      for (const [key, value] of Object.entries(fields ?? {})) {
        if (typeof value !== "string") continue;
        const id = `${subject}\u0000${kind}\u0000${key}\u0000${value}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const problem = scanTemplate(value, dialect);
        if (!problem) continue;
        out.push(report(templateSyntax,
          `${owner} ${kind} "${key}": ${problem.message} at ${excerpt(value, problem.offset)}`,
          locateText(sources, span, value) ?? span, hintFor(problem.message, ALERT_HINTS), subject));
      }
    };
    for (const service of model.services) {
      for (const alert of service.alerts) {
        const subject = `alert ${service.name}/${alert.name}`;
        for (const rule of alert.rules) {
          check(`alert "${alert.name}"`, "annotation", rule.annotations, alert.span, subject);
          check(`alert "${alert.name}"`, "label", rule.labels, alert.span, subject);
        }
      }
      for (const monitor of service.monitors ?? []) {
        const subject = `alert ${service.name}/${monitor.name}`;
        check(`drift monitor "${monitor.name}"`, "annotation", monitor.annotations, monitor.span, subject);
        check(`drift monitor "${monitor.name}"`, "label", monitor.labels, monitor.span, subject);
      }
      for (const slo of service.slos) {
        const subject = `slo ${service.name}/${slo.name}`;
        const owner = `SLO "${slo.name}"`;
        check(owner, "annotation", slo.alertAnnotations, slo.span, subject);
        check(owner, "label", { ...slo.labels, ...slo.alertLabels }, slo.span, subject);
        for (const group of [slo.page, slo.ticket]) {
          check(owner, "annotation", group?.annotations, slo.span, subject);
          check(owner, "label", group?.labels, slo.span, subject);
        }
      }
    }
    for (const receiver of model.teams.flatMap((team) => team.receivers)) {
      for (const option of TEMPLATED[receiver.type] ?? []) {
        const value = receiver.options[option];
        if (typeof value !== "string") continue;
        const problem = scanTemplate(value, ALERTMANAGER_DIALECT);
        if (!problem) continue;
        out.push(report(templateSyntax,
          `receiver "${receiver.id}" (${receiver.type}) option "${option}": ${problem.message} at ${excerpt(value, problem.offset)}`,
          receiver.span, hintFor(problem.message, RECEIVER_HINTS), `receiver ${receiver.id}`));
      }
    }
    return out;
  },
};

function scanTemplate(value: string, dialect: TemplateDialect) {
  return value.includes("{{") ? scanGoTemplate(value, dialect) : undefined;
}
