// `moncc backtest`: replay the generated alert rules over Prometheus' history and estimate the
// notifications per day each team gets, against its alertBudget (MON604). Wiring only: the
// simulation is pure (src/backtest), the range queries live in src/backtest/prometheus.ts.
// Exit codes: 0 within budget, 1 a team over budget or definitions with errors, 2 usage, Prometheus
// or I/O error.

import path from "node:path";
import { Option, type Command } from "commander";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { summarize } from "../diagnostics/render.js";
import { renderPretty } from "../diagnostics/render-pretty.js";
import { backtest, type RuleHistory } from "../backtest/aggregate.js";
import { overBudget } from "../backtest/budget.js";
import { deliveryPlan, planRules } from "../backtest/plan.js";
import { rangeSeries } from "../backtest/prometheus.js";
import { backtestReport, renderJson, renderText } from "../backtest/render.js";
import { durationSeconds, parseDuration } from "../dsl/promql.js";
import { compile } from "../pipeline.js";
import { PrometheusError, prometheusClient } from "../report-live/prometheus.js";

interface BacktestIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
  readonly cwd: string;
}

interface BacktestOptions {
  prometheus: string;
  days: string;
  step: string;
  format: "pretty" | "json";
  timeout: string;
  debug?: boolean;
}

export function registerBacktestCommand(program: Command, io: BacktestIo, setExitCode: (code: number) => void): void {
  program
    .command("backtest")
    .description("replay the generated alert rules over Prometheus' history: estimated notifications per day per team and receiver, against each team's alertBudget (MON604)")
    .argument("[project]", "project directory holding moncc.config.ts, or the config file", ".")
    .requiredOption("--prometheus <url>", "Prometheus base URL holding the history, e.g. http://127.0.0.1:9090")
    .option("--days <n>", "days of history to replay, ending now", "7")
    .option("--step <duration>", "evaluation step of the replay, whole seconds (Prometheus evaluates every evaluation_interval)", "1m")
    .addOption(new Option("--format <format>", "output format").choices(["pretty", "json"]).default("pretty"))
    .option("--timeout <seconds>", "timeout of each Prometheus query", "60")
    .option("--debug", "print stack traces of internal errors")
    .action(async (project: string, options: BacktestOptions) => {
      setExitCode(await runBacktest(project, options, io));
    });
}

/** Why the options cannot be used, or undefined. */
function usageProblem(options: BacktestOptions): string | undefined {
  const days = Number(options.days);
  const stepMs = parseDuration(options.step);
  if (!/^https?:\/\/[^\s]+$/.test(options.prometheus)) return `--prometheus must be an http(s) URL such as http://127.0.0.1:9090, not ${JSON.stringify(options.prometheus)}`;
  if (!(days > 0) || !Number.isFinite(days)) return `--days must be a positive number of days, not ${JSON.stringify(options.days)}`;
  if (stepMs === undefined || stepMs < 1000 || stepMs % 1000 !== 0) return `--step must be a duration of whole seconds, at least 1s, such as 1m, not ${JSON.stringify(options.step)}`;
  if (!(Number(options.timeout) > 0)) return `--timeout must be a positive number of seconds, not ${JSON.stringify(options.timeout)}`;
  return undefined;
}

export async function runBacktest(project: string, options: BacktestOptions, io: BacktestIo): Promise<number> {
  const usage = usageProblem(options);
  if (usage) {
    io.err(`moncc backtest: ${usage}`);
    return 2;
  }
  const result = await compile(path.resolve(io.cwd, project), { validateOnly: true });
  if (!result.model || hasErrors(result.diagnostics)) {
    if (result.diagnostics.length > 0) io.err(renderPretty(result.diagnostics, { root: result.root, sources: result.sources, color: io.color, cwd: io.cwd }) + "\n");
    io.err(`moncc backtest: the definitions have ${summarize(result.diagnostics)}; no backtest`);
    return 1;
  }
  const model = result.model;
  const step = durationSeconds(options.step)!;
  const end = Math.floor(Date.now() / 1000 / step) * step;
  const grid = { start: end - Math.round(Number(options.days) * 86_400), end, step };
  const rules = planRules(model);
  const histories: RuleHistory[] = [];
  const client = prometheusClient(options.prometheus, { timeoutMs: Number(options.timeout) * 1000 });
  try {
    for (const [i, rule] of rules.entries()) {
      io.err(`moncc backtest: [${i + 1}/${rules.length}] ${rule.id}`);
      histories.push({ ...rule, series: await rangeSeries(client, rule.expr, grid) });
    }
  } catch (error) {
    if (error instanceof PrometheusError) {
      io.err(`moncc backtest: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const { deliver, teamOf } = deliveryPlan(model);
  const counts = backtest({ grid, rules: histories, deliver, teamOf, teams: model.teams.map((t) => ({ name: t.name, budgetPerDay: t.alertBudget?.perDay })) });
  const diagnostics = overBudget(model, counts);
  const recorded = rules.filter((r) => r.recorded.length > 0).map((r) => ({ rule: r.id, recorded: r.recorded }));
  const report = backtestReport(options.prometheus.replace(/\/+$/, ""), grid, counts, recorded, diagnostics);
  if (options.format === "json") {
    io.out(renderJson(report));
  } else {
    io.out(renderText(report));
    if (diagnostics.length > 0) io.err(renderPretty(diagnostics, { root: result.root, sources: result.sources, color: io.color, cwd: io.cwd, debug: options.debug }) + "\n");
  }
  if (recorded.length > 0) {
    io.err(`moncc backtest: ${recorded.length} alert rule${recorded.length === 1 ? " reads" : "s read"} recorded series (e.g. ${recorded[0].recorded[0]}); their replay only covers the history Prometheus has recorded`);
  }
  const over = diagnostics.length;
  io.err(`moncc backtest: ${rules.length} alert rule${rules.length === 1 ? "" : "s"} over ${counts.days} day${counts.days === 1 ? "" : "s"} at ${options.step}; ${over === 0 ? "every team within its alert budget" : `${over} team${over === 1 ? "" : "s"} over budget`}`);
  return over > 0 ? 1 : 0;
}
