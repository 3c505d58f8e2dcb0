// moncc's PromQL checks against the real promtool on real-world rule files (the corpus outside the
// repository, ../shared/corpus/rules). Every rule's expression goes to both: promtool sees it as a
// one-rule file (so its verdict is about that rule alone), moncc through inspectBareExpression with
// a 2.42 target, the version of Debian's promtool. See docs/validation.md for the findings.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isMap, isSeq, LineCounter, parseDocument, stringify } from "yaml";
import type { Severity } from "../../src/diagnostics/diagnostic.js";
import { inspectBareExpression, type BareFinding } from "../../src/validate/promql/bare.js";

/** The Prometheus version of the promtool we compare against (Debian bookworm). */
export const TARGET = "2.42";

export interface CorpusRule {
  /** Path relative to the corpus rules folder, e.g. "kube-prometheus/nodeExporter-prometheusRule.yaml". */
  readonly file: string;
  /** 1-based line of the rule in its file. */
  readonly line: number;
  readonly group: string;
  readonly role: "alert" | "record";
  readonly name: string;
  readonly expr: string;
  /** The rule as written (alert/record, expr, for, labels, annotations). */
  readonly rule: Record<string, unknown>;
}

export interface PromtoolVerdict {
  readonly ok: boolean;
  /** promtool's error lines; "" when it accepted. */
  readonly message: string;
}

export interface MonccVerdict {
  readonly errors: readonly BareFinding[];
  readonly warnings: readonly BareFinding[];
}

export interface RuleResult {
  readonly rule: CorpusRule;
  /** "file › name", made unique with "@line" when a file repeats a name. */
  readonly key: string;
  readonly promtool: PromtoolVerdict;
  /** At the 1m scrape interval moncc assumes when a project does not set one. */
  readonly moncc: MonccVerdict;
  /** At a 15s scrape interval, common in practice, which only MON210 reads. */
  readonly moncc15s: MonccVerdict;
}

export interface FileVerdict {
  readonly file: string;
  /** "failed" is an error; "lint" only the duplicate-rules warning, which does not change promtool's exit code. */
  readonly verdict: "ok" | "lint" | "failed";
  readonly message: string;
}

export interface CorpusResult {
  readonly files: readonly FileVerdict[];
  readonly rules: readonly RuleResult[];
}

/** Rule files under `dir`, relative to it, sorted. */
export function ruleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

/** Every rule with an `expr` in one rule file. */
export function readRules(dir: string, file: string): CorpusRule[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(path.join(dir, file), "utf8"), { lineCounter });
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
  const rules: CorpusRule[] = [];
  const groups = doc.get("groups");
  if (!isSeq(groups)) return rules;
  for (const group of groups.items) {
    if (!isMap(group)) continue;
    const rulesNode = group.get("rules");
    if (!isSeq(rulesNode)) continue;
    for (const node of rulesNode.items) {
      if (!isMap(node)) continue;
      const rule = node.toJSON() as Record<string, unknown>;
      if (typeof rule.expr !== "string") continue;
      const role = rule.alert !== undefined ? "alert" : "record";
      rules.push({
        file, line: lineCounter.linePos(node.range![0]).line, group: String(group.get("name")), role,
        name: String(rule.alert ?? rule.record), expr: rule.expr, rule,
      });
    }
  }
  return rules;
}

/**
 * Runs `promtool check rules` over `files` (paths relative to `cwd`) in batches and returns each
 * file's verdict. stdout and stderr share one file, `log`, so "Checking X" and its FAILED lines stay
 * in order.
 */
export function promtoolCheck(promtool: string, cwd: string, files: readonly string[], log: string, batch = 300): Map<string, FileVerdict> {
  const verdicts = new Map<string, FileVerdict>();
  for (let start = 0; start < files.length; start += batch) {
    const chunk = files.slice(start, start + batch);
    const fd = fs.openSync(log, "w");
    try {
      const run = spawnSync(promtool, ["check", "rules", ...chunk], { cwd, stdio: ["ignore", fd, fd], timeout: 60_000 });
      if (run.error) throw run.error;
    } finally {
      fs.closeSync(fd);
    }
    for (const verdict of parseCheckOutput(fs.readFileSync(log, "utf8"))) verdicts.set(verdict.file, verdict);
    for (const file of chunk) if (!verdicts.has(file)) throw new Error(`promtool printed no verdict for ${file}`);
  }
  return verdicts;
}

/** promtool's `check rules` output: "Checking F", then "  SUCCESS: …" or "  FAILED:" and the error lines. */
export function parseCheckOutput(output: string): FileVerdict[] {
  const verdicts: FileVerdict[] = [];
  for (const section of output.split(/^Checking /m).slice(1)) {
    const [file, ...rest] = section.split("\n");
    const body = rest.join("\n").trim();
    if (/^SUCCESS:/.test(body)) {
      verdicts.push({ file, verdict: "ok", message: "" });
      continue;
    }
    const message = body.replace(/^FAILED:\s*/, "").trim();
    verdicts.push({ file, verdict: /^lint error \d+ duplicate rule/.test(message) ? "lint" : "failed", message });
  }
  return verdicts;
}

function monccVerdict(rule: CorpusRule, scrapeInterval: number): MonccVerdict {
  const findings = inspectBareExpression(rule.expr, rule.role, { prometheus: TARGET, scrapeInterval });
  const by = (severity: Severity) => findings.filter((f) => f.severity === severity);
  return { errors: by("error"), warnings: by("warning") };
}

/** Both verdicts on every rule of the corpus, and promtool's verdict on each file as a whole. */
export function compareCorpus(corpusDir: string, promtool: string, workDir: string): CorpusResult {
  const files = ruleFiles(corpusDir);
  const rules = files.flatMap((file) => readRules(corpusDir, file));

  const single = rules.map((rule, index) => {
    const name = `rule-${String(index).padStart(4, "0")}.yml`;
    fs.writeFileSync(path.join(workDir, name), stringify({ groups: [{ name: rule.group, rules: [rule.rule] }] }));
    return name;
  });
  const log = path.join(workDir, "promtool-output.txt");
  const perRule = promtoolCheck(promtool, workDir, single, log);
  const perFile = promtoolCheck(promtool, corpusDir, files, log);

  const names = new Map<string, number>();
  for (const rule of rules) names.set(`${rule.file} › ${rule.name}`, (names.get(`${rule.file} › ${rule.name}`) ?? 0) + 1);
  return {
    files: files.map((file) => perFile.get(file)!),
    rules: rules.map((rule, index) => {
      const base = `${rule.file} › ${rule.name}`;
      const verdict = perRule.get(single[index])!;
      return {
        rule,
        key: names.get(base)! > 1 ? `${base}@${rule.line}` : base,
        promtool: { ok: verdict.verdict !== "failed", message: verdict.message.replaceAll(`${single[index]}: `, "") },
        moncc: monccVerdict(rule, 60),
        moncc15s: monccVerdict(rule, 15),
      };
    }),
  };
}

/** Expressions moncc rejects and promtool accepts. */
export function monccOnlyRejections(result: CorpusResult): RuleResult[] {
  return result.rules.filter((r) => r.promtool.ok && r.moncc.errors.length > 0);
}

/** Expressions promtool rejects and moncc accepts: moncc would be less strict than promtool. */
export function promtoolOnlyRejections(result: CorpusResult): RuleResult[] {
  return result.rules.filter((r) => !r.promtool.ok && r.moncc.errors.length === 0);
}

const shorten = (text: string, max = 110) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** "CODE message", once per distinct message, with a count when it repeats. */
const describeFindings = (findings: readonly BareFinding[]) => {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(`${f.code} ${f.message}`, (counts.get(`${f.code} ${f.message}`) ?? 0) + 1);
  return [...counts].map(([text, n]) => (n > 1 ? `${text} (×${n})` : text)).join("; ");
};

/** The report `npm run corpus` prints; `reasons` explains the reviewed disagreements, by key. */
export function formatReport(result: CorpusResult, reasons: ReadonlyMap<string, string>): string {
  const { rules, files } = result;
  const count = (filter: (r: RuleResult) => boolean) => rules.filter(filter).length;
  const pOk = (r: RuleResult) => r.promtool.ok;
  const mOk = (r: RuleResult) => r.moncc.errors.length === 0;
  const lines: string[] = [];
  lines.push(`PromQL corpus: moncc (target ${TARGET}) against promtool ${TARGET}`);
  lines.push(`files: ${files.length} (promtool on whole files: ${files.filter((f) => f.verdict === "ok").length} ok, ${files.filter((f) => f.verdict === "lint").length} duplicate-rule lint only, ${files.filter((f) => f.verdict === "failed").length} failed)`);
  for (const f of files.filter((f) => f.verdict !== "ok")) lines.push(`  ${f.verdict} ${f.file}: ${shorten(f.message, 200)}`);
  lines.push(`rules: ${rules.length} (${count((r) => r.rule.role === "alert")} alerting, ${count((r) => r.rule.role === "record")} recording), distinct expressions: ${new Set(rules.map((r) => r.rule.expr)).size}`);
  lines.push(`promtool: ${count(pOk)} accepted, ${count((r) => !pOk(r))} rejected`);
  lines.push(`moncc:    ${count(mOk)} accepted, ${count((r) => !mOk(r))} rejected`);
  lines.push("");
  lines.push("                     moncc accepts   moncc rejects");
  lines.push(`promtool accepts   ${String(count((r) => pOk(r) && mOk(r))).padStart(13)}   ${String(count((r) => pOk(r) && !mOk(r))).padStart(13)}`);
  lines.push(`promtool rejects   ${String(count((r) => !pOk(r) && mOk(r))).padStart(13)}   ${String(count((r) => !pOk(r) && !mOk(r))).padStart(13)}`);
  const at15s = rules.filter((r) => r.moncc15s.errors.length > 0);
  lines.push(`moncc at a 15s scrape interval: ${rules.length - at15s.length} accepted, ${at15s.length} rejected (${at15s.map((r) => r.rule.name).join(", ")})`);
  lines.push("");

  const perCode = new Map<string, number>();
  for (const r of rules) for (const code of new Set(r.moncc.warnings.map((w) => w.code))) perCode.set(code, (perCode.get(code) ?? 0) + 1);
  lines.push(`moncc warnings (expressions per code): ${[...perCode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, n]) => `${c} ${n}`).join(", ") || "none"}`);
  for (const r of rules.filter((r) => r.moncc.warnings.length > 0)) {
    lines.push(`  ${r.rule.file}:${r.rule.line} ${r.rule.name}: ${describeFindings(r.moncc.warnings)}`);
  }
  lines.push("");

  const disagreements = rules.filter((r) => pOk(r) !== mOk(r));
  lines.push(`disagreements: ${disagreements.length}`);
  for (const r of disagreements) {
    lines.push(`- ${r.rule.file}:${r.rule.line} ${r.rule.role} ${r.rule.name}`);
    lines.push(`    expr:     ${shorten(r.rule.expr)}`);
    lines.push(`    promtool: ${r.promtool.ok ? "accepts" : shorten(r.promtool.message, 200)}`);
    lines.push(`    moncc:    ${r.moncc.errors.length > 0 ? shorten(describeFindings(r.moncc.errors), 200) : "accepts"}`);
    lines.push(`    why:      ${reasons.get(r.key) ?? "NOT REVIEWED"}`);
  }
  const rejectedByBoth = rules.filter((r) => !pOk(r) && !mOk(r));
  if (rejectedByBoth.length > 0) {
    lines.push("");
    lines.push(`rejected by both: ${rejectedByBoth.length}`);
    for (const r of rejectedByBoth) {
      lines.push(`- ${r.rule.file}:${r.rule.line} ${r.rule.name}: promtool: ${shorten(r.promtool.message, 120)} | moncc: ${shorten(describeFindings(r.moncc.errors), 120)}`);
    }
  }
  return lines.join("\n");
}
