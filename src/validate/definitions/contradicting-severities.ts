import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { parseDuration } from "../../dsl/promql.js";
import type { AlertRule } from "../../model/schema.js";
import { allAlerts, report, type Check } from "../check.js";

const RANK = { P0: 0, P1: 1, P2: 2, P3: 3 } as const;

/**
 * The more severe level of one alert must be worse in the comparison's direction: for ">", P0's
 * value must be at least P1's; for "<", at most. At an equal value, the more severe level must not
 * wait longer. Levels must also compare in the same direction.
 */
export const contradictingSeverities: Check = {
  code: "MON109",
  name: "definitions/contradicting-severities",
  severity: "error",
  summary: "severity thresholds that contradict each other",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const { alert } of allAlerts(model)) {
      const rules = [...alert.rules].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
      for (let i = 0; i < rules.length; i++) {
        for (let j = i + 1; j < rules.length; j++) {
          const problem = contradiction(rules[i], rules[j]);
          if (problem) {
            out.push(report(contradictingSeverities, `alert "${alert.name}": ${problem}`, alert.span,
              "make the more severe level the stricter one, or swap the levels", `alert ${alert.service}/${alert.name}`));
          }
        }
      }
    }
    return out;
  },
};

function direction(op: AlertRule["op"]): "up" | "down" | "none" {
  if (op === ">" || op === ">=") return "up";
  if (op === "<" || op === "<=") return "down";
  return "none";
}

/** `severe` outranks `mild`; returns why they contradict, if they do. */
function contradiction(severe: AlertRule, mild: AlertRule): string | undefined {
  const a = severe.threshold.value;
  const b = mild.threshold.value;
  if (a === undefined || b === undefined) return undefined;
  const dir = direction(severe.op);
  if (dir !== direction(mild.op)) {
    return `${severe.severity} fires when ${severe.op} ${severe.threshold.raw} but ${mild.severity} when ${mild.op} ${mild.threshold.raw}; levels must compare in the same direction`;
  }
  if (dir === "none") return undefined;
  const lessSevere = dir === "up" ? a < b : a > b;
  if (lessSevere) {
    return `${severe.severity} (${severe.op} ${severe.threshold.raw}) fires before ${mild.severity} (${mild.op} ${mild.threshold.raw}) is reached; the ${severe.severity} threshold is milder`;
  }
  if (a === b && (parseDuration(severe.for ?? "0s") ?? 0) > (parseDuration(mild.for ?? "0s") ?? 0)) {
    return `${severe.severity} and ${mild.severity} share the threshold ${severe.threshold.raw}, but ${severe.severity} waits longer (for ${severe.for}) than ${mild.severity} (for ${mild.for ?? "0s"})`;
  }
  return undefined;
}
