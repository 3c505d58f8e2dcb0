import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Alert, AlertRule, Recording } from "../../model/schema.js";
import { report, type Check } from "../check.js";

/**
 * Two rules of one service that compute the same thing under different names. Two alerts with the
 * same expression, comparison, threshold and labels fire together and notify twice; two recording
 * rules with the same expression and labels write the same samples into two series. (The same name
 * twice is MON101.) Prometheus and promtool accept both.
 */
export const duplicateRule: Check = {
  code: "MON115",
  name: "definitions/duplicate-rule",
  severity: "error",
  summary: "two alerts or recording rules of a service with the same expression and labels",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const service of model.services) {
      const alerts = new Map<string, { alert: Alert; rule: AlertRule }>();
      for (const alert of service.alerts) {
        const repeats = new Map<string, string[]>();
        for (const rule of alert.rules) {
          const key = alertKey(alert, rule);
          const earlier = alerts.get(key);
          if (earlier && earlier.alert !== alert) repeats.set(earlier.alert.name, [...(repeats.get(earlier.alert.name) ?? []), rule.severity]);
          else if (!earlier) alerts.set(key, { alert, rule });
        }
        for (const [name, severities] of repeats) {
          out.push(report(duplicateRule,
            `alert "${alert.name}" ${severities.join(", ")} repeats alert "${name}": same expression, threshold and labels, so both fire together and notify twice`,
            alert.span, `delete one of the two alerts, or make them differ in what they measure`, `alert ${service.name}/${alert.name}`));
        }
      }
      const recordings = new Map<string, Recording>();
      for (const recording of service.recordings) {
        const key = JSON.stringify([squash(recording.query.expr), recording.labels]);
        const earlier = recordings.get(key);
        if (!earlier) {
          recordings.set(key, recording);
          continue;
        }
        if (earlier.name === recording.name) continue;
        out.push(report(duplicateRule,
          `recording rule "${recording.name}" computes the same expression with the same labels as "${earlier.name}"; Prometheus evaluates both and stores the same samples twice`,
          recording.span, `keep one of them and read its series (rule.series()) wherever the other is used`, `recording rule ${recording.name}`));
      }
    }
    return out;
  },
};

/** Whitespace in PromQL carries no meaning outside strings; spacing differences are not differences. */
function squash(expr: string): string {
  let out = "";
  let quote: string | undefined;
  for (let i = 0; i < expr.length; i++) {
    const char = expr[i];
    if (quote) {
      out += char;
      if (char === "\\" && quote !== "`") out += expr[++i] ?? "";
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === "`") {
      quote = char;
      out += char;
    } else if (!/\s/.test(char)) {
      out += char;
    }
  }
  return out;
}

function alertKey(alert: Alert, rule: AlertRule): string {
  return JSON.stringify([squash(alert.query.expr), rule.op, rule.threshold.value ?? rule.threshold.raw, rule.labels]);
}
