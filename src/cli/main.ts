// Command-line wiring only: parse arguments, call the pipeline and emit, print, return an exit code.
// Exit codes: 0 ok; 1 findings (errors, more warnings than --max-warnings, stale output); 2 usage
// error, internal error (MON900) or a write that was refused or failed.

import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { colorEnabled } from "../diagnostics/color.js";
import { countBySeverity, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { NON_CHECK_RULES } from "../diagnostics/codes.js";
import { DIAGNOSTIC_FORMATS, summarize, type DiagnosticFormat } from "../diagnostics/render.js";
import { renderGithub } from "../diagnostics/render-github.js";
import { renderJson } from "../diagnostics/render-json.js";
import { renderPretty } from "../diagnostics/render-pretty.js";
import { renderSarif } from "../diagnostics/render-sarif.js";
import { compareOutput, isUpToDate } from "../emit/compare.js";
import { writeOutputAtomically } from "../emit/write.js";
import { resolveConfigFile } from "../load/index.js";
import { compile, type CompileResult, type Counts } from "../pipeline.js";
import { CHECKS } from "../validate/registry.js";

export const DEFAULT_OUT_DIR = "generated";

/** Exit codes of build and check. */
export const EXIT = { ok: 0, findings: 1, usageOrInternal: 2 } as const;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
  readonly cwd: string;
}

const defaultIo = (): Io => ({
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  color: colorEnabled(process.env, Boolean(process.stderr.isTTY)),
  cwd: process.cwd(),
});

export interface CommonOptions {
  format: DiagnosticFormat;
  maxWarnings?: number;
  debug?: boolean;
  extraLabel: Record<string, string>;
  sloPeriod?: string;
}

type BuildOptions = CommonOptions & { out?: string; check?: boolean };
type CheckOptions = CommonOptions & { typecheck?: boolean };

/** The options build and check share, defined once. */
export function addCommonOptions(command: Command): Command {
  return command
    .option("-l, --extra-label <key=value>", "Sloth specs: add a label to every SLO's rules (repeatable), like sloth -l", collectLabel, {})
    .option("--slo-period <duration>", "Sloth specs: the SLO period, like sloth --default-slo-period (default: 30d)")
    .addOption(new Option("--format <format>", "diagnostics format").choices(DIAGNOSTIC_FORMATS).default("pretty"))
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings", parseCount)
    .option("--debug", "print stack traces of internal errors");
}

export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command("moncc")
    .description("Monitoring-as-code compiler: typed TypeScript definitions to Prometheus rules and Alertmanager config")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  addCommonOptions(program
    .command("build")
    .description("validate the definitions and write Prometheus rules, Alertmanager config and manifest.json")
    .argument("[project]", "project directory holding moncc.config.ts, the config file, or a Sloth spec file (.yml)", ".")
    .option("-o, --out <dir>", `output folder (default: <project>/${DEFAULT_OUT_DIR})`)
    .option("--check", "write nothing; exit 1 if the output folder is not exactly what the definitions produce"))
    .action(async (project: string, options: BuildOptions) => {
      exitCode = await build(project, options, io);
    });

  addCommonOptions(program
    .command("check")
    .description("load and validate the definitions, print diagnostics; writes nothing")
    .argument("[project]", "project directory holding moncc.config.ts, the config file, or a Sloth spec file (.yml)", ".")
    .option("--typecheck", "also run the TypeScript type checker over the definitions (MON005)"))
    .action(async (project: string, options: CheckOptions) => {
      exitCode = await check(project, options, io);
    });

  (await import("./report-command.js")).registerReportCommand(program, io, (code) => (exitCode = code));
  (await import("./preview-command.js")).registerPreviewCommand(program, io, (code) => (exitCode = code));
  (await import("./backtest-command.js")).registerBacktestCommand(program, io, (code) => (exitCode = code));

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usageOrInternal;
    io.err(`moncc: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (argv.includes("--debug") && error instanceof Error) io.err(error.stack ?? "");
    return EXIT.usageOrInternal;
  }
  return exitCode;
}

function collectLabel(value: string, previous: Record<string, string>): Record<string, string> {
  const match = /^([a-zA-Z_][a-zA-Z0-9_]*)=(.*)$/s.exec(value);
  if (!match) throw new InvalidArgumentError(`expected key=value with a valid label name, got ${JSON.stringify(value)}`);
  return { ...previous, [match[1]]: match[2] };
}

/** Parses --max-warnings: a whole number of warnings, 0 or more. */
function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number of warnings, 0 or more, got ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * Why the diagnostics fail the command, with its exit code: an internal error exits 2, errors in the
 * definitions and more warnings than --max-warnings exit 1. Undefined when they pass.
 */
export function failure(diagnostics: readonly Diagnostic[], maxWarnings: number | undefined): { exit: number; why: string } | undefined {
  const { warnings } = countBySeverity(diagnostics);
  if (diagnostics.some((d) => d.code === "MON900")) return { exit: EXIT.usageOrInternal, why: "an internal error (a moncc bug)" };
  if (hasErrors(diagnostics)) return { exit: EXIT.findings, why: summarize(diagnostics) };
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    return { exit: EXIT.findings, why: `${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${maxWarnings} allows` };
  }
  return undefined;
}

async function build(project: string, options: BuildOptions, io: Io): Promise<number> {
  const result = await compile(path.resolve(io.cwd, project), { sloth: slothOptions(options) });
  printDiagnostics(result, options, io);
  const failed = failure(result.diagnostics, options.maxWarnings);
  if (failed || !result.files) {
    io.err(`moncc build: failed with ${failed?.why ?? summarize(result.diagnostics)}; nothing was written`);
    return failed?.exit ?? EXIT.findings;
  }
  const outDir = options.out ? path.resolve(io.cwd, options.out) : path.join(path.dirname(resolveConfigFile(path.resolve(io.cwd, project))), DEFAULT_OUT_DIR);
  const shownOut = path.relative(io.cwd, outDir) || ".";
  const ms = Math.round(total(result));
  const { warnings } = countBySeverity(result.diagnostics);
  const warned = warnings > 0 ? `; ${warnings} warning${warnings === 1 ? "" : "s"}` : "";
  if (options.check) {
    const report = compareOutput(outDir, result.files);
    if (isUpToDate(report)) {
      io.err(`moncc build --check: ${shownOut} is up to date (${result.files.length} files, ${ms} ms)${warned}`);
      return EXIT.ok;
    }
    for (const file of report.missing) io.out(`missing  ${shownOut}/${file}`);
    for (const file of report.stale) io.out(`stale    ${shownOut}/${file}`);
    for (const file of report.extra) io.out(`extra    ${shownOut}/${file}`);
    io.err(`moncc build --check: ${shownOut} differs from the definitions (${report.missing.length} missing, ${report.stale.length} stale, ${report.extra.length} extra); run moncc build to update it`);
    return EXIT.findings;
  }
  try {
    writeOutputAtomically(outDir, result.files);
  } catch (error) {
    io.err(`moncc build: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.usageOrInternal;
  }
  io.err(`moncc build: ${describeCounts(result.counts!)} → ${shownOut} in ${ms} ms${warned}`);
  return EXIT.ok;
}

async function check(project: string, options: CheckOptions, io: Io): Promise<number> {
  const result = await compile(path.resolve(io.cwd, project), { validateOnly: true, typecheck: options.typecheck, sloth: slothOptions(options) });
  printDiagnostics(result, options, io);
  io.err(`moncc check: ${summarize(result.diagnostics)} in ${Math.round(total(result))} ms`);
  const failed = failure(result.diagnostics, options.maxWarnings);
  if (failed && !hasErrors(result.diagnostics)) io.err(`moncc check: failed with ${failed.why}`);
  return failed?.exit ?? EXIT.ok;
}

export function slothOptions(options: CommonOptions) {
  return { extraLabels: options.extraLabel, period: options.sloPeriod };
}

function describeCounts(c: Counts): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return [n(c.ruleGroups, "rule group"), n(c.alerts, "alert"), n(c.recordingRules, "recording rule"), n(c.routes, "route"), n(c.receivers, "receiver"), n(c.dashboards, "dashboard"), n(c.panels, "panel")].join(", ");
}

function total(result: CompileResult): number {
  const t = result.timings;
  return t.load + t.model + t.validate + t.generate + t.typecheck;
}

/** Pretty output goes to stderr; the machine formats go to stdout, so it can be piped or saved. */
export function printDiagnostics(result: CompileResult, options: CommonOptions, io: Io): void {
  const diagnostics: Diagnostic[] = result.diagnostics;
  const where = { root: result.root, cwd: io.cwd };
  switch (options.format) {
    case "json":
      io.out(renderJson(diagnostics, where));
      return;
    case "sarif":
      io.out(renderSarif(diagnostics, { ...where, rules: [...CHECKS, ...NON_CHECK_RULES] }));
      return;
    case "github":
      if (diagnostics.length > 0) io.out(renderGithub(diagnostics, where));
      return;
    case "pretty":
      if (diagnostics.length > 0) io.err(renderPretty(diagnostics, { ...where, sources: result.sources, color: io.color, debug: options.debug }) + "\n");
  }
}
