import { expressionCheck, type Finding } from "./expressions.js";

const VALUE_READ = /\{\{[^}]*(\$value|\.Value)\b[^}]*\}\}/;

/**
 * `$value` in an alert label: labels are the alert's identity, so every new value makes a new
 * alert, the old one resolves, and the receiver gets a fresh notification at each evaluation.
 */
export const templateInLabels = expressionCheck({
  code: "MON214",
  name: "promql/value-in-labels",
  severity: "warning",
  silenceable: true,
  summary: "an alert label whose value is templated from $value",
  inspect: ({ alert }) => {
    if (!alert) return [];
    const out: Finding[] = [];
    const reported = new Set<string>();
    for (const rule of alert.rules) {
      for (const [key, text] of Object.entries(rule.labels)) {
        if (!VALUE_READ.test(text) || reported.has(key)) continue;
        reported.add(key);
        out.push({
          message: `label ${key} is templated from $value, so every evaluation with a new value starts a new alert and resolves the old one`,
          hint: `move the value into an annotation (e.g. description: "at {{ $value }}"); labels should identify the alert`,
          span: alert.span,
        });
      }
    }
    return out;
  },
});
