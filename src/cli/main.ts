// Command-line wiring only: parse arguments, call the pipeline and emit, print, return an exit code.
// Exit codes: 0 ok, 1 findings (errors, stale output), 2 usage or internal error.

import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { renderJson, renderPretty, summarize } from "../diagnostics/render.js";
import { compareOutput, isUpToDate } from "../emit/compare.js";
import { writeOutputAtomically } from "../emit/write.js";
import { resolveConfigFile } from "../load/index.js";
import { compile, type CompileResult, type Counts } from "../pipeline.js";

export const DEFAULT_OUT_DIR = "generated";

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
  readonly cwd: string;
}

const defaultIo = (): Io => ({
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  cwd: process.cwd(),
});

interface CommonOptions {
  format: "pretty" | "json";
  debug?: boolean;
}

export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command("moncc")
    .description("Monitoring-as-code compiler: typed TypeScript definitions to Prometheus rules and Alertmanager config")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const formatOption = () => new Option("--format <format>", "diagnostics format").choices(["pretty", "json"]).default("pretty");

  program
    .command("build")
    .description("validate the definitions and write Prometheus rules, Alertmanager config and manifest.json")
    .argument("[project]", "project directory holding moncc.config.ts, the config file, or a Sloth spec file (.yml)", ".")
    .option("-o, --out <dir>", `output folder (default: <project>/${DEFAULT_OUT_DIR})`)
    .option("--check", "write nothing; exit 1 if the output folder is not exactly what the definitions produce")
    .option("-l, --extra-label <key=value>", "Sloth specs: add a label to every SLO's rules (repeatable), like sloth -l", collectLabel, {})
    .option("--slo-period <duration>", "Sloth specs: the SLO period, like sloth --default-slo-period (default: 30d)")
    .addOption(formatOption())
    .option("--debug", "print stack traces of internal errors")
    .action(async (project: string, options: BuildOptions) => {
      exitCode = await build(project, options, io);
    });

  program
    .command("check")
    .description("load and validate the definitions, print diagnostics; writes nothing")
    .argument("[project]", "project directory holding moncc.config.ts, or the config file", ".")
    .addOption(formatOption())
    .option("--debug", "print stack traces of internal errors")
    .action(async (project: string, options: CommonOptions) => {
      const result = await compile(path.resolve(io.cwd, project), { validateOnly: true });
      printDiagnostics(result, options, io);
      if (options.format === "pretty") io.err(`moncc check: ${summarize(result.diagnostics)} in ${Math.round(total(result))} ms`);
      exitCode = hasErrors(result.diagnostics) ? 1 : 0;
    });

  (await import("./report-command.js")).registerReportCommand(program, io, (code) => (exitCode = code));

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    io.err(`moncc: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (argv.includes("--debug") && error instanceof Error) io.err(error.stack ?? "");
    return 2;
  }
  return exitCode;
}

type BuildOptions = CommonOptions & { out?: string; check?: boolean; extraLabel: Record<string, string>; sloPeriod?: string };

function collectLabel(value: string, previous: Record<string, string>): Record<string, string> {
  const match = /^([a-zA-Z_][a-zA-Z0-9_]*)=(.*)$/s.exec(value);
  if (!match) throw new InvalidArgumentError(`expected key=value with a valid label name, got ${JSON.stringify(value)}`);
  return { ...previous, [match[1]]: match[2] };
}

async function build(project: string, options: BuildOptions, io: Io): Promise<number> {
  const result = await compile(path.resolve(io.cwd, project), { sloth: { extraLabels: options.extraLabel, period: options.sloPeriod } });
  printDiagnostics(result, options, io);
  if (!result.files || hasErrors(result.diagnostics)) {
    io.err(`moncc build: failed with ${summarize(result.diagnostics)}; nothing was written`);
    return 1;
  }
  const outDir = options.out ? path.resolve(io.cwd, options.out) : path.join(path.dirname(resolveConfigFile(path.resolve(io.cwd, project))), DEFAULT_OUT_DIR);
  const shownOut = path.relative(io.cwd, outDir) || ".";
  const ms = Math.round(total(result));
  if (options.check) {
    const report = compareOutput(outDir, result.files);
    if (isUpToDate(report)) {
      io.err(`moncc build --check: ${shownOut} is up to date (${result.files.length} files, ${ms} ms)`);
      return 0;
    }
    for (const file of report.missing) io.out(`missing  ${shownOut}/${file}`);
    for (const file of report.stale) io.out(`stale    ${shownOut}/${file}`);
    for (const file of report.extra) io.out(`extra    ${shownOut}/${file}`);
    io.err(`moncc build --check: ${shownOut} differs from the definitions (${report.missing.length} missing, ${report.stale.length} stale, ${report.extra.length} extra); run moncc build to update it`);
    return 1;
  }
  try {
    writeOutputAtomically(outDir, result.files);
  } catch (error) {
    io.err(`moncc build: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  io.err(`moncc build: ${describeCounts(result.counts!)} → ${shownOut} in ${Math.round(total(result))} ms`);
  return 0;
}

function describeCounts(c: Counts): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return [n(c.ruleGroups, "rule group"), n(c.alerts, "alert"), n(c.recordingRules, "recording rule"), n(c.routes, "route"), n(c.receivers, "receiver")].join(", ");
}

function total(result: CompileResult): number {
  const t = result.timings;
  return t.load + t.model + t.validate + t.generate;
}

function printDiagnostics(result: CompileResult, options: CommonOptions, io: Io): void {
  const diagnostics: Diagnostic[] = result.diagnostics;
  if (options.format === "json") {
    io.out(renderJson(diagnostics, { root: result.root, cwd: io.cwd }));
    return;
  }
  if (diagnostics.length > 0) io.err(renderPretty(diagnostics, { root: result.root, sources: result.sources, color: io.color, cwd: io.cwd }) + "\n");
}
