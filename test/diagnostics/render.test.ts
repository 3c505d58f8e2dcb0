// The renderers on their own: pretty (underline, color, --debug stacks), GitHub escaping, SARIF shape.

import { describe, expect, it } from "vitest";
import { colorEnabled } from "../../src/diagnostics/color.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { escapeGithubData, escapeGithubProperty, renderGithub } from "../../src/diagnostics/render-github.js";
import { renderJson } from "../../src/diagnostics/render-json.js";
import { renderPretty, tokenEnd } from "../../src/diagnostics/render-pretty.js";
import { CHECK_DOCS_BASE_URI, renderSarif } from "../../src/diagnostics/render-sarif.js";

const root = "/projects/shop/monitoring";
const SOURCE = 'const api = service("api", {\n  alerts: [alert.threshold("bad_name", { query: q })],\n});\n';
const sources = { get: (file: string) => (file === "moncc.config.ts" ? SOURCE : undefined) };

const error: Diagnostic = {
  code: "MON105", severity: "error", message: 'alert "bad_name" is not CamelCase',
  span: { file: "moncc.config.ts", line: 2, column: 28 }, hint: "rename it, e.g. BadName", subject: "alert api/bad_name",
};
const warning: Diagnostic = { code: "MON302", severity: "warning", message: "receiver never notified", span: undefined, hint: undefined };

describe("pretty", () => {
  it("prints file:line:col, severity, code, message, a code frame underlining the token and the hint", () => {
    const text = renderPretty([error], { root, cwd: root, sources, color: false });
    expect(text.split("\n")).toEqual([
      'moncc.config.ts:2:28 error MON105 alert "bad_name" is not CamelCase',
      '  1 | const api = service("api", {',
      '> 2 |   alerts: [alert.threshold("bad_name", { query: q })],',
      "    |                            ^^^^^^^^^^",
      "  3 | });",
      "  4 |",
      "  hint: rename it, e.g. BadName",
    ]);
  });

  it("shows paths relative to the working directory and colors only when asked", () => {
    const plain = renderPretty([error], { root, cwd: "/projects/shop", sources, color: false });
    expect(plain).toMatch(/^monitoring\/moncc\.config\.ts:2:28 /);
    expect(plain).not.toContain("\u001b[");
    expect(renderPretty([error], { root, cwd: root, sources, color: true })).toContain("\u001b[");
  });

  it("prints an internal error's stack only with --debug", () => {
    const crash: Diagnostic = { ...error, code: "MON900", stack: "Error: boom\n    at generate (rules.ts:1:1)" };
    expect(renderPretty([crash], { root, cwd: root, sources, color: false })).not.toContain("at generate");
    expect(renderPretty([crash], { root, cwd: root, sources, color: false, debug: true })).toContain("at generate (rules.ts:1:1)");
  });

  it("underlines a string literal, a dotted name, or one character", () => {
    const line = 'x = alert.threshold("a\\"b", 5m) + 1';
    expect(line.slice(4, tokenEnd(line, 5) - 1)).toBe("alert.threshold");
    expect(line.slice(20, tokenEnd(line, 21) - 1)).toBe('"a\\"b"');
    expect(line.slice(32, tokenEnd(line, 33) - 1)).toBe("+");
    expect(tokenEnd(line, 100)).toBe(101);
  });
});

describe("color", () => {
  it("follows NO_COLOR, then FORCE_COLOR, then whether stderr is a terminal", () => {
    expect(colorEnabled({}, true)).toBe(true);
    expect(colorEnabled({}, false)).toBe(false);
    expect(colorEnabled({ NO_COLOR: "1" }, true)).toBe(false);
    expect(colorEnabled({ NO_COLOR: "1", FORCE_COLOR: "1" }, true)).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: "1" }, false)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: "0" }, true)).toBe(false);
    expect(colorEnabled({ NO_COLOR: "" }, true)).toBe(true);
  });
});

describe("json", () => {
  it("gives null for a missing position, hint or subject", () => {
    const parsed = JSON.parse(renderJson([error, warning], { root, cwd: root }));
    expect(parsed.diagnostics[1]).toEqual({ code: "MON302", severity: "warning", message: "receiver never notified", file: null, line: null, column: null, hint: null, subject: null });
    expect(parsed.diagnostics[0]).toMatchObject({ file: "moncc.config.ts", line: 2, column: 28, subject: "alert api/bad_name" });
  });
});

describe("github", () => {
  it("escapes %, CR and LF in the message, and also : and , in properties", () => {
    expect(escapeGithubData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeGithubProperty("dir,x/a:b%.ts")).toBe("dir%2Cx/a%3Ab%25.ts");
  });

  it("writes one workflow command per diagnostic, with the hint on a second line", () => {
    const odd: Diagnostic = { ...error, span: { file: "a,b:c.ts", line: 3, column: 4 }, message: "50% of it\nbroken" };
    expect(renderGithub([error, warning, odd], { root, cwd: root }).split("\n")).toEqual([
      '::error file=moncc.config.ts,line=2,col=28,title=MON105::alert "bad_name" is not CamelCase%0Arename it, e.g. BadName',
      "::warning title=MON302::receiver never notified",
      "::error file=a%2Cb%3Ac.ts,line=3,col=4,title=MON105::50%25 of it%0Abroken%0Arename it, e.g. BadName",
    ]);
  });
});

describe("sarif", () => {
  const rules = [
    { code: "MON302", name: "alertmanager/unused-receiver", severity: "warning" as const, summary: "a receiver nothing routes to" },
    { code: "MON105", name: "definitions/invalid-alert-name", severity: "error" as const, summary: "an alert name outside the CamelCase policy" },
  ];

  it("is SARIF 2.1.0 from moncc, with every rule sorted and a results entry per diagnostic", () => {
    const sarif = JSON.parse(renderSarif([error, warning], { root, cwd: "/projects/shop", rules }));
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe("moncc");
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["MON105", "MON302"]);
    expect(run.tool.driver.rules[1]).toEqual({
      id: "MON302", name: "alertmanager/unused-receiver", shortDescription: { text: "a receiver nothing routes to" },
      helpUri: `${CHECK_DOCS_BASE_URI}MON302.md`, defaultConfiguration: { level: "warning" },
    });
    expect(run.results[0]).toEqual({
      ruleId: "MON105", ruleIndex: 0, level: "error",
      message: { text: 'alert "bad_name" is not CamelCase\nrename it, e.g. BadName' },
      locations: [{ physicalLocation: {
        artifactLocation: { uri: "monitoring/moncc.config.ts", uriBaseId: "%SRCROOT%" },
        region: { startLine: 2, startColumn: 28 },
      } }],
    });
    expect(run.results[1]).toEqual({ ruleId: "MON302", ruleIndex: 1, level: "warning", message: { text: "receiver never notified" } });
  });

  it("adds a rule for a code it has no descriptor for, so every ruleIndex resolves", () => {
    const run = JSON.parse(renderSarif([{ ...warning, code: "MON999" }], { root, cwd: root, rules })).runs[0];
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe("MON999");
  });
});
