// Pure: the backtest result as a plain-text table per team, or as JSON.

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { BacktestResult } from "./aggregate.js";
import { formatPerDay } from "./budget.js";
import type { Grid } from "./simulate.js";

/** Alerts listed per team in the text table. */
const TOP_ALERTS = 5;

export interface BacktestReport {
  readonly version: 1;
  readonly prometheus: string;
  readonly start: number;
  readonly end: number;
  readonly stepSeconds: number;
  readonly days: number;
  readonly teams: BacktestResult["teams"];
  /** Alert rules reading recording rules: their history is only as long as Prometheus has recorded them. */
  readonly readsRecordedSeries: readonly { readonly rule: string; readonly recorded: readonly string[] }[];
  readonly diagnostics: readonly Diagnostic[];
}

export function backtestReport(prometheus: string, grid: Grid, result: BacktestResult, readsRecordedSeries: BacktestReport["readsRecordedSeries"], diagnostics: readonly Diagnostic[]): BacktestReport {
  return { version: 1, prometheus, start: grid.start, end: grid.end, stepSeconds: grid.step, days: result.days, teams: result.teams, readsRecordedSeries, diagnostics };
}

export function renderJson(report: BacktestReport): string {
  return JSON.stringify(report, null, 2);
}

export function renderText(report: BacktestReport): string {
  const blocks = report.teams.map((team) => {
    const budget = team.budgetPerDay === undefined ? "no alertBudget" : `budget ${team.budgetPerDay}/day${team.perDay > team.budgetPerDay ? ", OVER BUDGET" : ""}`;
    const lines = [`team ${team.team}: ${formatPerDay(team.perDay)} notifications/day (${team.notifications} in all; ${budget})`];
    if (team.receivers.length > 0) {
      lines.push(...table(["receiver", "notifications", "per day"], team.receivers.map((r) => [r.receiver, String(r.notifications), formatPerDay(r.perDay)])));
    }
    if (team.alerts.length > 0) {
      const top = team.alerts.slice(0, TOP_ALERTS);
      lines.push(...table(["noisiest alert rules", "episodes", "notifications", "per day"], top.map((a) => [a.rule, String(a.episodes), String(a.notifications), formatPerDay(a.perDay)])));
      if (team.alerts.length > top.length) lines.push(`  … and ${team.alerts.length - top.length} more`);
    }
    return lines.join("\n");
  });
  return blocks.join("\n\n");
}

/** Rows indented two spaces; the first column left-aligned, the others right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  return all.map((row) => `  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")}`.trimEnd());
}
