// `moncc preview`: a static HTML page per generated Grafana dashboard, drawn from the dashboard JSON
// the build would write, plus an index. Wiring only: the pages come from src/generators/preview.
// Exit codes as build: 0 ok; 1 findings or no dashboards; 2 usage, internal or write error.

import path from "node:path";
import type { Command } from "commander";
import { summarize } from "../diagnostics/render.js";
import { writeOutputAtomically } from "../emit/write.js";
import { DASHBOARDS_DIR, previewPages } from "../generators/preview/pages.js";
import { resolveConfigFile } from "../load/index.js";
import { compile } from "../pipeline.js";
import { addCommonOptions, EXIT, failure, printDiagnostics, slothOptions, type CommonOptions, type Io } from "./main.js";

export const DEFAULT_PREVIEW_DIR = "preview";

type PreviewOptions = CommonOptions & { out?: string };

export function registerPreviewCommand(program: Command, io: Io, setExitCode: (code: number) => void): void {
  addCommonOptions(program
    .command("preview")
    .description("write a static HTML page per generated Grafana dashboard, drawing its panels on the grid, plus index.html")
    .argument("[project]", "project directory holding moncc.config.ts, or the config file", ".")
    .option("-o, --out <dir>", `output folder (default: <project>/${DEFAULT_PREVIEW_DIR})`))
    .action(async (project: string, options: PreviewOptions) => {
      setExitCode(await preview(project, options, io));
    });
}

export async function preview(project: string, options: PreviewOptions, io: Io): Promise<number> {
  const target = path.resolve(io.cwd, project);
  const result = await compile(target, { sloth: slothOptions(options) });
  printDiagnostics(result, options, io);
  const failed = failure(result.diagnostics, options.maxWarnings);
  if (failed || !result.files) {
    io.err(`moncc preview: failed with ${failed?.why ?? summarize(result.diagnostics)}; nothing was written`);
    return failed?.exit ?? EXIT.findings;
  }
  const { pages, files } = previewPages(result.files);
  if (pages === 0) {
    io.err(`moncc preview: the definitions produce no Grafana dashboards (no ${DASHBOARDS_DIR}*.json in the build output); nothing was written`);
    return EXIT.findings;
  }
  const outDir = options.out ? path.resolve(io.cwd, options.out) : path.join(path.dirname(resolveConfigFile(target)), DEFAULT_PREVIEW_DIR);
  const shownOut = path.relative(io.cwd, outDir) || ".";
  try {
    writeOutputAtomically(outDir, files);
  } catch (error) {
    io.err(`moncc preview: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.usageOrInternal;
  }
  io.err(`moncc preview: ${pages} dashboard page${pages === 1 ? "" : "s"} and index.html → ${shownOut}`);
  return EXIT.ok;
}
