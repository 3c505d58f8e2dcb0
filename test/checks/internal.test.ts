// MON900: a check that throws is a moncc bug; runChecks turns it into a diagnostic instead of crashing.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Check, CheckContext } from "../../src/validate/check.js";
import { CHECKS, runChecks } from "../../src/validate/registry.js";
import { baseProject, compileFiles } from "../helpers.js";

describe("MON900 internal error", () => {
  it("reports a throwing check as MON900 and still runs the others", async () => {
    const result = await compileFiles({ "moncc.config.ts": baseProject() }, { validateOnly: true });
    const context = { model: result.model!, routes: undefined, sources: new Map() } as unknown as CheckContext;
    const broken: Check = {
      code: "MON999", name: "test/broken", severity: "warning", summary: "always throws",
      run: () => { throw new Error("boom"); },
    };
    const fine: Check = {
      code: "MON998", name: "test/fine", severity: "warning", summary: "always reports",
      run: () => [{ code: "MON998", severity: "warning", message: "ran", span: undefined, hint: undefined }],
    };
    const diagnostics = runChecks(context, [broken, fine]);
    expect(diagnostics.map((d) => d.code)).toEqual(["MON900", "MON998"]);
    expect(diagnostics[0].severity).toBe("error");
    expect(diagnostics[0].span).toBeUndefined();
    expect(diagnostics[0].message).toBe("internal error in check MON999 (test/broken): boom");
  });

  it("every registered check has a unique code and a family/name", () => {
    const codes = CHECKS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const check of CHECKS) {
      expect(check.code).toMatch(/^MON\d{3}$/);
      expect(check.name).toMatch(/^[a-z]+\/[a-z-]+$/);
    }
  });
});

describe("docs/checks", () => {
  const docs = path.join(import.meta.dirname, "../../docs/checks");
  const index = fs.readFileSync(path.join(docs, "README.md"), "utf8");

  it("has a page titled with the code and name of every registered check, listed in the index", () => {
    for (const check of CHECKS) {
      const page = fs.readFileSync(path.join(docs, `${check.code}.md`), "utf8");
      expect(page.split("\n")[0]).toMatch(new RegExp(`^# ${check.code} ${check.name}$`));
      expect(page).toContain(`**Severity:** ${check.severity}`);
      expect(index).toContain(`| [${check.code}](${check.code}.md)`);
      expect(index).toMatch(new RegExp(`\\| ${check.name} \\| ${check.severity} \\|`));
    }
  });

  it("has a page for the load and internal codes", () => {
    for (const code of ["MON001", "MON002", "MON003", "MON900"]) {
      expect(fs.readFileSync(path.join(docs, `${code}.md`), "utf8")).toMatch(new RegExp(`^# ${code} `));
      expect(index).toContain(`| [${code}](${code}.md)`);
    }
  });
});
