// The bad-input catalogue (../shared/docs/bad-inputs.md) as fixtures. Each file in
// test/fixtures/bad is a whole moncc.config.ts (or a Sloth/OpenSLO .yml spec); a trailing
// `// expect MON123` (`# expect MON123` in YAML) marks the line a diagnostic must point at, and a
// header line `// expect-anywhere MON123` one without a position. The diagnostics must be exactly
// the marked ones: a missing finding or an unexpected one fails. Files in test/fixtures/good must
// compile without any diagnostic, type errors included.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/pipeline.js";
import { writeProject } from "../helpers.js";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");
const MARK = /(?:\/\/|#)\s*expect\s+((?:MON\d{3}\s*)+)$/;
const ANYWHERE = /^(?:\/\/|#)\s*expect-anywhere\s+((?:MON\d{3}\s*)+)$/;

function expectations(text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, index) => {
    const anywhere = ANYWHERE.exec(line.trim());
    if (anywhere) {
      for (const code of anywhere[1].trim().split(/\s+/)) found.push(`${code} anywhere`);
      return;
    }
    const mark = MARK.exec(line.trimEnd());
    if (mark) for (const code of mark[1].trim().split(/\s+/)) found.push(`${code} line ${index + 1}`);
  });
  return found.sort();
}

async function compileFixture(file: string, options: { typecheck?: boolean } = {}) {
  const text = fs.readFileSync(file, "utf8");
  if (file.endsWith(".ts")) {
    const dir = writeProject({ "moncc.config.ts": text });
    return { text, result: await compile(dir, options) };
  }
  const dir = writeProject({ [path.basename(file)]: text });
  return { text, result: await compile(path.join(dir, path.basename(file))) };
}

function list(folder: string): string[] {
  const dir = path.join(FIXTURES, folder);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.(ts|ya?ml)$/.test(f)).sort() : [];
}

describe("bad-input catalogue", () => {
  const files = list("bad");
  it("has at least 60 fixtures", () => expect(files.length).toBeGreaterThanOrEqual(60));
  for (const name of files) {
    it(name, async () => {
      const file = path.join(FIXTURES, "bad", name);
      const { text, result } = await compileFixture(file);
      const expected = expectations(text);
      expect(expected.length, "a bad fixture must mark at least one expected diagnostic").toBeGreaterThan(0);
      const anywhere = new Set(expected.filter((e) => e.endsWith(" anywhere")).map((e) => e.split(" ")[0]));
      const actual = result.diagnostics
        .map((d) => (anywhere.has(d.code) ? `${d.code} anywhere` : `${d.code} line ${d.span?.line ?? "?"}`))
        .sort();
      const shown = result.diagnostics.map((d) => `${d.code} ${d.span?.line ?? "?"}:${d.span?.column ?? "?"} ${d.message}`).join("\n");
      expect([...new Set(actual)], shown).toEqual([...new Set(expected)]);
      for (const d of result.diagnostics) expect(d.hint, `${d.code} needs a hint`).toBeTruthy();
    });
  }
});

describe("good fixtures", () => {
  for (const name of list("good")) {
    it(name, async () => {
      // Good fixtures also pass the type checker: they are what a user may copy.
      const { result } = await compileFixture(path.join(FIXTURES, "good", name), { typecheck: true });
      expect(result.diagnostics.map((d) => `${d.code} ${d.span?.line}: ${d.message}`)).toEqual([]);
      expect(result.files?.length).toBeGreaterThan(0);
    });
  }
});
