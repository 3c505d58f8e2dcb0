// The one-way pipeline: load → model → validate → generate → serialize. No writing here; the CLI
// decides what to do with the result (write, compare, print).

import { ZodError } from "zod";
import { hasErrors, sortDiagnostics, type Diagnostic, type SourceTexts } from "./diagnostics/diagnostic.js";
import { serializeArtifact } from "./emit/serialize.js";
import type { OutputFile } from "./emit/write.js";
import { generateAll, type GeneratedOutput } from "./generators/index.js";
import { PROMETHEUS_RULES_DIR } from "./model/conventions.js";
import { loadProject } from "./load/index.js";
import { DefinitionShapeError, normalizeProject } from "./model/normalize.js";
import { buildRoutingTree } from "./model/routing.js";
import type { Model } from "./model/schema.js";
import { runChecks } from "./validate/registry.js";

export interface Timings {
  load: number;
  model: number;
  validate: number;
  generate: number;
}

export interface Counts {
  readonly ruleFiles: number;
  readonly ruleGroups: number;
  readonly alerts: number;
  readonly recordingRules: number;
  readonly routes: number;
  readonly receivers: number;
}

export interface CompileResult {
  readonly diagnostics: Diagnostic[];
  /** Absolute project root; spans are relative to it. */
  readonly root: string;
  readonly sources: SourceTexts;
  readonly model?: Model;
  /** Present when there were no errors and generation ran. */
  readonly files?: OutputFile[];
  readonly counts?: Counts;
  readonly timings: Timings;
}

export interface CompileOptions {
  /** Stop after validation (moncc check). */
  readonly validateOnly?: boolean;
}

export async function compile(target: string, options: CompileOptions = {}): Promise<CompileResult> {
  const timings: Timings = { load: 0, model: 0, validate: 0, generate: 0 };
  const timed = <T>(phase: keyof Timings, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      timings[phase] += performance.now() - start;
    }
  };

  const loadStart = performance.now();
  const loaded = await loadProject(target);
  timings.load = performance.now() - loadStart;
  if (!loaded.ok) return { diagnostics: loaded.diagnostics, root: loaded.root, sources: loaded.sources, timings };
  const { root, sources } = loaded.loaded;
  const result = (diagnostics: Diagnostic[], rest: Partial<CompileResult> = {}): CompileResult =>
    ({ diagnostics: sortDiagnostics(diagnostics), root, sources, timings, ...rest });

  let model: Model;
  try {
    model = timed("model", () => normalizeProject(loaded.loaded.project, loaded.loaded.resolveSpan));
  } catch (error) {
    if (error instanceof ZodError) {
      const where = error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      return result([{
        code: "MON004", severity: "error", span: undefined, subject: "project",
        message: `the project definition has the wrong shape: ${where}`,
        hint: "check the project({...}) options against moncc's types; type-check your definitions with tsc",
      }]);
    }
    if (!(error instanceof DefinitionShapeError)) {
      return result([internalError("reading the definitions", error, "MON004", "a definition does not have the shape moncc's types describe; type-check your definitions with tsc")]);
    }
    return result([{
      code: "MON004", severity: "error", span: error.span, subject: error.subject,
      message: `cannot read ${error.message}`,
      hint: "the definition does not have the shape moncc's types describe; type-check your definitions with tsc",
    }]);
  }

  const routes = buildRoutingTree(model);
  const diagnostics = timed("validate", () => runChecks({ model, routes, sources }));
  if (options.validateOnly || hasErrors(diagnostics)) return result(diagnostics, { model });

  try {
    const { files, counts } = timed("generate", () => {
      const generated = generateAll(model);
      return {
        files: generated.artifacts.map((a) => ({ path: a.path, content: serializeArtifact(a) })),
        counts: countOutput(generated),
      };
    });
    return result(diagnostics, { model, files, counts });
  } catch (error) {
    return result([...diagnostics, internalError("generating output", error, "MON900", "this is a moncc bug; run with --debug and report it")], { model });
  }
}

function internalError(doing: string, error: unknown, code: string, hint: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return { code, severity: "error", message: `failed while ${doing}: ${message}`, span: undefined, hint };
}

/** Counts for the build summary, from what was generated. */
function countOutput(generated: GeneratedOutput): Counts {
  const count = (kind: string) => generated.objects.filter((o) => o.kind === kind).length;
  const ruleFiles = generated.artifacts.filter((a) => a.path.startsWith(`${PROMETHEUS_RULES_DIR}/`));
  return {
    ruleFiles: ruleFiles.length,
    ruleGroups: ruleFiles.reduce((n, a) => n + (a.content as { groups: unknown[] }).groups.length, 0),
    alerts: count("alert"),
    recordingRules: count("recording"),
    routes: count("route") - 1,
    receivers: count("receiver"),
  };
}
