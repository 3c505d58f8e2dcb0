// load: Sloth spec files and OpenSLO documents, beside a project (its sloth/ and openslo/ folders)
// or on their own. They are read straight into SLO IR by src/import.

import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { importOpenSloDocuments, looksLikeOpenSlo } from "../import/openslo.js";
import { importSlothSpecs, slothPeriodProblem, SLOTH_SPEC_CODE, type SlothOptions } from "../import/sloth.js";
import type { Slo } from "../model/schema.js";

/** Sloth spec files and OpenSLO documents of a project live in these folders beside moncc.config.ts. */
export const SLOTH_DIR = "sloth";
export const OPENSLO_DIR = "openslo";

/** A Sloth spec file or an OpenSLO file, told apart by the first document's apiVersion. */
export function importSpecFile(text: string, file: string, options: SlothOptions) {
  return looksLikeOpenSlo(text) ? importOpenSloDocuments(text, file, options) : importSlothSpecs(text, file, options);
}

/** A target that is a .yml/.yaml file is a Sloth spec (or OpenSLO) file built on its own. */
export function isSpecFile(target: string): boolean {
  return /\.ya?ml$/i.test(target) && fs.statSync(target, { throwIfNoEntry: false })?.isFile() !== false;
}

/** Every *.yml / *.yaml in <root>/sloth and <root>/openslo, in name order. */
export function readSlothFolder(root: string, options: SlothOptions): { slos: Slo[]; diagnostics: Diagnostic[]; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  const dirs = [SLOTH_DIR, OPENSLO_DIR].filter((dir) => fs.statSync(path.join(root, dir), { throwIfNoEntry: false })?.isDirectory());
  if (dirs.length === 0) return { slos: [], diagnostics: [], texts };
  const periodProblem = options.period !== undefined ? slothPeriodProblem(options.period) : undefined;
  if (periodProblem) return { slos: [], diagnostics: [periodDiagnostic(periodProblem)], texts };
  const slos: Slo[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(path.join(root, dir)).filter((n) => /\.ya?ml$/i.test(n)).sort()) {
      const file = `${dir}/${name}`;
      const text = fs.readFileSync(path.join(root, dir, name), "utf8");
      texts.set(file, text);
      const imported = importSpecFile(text, file, options);
      slos.push(...imported.slos);
      diagnostics.push(...imported.diagnostics);
    }
  }
  const ids = new Map<string, string>();
  for (const slo of slos) {
    const other = ids.get(slo.id);
    if (other !== undefined && other !== slo.span?.file) {
      diagnostics.push({ code: SLOTH_SPEC_CODE, severity: "error", span: slo.span, subject: `sloth ${slo.span?.file}`,
        message: `Sloth spec: SLO id "${slo.id}" is also defined in ${other}`, hint: "service + SLO name must be unique across the spec files" });
    }
    ids.set(slo.id, slo.span?.file ?? "");
  }
  return { slos, diagnostics, texts };
}

export function periodDiagnostic(problem: string): Diagnostic {
  return { code: SLOTH_SPEC_CODE, severity: "error", span: undefined, message: `Sloth spec: ${problem}`, hint: "pass --slo-period as a duration longer than 3d, such as 30d or 28d" };
}
