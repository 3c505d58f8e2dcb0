// Pure: MON604 policy/alert-budget, a warning per team whose estimated notifications per day exceed
// its alertBudget. Raised by `moncc backtest`, not by the check registry: it needs Prometheus.

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Model } from "../model/schema.js";
import type { BacktestResult } from "./aggregate.js";

export const ALERT_BUDGET_CODE = "MON604";

/** Notifications per day as printed: one decimal, without a trailing ".0". */
export function formatPerDay(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function overBudget(model: Model, result: BacktestResult): Diagnostic[] {
  return result.teams.flatMap((count): Diagnostic[] => {
    if (count.budgetPerDay === undefined || count.perDay <= count.budgetPerDay) return [];
    const team = model.teams.find((t) => t.name === count.team);
    const noisiest = count.alerts[0];
    const days = formatPerDay(result.days);
    return [{
      code: ALERT_BUDGET_CODE,
      severity: "warning",
      message: `team "${count.team}": an estimated ${formatPerDay(count.perDay)} notifications per day (${count.notifications} in ${days} day${days === "1" ? "" : "s"} of history), over its alert budget of ${count.budgetPerDay} per day`,
      span: team?.span,
      hint: `${noisiest ? `the noisiest alert is ${noisiest.rule} (${noisiest.notifications} notifications): ` : ""}raise its threshold or \`for\`, lengthen \`repeat\`, or send it to a lower severity; or raise alertBudget.perDay if the team accepts the load`,
      subject: `team ${count.team}`,
    }];
  });
}
