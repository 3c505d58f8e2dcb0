// Corrupted definitions (./corruptions.ts applied to the base fixture or to random valid projects)
// never crash moncc: compile() returns in time, every diagnostic is well-formed (MONnnn code,
// message, hint, a span inside the project), none is MON900 (an internal error), and what moncc
// accepts is valid output. In a big run (`npm run fuzz`) the test keeps going past a bug, prints
// every distinct one with its smallest input, and fails at the end.

import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { CompileResult } from "../../src/pipeline.js";
import { applyCorruption, corruption, type Corruption } from "./corruptions.js";
import { projectRaw, renderProject } from "./projects.js";
import { BIG_RUN, budget, checkWithTools, compileSource, diagnosticProblems, parseOutput, replay, runs, Tally, withTimeout } from "./support.js";

const CASES = runs(250);
/** Accepted corrupted projects whose output also goes through promtool and amtool. */
const TOOL_CASES = BIG_RUN ? 100 : 3;
const CASE_TIMEOUT = 20_000;
const BASE = fs.readFileSync(path.join(import.meta.dirname, "..", "fixtures", "good", "base.ts"), "utf8");

const tally = new Tally();
/** Distinct bugs of a big run: signature → smallest source that shows it. */
const bugs = new Map<string, { problem: string; source: string; corruptions: readonly Corruption[] }>();

afterAll(() => {
  tally.print(`corrupted definitions: ${CASES} cases`);
  if (BIG_RUN && bugs.size > 0) {
    process.stdout.write(`\n${bugs.size} distinct bugs:\n`);
    for (const [signature, bug] of bugs) {
      process.stdout.write(`\n=== ${signature}\n${bug.problem}\ncorruptions: ${JSON.stringify(bug.corruptions)}\n--- moncc.config.ts ---\n${bug.source}\n`);
    }
  }
});

/** What is wrong with how moncc handled one corrupted project (empty: nothing). */
function problemsOf(result: CompileResult, root: string, toolCheck: boolean): string[] {
  const problems: string[] = [];
  for (const d of result.diagnostics) {
    if (d.code === "MON900") problems.push(`MON900 ${d.message}`);
    for (const p of diagnosticProblems(d, root)) problems.push(`${d.code} (${d.message}): ${p}`);
  }
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) {
    if (!result.files || result.files.length === 0) problems.push("no error diagnostics, but no output either");
    else {
      try {
        parseOutput(result.files);
      } catch (error) {
        problems.push(`accepted, but the output does not parse: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (toolCheck) {
        try {
          const { checked, failures } = checkWithTools(result.files);
          tally.add("tool validations of accepted corrupted output", checked);
          for (const f of failures) problems.push(`accepted, but the real tool rejects the output: ${f}`);
        } catch (error) {
          problems.push(`accepted, but writing the output fails: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
  return problems;
}

/** A bug's kind without the details that vary between inputs, to group reports. */
function signature(problem: string): string {
  return problem
    .replace(/\/tmp\/moncc-fuzz-out-[^/]+\//g, "")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/[\w.-]*\d[\w.-]*/g, "N")
    .slice(0, 140);
}

const source = fc.oneof(
  { weight: 1, arbitrary: fc.constant(BASE) },
  { weight: 3, arbitrary: projectRaw.map((raw) => renderProject(raw).source) },
);

describe("corrupted definitions (fuzz)", () => {
  let failing = false;
  let toolChecks = 0;

  it("never crash moncc, and give well-formed diagnostics or valid output", async () => {
    await fc.assert(fc.asyncProperty(source, fc.array(corruption, { minLength: 1, maxLength: 3 }), async (original, corruptions) => {
      const corrupted = corruptions.reduce(applyCorruption, original);
      let problems: string[];
      let outcome: string[] = [];
      try {
        problems = await withTimeout(compileSource(corrupted, (result, dir) => {
          const accepted = !result.diagnostics.some((d) => d.severity === "error");
          const toolCheck = accepted && corrupted !== original && toolChecks < TOOL_CASES;
          if (toolCheck) toolChecks++;
          outcome = accepted
            ? [corrupted === original ? "outcome: unchanged source" : "outcome: accepted (harmless corruption)"]
            : ["outcome: rejected with diagnostics", ...new Set(result.diagnostics.map((d) => `code ${d.code}`))];
          return problemsOf(result, dir, toolCheck);
        }), CASE_TIMEOUT, "compile()");
      } catch (error) {
        problems = [`compile() threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`];
      }
      if (!failing) {
        tally.add("cases");
        for (const o of outcome) tally.add(o);
        for (const c of new Set(corruptions.map((x) => x.kind))) tally.add(`corruption ${c}`);
        if (problems.some((p) => p.startsWith("MON900"))) tally.add("outcome: MON900 (internal error)");
      }
      if (problems.length === 0) return;
      if (BIG_RUN) {
        for (const problem of problems) {
          const key = signature(problem);
          const known = bugs.get(key);
          if (!known || corrupted.length < known.source.length) bugs.set(key, { problem, source: corrupted, corruptions });
        }
        return;
      }
      failing = true;
      expect.fail(`${problems.join("\n")}\n--- moncc.config.ts ---\n${corrupted}`);
    }), { numRuns: CASES, timeout: CASE_TIMEOUT + 5_000, ...replay });
    expect([...bugs.keys()]).toEqual([]);
  }, budget(CASES, 1_000));
});

/** The smallest inputs of the bugs fuzzing found, all fixed: regression cases. */
describe("bugs found by fuzzing", () => {
  const base = (from: string, to: string) => {
    if (!BASE.includes(from)) throw new Error(`the base fixture no longer contains ${JSON.stringify(from)}`);
    return BASE.replace(from, to);
  };
  const problems = (source: string, toolCheck = false) => compileSource(source, (result, dir) => problemsOf(result, dir, toolCheck));
  const rejected = (source: string) => compileSource(source, (result) => result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code));

  it("fixed: MON001 column counts UTF-8 bytes: a syntax error after non-ASCII text is placed past the end of the line", async () => {
    expect(await problems(base('summary: "API error rate is high",', 'summary: "ünïcødé ünïcødé ünïcødé" "x",'))).toEqual([]);
  });

  it("fixed: PromQL newer than the 2.x target accepted: a numeric range or quantile reaches promtool 2.42, which rejects it", async () => {
    expect(await rejected(base('errorRatio(requests.where({ code: "5xx" }), requests, "5m")', 'errorRatio(requests.where({ code: "5xx" }), requests, 300 as any)'))).not.toEqual([]);
  });

  it("fixed: SLO label names not checked: an SLO label \"bad label\" reaches the rule file, which promtool rejects", async () => {
    expect(await rejected(base('objective: "99%",', 'objective: "99%", labels: { "bad label": "x" },'))).toContain("MON104");
  });

  it("fixed: label name over 1024 characters breaks YAML: the rule file does not parse", async () => {
    expect(await problems(base('summary: "API error rate is high",', 'summary: "API error rate is high", labels: { ["x".repeat(2000)]: "v" },'))).toEqual([]);
  });

  it("fixed: receiver option values not checked: a malformed smarthost passes moncc and fails amtool", async () => {
    const source = base('page: pagerduty({ routingKeyFile: "/etc/am/pd" }),', 'page: pagerduty({ routingKeyFile: "/etc/am/pd" }),\n    mail: email({ to: "a@example.com", from: "b@example.com", smarthost: "smtp.example.com:5[87" }),')
      .replace('P3: { notify: ["chat"]', 'P3: { notify: ["chat", "mail"]')
      .replace("pagerduty, project", "email, pagerduty, project");
    expect(await rejected(source)).toEqual(["MON319"]);
  });

  it("fixed: annotation names not checked: an annotation named {{x}} reaches the rule file, which promtool rejects", async () => {
    expect(await rejected(base('summary: "API error rate is high",', 'summary: "API error rate is high", annotations: { "{{x}}": "v" },'))).not.toEqual([]);
  });

  it("fixed: durations beyond Go's range accepted: for 999999999999y passes moncc, promtool says out of range", async () => {
    expect(await rejected(base('P1: "> 5% for 5m",', 'P1: "> 5% for 999999999999y",'))).toContain("MON114");
  });

  it("fixed: BigInt or Symbol option gives MON900: a bigint where a string belongs is an internal error, not MON004", async () => {
    expect(await rejected(base('routingKeyFile: "/etc/am/pd"', "routingKeyFile: 10n as any"))).toEqual(["MON004"]);
  });

  it("fixed: BigInt or Symbol option gives MON900: a symbol where a string belongs is an internal error, not MON004", async () => {
    expect(await rejected(base('routingKeyFile: "/etc/am/pd"', 'routingKeyFile: Symbol("s") as any'))).toEqual(["MON004"]);
  });

  it("fixed: aggregation without an argument gives MON900: promql`sum()` crashes every PromQL check instead of a MON201", async () => {
    const source = base('query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),', "query: promql`sum()`,")
      .replace('P1: "> 5% for 5m"', 'P1: "> 5 for 5m"').replace('P2: "> 1% for 10m"', 'P2: "> 1 for 10m"').replace("import { alert,", "import { promql, alert,");
    expect(await problems(source)).toEqual([]);
  });

  it("fixed: name too long for a file name accepted: a 300-character service name passes, and writing its rule file fails", async () => {
    expect(await rejected(base('service("api"', 'service("x".repeat(300)'))).not.toEqual([]);
  });

  it("fixed: throwing option value gives MON900: a value whose properties throw is an internal error, not MON004", async () => {
    expect(await rejected(base('routingKeyFile: "/etc/am/pd"', 'routingKeyFile: new Proxy({}, { get() { throw new Error("trap"); } }) as any'))).toEqual(["MON004"]);
  });
});
