// Shared by the fuzz tests: run counts, compiling a throwaway project, independent decoders for the
// string literals moncc writes (PromQL and Alertmanager matchers), and the real tools.

import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { compile, type CompileOptions, type CompileResult } from "../../src/pipeline.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { writeOutputAtomically, type OutputFile } from "../../src/emit/write.js";
import { tempDir } from "../helpers.js";
import { runTool } from "../tools/tools.js";

/** `npm run fuzz` sets MONCC_FUZZ_RUNS; plain `npm test` keeps the run small. */
export const FUZZ_RUNS = Number(process.env.MONCC_FUZZ_RUNS ?? 0) || undefined;
export const BIG_RUN = FUZZ_RUNS !== undefined;
export const runs = (small: number) => FUZZ_RUNS ?? small;

/**
 * fast-check parameters: MONCC_FUZZ_SEED and MONCC_FUZZ_PATH replay a failure that fast-check
 * reported (it prints both); otherwise each run draws a fresh random seed.
 */
export const replay = process.env.MONCC_FUZZ_SEED !== undefined
  ? { seed: Number(process.env.MONCC_FUZZ_SEED), path: process.env.MONCC_FUZZ_PATH, endOnFailure: true }
  : {};

/** A vitest timeout for `cases` compiles: generous per case, never below a minute. */
export const budget = (cases: number, perCase = 500) => Math.max(60_000, cases * perCase);

/** Compiles `source` as moncc.config.ts in a fresh folder, which is removed afterwards. */
export async function compileSource<T>(
  source: string,
  use: (result: CompileResult, dir: string) => T | Promise<T>,
  options: CompileOptions = {},
): Promise<T> {
  const dir = tempDir("moncc-fuzz-");
  try {
    fs.writeFileSync(path.join(dir, "moncc.config.ts"), source);
    return await use(await compile(dir, options), dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Rejects when `work` takes longer than `ms`: a hang is a failure, not a stuck test run. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Parses every generated YAML file (YAML 1.1, as Go's yaml.v2 reads it) and JSON file. */
export function parseOutput(files: readonly OutputFile[]): Map<string, unknown> {
  const parsed = new Map<string, unknown>();
  for (const file of files) {
    if (/\.ya?ml$/.test(file.path)) parsed.set(file.path, parse(file.content, { version: "1.1" }));
    else if (file.path.endsWith(".json")) parsed.set(file.path, JSON.parse(file.content));
  }
  return parsed;
}

/** Every string value (not key) anywhere in `value`. */
export function stringValues(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringValues(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => stringValues(v, out));
  return out;
}

/**
 * `label op "value"` matchers in PromQL text, with the value decoded as PromQL does (Go string
 * escapes: \n \t \\ \" \xHH \uHHHH \UHHHHHHHH and octal). Written independently of moncc's encoder.
 */
export function promqlMatchers(expr: string): { label: string; op: string; value: string }[] {
  const out: { label: string; op: string; value: string }[] = [];
  for (const m of expr.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/gs)) {
    out.push({ label: m[1], op: m[2], value: decodeGoString(m[3]) });
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\", '"': '"', "'": "'" };

function decodeGoString(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/gs, (whole, esc: string) => {
    if (esc.length === 1) {
      if (!(esc in SIMPLE_ESCAPES)) throw new Error(`PromQL has no escape ${whole}`);
      return SIMPLE_ESCAPES[esc];
    }
    const code = esc[0] === "x" || esc[0] === "u" || esc[0] === "U" ? parseInt(esc.slice(1), 16) : parseInt(esc, 8);
    // \x and octal escapes are bytes; moncc only writes them for ASCII control characters.
    return String.fromCodePoint(code);
  });
}

/**
 * An Alertmanager matcher string `label op "value"`, decoded as Alertmanager's own parser does
 * (pkg/labels/parse.go): only \n, \" and \\ are escapes; any other backslash stays literal.
 */
export function alertmanagerMatcher(text: string): { label: string; op: string; value: string } | undefined {
  const m = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*(.*?)\s*$/s.exec(text);
  if (!m) return undefined;
  let raw = m[3];
  if (!raw.startsWith('"') || !raw.endsWith('"') || raw.length < 2) return { label: m[1], op: m[2], value: raw };
  raw = raw.slice(1, -1);
  let value = "";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === "\\" && i < raw.length - 1) {
      const next = raw[++i];
      value += next === "n" ? "\n" : next === '"' || next === "\\" ? next : `\\${next}`;
    } else {
      value += ch;
    }
  }
  return { label: m[1], op: m[2], value };
}

/** Whether a Prometheus/Alertmanager (RE2, fully anchored) regex matches `value`. */
export function regexMatches(source: string, value: string): boolean {
  return new RegExp(`^(?:${source})$`, "su").test(value);
}

/** Every rule file and alertmanager.yml of `files` must pass promtool and amtool. */
export function checkWithTools(files: readonly OutputFile[]): { checked: number; failures: string[] } {
  const out = tempDir("moncc-fuzz-out-");
  try {
    writeOutputAtomically(out, [...files]);
    const failures: string[] = [];
    let checked = 0;
    for (const file of files) {
      const full = path.join(out, file.path);
      let result;
      if (file.path.startsWith("prometheus/rules/")) result = runTool("promtool", ["check", "rules", "--lint-fatal", full]);
      else if (file.path === "alertmanager/alertmanager.yml") result = runTool("amtool", ["check-config", full]);
      else continue;
      checked++;
      if (result.status !== 0) failures.push(`${file.path}: ${result.output.trim()}`);
    }
    return { checked, failures };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Problems with the shape of a diagnostic: code, message, hint, and a span inside the project. */
export function diagnosticProblems(diagnostic: Diagnostic, root: string): string[] {
  const problems: string[] = [];
  if (!/^MON\d{3}$/.test(diagnostic.code)) problems.push(`code ${JSON.stringify(diagnostic.code)} is not MONnnn`);
  if (diagnostic.severity !== "error" && diagnostic.severity !== "warning") problems.push(`severity ${JSON.stringify(diagnostic.severity)}`);
  if (typeof diagnostic.message !== "string" || diagnostic.message.trim() === "") problems.push("no message");
  if (typeof diagnostic.hint !== "string" || diagnostic.hint.trim() === "") problems.push("no hint");
  const span = diagnostic.span;
  if (span) {
    const file = path.join(root, span.file);
    if (path.isAbsolute(span.file) || span.file.startsWith("..") || !fs.existsSync(file)) {
      problems.push(`span file ${JSON.stringify(span.file)} is not a file of the project`);
    } else {
      // esbuild and V8 count lines as JavaScript does (U+2028, U+2029 and a lone CR end a line too),
      // editors and moncc's template mapping count "\n": a span must fit one of the two.
      const text = fs.readFileSync(file, "utf8");
      const fits = [text.split("\n"), text.split(/\r\n|[\n\r\u2028\u2029]/)].some((lines) =>
        Number.isInteger(span.line) && span.line >= 1 && span.line <= lines.length &&
        Number.isInteger(span.column) && span.column >= 1 && span.column <= lines[span.line - 1].length + 1);
      if (!fits) {
        const lines = text.split("\n");
        const line = lines[span.line - 1];
        problems.push(line === undefined
          ? `span line ${span.line} is outside the file (${lines.length} lines)`
          : `span column ${span.column} is outside line ${span.line} (${line.length} characters)`);
      }
    }
  }
  return problems;
}

/** Totals of a fuzz run, printed at the end of a big run. */
export class Tally {
  private readonly counts = new Map<string, number>();
  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  print(title: string): void {
    if (!BIG_RUN) return;
    const rows = [...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    process.stdout.write(`\n${title}\n${rows.map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`);
  }
}
