// The one-way pipeline: load → model → validate → generate → serialize. No writing here; the CLI
// decides what to do with the result (write, compare, print).

import fs from "node:fs";
import path from "node:path";
import { ZodError } from "zod";
import { hasErrors, sortDiagnostics, type Diagnostic, type SourceTexts } from "./diagnostics/diagnostic.js";
import { SubjectError, withSubject } from "./diagnostics/subject.js";
import { serializeArtifact } from "./emit/serialize.js";
import type { OutputFile } from "./emit/write.js";
import { generateAll, type GeneratedOutput } from "./generators/index.js";
import { generateManifest } from "./generators/manifest/manifest.js";
import { generatePrometheusRules } from "./generators/prometheus/rules.js";
import { slothPeriodProblem, slothServices, SLOTH_SPEC_CODE, type SlothOptions } from "./import/sloth.js";
import { DEFAULT_ROUTING, DEFAULT_SCRAPE, defaultDashboardsPath, PROMETHEUS_RULES_DIR } from "./model/conventions.js";
import { loadProject, resolveConfigFile, type LoadedProject, type LoadResult } from "./load/index.js";
import { importSpecFile, isSpecFile, periodDiagnostic, readSlothFolder } from "./load/specs.js";
import { typecheckProject } from "./load/typecheck.js";
import { DefinitionShapeError, normalizeProject } from "./model/normalize.js";
import { buildRoutingTree } from "./model/routing.js";
import { ProjectSchema, type Model } from "./model/schema.js";
import { checkGeneratedExpressions } from "./validate/promql/generated.js";
import { PROMQL_CHECKS } from "./validate/promql/index.js";
import { runChecks } from "./validate/registry.js";
import { sloObjective } from "./validate/slo/objective.js";
import { tierNeverFires } from "./validate/slo/tier-never-fires.js";
import { sloWindows } from "./validate/slo/windows.js";

export interface Timings {
  load: number;
  model: number;
  validate: number;
  generate: number;
  /** Only with the typecheck option. */
  typecheck: number;
}

export interface Counts {
  readonly ruleFiles: number;
  readonly ruleGroups: number;
  readonly alerts: number;
  readonly recordingRules: number;
  readonly routes: number;
  readonly receivers: number;
  readonly dashboards: number;
  readonly panels: number;
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
  /** Period and extra labels for Sloth specs, as Sloth's --default-slo-period and -l. */
  readonly sloth?: SlothOptions;
  /** Also run the TypeScript checker over the definitions (moncc check --typecheck): MON005. */
  readonly typecheck?: boolean;
}

/** The checks that apply to SLOs imported from Sloth and OpenSLO specs: MON401–403 and the PromQL checks, at YAML positions. */
const SLO_CHECKS = [sloObjective, tierNeverFires, sloWindows, ...PROMQL_CHECKS];

export async function compile(target: string, options: CompileOptions = {}): Promise<CompileResult> {
  const timings: Timings = { load: 0, model: 0, validate: 0, generate: 0, typecheck: 0 };
  const timed = <T>(phase: keyof Timings, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      timings[phase] += performance.now() - start;
    }
  };

  if (isSpecFile(target)) return compileSpec(target, options, timings, timed);

  const loadStart = performance.now();
  let loaded: LoadResult | undefined = await loadProject(target);
  timings.load = performance.now() - loadStart;
  // Type errors are reported next to whatever else is found; a bundle that failed (MON001) is a syntax error tsc would repeat.
  const configFile = resolveConfigFile(target);
  const typeErrors = options.typecheck && fs.existsSync(configFile) && (loaded.ok || !loaded.diagnostics.some((d) => d.code === "MON001"))
    ? timed("typecheck", () => typecheck(configFile))
    : [];
  if (!loaded.ok) return { diagnostics: sortDiagnostics([...typeErrors, ...loaded.diagnostics]), root: loaded.root, sources: loaded.sources, timings };
  // Only the model outlives this step: the DSL objects and the bundle's source map are let go once
  // it is built (about 120 MB of live heap at 5,000 services, through validation and generation).
  let definitions: LoadedProject | undefined = loaded.loaded;
  loaded = undefined;
  const { root, sources: definitionSources } = definitions;
  const specs = timed("load", () => readSlothFolder(root, options.sloth ?? {}));
  const sources: SourceTexts = { get: (file) => specs.texts.get(file) ?? definitionSources.get(file) };
  const result = (diagnostics: Diagnostic[], rest: Partial<CompileResult> = {}): CompileResult =>
    ({ diagnostics: sortDiagnostics([...typeErrors, ...diagnostics]), root, sources, timings, ...rest });
  if (hasErrors(specs.diagnostics)) return result(specs.diagnostics);

  let model: Model;
  try {
    const { project, resolveSpan } = definitions;
    model = timed("model", () => normalizeProject(project, resolveSpan));
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

  definitions = undefined;

  const clashes = specs.slos.filter((slo) => model.services.some((svc) => svc.name === slo.service));
  if (clashes.length > 0) {
    return result(clashes.map((slo) => ({
      code: SLOTH_SPEC_CODE, severity: "error" as const, span: slo.span, subject: `sloth ${slo.span?.file}`,
      message: `Sloth spec: service "${slo.service}" is also a TypeScript service`,
      hint: "a Sloth spec's service becomes its own rule file; rename the spec's service or the TypeScript service",
    })));
  }
  const routes = buildRoutingTree(model);
  const diagnostics = [...specs.diagnostics, ...timed("validate", () => runChecks({ model, routes, sources }))];
  if (specs.slos.length > 0) {
    // Imported SLOs have no owning team and route by their own labels: only the SLO checks apply.
    const imported: Model = { ...model, teams: [], services: slothServices(specs.slos) };
    diagnostics.push(...timed("validate", () => runChecks({ model: imported, routes: buildRoutingTree(imported), sources }, SLO_CHECKS)));
    model = { ...model, services: [...model.services, ...imported.services] };
  }
  if (options.validateOnly || hasErrors(diagnostics)) return result(diagnostics, { model });

  const output = timed("generate", () => generateOutput(model));
  return result([...diagnostics, ...output.diagnostics], { model, files: output.files, counts: output.counts });
}

/** Generates and serializes every output file of a validated model. */
export function generateOutput(model: Model): { files?: OutputFile[]; counts?: Counts; diagnostics: Diagnostic[] } {
  return serializeOutput(() => generateAll(model));
}

/** One Sloth spec file on its own: Prometheus rule files and manifest.json, no Alertmanager config. */
function compileSpec(target: string, options: CompileOptions, timings: Timings, timed: <T>(phase: keyof Timings, work: () => T) => T): CompileResult {
  const absolute = path.resolve(target);
  const root = path.dirname(absolute);
  const file = path.basename(absolute);
  let text: string | undefined;
  const sources: SourceTexts = { get: (name) => (name === file ? text : undefined) };
  const result = (diagnostics: Diagnostic[], rest: Partial<CompileResult> = {}): CompileResult =>
    ({ diagnostics: sortDiagnostics(diagnostics), root, sources, timings, ...rest });
  const periodProblem = options.sloth?.period !== undefined ? slothPeriodProblem(options.sloth.period) : undefined;
  if (periodProblem) return result([periodDiagnostic(periodProblem)]);
  try {
    text = fs.readFileSync(absolute, "utf8");
  } catch (error) {
    return result([{ code: "MON003", severity: "error", span: undefined, message: `cannot read the Sloth spec ${target}: ${error instanceof Error ? error.message : String(error)}`, hint: "pass an existing spec file or a project directory" }]);
  }
  const imported = timed("load", () => importSpecFile(text!, file, options.sloth ?? {}));
  if (hasErrors(imported.diagnostics)) return result(imported.diagnostics);
  const model: Model = timed("model", () => ProjectSchema.parse({
    name: file.replace(/\.ya?ml$/i, ""),
    targets: { prometheus: "3.0", alertmanager: "0.27", prometheusFeatures: [] },
    scrape: { ...DEFAULT_SCRAPE, targetLabels: [...DEFAULT_SCRAPE.targetLabels] },
    teams: [],
    services: slothServices(imported.slos),
    timeIntervals: [],
    defaultReceiver: { team: "", receiver: "" },
    routing: { ...DEFAULT_ROUTING, groupBy: [...DEFAULT_ROUTING.groupBy] },
    policy: { requireRunbook: [], inhibitLowerSeverities: false },
    dashboards: [],
    grafana: { dashboardsPath: defaultDashboardsPath(file.replace(/\.ya?ml$/i, "")), generated: false },
    problems: [],
  }));
  // A bare spec has no teams or routing: only the SLO checks apply.
  const diagnostics = [...imported.diagnostics, ...timed("validate", () => runChecks({ model, routes: buildRoutingTree(model), sources }, SLO_CHECKS))];
  if (options.validateOnly || hasErrors(diagnostics)) return result(diagnostics, { model });
  // A bare spec has no Alertmanager side: rule files and the manifest only.
  const output = timed("generate", () => serializeOutput(() => {
    const rules = generatePrometheusRules(model);
    return { artifacts: [...rules.artifacts, generateManifest(model.name, rules.objects)], objects: rules.objects };
  }));
  return result([...diagnostics, ...output.diagnostics], { model, files: output.files, counts: output.counts });
}

/**
 * Runs a generator and serializes its artifacts. A generator that throws is a moncc bug (MON900); the
 * diagnostic names the definition being generated (see withSubject) and points at it.
 */
function serializeOutput(generate: () => GeneratedOutput): { files?: OutputFile[]; counts?: Counts; diagnostics: Diagnostic[] } {
  try {
    const generated = generate();
    const invalid = checkGeneratedExpressions(generated.objects);
    if (invalid.length > 0) return { diagnostics: invalid };
    const files = generated.artifacts.map((a) => ({ path: a.path, content: withSubject(`output file ${a.path}`, undefined, () => serializeArtifact(a)) }));
    return { files, counts: countOutput(generated), diagnostics: [] };
  } catch (error) {
    const hint = "this is a moncc bug; run with --debug and report it";
    if (!(error instanceof SubjectError)) return { diagnostics: [internalError("generating output", error, "MON900", hint)] };
    return { diagnostics: [{
      code: "MON900", severity: "error", span: error.span, subject: error.subject, hint, stack: error.stack,
      message: `internal error while generating output for ${error.subject}: ${error.message}`,
    }] };
  }
}

function typecheck(configFile: string): Diagnostic[] {
  try {
    return typecheckProject(configFile, path.dirname(configFile));
  } catch (error) {
    return [internalError("type-checking the definitions", error, "MON900", "this is a moncc bug; run with --debug and report it")];
  }
}

function internalError(doing: string, error: unknown, code: string, hint: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return { code, severity: "error", message: `failed while ${doing}: ${message}`, span: undefined, hint, stack: error instanceof Error ? error.stack : undefined };
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
    routes: Math.max(0, count("route") - 1),
    receivers: count("receiver"),
    dashboards: count("dashboard"),
    panels: generated.objects.reduce((n, o) => n + (o.panels ?? 0), 0),
  };
}
