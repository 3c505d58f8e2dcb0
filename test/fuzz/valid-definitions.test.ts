// Random valid projects (./projects.ts) always build: no error diagnostics, output files, and every
// hostile string (quotes, backslashes, newlines, `{{`, `}}`, `$`, unicode) reaches the output
// unchanged, read back the way Prometheus and Alertmanager read it. A sample also goes through the
// real promtool and amtool.

import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { CompileOptions, CompileResult } from "../../src/pipeline.js";
import { projectRaw, renderProject, type Expectations } from "./projects.js";
import {
  alertmanagerMatcher, BIG_RUN, budget, checkWithTools, compileSource, parseOutput, promqlMatchers, regexMatches, replay, runs,
  stringValues, Tally,
} from "./support.js";

const CASES = runs(100);
const TOOL_CASES = BIG_RUN ? Math.max(5, Math.ceil(CASES / 20)) : 5;
const tally = new Tally();

/** The error diagnostics of `result` as text. */
function errorsOf(result: CompileResult): string[] {
  return result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.span?.line ?? "?"}: ${d.message}`);
}

afterAll(() => tally.print(`valid definitions: ${CASES} projects, ${TOOL_CASES} through promtool and amtool`));

/** What was lost or changed on the way from the definitions to the output. */
function lostValues(result: CompileResult, want: Expectations): string[] {
  const parsed = parseOutput(result.files!);
  const strings = new Set([...parsed.values()].flatMap((content) => stringValues(content)));
  const problems: string[] = [];
  for (const value of want.yamlValues) if (!strings.has(value)) problems.push(`value ${JSON.stringify(value)} is not in the output`);

  const exprs = [...parsed.entries()]
    .filter(([file]) => file.startsWith("prometheus/rules/"))
    .flatMap(([, content]) => (content as { groups: { rules: { expr: string }[] }[] }).groups.flatMap((g) => g.rules.map((r) => r.expr)));
  const selectors = exprs.flatMap(promqlMatchers);
  for (const { label, value } of want.promqlEquals) {
    if (!selectors.some((m) => m.label === label && (m.op === "=" || m.op === "!=") && m.value === value)) {
      problems.push(`no PromQL matcher selects ${label}=${JSON.stringify(value)}`);
    }
  }
  for (const { label, values } of want.promqlIn) {
    if (!selectors.some((m) => m.label === label && m.op === "=~" && values.every((v) => regexMatches(m.value, v)) && !regexMatches(m.value, "\u0001decoy"))) {
      problems.push(`no PromQL regex matcher on ${label} matches exactly ${JSON.stringify(values)}`);
    }
  }

  const routeMatchers: string[] = [];
  const walk = (route: { matchers?: string[]; routes?: unknown[] }) => {
    routeMatchers.push(...(route.matchers ?? []));
    for (const child of route.routes ?? []) walk(child as typeof route);
  };
  walk((parsed.get("alertmanager/alertmanager.yml") as { route: { routes?: unknown[] } }).route);
  const decoded = routeMatchers.map(alertmanagerMatcher);
  for (const { label, values } of want.routeMatches) {
    const found = decoded.some((m) => m && m.label === label &&
      ((m.op === "=" && values.length === 1 && m.value === values[0]) || (m.op === "=~" && values.every((v) => regexMatches(m.value, v)))));
    if (!found) problems.push(`no Alertmanager route matcher matches ${label} ${JSON.stringify(values)} (as Alertmanager parses it)`);
  }
  return problems;
}

/** Runs `check` on the compiled project and puts the source into any failure, for reproducing it. */
async function withSource(source: string, check: (result: CompileResult) => void, options: CompileOptions = {}): Promise<void> {
  await compileSource(source, (result) => {
    try {
      check(result);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- moncc.config.ts ---\n${source}`);
    }
  }, options);
}

describe("valid definitions (fuzz)", () => {
  it("build without errors, and every string value survives", async () => {
    await fc.assert(fc.asyncProperty(projectRaw, async (raw) => {
      const { source, expect: want } = renderProject(raw);
      await withSource(source, (result) => {
        expect(errorsOf(result).join("\n")).toBe("");
        for (const warning of result.diagnostics.filter((d) => d.severity === "warning")) tally.add(`warning ${warning.code}`);
        expect(result.files?.length ?? 0).toBeGreaterThan(0);
        expect(lostValues(result, want).join("\n")).toBe("");
        tally.add("projects");
        tally.add("checked values", want.yamlValues.length + want.promqlEquals.length + want.promqlIn.length + want.routeMatches.length);
      });
    }), { numRuns: CASES, ...replay });
  }, budget(CASES));

  it("type-check against moncc's types, and pass promtool check rules --lint-fatal and amtool check-config", async () => {
    await fc.assert(fc.asyncProperty(projectRaw, async (raw) => {
      const { source } = renderProject(raw);
      await withSource(source, (result) => {
        // MON005 (a type error) would mean the generator writes code no user could write.
        expect(errorsOf(result).join("\n")).toBe("");
        const { checked, failures } = checkWithTools(result.files!);
        expect(failures.join("\n")).toBe("");
        tally.add("tool validations", checked);
      }, { typecheck: true });
    }), { numRuns: TOOL_CASES, ...replay });
  }, budget(TOOL_CASES, 10_000));

  const base = () => fs.readFileSync(path.join(import.meta.dirname, "..", "fixtures", "good", "base.ts"), "utf8");

  it("fixed false positive: MON213 read literal $labels.x text outside {{ }}", async () => {
    const source = base().replace('summary: "API error rate is high",', 'summary: "API error rate is high", description: "costs $labels.x, literally",');
    await compileSource(source, (result) => expect(result.diagnostics.filter((d) => d.code === "MON213")).toEqual([]));
  });

  it("fixed false positive: MON205 read the escaped backslash of a listed value as a backreference", async () => {
    const source = base().replace('requests.where({ code: "5xx" })', 'requests.where({ code: ["\\\\1"] })');
    await compileSource(source, (result) => expect(result.diagnostics.filter((d) => d.code === "MON205")).toEqual([]));
  });
});
