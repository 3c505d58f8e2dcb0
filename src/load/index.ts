// load: find moncc.config.ts, bundle it with everything it imports, run it, and return the
// project definition with a resolver from DSL call sites to the user's file:line:col.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import type { Diagnostic, SourceTexts } from "../diagnostics/diagnostic.js";
import * as dsl from "../dsl/index.js";
import type { Project } from "../dsl/service.js";
import { BUNDLE_FILENAME } from "../dsl/span.js";
import { bundleDefinitions, BUNDLE_OUTFILE } from "./bundle.js";
import { createBundleMap, SourceFiles, type SpanResolver } from "./source-map.js";
import { userFrame } from "./user-frame.js";

export const CONFIG_FILE = "moncc.config.ts";

export interface LoadedProject {
  /** Absolute directory holding the config; output paths and spans are relative to it. */
  readonly root: string;
  readonly configFile: string;
  readonly project: Project;
  readonly resolveSpan: SpanResolver;
  readonly sources: SourceTexts;
}

export type LoadResult =
  | { readonly ok: true; readonly loaded: LoadedProject }
  | { readonly ok: false; readonly diagnostics: Diagnostic[]; readonly root: string; readonly sources: SourceTexts };

/** `target` is a project directory or a config file. */
export function resolveConfigFile(target: string): string {
  const absolute = path.resolve(target);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return path.join(absolute, CONFIG_FILE);
  return absolute;
}

export async function loadProject(target: string): Promise<LoadResult> {
  const configFile = resolveConfigFile(target);
  const root = path.dirname(configFile);
  if (!fs.existsSync(configFile)) {
    return fail(root, {
      code: "MON003", severity: "error", span: undefined,
      message: `no ${CONFIG_FILE} found at ${path.relative(process.cwd(), configFile) || configFile}`,
      hint: `pass a project directory that holds ${CONFIG_FILE}, or the config file itself`,
    });
  }
  const bundled = await bundleDefinitions(configFile, root);
  if (!bundled.ok) return { ok: false, diagnostics: bundled.diagnostics, root, sources: new SourceFiles(root) };
  const bundleMap = createBundleMap(bundled.map, root);
  const sources = bundleMap.sources;

  let exported: unknown;
  try {
    exported = runBundle(bundled.code, root);
  } catch (error) {
    const span = bundleMap.resolve(userFrame(error));
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail(root, {
      code: "MON002", severity: "error", span,
      message: `definition code threw ${text}`,
      hint: "the exception was raised by your definitions while moncc ran them; fix the code at this line",
    }, sources);
  }
  if (!isProject(exported)) {
    return fail(root, {
      code: "MON003", severity: "error",
      span: { file: path.basename(configFile), line: 1, column: 1 },
      message: `${path.basename(configFile)} must default-export project({...})`,
      hint: 'write `export default project({ name, targets, teams, services, defaultReceiver })` with project imported from "moncc"',
    }, sources);
  }
  return { ok: true, loaded: { root, configFile, project: exported, resolveSpan: bundleMap.resolve, sources } };
}

function runBundle(code: string, root: string): unknown {
  const moduleObject: { exports: Record<string, unknown> } = { exports: {} };
  const nodeRequire = createRequire(path.join(root, BUNDLE_OUTFILE));
  const requireForBundle = (id: string) => (id === "moncc" || id.startsWith("moncc/") ? dsl : nodeRequire(id));
  const run = vm.compileFunction(code, ["require", "module", "exports", "__filename", "__dirname"], { filename: BUNDLE_FILENAME });
  run(requireForBundle, moduleObject, moduleObject.exports, path.join(root, BUNDLE_OUTFILE), root);
  return moduleObject.exports.default;
}

function isProject(value: unknown): value is Project {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "project";
}

function fail(root: string, diagnostic: Diagnostic, sources: SourceTexts = new SourceFiles(root)): LoadResult {
  return { ok: false, diagnostics: [diagnostic], root, sources };
}
