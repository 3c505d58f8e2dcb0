// Sloth's published examples against Sloth's own output: moncc's rules for every in/X.yml must be
// semantically equal to out/X.yml (see sloth-compare.ts for what "semantically" means and which
// differences are documented and ignored). The corpus lives outside the repository.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { readTree, tempDir } from "../helpers.js";
import { runTool } from "../tools/tools.js";
import { compareRuleFiles } from "./sloth-compare.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const CORPUS = path.resolve(REPO, "..", "shared", "corpus", "sloth");

function pairs(): string[] {
  if (!fs.existsSync(path.join(CORPUS, "in")) || !fs.existsSync(path.join(CORPUS, "out"))) {
    throw new Error(`the Sloth corpus is missing: expected ${CORPUS}/in and ${CORPUS}/out (Sloth examples and Sloth's generated output)`);
  }
  return fs.readdirSync(path.join(CORPUS, "in")).filter((f) => /\.ya?ml$/.test(f)).sort();
}

async function buildSpec(spec: string): Promise<{ texts: string[]; files: string[] }> {
  const out = path.join(tempDir("moncc-sloth-"), "out");
  const err: string[] = [];
  const code = await main(["build", spec, "--out", out, "--extra-label", "cmd=examplesgen.sh"], { out: () => {}, err: (t) => err.push(t), color: false, cwd: REPO });
  if (code !== 0) throw new Error(`moncc build ${spec} failed:\n${err.join("\n")}`);
  const tree = readTree(out);
  const files = Object.keys(tree).filter((f) => f.startsWith("prometheus/rules/")).sort();
  return { texts: files.map((f) => tree[f]), files: files.map((f) => path.join(out, f)) };
}

describe("Sloth corpus: moncc's rules are semantically equal to Sloth's and pass promtool", () => {
  it("finds the corpus", () => {
    expect(pairs().length).toBeGreaterThan(0);
  });

  it("every pair matches", async () => {
    const results: { name: string; problems: string[] }[] = [];
    for (const name of pairs()) {
      const expected = fs.readFileSync(path.join(CORPUS, "out", name), "utf8");
      const actual = await buildSpec(path.join(CORPUS, "in", name));
      const problems = compareRuleFiles(actual.texts, [expected]);
      for (const file of actual.files) {
        const lint = runTool("promtool", ["check", "rules", "--lint-fatal", file]);
        if (lint.status !== 0) problems.push(`promtool check rules ${path.basename(file)}: ${lint.output}`);
      }
      results.push({ name, problems });
    }
    const passed = results.filter((r) => r.problems.length === 0).length;
    console.log(`Sloth corpus: ${passed}/${results.length} pairs semantically equal`);
    expect(results.filter((r) => r.problems.length > 0)).toEqual([]);
  });
});
