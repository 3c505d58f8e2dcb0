// `moncc report`: SLO reports from the definitions (static) or with live values from Prometheus.
// Wiring only: the report data and rendering are pure (src/generators/report), the HTTP queries
// live in src/report-live. Exit codes: 0 ok, 1 definitions with errors, 2 usage, Prometheus or I/O error.

import fs from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { summarize } from "../diagnostics/render.js";
import { renderPretty } from "../diagnostics/render-pretty.js";
import { liveReport, planReport, renderReport, staticReport, type RawLive, type ReportFormat } from "../generators/report/index.js";
import { compile } from "../pipeline.js";
import { fetchLive, PrometheusError, prometheusClient } from "../report-live/prometheus.js";

interface ReportIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
  readonly cwd: string;
}

interface ReportOptions {
  format: ReportFormat;
  prometheus?: string;
  out?: string;
  timeout: string;
  debug?: boolean;
}

export function registerReportCommand(program: Command, io: ReportIo, setExitCode: (code: number) => void): void {
  program
    .command("report")
    .description("SLO report: objectives, budgets and burn-rate tiers; with --prometheus also live SLI, burn rates, budget remaining and burn-down")
    .argument("[project]", "project directory holding moncc.config.ts, or the config file", ".")
    .addOption(new Option("--format <format>", "report format").choices(["markdown", "json", "html"]).default("markdown"))
    .option("--prometheus <url>", "Prometheus base URL to query for live values, e.g. http://127.0.0.1:9090")
    .option("-o, --out <file>", "write the report to this file instead of stdout")
    .option("--timeout <seconds>", "timeout of each Prometheus query", "60")
    .option("--debug", "print stack traces of internal errors")
    .action(async (project: string, options: ReportOptions) => {
      setExitCode(await report(project, options, io));
    });
}

export async function report(project: string, options: ReportOptions, io: ReportIo): Promise<number> {
  const result = await compile(path.resolve(io.cwd, project), { validateOnly: true });
  if (!result.model || hasErrors(result.diagnostics)) {
    if (result.diagnostics.length > 0) io.err(renderPretty(result.diagnostics, { root: result.root, sources: result.sources, color: io.color, cwd: io.cwd }) + "\n");
    io.err(`moncc report: the definitions have ${summarize(result.diagnostics)}; no report`);
    return 1;
  }
  const model = result.model;
  let data = staticReport(model);
  if (options.prometheus !== undefined) {
    const timeoutSeconds = Number(options.timeout);
    if (!/^https?:\/\/[^\s]+$/.test(options.prometheus) || !(timeoutSeconds > 0)) {
      io.err(`moncc report: ${!(timeoutSeconds > 0) ? `--timeout must be a positive number of seconds, not ${JSON.stringify(options.timeout)}` : `--prometheus must be an http(s) URL such as http://127.0.0.1:9090, not ${JSON.stringify(options.prometheus)}`}`);
      return 2;
    }
    // Milliseconds matter: a whole-second floor can fall before the latest rule evaluation.
    const at = Date.now() / 1000;
    const client = prometheusClient(options.prometheus, { timeoutMs: timeoutSeconds * 1000 });
    const plans = planReport(model, at);
    const raws: RawLive[] = [];
    try {
      for (const [i, plan] of plans.entries()) {
        raws.push(await fetchLive(client, plan, at, (what) => io.err(`moncc report: [${i + 1}/${plans.length}] ${plan.slo.id}: ${what}`)));
      }
    } catch (error) {
      if (error instanceof PrometheusError) {
        io.err(`moncc report: ${error.message}`);
        return 2;
      }
      throw error;
    }
    data = liveReport(model, plans, raws, { prometheus: options.prometheus.replace(/\/+$/, ""), evaluatedAt: at });
  }
  const text = renderReport(data, options.format);
  if (options.out) {
    const target = path.resolve(io.cwd, options.out);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.tmp-${process.pid}`;
      fs.writeFileSync(temp, text);
      fs.renameSync(temp, target);
    } catch (error) {
      io.err(`moncc report: cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  } else {
    io.out(text.trimEnd());
  }
  const where = options.out ? ` → ${path.relative(io.cwd, path.resolve(io.cwd, options.out)) || options.out}` : "";
  io.err(`moncc report: ${data.slos.length} SLO${data.slos.length === 1 ? "" : "s"}, ${data.mode}, ${options.format}${where}`);
  return 0;
}
