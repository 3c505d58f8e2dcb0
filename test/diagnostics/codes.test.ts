// The codes outside the check registry, as SARIF lists them, agree with their doc pages and the index.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NON_CHECK_RULES } from "../../src/diagnostics/codes.js";
import { CHECKS } from "../../src/validate/registry.js";

const docs = path.join(import.meta.dirname, "../../docs/checks");
const index = fs.readFileSync(path.join(docs, "README.md"), "utf8");

describe("load, import and internal codes", () => {
  it("each has a page titled with its code and name and a row in the index with its severity", () => {
    for (const rule of NON_CHECK_RULES) {
      const page = fs.readFileSync(path.join(docs, `${rule.code}.md`), "utf8");
      expect(page.split("\n")[0]).toBe(`# ${rule.code} ${rule.name}`);
      expect(page).toContain(`**Severity:** ${rule.severity}`);
      expect(index).toMatch(new RegExp(`\\| \\[${rule.code}\\]\\(${rule.code}\\.md\\) \\| ${rule.name} \\| ${rule.severity} \\|`));
    }
  });

  it("none is also a registered check", () => {
    const registered = new Set(CHECKS.map((c) => c.code));
    expect(NON_CHECK_RULES.filter((r) => registered.has(r.code))).toEqual([]);
  });
});
